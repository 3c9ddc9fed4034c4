// The lexical index as stored: a plain object of typed arrays and string lists that IndexedDB's
// structured clone keeps as is, so a restarted worker loads it without re-analysing a single
// fact-check. Loading checks every array's size and every posting's range, because a stored
// copy can be stale or damaged; a bad one is reported, never half-used.

import { type IndexArrays, type LexicalIndex, withLookups } from './lexical-index';

const INDEX_FORMAT_VERSION = 1;

export interface StoredIndex extends IndexArrays {
  format: 'factmark-factcheck-index';
  version: number;
}

export type LoadedIndex = { kind: 'ok'; index: LexicalIndex } | { kind: 'invalid'; reason: string };

/** The stored form (the typed arrays are shared with the index, not copied: both are immutable). */
export function storeIndex(index: LexicalIndex): StoredIndex {
  return {
    format: 'factmark-factcheck-index',
    version: INDEX_FORMAT_VERSION,
    terms: index.terms,
    ids: index.ids,
    claimLength: index.claimLength,
    titleLength: index.titleLength,
    postingStart: index.postingStart,
    postingDoc: index.postingDoc,
    postingClaimTf: index.postingClaimTf,
    postingTitleTf: index.postingTitleTf,
  };
}

export function loadIndex(stored: unknown): LoadedIndex {
  const invalid = (reason: string): LoadedIndex => ({ kind: 'invalid', reason });
  if (typeof stored !== 'object' || stored === null) return invalid('not an object');
  const s = stored as Record<string, unknown>;
  if (s.format !== 'factmark-factcheck-index') return invalid('not a fact-check index');
  if (s.version !== INDEX_FORMAT_VERSION) return invalid(`unsupported version ${String(s.version)}`);
  const { terms, ids, claimLength, titleLength, postingStart, postingDoc, postingClaimTf, postingTitleTf } =
    s;
  const strings = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');
  if (!strings(terms) || !strings(ids)) return invalid('terms and ids must be lists of strings');
  if (!(claimLength instanceof Uint16Array) || !(titleLength instanceof Uint16Array))
    return invalid('field lengths must be Uint16Arrays');
  if (!(postingStart instanceof Uint32Array) || !(postingDoc instanceof Uint32Array))
    return invalid('posting starts and documents must be Uint32Arrays');
  if (!(postingClaimTf instanceof Uint8Array) || !(postingTitleTf instanceof Uint8Array))
    return invalid('term frequencies must be Uint8Arrays');
  const N = ids.length;
  const P = postingDoc.length;
  if (new Set(ids).size !== N) return invalid('a fact-check id appears twice');
  if (new Set(terms).size !== terms.length) return invalid('a term appears twice');
  if (claimLength.length !== N || titleLength.length !== N)
    return invalid('field lengths do not match the ids');
  if (postingStart.length !== terms.length + 1 || postingStart[0] !== 0 || postingStart[terms.length] !== P)
    return invalid('posting starts do not match the terms');
  if (postingClaimTf.length !== P || postingTitleTf.length !== P)
    return invalid('term frequencies do not match the postings');
  for (let t = 0; t < terms.length; t++) {
    const from = postingStart[t] ?? 0;
    const to = postingStart[t + 1] ?? 0;
    if (to < from) return invalid(`postings of term ${t} run backwards`);
    for (let p = from; p < to; p++) {
      const d = postingDoc[p] ?? 0;
      if (d >= N || (p > from && d <= (postingDoc[p - 1] ?? 0)))
        return invalid(`postings of term ${t} are out of range or order`);
    }
  }
  return {
    kind: 'ok',
    index: withLookups({
      terms,
      ids,
      claimLength,
      titleLength,
      postingStart,
      postingDoc,
      postingClaimTf,
      postingTitleTf,
    }),
  };
}
