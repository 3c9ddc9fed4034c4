// The claim detector's model: its types, and the trained model that ships with the extension
// (model.json, written by `npm run train:claims`, bundled by esbuild; nothing is fetched at run time).

import modelJson from './model.json';

/**
 * A logistic-regression model over sparse n-gram indicators and dense cues:
 * score = sigmoid(bias + Σ ngram weights + Σ dense weight × value).
 */
export interface DetectModel {
  version: 1;
  /** BCP 47 primary language subtag the model was trained for. */
  language: string;
  bias: number;
  /** Dense feature weights, by feature name (see `DENSE_NAMES` in features.ts). */
  dense: { names: string[]; weights: number[] };
  /** Weights of the kept n-grams (unigrams, and bigrams joined by a space). */
  ngrams: { terms: string[]; weights: number[] };
  /** How the model was made; informative only. */
  meta?: Record<string, string | number>;
}

/** Checks the shape of a parsed model file; throws with a clear message if it is not one. */
export function parseModel(json: unknown): DetectModel {
  const fail = (what: string): never => {
    throw new Error(`Not a claim-detector model: ${what}`);
  };
  if (typeof json !== 'object' || json === null) return fail('not an object');
  const m = json as Record<string, unknown>;
  if (m.version !== 1) fail(`unsupported version ${String(m.version)}`);
  if (typeof m.language !== 'string') fail('no language');
  if (typeof m.bias !== 'number') fail('no bias');
  const pair = (key: string, names: string): { names: string[]; weights: number[] } => {
    const v = m[key] as Record<string, unknown> | undefined;
    const a = v?.[names];
    const w = v?.weights;
    if (!Array.isArray(a) || !Array.isArray(w) || a.length !== w.length) return fail(`bad ${key}`);
    if (!a.every((x) => typeof x === 'string') || !w.every((x) => typeof x === 'number')) fail(`bad ${key}`);
    return { names: a as string[], weights: w as number[] };
  };
  const dense = pair('dense', 'names');
  const ngrams = pair('ngrams', 'terms');
  const meta = m.meta as Record<string, string | number> | undefined;
  return {
    version: 1,
    language: m.language as string,
    bias: m.bias as number,
    dense,
    ngrams: { terms: ngrams.names, weights: ngrams.weights },
    ...(meta ? { meta } : {}),
  };
}

/** The trained model bundled with the extension. */
export const DEFAULT_MODEL: DetectModel = parseModel(modelJson);
