// The re-ranker: a logistic regression over the pair features (pair-features.ts), trained by
// `npm run train:factchecks`. Its output is the probability that the fact-check checks the
// query, so one threshold (calibrated on dev, stored with the weights) decides a mark.

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

export function rerankScore(model: RerankModel, x: FeatureVector): number {
  let z = model.bias;
  for (let i = 0; i < x.length; i++)
    z += ((model.weights[i] ?? 0) * ((x[i] ?? 0) - (model.mean[i] ?? 0))) / (model.scale[i] || 1);
  return 1 / (1 + Math.exp(-z));
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
