// `npm run test:repeat -- N`: measures flakiness. Builds the extension once, runs the end-to-end
// suite N times (default 3), and prints every test that failed at least once, with how often, and
// each run's duration. Exits 1 if any test failed in any run.
//
//   npm run test:repeat -- 5
//   npm run test:repeat -- 5 --beside "npx vitest run --project unit"
//
// --beside runs a command over and over in the background for the whole time (a CPU-heavy
// neighbour, as CI machines have), and names it in the summary. Extra arguments after `--` go to
// vitest (e.g. a test file to repeat alone).
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

function parseArgs(argv) {
  const options = { runs: 3, beside: null, vitest: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--beside') options.beside = argv[++i] ?? null;
    else if (/^\d+$/.test(arg)) options.runs = Number(arg);
    else options.vitest.push(arg);
  }
  if (!Number.isInteger(options.runs) || options.runs < 1) {
    console.error('test:repeat: the number of runs must be a whole number of at least 1');
    process.exit(2);
  }
  if (options.beside === '') options.beside = null;
  return options;
}

/** Every test's outcome in a vitest JSON report: full name → passed | failed | skipped. */
function outcomes(reportFile) {
  const report = JSON.parse(readFileSync(reportFile, 'utf8'));
  const seen = new Map();
  for (const file of report.testResults ?? []) {
    const relative = file.name.startsWith(ROOT) ? file.name.slice(ROOT.length) : file.name;
    for (const test of file.assertionResults ?? []) {
      seen.set(`${relative} › ${test.fullName}`, test.status);
    }
    // A file that failed to load or whose hooks failed has no test results of its own.
    if ((file.assertionResults ?? []).length === 0 && file.status === 'failed') {
      seen.set(`${relative} › (the file failed: ${String(file.message ?? '').split('\n')[0]})`, 'failed');
    }
  }
  return seen;
}

/** Runs `command` in a shell again and again until stopped. */
function startNeighbour(command) {
  let stopped = false;
  let child = null;
  let rounds = 0;
  const loop = () => {
    if (stopped) return;
    child = spawn(command, { cwd: ROOT, shell: true, stdio: 'ignore', detached: true });
    child.on('exit', () => {
      rounds++;
      loop();
    });
  };
  loop();
  return {
    stop() {
      stopped = true;
      // The whole process group: a shell's children too.
      if (child?.pid) {
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {
          // Already gone.
        }
      }
      return rounds;
    },
  };
}

const options = parseArgs(process.argv.slice(2));
console.log('test:repeat — building the extension');
if (spawnSync(process.execPath, ['build.mjs'], { cwd: ROOT, stdio: 'inherit' }).status !== 0) {
  console.error('test:repeat: the build failed');
  process.exit(1);
}

const neighbour = options.beside ? startNeighbour(options.beside) : null;
const dir = mkdtempSync(join(tmpdir(), 'factmark-repeat-'));
const failures = new Map();
const durations = [];
let testsPerRun = 0;
let broken = 0;
try {
  for (let run = 1; run <= options.runs; run++) {
    const report = join(dir, `run-${run}.json`);
    console.log(`\ntest:repeat — e2e run ${run} of ${options.runs}`);
    const started = Date.now();
    const result = spawnSync(
      process.execPath,
      [
        join(ROOT, 'node_modules/vitest/vitest.mjs'),
        'run',
        '--project',
        'e2e',
        '--reporter=dot',
        '--reporter=json',
        `--outputFile.json=${report}`,
        ...options.vitest,
      ],
      { cwd: ROOT, stdio: 'inherit' },
    );
    durations.push((Date.now() - started) / 1000);
    let seen;
    try {
      seen = outcomes(report);
    } catch (error) {
      broken++;
      console.error(`test:repeat: run ${run} wrote no report (exit ${result.status}): ${error.message}`);
      continue;
    }
    testsPerRun = Math.max(testsPerRun, seen.size);
    for (const [name, status] of seen) {
      if (status === 'failed') failures.set(name, (failures.get(name) ?? 0) + 1);
    }
    if (result.status !== 0 && ![...seen.values()].includes('failed')) broken++;
  }
} finally {
  const rounds = neighbour?.stop();
  rmSync(dir, { recursive: true, force: true });
  console.log('\nFactmark e2e repeat');
  console.log(`runs: ${options.runs}; tests per run: ${testsPerRun}`);
  console.log(`durations: ${durations.map((s) => `${s.toFixed(0)} s`).join(', ')}`);
  if (options.beside) console.log(`beside: "${options.beside}" (finished ${rounds} times meanwhile)`);
  if (failures.size === 0 && broken === 0) console.log('no test failed in any run');
  for (const [name, count] of [...failures].sort((a, b) => b[1] - a[1])) {
    console.log(`FAILED ${count} of ${options.runs}: ${name}`);
  }
  if (broken > 0) console.log(`FAILED: ${broken} run(s) ended in error without a failing test`);
}
process.exit(failures.size > 0 || broken > 0 ? 1 : 0);
