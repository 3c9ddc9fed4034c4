// The known-fact-check ranking, end to end: the lexical stage over every fact-check, then the
// re-ranker over its best candidates. One function for the extension and the command line alike.
// Pure; no DOM, no Node APIs: it runs in a worker or background page.

import type { FactCheckText, LexicalIndex } from './lexical-index';
import { lexicalSearch } from './lexical-search';
import { pairFeatures } from './pair-features';
import { type RerankModel, rerankScores } from './reranker';
import { type FactCheckProfile, profileFactCheck, profileText } from './text-profile';

export interface FactCheckMatch {
  id: string;
  /** The re-ranker's probability that this fact-check checks the text (0–1). */
  score: number;
  /** The lexical stage's BM25F score. */
  lexicalScore: number;
}

export interface Ranker {
  index: LexicalIndex;
  model: RerankModel;
  /** The profile of an indexed fact-check; undefined drops it from the candidates. */
  profileOf: (id: string) => FactCheckProfile | undefined;
}

/** The best matches for a text, best first, at most `limit`. */
export function rankFactChecks(ranker: Ranker, text: string, limit = 5): FactCheckMatch[] {
  const query = profileText(text);
  const found = lexicalSearch(ranker.index, [...query.terms], ranker.model.candidates, ranker.model.bm25);
  const candidates: typeof found = [];
  const profiles: FactCheckProfile[] = [];
  for (const c of found) {
    const p = ranker.profileOf(c.id);
    if (p) {
      candidates.push(c);
      profiles.push(p);
    }
  }
  const scores = rerankScores(
    ranker.model,
    pairFeatures(ranker.index, query, candidates, profiles, ranker.model.bm25),
  );
  return candidates
    .map((c, i) => ({
      id: c.id,
      score: scores[i] ?? 0,
      lexicalScore: c.score,
      order: i,
    }))
    .sort((a, b) => b.score - a.score || a.order - b.order)
    .slice(0, limit)
    .map(({ id, score, lexicalScore }) => ({ id, score, lexicalScore }));
}

/** Whether a top match is strong enough to tell the reader the claim was fact-checked before. */
export function isFactCheckedBefore(match: FactCheckMatch | undefined, model: RerankModel): boolean {
  return match !== undefined && match.score >= model.threshold;
}

/** A profile lookup over fact-check texts, profiling each on first use. */
export function profilesFrom(
  textOf: (id: string) => FactCheckText | undefined,
): (id: string) => FactCheckProfile | undefined {
  const cache = new Map<string, FactCheckProfile>();
  return (id) => {
    const known = cache.get(id);
    if (known) return known;
    const fc = textOf(id);
    if (!fc) return undefined;
    const p = profileFactCheck(fc);
    cache.set(id, p);
    return p;
  };
}
