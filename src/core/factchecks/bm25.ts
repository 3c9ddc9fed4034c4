// The BM25 weighting of the lexical stage, field by field (the fact-checker's wording of the
// claim, and the fact-check's title) and combined as BM25F: each field's term frequency is
// length-normalised on its own, weighted, summed, then saturated once (Robertson & Zaragoza,
// "The Probabilistic Relevance Framework: BM25 and Beyond", 2009). Pure arithmetic; no state.

export interface Bm25Params {
  /** Term-frequency saturation. */
  k1: number;
  /** Length normalisation of the claim field (0: none, 1: full). */
  bClaim: number;
  /** Length normalisation of the title field. */
  bTitle: number;
  /** Weight of a title occurrence relative to a claim occurrence in BM25F. */
  titleWeight: number;
}

export const DEFAULT_BM25: Bm25Params = { k1: 1.2, bClaim: 0.75, bTitle: 0.75, titleWeight: 1 };

/** Lucene's non-negative IDF: ln(1 + (N − df + 0.5) / (df + 0.5)). */
export function idf(docCount: number, docFreq: number): number {
  return Math.log(1 + (docCount - docFreq + 0.5) / (docFreq + 0.5));
}

/** A term frequency divided by the field's relative length, as BM25 normalises it. */
export function normalisedTf(tf: number, length: number, averageLength: number, b: number): number {
  return tf / (1 - b + (b * length) / (averageLength || 1));
}

/** BM25's saturation of a (normalised) term frequency, scaled so that tf 1 at average length is ≈ 1. */
export function saturate(tf: number, k1: number): number {
  return (tf * (k1 + 1)) / (tf + k1);
}
