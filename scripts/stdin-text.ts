// What the command-line scripts share: reading all of stdin, decoding it as strict UTF-8 (and
// saying where it is not), and running a script's main only when it is the file Node was started
// with (tests import the scripts' functions without running them).
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Decodes stdin bytes as UTF-8 (a leading byte-order mark is dropped); throws on invalid bytes. */
export function decodeUtf8(bytes: Uint8Array): string {
  return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
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

/** All of stdin, as bytes. */
export async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return new Uint8Array(Buffer.concat(chunks));
}

/**
 * Runs `main` when the module at `moduleUrl` is the script Node was started with; a failure is
 * reported as `name: message` on stderr, with exit code 1.
 */
export function runAsScript(moduleUrl: string, name: string, main: () => Promise<void>): void {
  const entry = process.argv[1];
  if (!entry || moduleUrl !== pathToFileURL(resolve(entry)).href) return;
  main().catch((err: unknown) => {
    process.stderr.write(`${name}: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  });
}
