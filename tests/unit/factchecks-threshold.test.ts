// The threshold that decides "fact-checked before": chosen on dev as the lowest top-match score
// whose marks are right at least 90 % of the time, shipped with the model, applied to the top
// match only.

import { describe, expect, it } from 'vitest';
import { calibrateThreshold, type Ranked, thresholdOutcome } from '../../scripts/train-factchecks';
import { FACTCHECK_MODEL } from '../../src/core/factchecks/model';
import { FEATURE_NAMES } from '../../src/core/factchecks/pair-features';
import { isFactCheckedBefore } from '../../src/core/factchecks/rank-fact-checks';
import { parseRerankModel, rerankScores } from '../../src/core/factchecks/reranker';

/** A query whose top match has this score and is right or wrong. */
function top(score: number, right: boolean, i: number): Ranked {
  return { queryId: `q${i}`, answer: 'a', ranking: [{ id: right ? 'a' : 'b', score }] };
}

describe('calibrateThreshold', () => {
  it('picks the lowest score at which the marks above it are at least 90 % right', () => {
    // Scores 1.0 … 0.1; the three lowest top matches are wrong, and one at 0.6.
    const ranked = [1, 0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2, 0.1].map((s, i) =>
      top(s, !(s === 0.6 || s <= 0.3), i),
    );
    const c = calibrateThreshold(ranked, 0.9);
    // Marking down to 0.5 gives 5 right of 6 (0.83); down to 0.7, 4 of 4; 0.6 → 4 of 5 (0.8).
    expect(c.threshold).toBe(0.7);
    expect(c.precision).toBe(1);
    expect(c.marked).toBe(4);
    expect(c.coverage).toBe(0.4);
  });

  it('never splits equal scores: a tie is marked all together or not at all', () => {
    const ranked = [top(0.9, true, 0), top(0.5, true, 1), top(0.5, false, 2), top(0.5, false, 3)];
    expect(calibrateThreshold(ranked, 0.9).threshold).toBe(0.9);
  });

  it('marks nothing (threshold 1) when no score reaches the precision', () => {
    expect(calibrateThreshold([top(0.8, false, 0), top(0.3, true, 1)], 0.9)).toMatchObject({
      threshold: 1,
      marked: 0,
    });
  });
});

describe('thresholdOutcome', () => {
  it('reports the precision of the marked top matches and the share of queries marked', () => {
    const ranked = [top(0.9, true, 0), top(0.8, false, 1), top(0.2, true, 2), top(0.1, false, 3)];
    expect(thresholdOutcome(ranked, 0.5)).toEqual({
      threshold: 0.5,
      precision: 0.5,
      coverage: 0.5,
      marked: 2,
      queries: 4,
    });
  });
});

describe('the shipped threshold', () => {
  it('is a probability, documented with the dev precision (≥ 0.90) and coverage it was chosen for', () => {
    expect(FACTCHECK_MODEL.threshold).toBeGreaterThan(0);
    expect(FACTCHECK_MODEL.threshold).toBeLessThan(1);
    expect(Number(FACTCHECK_MODEL.calibration.precision)).toBeGreaterThanOrEqual(0.9);
    expect(Number(FACTCHECK_MODEL.calibration.coverage)).toBeGreaterThan(0.5);
  });

  it('marks a top match at or above it and not one below it, nor no match at all', () => {
    const t = FACTCHECK_MODEL.threshold;
    expect(isFactCheckedBefore({ id: 'x', score: t, lexicalScore: 1 }, FACTCHECK_MODEL)).toBe(true);
    expect(isFactCheckedBefore({ id: 'x', score: t - 1e-6, lexicalScore: 1 }, FACTCHECK_MODEL)).toBe(false);
    expect(isFactCheckedBefore(undefined, FACTCHECK_MODEL)).toBe(false);
  });
});

describe('the re-ranker model', () => {
  it('gives probabilities that sum to at most 1 over the candidates (the rest is "none of them")', () => {
    const features = [0, 1, 2].map((k) => Float64Array.from(FEATURE_NAMES, (_, i) => (i + k) % 3));
    const p = rerankScores(FACTCHECK_MODEL, features);
    expect(p).toHaveLength(3);
    for (const x of p) expect(x).toBeGreaterThanOrEqual(0);
    expect(p.reduce((a, b) => a + b, 0)).toBeLessThan(1);
  });

  it('refuses a model file made for other features, saying to retrain', () => {
    expect(() => parseRerankModel({ ...FACTCHECK_MODEL, features: ['bm25f'] })).toThrow(/train:factchecks/);
    expect(() => parseRerankModel({ ...FACTCHECK_MODEL, weights: [1] })).toThrow(/weights/);
    expect(() => parseRerankModel('model')).toThrow(/not an object/);
  });
});
