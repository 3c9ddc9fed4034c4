// The contract of `npm run -s factchecks:rank -- --claims FILE`: fact-checks from FILE (the data
// set's verified_claims.docs.tsv format), queries on stdin, up to 5 lines
// `query_id<TAB>vclaim_id<TAB>score` per query, best first, nothing else on stdout; bad input
// refused with a clear message, exit code 2 and nothing on stdout.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { parseQueries } from '../../scripts/factchecks-rank';

const root = fileURLToPath(new URL('../..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'factchecks-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Six Snopes fact-checks in the data set's format: header, quoted field with doubled quotes,
// one field running over two lines.
const CLAIMS = [
  '\tvclaim\ttitle',
  '155\tALDI offers free food to homeless people at their stores after 4 PM on Christmas Eve.\tIs ALDI Offering Homeless People Free Food on Christmas Eve?',
  "457\tKellogg's Corn Flakes were originally created in an effort to discourage American consumers from masturbating.\tWere Kellogg’s Corn Flakes Created as an ‘Anti-Masturbatory Morning Meal’?",
  "670\tThe U.S. Army is sending text messages informing people they've been selected for the military draft.\tIs US Army Sending Texts About a Military Draft?",
  '3\t"A ""large-scale killing"" of white farmers is taking place in South Africa."\tIs a ‘Large-Scale Killing’ of White Farmers Underway in South Africa?',
  '341\t"Fourteen-year-old, terminally ill cancer patient Maddox Hyde asked that people send him\nChristmas cards for the holiday."\tTerminally Ill Teen Requests Christmas Cards for the Holiday',
  '9600\tThe test of a 5G cellular network is the cause of unexplained bird deaths occurring in a park in The Hague, Netherlands.\tDid a 5G Cellular Network Test Cause Hundreds of Birds to Die?',
].join('\n');
const claimsFile = join(dir, 'claims.tsv');
writeFileSync(claimsFile, `${CLAIMS}\n`);

const LINE = /^([^\t]+)\t([^\t]+)\t(\d\.\d{6})$/;

function cli(input: string | Uint8Array, args: string[] = ['--claims', claimsFile], viaNpm = false) {
  const [cmd, argv] = viaNpm
    ? ['npm', ['run', '-s', 'factchecks:rank', '--', ...args]]
    : [process.execPath, ['--import', 'tsx', 'scripts/factchecks-rank.ts', ...args]];
  const bytes = typeof input === 'string' ? Buffer.from(input, 'utf8') : input;
  const r = spawnSync(cmd, argv, { cwd: root, input: bytes, timeout: 60_000 });
  return { status: r.status, stdout: r.stdout.toString('utf8'), stderr: r.stderr.toString('utf8') };
}

function outLines(stdout: string): string[] {
  return stdout === '' ? [] : stdout.replace(/\n$/, '').split('\n');
}

describe('factchecks:rank CLI', () => {
  it('prints up to 5 lines per query, best first, query id, fact-check id and score', () => {
    const r = cli(
      'q1\tAldi is giving free food to homeless people on Christmas Eve\n' +
        'q2\tKellogg invented cornflakes to stop people masturbating\n',
    );
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const lines = outLines(r.stdout).map((l) => LINE.exec(l));
    for (const m of lines) expect(m).not.toBeNull();
    const q1 = lines.filter((m) => m?.[1] === 'q1');
    const q2 = lines.filter((m) => m?.[1] === 'q2');
    expect(q1.length).toBeGreaterThanOrEqual(1);
    expect(q1.length).toBeLessThanOrEqual(5);
    expect(q1[0]?.[2]).toBe('155');
    expect(q2[0]?.[2]).toBe('457');
    const scores = q1.map((m) => Number(m?.[3]));
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    // Queries come out in input order.
    expect(lines.findIndex((m) => m?.[1] === 'q2')).toBeGreaterThan(lines.findIndex((m) => m?.[1] === 'q1'));
  });

  it('reads a quoted fact-check spanning two lines as one fact-check', () => {
    const r = cli('q\tMaddox Hyde, a teenager with cancer, asks for Christmas cards\n');
    expect(outLines(r.stdout)[0]).toMatch(/^q\t341\t/);
  });

  it('skips a header line with an empty id, as the data set writes its query files', () => {
    const r = cli('\ttweet_content\n7\tThe Army is texting people that they have been drafted\n');
    expect(r.status).toBe(0);
    expect(outLines(r.stdout)[0]).toMatch(/^7\t670\t/);
  });

  it('prints nothing for a query no fact-check shares a word with, and for empty input', () => {
    expect(cli('q\tzzz qqq\n').stdout).toBe('');
    expect(cli('').stdout).toBe('');
  });

  it('refuses a run without --claims, saying how to call it', () => {
    const r = cli('q\ttext\n', []);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/usage: npm run -s factchecks:rank -- --claims/);
  });

  it('refuses a missing claims file and a query line without a tab', () => {
    const missing = cli('q\ttext\n', ['--claims', join(dir, 'nope.tsv')]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/cannot read .*nope\.tsv/);
    const bad = cli('q1\tfine\njust text\n');
    expect(bad.status).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toMatch(/query 2 .*expected id<TAB>text/);
  });

  it('refuses queries that are not UTF-8', () => {
    const r = cli(new Uint8Array([0x71, 0x09, 0xff, 0x0a]));
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/not valid UTF-8/);
  });

  it('through `npm run -s factchecks:rank` prints only the ranking lines', () => {
    const r = cli('q\tHundreds of birds died in a park in The Hague after a 5G test\n', undefined, true);
    expect(r.status).toBe(0);
    const lines = outLines(r.stdout);
    expect(lines[0]).toMatch(/^q\t9600\t/);
    for (const l of lines) expect(l).toMatch(LINE);
  });
});

describe('parseQueries', () => {
  it('reads id<TAB>text lines, CRLF too, keeping tabs inside the text as spaces', () => {
    expect(parseQueries('a\tone\r\nb\ttwo\tparts\n')).toEqual([
      { id: 'a', text: 'one' },
      { id: 'b', text: 'two parts' },
    ]);
  });
});
