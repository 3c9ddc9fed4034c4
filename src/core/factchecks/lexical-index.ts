// The inverted index of the lexical stage: for each stemmed term, the fact-checks that contain it
// with its frequency in the claim and in the title. Compact and plain: a term dictionary, then
// typed arrays in compressed-sparse-row form (each term's postings are one slice), so 200,000
// fact-checks take a few MB, can be stored in IndexedDB as is and searched without rebuilding.
// Updates are functional: adding or removing fact-checks returns a new index in one linear pass
// over the postings (no re-analysis of the fact-checks already in), and answers exactly what an
// index built from scratch over the same fact-checks, in the same order, answers.
// Searching is in lexical-search.ts; text analysis in analyse-text.ts.

import { analyseText } from './analyse-text';

/** A fact-check as the index sees it. */
export interface FactCheckText {
  id: string;
  /** The claim as the fact-checker worded it (ClaimReview `claimReviewed`). */
  claim: string;
  /** The fact-check article's headline. */
  title: string;
}

/**
 * A fact-check as the ranking reads it. One without a headline (a CSV feed's `claim,url`) is read
 * with its claim as the headline: the re-ranker learnt from fact-checks whose headlines restate
 * their claims (Snopes'), and an empty one reads to it as "about something else" — measured on
 * the e2e page, a paraphrase scores 0.01 with no headline and 0.72 with the claim as headline.
 */
export function rankedText<T extends Pick<FactCheckText, 'claim' | 'title'>>(fc: T): T {
  return fc.title.trim() === '' ? { ...fc, title: fc.claim } : fc;
}

export interface LexicalIndex {
  /** Term id → stem. */
  terms: string[];
  /** Document number → fact-check id. */
  ids: string[];
  /** Content words in each document's claim and title. */
  claimLength: Uint16Array;
  titleLength: Uint16Array;
  /** Term t's postings are at [postingStart[t], postingStart[t + 1]). */
  postingStart: Uint32Array;
  /** Document numbers, ascending within a term. */
  postingDoc: Uint32Array;
  postingClaimTf: Uint8Array;
  postingTitleTf: Uint8Array;
  /** Derived lookups, rebuilt on load, never stored. */
  termId: Map<string, number>;
  docNumber: Map<string, number>;
  averageClaimLength: number;
  averageTitleLength: number;
}

const MAX_TF = 255;
const MAX_LENGTH = 65_535;

export function emptyIndex(): LexicalIndex {
  return withLookups({
    terms: [],
    ids: [],
    claimLength: new Uint16Array(0),
    titleLength: new Uint16Array(0),
    postingStart: new Uint32Array(1),
    postingDoc: new Uint32Array(0),
    postingClaimTf: new Uint8Array(0),
    postingTitleTf: new Uint8Array(0),
  });
}

export function buildIndex(factChecks: readonly FactCheckText[]): LexicalIndex {
  return addToIndex(emptyIndex(), factChecks);
}

/** The index without its derived lookups: what is stored. */
export type IndexArrays = Omit<
  LexicalIndex,
  'termId' | 'docNumber' | 'averageClaimLength' | 'averageTitleLength'
>;

/** Adds the derived lookups and averages to the stored arrays. */
export function withLookups(s: IndexArrays): LexicalIndex {
  const average = (a: Uint16Array): number => {
    let sum = 0;
    for (const x of a) sum += x;
    return a.length === 0 ? 0 : sum / a.length;
  };
  return {
    ...s,
    termId: new Map(s.terms.map((t, i) => [t, i])),
    docNumber: new Map(s.ids.map((id, i) => [id, i])),
    averageClaimLength: average(s.claimLength),
    averageTitleLength: average(s.titleLength),
  };
}

interface DocTerms {
  claimLength: number;
  titleLength: number;
  /** Term → [claim tf, title tf]. */
  tf: Map<string, [number, number]>;
}

function docTerms(fc: FactCheckText): DocTerms {
  const tf = new Map<string, [number, number]>();
  const read = rankedText(fc);
  const claim = analyseText(read.claim).terms;
  const title = analyseText(read.title).terms;
  for (const t of claim) {
    const e = tf.get(t) ?? [0, 0];
    e[0] = Math.min(MAX_TF, e[0] + 1);
    tf.set(t, e);
  }
  for (const t of title) {
    const e = tf.get(t) ?? [0, 0];
    e[1] = Math.min(MAX_TF, e[1] + 1);
    tf.set(t, e);
  }
  return {
    claimLength: Math.min(MAX_LENGTH, claim.length),
    titleLength: Math.min(MAX_LENGTH, title.length),
    tf,
  };
}

/**
 * The index with these fact-checks added after the ones it holds. A fact-check whose id is
 * already in (or repeated in the batch) replaces the earlier one: the last copy wins.
 */
