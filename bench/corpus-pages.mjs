// The pages the browser benchmarks load: every saved news page of the shared corpus and the seed
// article, by file name. BENCH_PAGES=wikipedia-2,seed keeps the pages whose name contains one of
// those words (a quick run).
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sharedPath } from '../scripts/shared-dir.mjs';

const CORPUS = sharedPath('corpus', 'news');
const SEED = fileURLToPath(new URL('../tests/fixtures/pages/seed-article.html', import.meta.url));
const ONLY = (process.env.BENCH_PAGES ?? '').split(',').filter(Boolean);

/** [file name, path] of each page, corpus pages sorted by name, then the seed article. */
export const PAGES = [
  ...readdirSync(CORPUS)
    .filter((f) => f.endsWith('.html'))
    .sort()
    .map((f) => [f, join(CORPUS, f)]),
  ['seed-article.html', SEED],
].filter(([name]) => ONLY.length === 0 || ONLY.some((o) => name.includes(o)));

/** Whether BENCH_PAGES chose only some pages. */
export const PARTIAL = ONLY.length > 0;
