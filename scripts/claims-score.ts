// `npm run -s claims:score`: reads UTF-8 sentences, one a line, in document order, on stdin, and
// prints one check-worthiness score a line (higher = more worth checking) on stdout, nothing else.
// Same code path as the content script: `scoreSentences` from src/core/detect.
//
// Lines end with \n or \r\n; a final newline does not start another line; an empty line is a
// sentence too (it scores 0), so there are exactly as many scores out as lines in. Bytes that are
// not UTF-8 are refused: a message on stderr, nothing on stdout, exit code 2.

import { scoreSentences } from '../src/core/detect/score';
import { decodeUtf8, firstInvalidUtf8, readStdin, runAsScript } from './stdin-text';

/** Splits input text into lines: \n or \r\n ends a line; a trailing line end adds no line. */
export function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines.map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
}

/** A score as printed: fixed-point, enough digits to keep the ranking of close scores. */
export function formatScore(score: number): string {
  return score.toFixed(8);
}

/** The whole CLI on a buffer: the stdout text, or an error message and exit code. */
export function run(bytes: Uint8Array): { stdout: string } | { error: string; code: number } {
  let text: string;
  try {
    text = decodeUtf8(bytes);
  } catch {
    const at = Math.max(0, firstInvalidUtf8(bytes));
    let line = 1;
    for (let i = 0; i < at; i++) if (bytes[i] === 0x0a) line++;
    const hex = (bytes[at] ?? 0).toString(16).padStart(2, '0');
    return {
      error:
        `claims:score: input is not valid UTF-8: byte 0x${hex} at offset ${at} (line ${line}). ` +
        'Send UTF-8 text, one sentence per line.\n',
      code: 2,
    };
  }
  const lines = splitLines(text);
  const scores = scoreSentences(lines);
  return { stdout: scores.map((s) => `${formatScore(s)}\n`).join('') };
}

async function main(): Promise<void> {
  const result = run(await readStdin());
  if ('error' in result) {
    process.stderr.write(result.error);
    process.exitCode = result.code;
    return;
  }
  process.stdout.write(result.stdout);
}

runAsScript(import.meta.url, 'claims:score', main);
