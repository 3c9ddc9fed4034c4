// The re-ranker's view of one (query, fact-check) pair among the lexical stage's candidates:
// how well each field matched by BM25 and how that compares with the other candidates, how much
// of the query's and of the fact-check's rare words they share (IDF-weighted), shared bigrams,
// numbers in common and in conflict, names in common, character-trigram overlap (catches
// "cornflakes" / "Corn Flakes" and spelling variants) and length ratios. Pure; no DOM.

import { idf } from './bm25';
import { docFreq, type LexicalIndex } from './lexical-index';
import type { Candidate } from './lexical-search';
import type { FactCheckProfile, TextProfile } from './text-profile';

export const FEATURE_NAMES = [
  'bm25f',
  'bm25f/best',
  'bm25f margin',
  'claim bm25',
  'claim bm25/best',
  'title bm25',
  'title bm25/best',
  'log rank',
  'is first',
  'query idf covered',
  'claim idf covered',
  'title idf covered',
  'rarest query word shared',
  'bigrams shared',
  'claim bigrams covered',
  'numbers shared',
  'claim numbers missing',
  'names shared',
  'claim names covered',
  'claim trigram dice',
  'title trigram dice',
  'log length ratio',
  'log query length',
] as const;

export type FeatureVector = Float64Array;

/** IDF of a stem in the index (a stem it has never seen counts as the rarest). */
export function termIdf(index: LexicalIndex, term: string): number {
  const t = index.termId.get(term);
  return idf(index.ids.length, t === undefined ? 0 : docFreq(index, t));
}

function idfSum(terms: Iterable<string>, weight: (t: string) => number, keep?: ReadonlySet<string>): number {
  let s = 0;
  for (const t of terms) if (!keep || keep.has(t)) s += weight(t);
  return s;
}

function overlap<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): number {
  let n = 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const x of small) if (large.has(x)) n++;
  return n;
}

function dice<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): number {
  return a.size + b.size === 0 ? 0 : (2 * overlap(a, b)) / (a.size + b.size);
}

function union<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): Set<T> {
  return new Set([...a, ...b]);
}

/** One feature vector per candidate (same order), in FEATURE_NAMES order. */
export function pairFeatures(
  index: LexicalIndex,
  query: TextProfile,
  candidates: readonly Candidate[],
  profiles: readonly FactCheckProfile[],
): FeatureVector[] {
  const idfCache = new Map<string, number>();
  const weight = (t: string): number => {
    let w = idfCache.get(t);
    if (w === undefined) {
      w = termIdf(index, t);
      idfCache.set(t, w);
    }
    return w;
  };
  const best = candidates[0]?.score || 1;
  const bestClaim = Math.max(1e-9, ...candidates.map((c) => c.claimScore));
  const bestTitle = Math.max(1e-9, ...candidates.map((c) => c.titleScore));
  const queryIdf = idfSum(query.terms, weight) || 1;
  let rarest = 0;
  for (const t of query.terms) rarest = Math.max(rarest, weight(t));
  return candidates.map((c, r) => {
    const p = profiles[r] ?? { claim: query, title: query };
    const other = r === 0 ? (candidates[1]?.score ?? 0) : best;
    const docTerms = union(p.claim.terms, p.title.terms);
    const sharedTerms = new Set([...query.terms].filter((t) => docTerms.has(t)));
    let rarestShared = 0;
    for (const t of sharedTerms) rarestShared = Math.max(rarestShared, weight(t));
    const docBigrams = union(p.claim.bigrams, p.title.bigrams);
    const sharedBigrams = overlap(query.bigrams, docBigrams);
    const docNumbers = union(p.claim.numbers, p.title.numbers);
    const sharedNumbers = overlap(query.numbers, docNumbers);
    const sharedNames = overlap(query.names, union(p.claim.names, p.title.terms));
    const f = new Float64Array(FEATURE_NAMES.length);
    let i = 0;
    f[i++] = c.score;
    f[i++] = c.score / best;
    f[i++] = (c.score - other) / best;
    f[i++] = c.claimScore;
    f[i++] = c.claimScore / bestClaim;
    f[i++] = c.titleScore;
    f[i++] = c.titleScore / bestTitle;
    f[i++] = Math.log1p(r);
    f[i++] = r === 0 ? 1 : 0;
    f[i++] = idfSum(sharedTerms, weight) / queryIdf;
    f[i++] = idfSum(p.claim.terms, weight, query.terms) / (idfSum(p.claim.terms, weight) || 1);
    f[i++] = idfSum(p.title.terms, weight, query.terms) / (idfSum(p.title.terms, weight) || 1);
    f[i++] = rarest === 0 ? 0 : rarestShared / rarest;
    f[i++] = Math.log1p(sharedBigrams);
    f[i++] = overlap(query.bigrams, p.claim.bigrams) / (p.claim.bigrams.size || 1);
    f[i++] = Math.log1p(sharedNumbers);
    f[i++] =
      query.numbers.size === 0 ? 0 : (p.claim.numbers.size - overlap(query.numbers, p.claim.numbers)) / 2;
    f[i++] = Math.log1p(sharedNames);
    f[i++] = p.claim.names.size === 0 ? 0 : overlap(query.terms, p.claim.names) / p.claim.names.size;
    f[i++] = dice(query.trigrams, p.claim.trigrams);
    f[i++] = dice(query.trigrams, p.title.trigrams);
    f[i++] = Math.log((1 + query.length) / (1 + p.claim.length));
    f[i++] = Math.log1p(query.length);
    return f;
  });
}
