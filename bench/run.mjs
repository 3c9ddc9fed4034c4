// `npm run bench`: runs every benchmark file under bench/ (name ending in .bench.mjs) in turn,
// each in its own Node process so one cannot skew another's memory or JIT state. Each file prints
// its own table and writes its figures to bench/results/<name>.json; the corrections bench also
// writes bench/results.json (the rows: page, rules, floor_ms, factmark_ms, markjs_ms).
// `node bench/run.mjs corrections` runs only the files whose name contains "corrections".
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('.', import.meta.url));
const only = process.argv.slice(2);
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.mjs'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();

if (files.length === 0) {
  console.error('No benchmark files matched.');
  process.exit(1);
}
let failed = 0;
for (const file of files) {
  console.log(`\n=== ${file} ===`);
  const run = spawnSync(process.execPath, [`${dir}${file}`], { stdio: 'inherit' });
  if (run.status !== 0) {
    failed++;
    console.error(`${file} failed (exit ${run.status})`);
  }
}
process.exit(failed ? 1 : 0);
