// How alike two short strings are: the edit distance used to compare a quote's saved context
// (up to 32 characters either side) with the text around a candidate. Pure.

/** Bit masks of where each character occurs in the pattern; reset after every use. */
let peq: Int32Array | null = null;

/**
 * Levenshtein distance between `a` (at most 32 UTF-16 units) and `b`, with Myers' bit-parallel
 * algorithm: one pass over `b`, a few word operations per character.
 */
export function editDistance32(a: string, b: string): number {
  const m = a.length;
  if (m > 32) throw new RangeError('editDistance32: the first string is longer than 32 units');
  if (m === 0) return b.length;
  if (b.length === 0) return m;
  peq ??= new Int32Array(0x10000);
  for (let i = 0; i < m; i++) {
    const c = a.charCodeAt(i);
    peq[c] = (peq[c] ?? 0) | (1 << i);
  }
  const last = 1 << (m - 1);
  let pv = -1;
  let mv = 0;
  let score = m;
  for (let j = 0; j < b.length; j++) {
    let eq = peq[b.charCodeAt(j)] ?? 0;
    const xv = eq | mv;
    eq |= ((eq & pv) + pv) ^ pv;
    mv |= ~(eq | pv);
    pv &= eq;
    if (mv & last) score++;
    if (pv & last) score--;
    mv = (mv << 1) | 1;
    pv = (pv << 1) | ~(xv | mv);
    mv &= xv;
  }
  for (let i = 0; i < m; i++) peq[a.charCodeAt(i)] = 0;
  return score;
}
