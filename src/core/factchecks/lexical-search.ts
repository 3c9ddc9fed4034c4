// The lexical stage: scores every fact-check sharing a word with the query by BM25F over claim
// and title, and returns the best k, with each field's own BM25 for the re-ranker. One pass over
// the postings of the query's distinct terms into reusable score buffers, then a bounded heap:
// cost grows with the postings touched, not with the size of the index.

import { type Bm25Params, DEFAULT_BM25, idf, normalisedTf, saturate } from './bm25';
import type { LexicalIndex } from './lexical-index';

export interface Candidate {
  /** Document number in the index. */
  doc: number;
  /** Fact-check id. */
  id: string;
  /** BM25F over claim and title: the lexical stage's ranking score. */
  score: number;
  /** BM25 of the claim field alone, and of the title field alone. */
  claimScore: number;
  titleScore: number;
}

interface Scratch {
  combined: Float64Array;
  claim: Float64Array;
  title: Float64Array;
  touched: Uint32Array;
}

// One set of buffers per index (an index is immutable), freed with it.
const scratchOf = new WeakMap<LexicalIndex, Scratch>();

function scratch(index: LexicalIndex): Scratch {
  let s = scratchOf.get(index);
  if (!s) {
    const n = index.ids.length;
    s = {
      combined: new Float64Array(n),
      claim: new Float64Array(n),
      title: new Float64Array(n),
      touched: new Uint32Array(n),
    };
    scratchOf.set(index, s);
  }
  return s;
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
  const s = scratch(index);
  const { k1, bClaim, bTitle, titleWeight } = params;
  const avgC = index.averageClaimLength;
  const avgT = index.averageTitleLength;
  let touchedCount = 0;
  for (const term of new Set(queryTerms)) {
    const t = index.termId.get(term);
    if (t === undefined) continue;
    const from = index.postingStart[t] ?? 0;
    const to = index.postingStart[t + 1] ?? 0;
    const w = idf(N, to - from);
    for (let p = from; p < to; p++) {
      const d = index.postingDoc[p] ?? 0;
      const tc = normalisedTf(index.postingClaimTf[p] ?? 0, index.claimLength[d] ?? 0, avgC, bClaim);
      const tt = normalisedTf(index.postingTitleTf[p] ?? 0, index.titleLength[d] ?? 0, avgT, bTitle);
      if ((s.combined[d] ?? 0) === 0) s.touched[touchedCount++] = d;
      s.combined[d] = (s.combined[d] ?? 0) + w * saturate(tc + titleWeight * tt, k1);
      s.claim[d] = (s.claim[d] ?? 0) + w * saturate(tc, k1);
      s.title[d] = (s.title[d] ?? 0) + w * saturate(tt, k1);
    }
  }
  const best = topK(s.combined, s.touched, touchedCount, k);
  const out = best.map((d) => ({
    doc: d,
    id: index.ids[d] ?? '',
    score: s.combined[d] ?? 0,
    claimScore: s.claim[d] ?? 0,
    titleScore: s.title[d] ?? 0,
  }));
  for (let i = 0; i < touchedCount; i++) {
    const d = s.touched[i] ?? 0;
    s.combined[d] = 0;
    s.claim[d] = 0;
    s.title[d] = 0;
  }
  return out;
}

/** Better = higher score, then lower document number (deterministic ties). */
function better(score: Float64Array, a: number, b: number): boolean {
  const sa = score[a] ?? 0;
  const sb = score[b] ?? 0;
  return sa > sb || (sa === sb && a < b);
}

/** The k best of the touched documents, best first, through a min-heap of size k. */
function topK(score: Float64Array, touched: Uint32Array, count: number, k: number): number[] {
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
