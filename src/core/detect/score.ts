// Scoring sentences for check-worthiness, explaining why, and the language gate. Pure: no DOM,
// no Node APIs; the content script and `npm run claims:score` call the same `scoreSentences`.

import { cueValues, DENSE_NAMES, denseScores, forEachNgram, sentenceCues, tokenize } from './features';
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

/**
 * Short reasons a reader understands for why a sentence may be worth checking, most telling
 * first, at most three; a fallback reason when no cue applies, and none for a blank sentence.
 */
export function explain(sentence: string): string[] {
  if (sentence.trim() === '') return [];
  const tokens = tokenize(sentence);
  const c = sentenceCues(sentence, tokens);
  const reasons: string[] = [];
  if (c.percent) reasons.push('a percentage');
  else if (tokens.some((t) => CURRENCY.has(t))) reasons.push('a sum of money');
  else if (c.number) reasons.push('a number');
  if (c.attribution) reasons.push('attributed claim');
  if (c.comparative || c.superlative) reasons.push('comparison');
  if (c.causal) reasons.push('cause and effect');
  if (c.promise) reasons.push('a promise');
  if (c.year && !c.number) reasons.push('a date');
  if (c.entity) reasons.push('names someone or something');
  if (reasons.length === 0) reasons.push('wording typical of checked claims');
  return reasons.slice(0, 3);
}

const CURRENCY = new Set(['$', '€', '£', 'dollar', 'dollars', 'cents', 'euro', 'euros', 'pounds']);

/** Languages the detector has a model for. */
export const SUPPORTED_LANGUAGES: readonly string[] = [DEFAULT_MODEL.language];

const LANG_TAG_RE = /^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*$/;

/**
 * Whether the detector can run on a page: pass the page's `lang` attribute (e.g. "en-GB") or a
 * sample of its text. A language tag is judged by its primary subtag; text is judged by how many
 * of its words are common English function words (a single word is read as a language tag).
 * Anything else: the caller says "not available"
 * rather than guessing.
 */
export function isSupportedLanguage(textOrLang: string): boolean {
  const s = textOrLang.trim();
  if (s === '') return false;
  if (LANG_TAG_RE.test(s) && s.length <= 35) {
    const primary = s.split(/[-_]/)[0]?.toLowerCase() ?? '';
    return SUPPORTED_LANGUAGES.includes(primary);
  }
  return looksEnglish(s);
}

/** Whether a text sample reads as English: enough letters are Latin, enough words are English function words. */
export function looksEnglish(text: string): boolean {
  const letters = text.match(/\p{L}/gu) ?? [];
  if (letters.length === 0) return false;
  const latin = letters.filter((ch) => /[A-Za-z]/.test(ch)).length;
  if (latin / letters.length < 0.9) return false;
  const words = text.toLowerCase().match(/[a-z]+(?:'[a-z]+)?/g) ?? [];
  if (words.length === 0) return false;
  let hits = 0;
  for (const w of words) if (ENGLISH_WORDS.has(w)) hits++;
  const need = words.length < 8 ? 0.2 : 0.25;
  return hits / words.length >= need;
}

const ENGLISH_WORDS = new Set(
  (
    'the of and to a in is it that for was on are as with he she they be at by this have from or one had ' +
    'not but what all were when we there can an your which their said if do will each about how up out ' +
    'them then many some so these would other into has more her two like him see time could no make than ' +
    'been who its now people my over only also after did just most should because any those very our ' +
    "says while where i you his me us new year years percent million don't it's"
  ).split(' '),
);
