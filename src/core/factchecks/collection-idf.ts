// IDF for a feed of any size. The re-ranker was trained on 10,375 fact-checks, and its features
// (BM25 scores, IDF-weighted overlaps) take their scale from the collection's statistics: in a feed
// of 50 fact-checks every word is common, no score reaches what training saw, and nothing would
// ever be marked. So a feed smaller than the training collection borrows its statistics: the
// reference document frequencies (reference-frequencies.json, `npm run
// build:reference-frequencies`) weighted by how much smaller the feed is, fading to none at the
// training collection's size — where the model sees exactly the statistics it was trained with.
import { idf } from './bm25';
import reference from './reference-frequencies.json';

const REFERENCE_DOCS: number = reference.docs;
const REFERENCE_DF = new Map<string, number>(Object.entries(reference.df as Record<string, number>));

/** How much of the reference collection a feed of `docs` fact-checks borrows (1 for none, 0 from the training size on). */
export function referenceWeight(docs: number): number {
  return Math.max(0, 1 - docs / REFERENCE_DOCS);
}

/** IDF of a stem found in `docFreq` of a feed's `docs` fact-checks, topped up with the reference statistics. */
export function collectionIdf(docs: number, docFreq: number, stem: string): number {
  const w = referenceWeight(docs);
  if (w === 0) return idf(docs, docFreq);
  return idf(docs + w * REFERENCE_DOCS, docFreq + w * (REFERENCE_DF.get(stem) ?? 0));
}
