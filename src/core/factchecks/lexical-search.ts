// The lexical stage: scores every fact-check sharing a word with the query by BM25F over claim
// and title, and returns the best k. Each posting's BM25F term weight (everything but the IDF)
// is computed once per index and parameters, so a query costs one multiply-add per posting of
// its distinct terms into a reusable buffer, then a bounded heap: cost grows with the postings
// touched, not with the size of the index. (Computing the field lengths' normalisation per
// posting and per-field scores in the loop made it 4 times slower: the per-field BM25 the
// re-ranker needs is computed for its candidates only, in pair-features.ts.)

import { type Bm25Params, DEFAULT_BM25, normalisedTf, saturate } from './bm25';
import { collectionIdf } from './collection-idf';
import type { LexicalIndex } from './lexical-index';

export interface Candidate {
  /** Document number in the index. */
  doc: number;
  /** Fact-check id. */
  id: string;
  /** BM25F over claim and title: the lexical stage's ranking score. */
  score: number;
}

interface Scratch {
  score: Float32Array;
  touched: Uint32Array;
  /** Each posting's BM25F weight without the IDF, for `impactFor`. */
  impact: Float32Array;
  impactFor: Bm25Params | undefined;
}

// One set of buffers per index (an index is immutable), freed with it.
const scratchOf = new WeakMap<LexicalIndex, Scratch>();

function scratch(index: LexicalIndex, p: Bm25Params): Scratch {
  let s = scratchOf.get(index);
  if (!s) {
    const n = index.ids.length;
    s = {
      score: new Float32Array(n),
      touched: new Uint32Array(n),
      impact: new Float32Array(index.postingDoc.length),
      impactFor: undefined,
    };
    scratchOf.set(index, s);
  }
  const f = s.impactFor;
  if (
    !f ||
    f.k1 !== p.k1 ||
    f.bClaim !== p.bClaim ||
    f.bTitle !== p.bTitle ||
    f.titleWeight !== p.titleWeight
  ) {
    computeImpacts(index, s.impact, p);
    s.impactFor = { ...p };
  }
  return s;
}

/** saturate(normalised claim tf + titleWeight × normalised title tf), posting by posting. */
function computeImpacts(index: LexicalIndex, impact: Float32Array, p: Bm25Params): void {
  const claimNorm = new Float64Array(index.ids.length);
  const titleNorm = new Float64Array(index.ids.length);
  for (let d = 0; d < index.ids.length; d++) {
    claimNorm[d] = normalisedTf(1, index.claimLength[d] ?? 0, index.averageClaimLength, p.bClaim);
    titleNorm[d] = normalisedTf(1, index.titleLength[d] ?? 0, index.averageTitleLength, p.bTitle);
  }
  for (let i = 0; i < index.postingDoc.length; i++) {
    const d = index.postingDoc[i] ?? 0;
    const tf =
      (index.postingClaimTf[i] ?? 0) * (claimNorm[d] ?? 0) +
      p.titleWeight * (index.postingTitleTf[i] ?? 0) * (titleNorm[d] ?? 0);
    impact[i] = saturate(tf, p.k1);
  }
}

/** The k best fact-checks for a query's terms (from analyseText), best first; ties by index order. */
export function lexicalSearch(
  index: LexicalIndex,
  queryTerms: readonly string[],
  k: number,
  params: Bm25Params = DEFAULT_BM25,
): Candidate[] {
  const N = index.ids.length;
  if (N === 0 || k <= 0) return [];
  const { score, touched, impact } = scratch(index, params);
  const { postingDoc } = index;
  let touchedCount = 0;
  for (const term of new Set(queryTerms)) {
    const t = index.termId.get(term);
    if (t === undefined) continue;
    const from = index.postingStart[t] ?? 0;
    const to = index.postingStart[t + 1] ?? 0;
    const w = collectionIdf(N, to - from, term);
    for (let p = from; p < to; p++) {
      const d = postingDoc[p] ?? 0;
      const before = score[d] ?? 0;
      if (before === 0) touched[touchedCount++] = d;
      score[d] = before + w * (impact[p] ?? 0);
    }
  }
  const best = topK(score, touched, touchedCount, k);
  const out = best.map((d) => ({ doc: d, id: index.ids[d] ?? '', score: score[d] ?? 0 }));
  for (let i = 0; i < touchedCount; i++) score[touched[i] ?? 0] = 0;
  return out;
}

/** Better = higher score, then lower document number (deterministic ties). */
function better(score: Float32Array, a: number, b: number): boolean {
  const sa = score[a] ?? 0;
  const sb = score[b] ?? 0;
  return sa > sb || (sa === sb && a < b);
}

/** The k best of the touched documents, best first, through a min-heap of size k. */
function topK(score: Float32Array, touched: Uint32Array, count: number, k: number): number[] {
  const heap: number[] = [];
  const worse = (i: number, j: number): boolean => better(score, heap[j] ?? 0, heap[i] ?? 0);
  const swap = (i: number, j: number): void => {
    const x = heap[i] ?? 0;
    heap[i] = heap[j] ?? 0;
    heap[j] = x;
  };
  const down = (i: number): void => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < heap.length && worse(l, m)) m = l;
      if (r < heap.length && worse(r, m)) m = r;
      if (m === i) return;
      swap(i, m);
      i = m;
    }
  };
  for (let i = 0; i < count; i++) {
    const d = touched[i] ?? 0;
    if (heap.length < k) {
      heap.push(d);
      for (let c = heap.length - 1; c > 0; ) {
        const p = (c - 1) >> 1;
        if (!worse(c, p)) break;
        swap(c, p);
        c = p;
      }
    } else if (better(score, d, heap[0] ?? 0)) {
      heap[0] = d;
      down(0);
    }
  }
  return heap.sort((a, b) => (better(score, a, b) ? -1 : 1));
}
