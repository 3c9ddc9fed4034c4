// The re-ranker, two linear scores over the pair features (pair-features.ts), trained by
// `npm run train:factchecks`:
// - the ranker orders the candidates: P(candidate | one of them checks the text) is a softmax;
// - the gate says whether any does: a softmax over the candidates and "none of them" (scored 0)
//   gives P(none).
// A candidate's probability is (1 − P(none)) × P(candidate | one of them): the ranker's order,
// low when the text was never fact-checked. One threshold (calibrated on dev, stored with the
// weights) decides a mark. Two scores because one trained for both did worse at each: putting
// the right fact-check first, and telling a sentence no fact-check is about.

import type { Bm25Params } from './bm25';
import { FEATURE_NAMES, type FeatureVector } from './pair-features';

export interface RerankModel {
  version: 1;
  /** Feature names in weight order; must be FEATURE_NAMES (a model from other code is refused). */
  features: string[];
  /** Standardisation: (x − mean) / scale, then the weights. */
  mean: number[];
  scale: number[];
  /** The ranker's weights. */
  weights: number[];
  /** The gate's weights and bias. */
  gate: { weights: number[]; bias: number };
  /** How many lexical candidates the re-ranker sees. */
  candidates: number;
  bm25: Bm25Params;
  /** A top match scoring at least this is "fact-checked before". */
  threshold: number;
  /** How the threshold was chosen and what it gave, informative only. */
  calibration: Record<string, string | number>;
  meta: Record<string, string | number>;
}

/** A linear score of standardised features. */
function linearScore(
  model: Pick<RerankModel, 'mean' | 'scale'>,
  weights: readonly number[],
  bias: number,
  x: FeatureVector,
): number {
  let z = bias;
  for (let i = 0; i < x.length; i++)
    z += ((weights[i] ?? 0) * ((x[i] ?? 0) - (model.mean[i] ?? 0))) / (model.scale[i] || 1);
  return z;
}

/** softmax(z) with an extra option scoring `none` (−Infinity: no extra option); returns the z part. */
export function softmax(z: readonly number[], none = Number.NEGATIVE_INFINITY): number[] {
  const top = Math.max(none, ...z);
  const e = z.map((v) => Math.exp(v - top));
  const sum = Math.exp(none - top) + e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / sum);
}

/** Each candidate's probability of being the fact-check that checks the text. */
export function rerankScores(model: RerankModel, features: readonly FeatureVector[]): number[] {
  const given = softmax(features.map((x) => linearScore(model, model.weights, 0, x)));
  const some = softmax(
    features.map((x) => linearScore(model, model.gate.weights, model.gate.bias, x)),
    0,
  ).reduce((a, b) => a + b, 0);
  return given.map((p) => p * some);
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
  for (const key of ['candidates', 'threshold'])
    if (typeof m[key] !== 'number' || !Number.isFinite(m[key])) fail(`no ${key}`);
  const gate = m.gate as Record<string, unknown> | undefined;
  const gateWeights = gate?.weights;
  if (
    typeof gate?.bias !== 'number' ||
    !Array.isArray(gateWeights) ||
    gateWeights.length !== FEATURE_NAMES.length ||
    !gateWeights.every(Number.isFinite)
  )
    fail('bad gate');
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
