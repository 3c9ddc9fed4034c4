// `npm run -s claims:score`: reads UTF-8 sentences, one a line, in document order, on stdin, and
// prints one check-worthiness score a line (higher = more worth checking) on stdout, nothing else.
// Same code path as the content script: `scoreSentences` from src/core/detect.
//
// Lines end with \n or \r\n; a final newline does not start another line; an empty line is a
// sentence too (it scores 0), so there are exactly as many scores out as lines in. Bytes that are
// not UTF-8 are refused: a message on stderr, nothing on stdout, exit code 2.

import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { scoreSentences } from '../src/core/detect/score';

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

/** Decodes stdin bytes as UTF-8 (a leading byte-order mark is dropped); throws on invalid bytes. */
export function decodeUtf8(bytes: Uint8Array): string {
  return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
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

/** Offset of the first byte that starts an invalid UTF-8 sequence, or -1 if all are valid. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] ?? 0;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lo = 0xa0;
      if (b === 0xed) hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lo = 0x90;
      if (b === 0xf4) hi = 0x8f;
    } else return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || c < (k === 1 ? lo : 0x80) || c > (k === 1 ? hi : 0xbf)) return i;
    }
    i += need + 1;
  }
  return -1;
}

async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return new Uint8Array(Buffer.concat(chunks));
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

const entry = process.argv[1];
if (entry && import.meta.url === pathToFileURL(resolve(entry)).href) {
  main().catch((err: unknown) => {
    process.stderr.write(`claims:score: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  });
}
