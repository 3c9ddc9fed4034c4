// The page's text as a run of pieces (one per text node) joined into one string, with each
// piece's start offset: what a text index keeps, and how it is patched when some pieces change.
// Generic over what a piece is (a DOM Text node in the content script), so it is tested in Node.
import type { Edit } from './edits';

export interface Runs<T> {
  text: string;
  pieces: T[];
  /** starts[i]: offset in `text` of pieces[i]'s first character. */
  starts: Int32Array;
}

export function joinRuns<T>(pieces: T[], texts: readonly string[]): Runs<T> {
  const starts = new Int32Array(pieces.length);
  let offset = 0;
  for (let i = 0; i < pieces.length; i++) {
    starts[i] = offset;
    offset += texts[i]!.length;
  }
  return { text: texts.join(''), pieces, starts };
}

/**
 * Replaces pieces [from, to) with `pieces` (whose texts are `texts`), in place, and answers the
 * edit that made to the joined text, for moving offsets that were computed before it.
 */
export function spliceRuns<T>(
  runs: Runs<T>,
  from: number,
  to: number,
  pieces: T[],
  texts: readonly string[],
): Edit {
  const n = runs.pieces.length;
  const start = from < n ? runs.starts[from]! : runs.text.length;
  const oldEnd = to < n ? runs.starts[to]! : runs.text.length;
  const inserted = texts.join('');
  const delta = inserted.length - (oldEnd - start);
  runs.text = runs.text.slice(0, start) + inserted + runs.text.slice(oldEnd);
  runs.pieces.splice(from, to - from, ...pieces);
  const starts = new Int32Array(runs.pieces.length);
  starts.set(runs.starts.subarray(0, from));
  let offset = start;
  for (let i = 0; i < pieces.length; i++) {
    starts[from + i] = offset;
    offset += texts[i]!.length;
  }
  for (let i = to; i < n; i++) starts[i - to + from + pieces.length] = runs.starts[i]! + delta;
  runs.starts = starts;
  return { start, oldEnd, newLength: inserted.length };
}

/** The index of the piece holding character `offset` (the last piece starting at or before it). */
export function pieceAt(starts: Int32Array, offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