export function addToIndex(index: LexicalIndex, factChecks: readonly FactCheckText[]): LexicalIndex {
  const latest = new Map<string, FactCheckText>();
  for (const fc of factChecks) {
    latest.delete(fc.id);
    latest.set(fc.id, fc);
  }
  const replaced = [...latest.keys()].filter((id) => index.docNumber.has(id));
  const base = replaced.length > 0 ? removeFromIndex(index, replaced) : index;
  const added = [...latest.values()].map(docTerms);

  const terms = [...base.terms];
  const termId = new Map(base.termId);
  const V0 = terms.length;
  for (const d of added)
    for (const t of d.tf.keys())
      if (!termId.has(t)) {
        termId.set(t, terms.length);
        terms.push(t);
      }
  const V = terms.length;
  const N0 = base.ids.length;

  // New postings per term, in document order.
  const extra = new Uint32Array(V);
  for (const d of added)
    for (const term of d.tf.keys()) {
      const t = termId.get(term) ?? 0;
      extra[t] = (extra[t] ?? 0) + 1;
    }
  const postingStart = new Uint32Array(V + 1);
  for (let t = 0; t < V; t++) {
    const old = t < V0 ? (base.postingStart[t + 1] ?? 0) - (base.postingStart[t] ?? 0) : 0;
    postingStart[t + 1] = (postingStart[t] ?? 0) + old + (extra[t] ?? 0);
  }
  const total = postingStart[V] ?? 0;
  const postingDoc = new Uint32Array(total);
  const postingClaimTf = new Uint8Array(total);
  const postingTitleTf = new Uint8Array(total);
  const fill = new Uint32Array(V);
  for (let t = 0; t < V0; t++) {
    const from = base.postingStart[t] ?? 0;
    const to = base.postingStart[t + 1] ?? 0;
    const at = postingStart[t] ?? 0;
    postingDoc.set(base.postingDoc.subarray(from, to), at);
    postingClaimTf.set(base.postingClaimTf.subarray(from, to), at);
    postingTitleTf.set(base.postingTitleTf.subarray(from, to), at);
    fill[t] = to - from;
  }
  added.forEach((d, i) => {
    for (const [term, [c, h]] of d.tf) {
      const t = termId.get(term) ?? 0;
      const at = (postingStart[t] ?? 0) + (fill[t] ?? 0);
      postingDoc[at] = N0 + i;
      postingClaimTf[at] = c;
      postingTitleTf[at] = h;
      fill[t] = (fill[t] ?? 0) + 1;
    }
  });

  const claimLength = new Uint16Array(N0 + added.length);
  claimLength.set(base.claimLength);
  const titleLength = new Uint16Array(N0 + added.length);
  titleLength.set(base.titleLength);
  added.forEach((d, i) => {
    claimLength[N0 + i] = d.claimLength;
    titleLength[N0 + i] = d.titleLength;
  });
  return withLookups({
    terms,
    ids: [...base.ids, ...latest.keys()],
    claimLength,
    titleLength,
    postingStart,
    postingDoc,
    postingClaimTf,
    postingTitleTf,
  });
}

/** The index without these fact-checks (ids it does not hold are ignored). Unused terms go too. */
export function removeFromIndex(index: LexicalIndex, ids: Iterable<string>): LexicalIndex {
  const N = index.ids.length;
  const gone = new Uint8Array(N);
  let removed = 0;
  for (const id of ids) {
    const d = index.docNumber.get(id);
    if (d !== undefined && gone[d] === 0) {
      gone[d] = 1;
      removed++;
    }
  }
  if (removed === 0) return index;
  const renumber = new Int32Array(N);
  const keptIds: string[] = [];
  const claimLength = new Uint16Array(N - removed);
  const titleLength = new Uint16Array(N - removed);
  for (let d = 0; d < N; d++) {
    if (gone[d] === 1) {
      renumber[d] = -1;
      continue;
    }
    renumber[d] = keptIds.length;
    claimLength[keptIds.length] = index.claimLength[d] ?? 0;
    titleLength[keptIds.length] = index.titleLength[d] ?? 0;
    keptIds.push(index.ids[d] ?? '');
  }
  const V = index.terms.length;
  const postingDoc = new Uint32Array(index.postingDoc.length);
  const postingClaimTf = new Uint8Array(index.postingDoc.length);
  const postingTitleTf = new Uint8Array(index.postingDoc.length);
  const starts: number[] = [0];
  const terms: string[] = [];
  let at = 0;
  for (let t = 0; t < V; t++) {
    const before = at;
    for (let p = index.postingStart[t] ?? 0; p < (index.postingStart[t + 1] ?? 0); p++) {
      const d = renumber[index.postingDoc[p] ?? 0] ?? -1;
      if (d < 0) continue;
      postingDoc[at] = d;
      postingClaimTf[at] = index.postingClaimTf[p] ?? 0;
      postingTitleTf[at] = index.postingTitleTf[p] ?? 0;
      at++;
    }
    if (at > before) {
      terms.push(index.terms[t] ?? '');
      starts.push(at);
    }
  }
  return withLookups({
    terms,
    ids: keptIds,
    claimLength,
    titleLength,
    postingStart: Uint32Array.from(starts),
    postingDoc: postingDoc.slice(0, at),
    postingClaimTf: postingClaimTf.slice(0, at),
    postingTitleTf: postingTitleTf.slice(0, at),
  });
}

/** Number of fact-checks containing term id `t` (in either field). */
export function docFreq(index: LexicalIndex, t: number): number {
  return (index.postingStart[t + 1] ?? 0) - (index.postingStart[t] ?? 0);
}
