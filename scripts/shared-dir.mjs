// Where the team's read-only material (news corpus, W3C conformance data, datasets) lives.
// CI runs on a fresh clone whose location we do not control, so a path relative to the
// repository alone is not enough: FACTMARK_SHARED wins, then a `shared/` beside the clone,
// then the machine-wide copy at /work/shared.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function locate() {
  const candidates = [process.env.FACTMARK_SHARED, resolve(REPO_ROOT, '../shared'), '/work/shared'];
  for (const dir of candidates) if (dir && existsSync(join(dir, 'corpus'))) return dir;
  return resolve(REPO_ROOT, '../shared');
}

export const SHARED_DIR = locate();

/** A path inside the shared material, e.g. sharedPath('corpus', 'news', 'bbc-1.html'). */
export function sharedPath(...parts) {
  return join(SHARED_DIR, ...parts);
}
