// The contract of `npm run -s claims:score`: UTF-8 lines in, one score per line out, nothing else
// on stdout; invalid UTF-8 refused with a clear message and a non-zero exit code.

import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatScore, run, splitLines } from '../../scripts/claims-score';
import { firstInvalidUtf8 } from '../../scripts/stdin-text';
import { scoreSentences } from '../../src/core/detect/score';

const root = fileURLToPath(new URL('../..', import.meta.url));
const SCORE_LINE = /^\d\.\d{8}$/;

function cli(input: string | Uint8Array, viaNpm = false) {
  const [cmd, args] = viaNpm
    ? ['npm', ['run', '-s', 'claims:score']]
    : [process.execPath, ['--import', 'tsx', 'scripts/claims-score.ts']];
  const bytes = typeof input === 'string' ? Buffer.from(input, 'utf8') : input;
  const r = spawnSync(cmd, args, { cwd: root, input: bytes, timeout: 30_000 });
  return { status: r.status, stdout: r.stdout.toString('utf8'), stderr: r.stderr.toString('utf8') };
}

function outLines(stdout: string): string[] {
  return stdout === '' ? [] : stdout.replace(/\n$/, '').split('\n');
}

describe('splitLines', () => {
  it('splits on \\n and \\r\\n; a final line end adds no line; empty lines count', () => {
    expect(splitLines('')).toEqual([]);
    expect(splitLines('a')).toEqual(['a']);
    expect(splitLines('a\n')).toEqual(['a']);
    expect(splitLines('a\r\nb\r\n')).toEqual(['a', 'b']);
    expect(splitLines('\n\na\n\n')).toEqual(['', '', 'a', '']);
    expect(splitLines('\n')).toEqual(['']);
  });
});

describe('firstInvalidUtf8', () => {
  const bytes = (...b: number[]) => new Uint8Array(b);
  it('finds the first byte that breaks UTF-8', () => {
    expect(firstInvalidUtf8(new TextEncoder().encode('héllo € 😀'))).toBe(-1);
    expect(firstInvalidUtf8(bytes(0x61, 0xff))).toBe(1);
    expect(firstInvalidUtf8(bytes(0x61, 0xc3))).toBe(1); // truncated
    expect(firstInvalidUtf8(bytes(0xc0, 0x80))).toBe(0); // overlong
    expect(firstInvalidUtf8(bytes(0xed, 0xa0, 0x80))).toBe(0); // surrogate
    expect(firstInvalidUtf8(bytes(0x61, 0x62, 0x80))).toBe(2); // stray continuation
  });
});

describe('run (in process)', () => {
  it('prints the scores of scoreSentences, one a line', () => {
    const lines = ['Crime is up 20 percent.', '', 'Thank you.'];
    const r = run(new TextEncoder().encode(`${lines.join('\n')}\n`));
    expect(r).toEqual({
      stdout: scoreSentences(lines)
        .map((s) => `${formatScore(s)}\n`)
        .join(''),
    });
  });

  it('drops a leading byte-order mark', () => {
    const a = run(new TextEncoder().encode('\uFEFFCrime is up 20 percent.\n'));
    const b = run(new TextEncoder().encode('Crime is up 20 percent.\n'));
    expect(a).toEqual(b);
  });
});

describe('claims:score CLI', () => {
  it('prints as many scores as lines in, empty lines included, nothing else', () => {
    const input =
      'The unemployment rate fell to 4 percent.\r\n\r\nThank you.\n\nHe said taxes rose by $5 billion.';
    const r = cli(input);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    const out = outLines(r.stdout);
    expect(out).toHaveLength(5);
    for (const l of out) expect(l).toMatch(SCORE_LINE);
    expect(out[1]).toBe('0.00000000');
    expect(out[3]).toBe('0.00000000');
    const expected = scoreSentences([
      'The unemployment rate fell to 4 percent.',
      '',
      'Thank you.',
      '',
      'He said taxes rose by $5 billion.',
    ]).map(formatScore);
    expect(out).toEqual(expected);
  });

  it('prints nothing for empty input', () => {
    const r = cli('');
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
  });

  it('scores a 100 KB line as one line, and is deterministic', () => {
    const long = 'The deficit grew by $3 billion because taxes were cut. '.repeat(1900);
    expect(long.length).toBeGreaterThan(100_000);
    const input = `First sentence.\n${long}\nLast sentence.\n`;
    const a = cli(input);
    const b = cli(input);
    expect(a.status).toBe(0);
    expect(outLines(a.stdout)).toHaveLength(3);
    expect(a.stdout).toBe(b.stdout);
  });

  it('refuses bytes that are not UTF-8 with a clear message and exit code 2', () => {
    const input = new Uint8Array([...new TextEncoder().encode('Fine line.\nBad '), 0xff, 0xfe, 0x0a]);
    const r = cli(input);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/not valid UTF-8: byte 0xff at offset 15 \(line 2\)/);
  });

  it('through `npm run -s claims:score` prints only the scores', () => {
    const r = cli('Crime is up 20 percent.\nThank you.\n', true);
    expect(r.status).toBe(0);
    const out = outLines(r.stdout);
    expect(out).toHaveLength(2);
    for (const l of out) expect(l).toMatch(SCORE_LINE);
  });
});
