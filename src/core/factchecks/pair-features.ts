// The re-ranker's view of one (query, fact-check) pair among the lexical stage's candidates:
// how well each field matched by BM25 and how that compares with the other candidates, how much
// of the query's and of the fact-check's rare words they share (IDF-weighted), shared bigrams,
// numbers in common and in conflict, names in common, character-trigram overlap (catches
// "cornflakes" / "Corn Flakes" and spelling variants) and length ratios. Pure; no DOM.

import { type Bm25Params, normalisedTf, saturate } from './bm25';
import { collectionIdf } from './collection-idf';
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
  'query × claim idf covered',
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

/** IDF of a stem in the index (a stem it has never seen counts as the rarest; a small feed borrows). */
function termIdf(index: LexicalIndex, term: string): number {
  const t = index.termId.get(term);
  return collectionIdf(index.ids.length, t === undefined ? 0 : docFreq(index, t), term);
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

/** BM25 of one field of a fact-check for the query's terms (the index gives IDF and mean length). */
function fieldBm25(
  query: TextProfile,
  field: TextProfile,
  averageLength: number,
  b: number,
  k1: number,
  weight: (t: string) => number,
): number {
  let s = 0;
  for (const t of query.terms) {
    const tf = field.counts.get(t);
    if (tf !== undefined) s += weight(t) * saturate(normalisedTf(tf, field.length, averageLength, b), k1);
  }
  return s;
}

/** One feature vector per candidate (same order), in FEATURE_NAMES order. */
export function pairFeatures(
  index: LexicalIndex,
  query: TextProfile,
  candidates: readonly Candidate[],
  profiles: readonly FactCheckProfile[],
  bm25: Bm25Params,
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
  const fields = profiles.map((p) => ({
    claim: fieldBm25(query, p.claim, index.averageClaimLength, bm25.bClaim, bm25.k1, weight),
    title: fieldBm25(query, p.title, index.averageTitleLength, bm25.bTitle, bm25.k1, weight),
  }));
  const bestClaim = Math.max(1e-9, ...fields.map((f) => f.claim));
  const bestTitle = Math.max(1e-9, ...fields.map((f) => f.title));
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
    const { claim, title } = fields[r] ?? { claim: 0, title: 0 };
    f[i++] = claim;
    f[i++] = claim / bestClaim;
    f[i++] = title;
    f[i++] = title / bestTitle;
    f[i++] = Math.log1p(r);
    f[i++] = r === 0 ? 1 : 0;
    const queryCovered = idfSum(sharedTerms, weight) / queryIdf;
    const claimCovered = idfSum(p.claim.terms, weight, query.terms) / (idfSum(p.claim.terms, weight) || 1);
    f[i++] = queryCovered;
    f[i++] = claimCovered;
    f[i++] = idfSum(p.title.terms, weight, query.terms) / (idfSum(p.title.terms, weight) || 1);
    // Both ways at once: a short sentence covering one word of a long claim is not a match.
    f[i++] = queryCovered * claimCovered;
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
