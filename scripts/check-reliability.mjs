// `npm run check:reliability`: builds the extension, runs the suites that prove Factmark's
// reliability and security guarantees (long variants on: FACTMARK_LONG=1), and prints one line
// per guarantee with what was tried and whether it held. Tests record their figures with
// recordFigure() (tests/support/reliability.ts) into the file named by FACTMARK_RELIABILITY_OUT.
// Exits non-zero when a guarantee failed, a suite failed, or a suite recorded nothing.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The reliability suites, in the order they run. Files not written yet are reported and skipped. */
const SUITES = [
  'tests/unit/fuzz-handlers.test.ts',
  'tests/unit/fuzz-importers.test.ts',
  'tests/unit/message-sender.test.ts',
  'tests/unit/extension-lint.test.ts',
  'tests/unit/db-upgrade.test.ts',
  'tests/unit/db-quota.test.ts',
  'tests/e2e/service-worker.test.ts',
  'tests/e2e/two-windows.test.ts',
  'tests/e2e/storage-full.test.ts',
  'tests/e2e/hostile-pages.test.ts',
  'tests/e2e/heavy-pages.test.ts',
  'tests/e2e/live-pages.test.ts',
];

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'factmark-reliability-'));
const out = join(dir, 'figures.jsonl');

function run(command, args, env = {}) {
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status ?? 1;
}

// FACTMARK_RELIABILITY_SUITES=a.test.ts,b.test.ts runs only those (while working on one suite).
const chosen = process.env.FACTMARK_RELIABILITY_SUITES?.split(',').filter(Boolean) ?? SUITES;
const present = chosen.filter((file) => existsSync(join(ROOT, file)));
const missing = chosen.filter((file) => !present.includes(file));

console.log('check:reliability — building the extension');
if (run(process.execPath, ['build.mjs']) !== 0) {
  console.error('check:reliability: the build failed');
  process.exit(1);
}

// One vitest run per suite: a suite that fails or crashes is named, and the others still run.
const suiteResults = [];
for (const file of present) {
  const project = file.startsWith('tests/e2e/') ? 'e2e' : 'unit';
  console.log(`\ncheck:reliability — ${file}`);
  const before = existsSync(out) ? readFileSync(out, 'utf8').split('\n').filter(Boolean).length : 0;
  const status = run(
    process.execPath,
    [join(ROOT, 'node_modules/vitest/vitest.mjs'), 'run', '--project', project, file],
    { FACTMARK_RELIABILITY_OUT: out, FACTMARK_LONG: '1' },
  );
  const after = existsSync(out) ? readFileSync(out, 'utf8').split('\n').filter(Boolean).length : 0;
  suiteResults.push({ file, passed: status === 0, figures: after - before });
}

const figures = existsSync(out)
  ? readFileSync(out, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line))
  : [];
rmSync(dir, { recursive: true, force: true });

console.log('\nFactmark reliability');
for (const { guarantee, figure, held } of figures) {
  console.log(`${held ? 'held  ' : 'FAILED'}  ${guarantee}: ${figure}`);
}
for (const { file, passed, figures: count } of suiteResults) {
  if (!passed) console.log(`FAILED  suite ${file} failed (see its output above)`);
  else if (count === 0) console.log(`FAILED  suite ${file} passed but recorded no figure`);
}
for (const file of missing) console.log(`skipped  ${file} (not in the tree)`);

const failed =
  figures.filter((entry) => !entry.held).length +
  suiteResults.filter((suite) => !suite.passed || suite.figures === 0).length;
console.log(
  `\n${figures.length - figures.filter((entry) => !entry.held).length} of ${figures.length} guarantees held; ${suiteResults.filter((s) => s.passed).length} of ${suiteResults.length} suites passed${missing.length ? `; ${missing.length} suites skipped` : ''}.`,
);
process.exit(failed > 0 || figures.length === 0 ? 1 : 0);
