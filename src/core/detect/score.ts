// Scoring sentences for check-worthiness with the trained model. Pure: no DOM, no Node APIs; the
// background (for every page's content script) and `npm run claims:score` call the same
// `scoreSentences`. The model is loaded only where this module is: never in the content script.

import { cueValues, DENSE_NAMES, denseScores, forEachNgram, tokenize } from './features';
import { DEFAULT_MODEL, type DetectModel } from './model';

interface Compiled {
  bias: number;
  /** Unigram → index into `weights`. */
  unigrams: Map<string, number>;
  /** First word → second word → index into `weights`: no string is built to look a bigram up. */
  bigrams: Map<string, Map<string, number>>;
  weights: Float64Array;
  /** Dense weights aligned with `DENSE_NAMES` (0 for a feature the model does not know). */
  dense: Float64Array;
}

const compiledCache = new WeakMap<DetectModel, Compiled>();

function compile(model: DetectModel): Compiled {
  const hit = compiledCache.get(model);
  if (hit) return hit;
  const unigrams = new Map<string, number>();
  const bigrams = new Map<string, Map<string, number>>();
  model.ngrams.terms.forEach((term, i) => {
    const space = term.indexOf(' ');
    if (space < 0) {
      unigrams.set(term, i);
      return;
    }
    const first = term.slice(0, space);
    let inner = bigrams.get(first);
    if (!inner) {
      inner = new Map();
      bigrams.set(first, inner);
    }
    inner.set(term.slice(space + 1), i);
  });
  const byName = new Map<string, number>();
  model.dense.names.forEach((n, i) => {
    byName.set(n, model.dense.weights[i] ?? 0);
  });
  const compiled: Compiled = {
    bias: model.bias,
    unigrams,
    bigrams,
    weights: Float64Array.from(model.ngrams.weights),
    dense: Float64Array.from(DENSE_NAMES, (n) => byName.get(n) ?? 0),
  };
  compiledCache.set(model, compiled);
  return compiled;
}

/** Raw linear scores (log-odds) of a document's sentences, in document order. */
export function scoreLogits(sentences: readonly string[], model: DetectModel = DEFAULT_MODEL): number[] {
  const c = compile(model);
  const tokens = sentences.map(tokenize);
  const z = denseScores(
    sentences.map((s, i) => cueValues(s, tokens[i] ?? [])),
    c.dense,
  );
  // Each n-gram counts once per sentence, as in training.
  const seen: number[] = [];
  let sum = 0;
  const add = (id: number | undefined): void => {
    if (id === undefined || seen.includes(id)) return;
    seen.push(id);
    sum += c.weights[id] ?? 0;
  };
  const visit = (prev: string, word: string): void => {
    add(c.unigrams.get(word));
    add(c.bigrams.get(prev)?.get(word));
  };
  return tokens.map((toks, i) => {
    seen.length = 0;
    sum = 0;
    forEachNgram(toks, visit);
    return c.bias + (z[i] ?? 0) + sum;
  });
}

/**
 * Check-worthiness of each sentence of a document, in document order (the neighbours of a
 * sentence count, so pass the whole article body, not sentences one at a time). Scores are
 * probabilities in [0, 1]: higher = more worth checking. A blank sentence scores 0.
 */
export function scoreSentences(sentences: readonly string[], model: DetectModel = DEFAULT_MODEL): number[] {
  const z = scoreLogits(sentences, model);
  return z.map((v, i) => ((sentences[i] ?? '').trim() === '' ? 0 : 1 / (1 + Math.exp(-v))));
}
