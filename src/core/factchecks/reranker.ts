// The re-ranker: a linear score over the pair features (pair-features.ts), trained by
// `npm run train:factchecks` as a choice among the candidates *and "none of them"* (a softmax in
// which "none" scores 0). So each candidate's output is the probability that it is the
// fact-check that checks the text, and it stays low when the text was never fact-checked;
// one threshold (calibrated on dev, stored with the weights) decides a mark.

import type { Bm25Params } from './bm25';
import { FEATURE_NAMES, type FeatureVector } from './pair-features';

export interface RerankModel {
  version: 1;
  /** Feature names in weight order; must be FEATURE_NAMES (a model from other code is refused). */
  features: string[];
  /** Standardisation: (x − mean) / scale, then the weights. */
  mean: number[];
  scale: number[];
  weights: number[];
  bias: number;
  /** How many lexical candidates the re-ranker sees. */
  candidates: number;
  bm25: Bm25Params;
  /** A top match scoring at least this is "fact-checked before". */
  threshold: number;
  /** How the threshold was chosen and what it gave, informative only. */
  calibration: Record<string, string | number>;
  meta: Record<string, string | number>;
}

/** The linear score of one candidate (0 is as good as "none of them"). */
export function linearScore(model: RerankModel, x: FeatureVector): number {
  let z = model.bias;
  for (let i = 0; i < x.length; i++)
    z += ((model.weights[i] ?? 0) * ((x[i] ?? 0) - (model.mean[i] ?? 0))) / (model.scale[i] || 1);
  return z;
}

/** Each candidate's probability of being the match, the rest going to "none of them". */
export function rerankScores(model: RerankModel, features: readonly FeatureVector[]): number[] {
  const z = features.map((x) => linearScore(model, x));
  const top = Math.max(0, ...z);
  const e = z.map((v) => Math.exp(v - top));
  const sum = Math.exp(-top) + e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / sum);
}

/** Checks a parsed model file's shape; throws with a clear message if it is not one of ours. */
export function parseRerankModel(json: unknown): RerankModel {
  const fail = (what: string): never => {
    throw new Error(`Not a fact-check ranking model: ${what}`);
  };
  if (typeof json !== 'object' || json === null) return fail('not an object');
  const m = json as Record<string, unknown>;
  if (m.version !== 1) fail(`unsupported version ${String(m.version)}`);
  const numbers = (key: string): number[] => {
    const v = m[key];
    if (!Array.isArray(v) || v.length !== FEATURE_NAMES.length || !v.every(Number.isFinite))
      return fail(`${key} must be ${FEATURE_NAMES.length} numbers`);
    return v as number[];
  };
  const f = m.features;
  if (!Array.isArray(f) || f.join('|') !== FEATURE_NAMES.join('|'))
    fail('its features are not the ones this code computes (retrain with `npm run train:factchecks`)');
  for (const key of ['bias', 'candidates', 'threshold'])
    if (typeof m[key] !== 'number' || !Number.isFinite(m[key])) fail(`no ${key}`);
  const b = m.bm25 as Record<string, unknown> | undefined;
  if (!b || !['k1', 'bClaim', 'bTitle', 'titleWeight'].every((k) => typeof b[k] === 'number'))
    fail('bad bm25 parameters');
  return {
    ...(m as unknown as RerankModel),
    mean: numbers('mean'),
    scale: numbers('scale'),
    weights: numbers('weights'),
  };
}
