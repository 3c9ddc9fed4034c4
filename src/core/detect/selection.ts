// Which of a document's scored sentences to mark, by the reader's sensitivity. Pure, and free of
// the model: the content script chooses from the scores the background sends.

/** How many sentences to mark. */
export type Sensitivity = 'fewer' | 'more';

/** Share of a document's sentences marked at most, and the lowest score marked, per sensitivity. */
// The model's probabilities are calibrated to the training debates, where 2.7% of sentences were
// check-worthy; news prose scores higher across the board but rarely above 0.2. So the floors sit
// near twice and once that base rate, and the share decides how many of the best are marked.
export const SENSITIVITY: Record<Sensitivity, { share: number; minScore: number }> = {
  fewer: { share: 0.12, minScore: 0.05 },
  more: { share: 0.3, minScore: 0.03 },
};

/**
 * Indices (in document order) of the sentences to mark: the best-scoring share of the document's
 * sentences, at least one if any scores above the floor, none below the floor.
 */
export function selectClaims(scores: readonly number[], sensitivity: Sensitivity = 'fewer'): number[] {
  const { share, minScore } = SENSITIVITY[sensitivity];
  const candidates = scores
    .map((s, i) => ({ s, i }))
    .filter((x) => x.s >= minScore)
    .sort((a, b) => b.s - a.s || a.i - b.i);
  const keep = Math.max(1, Math.round(scores.length * share));
  return candidates
    .slice(0, keep)
    .map((x) => x.i)
    .sort((a, b) => a - b);
}
