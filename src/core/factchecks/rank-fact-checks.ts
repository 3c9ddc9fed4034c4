// The known-fact-check ranking, end to end: the lexical stage over every fact-check, then the
// re-ranker over its best candidates. One function for the extension and the command line alike.
// Pure; no DOM, no Node APIs: it runs in a worker or background page.

import type { FactCheckText, LexicalIndex } from './lexical-index';
import { type Candidate, lexicalSearch } from './lexical-search';
import { pairFeatures } from './pair-features';
import { type RerankModel, rerankScores } from './reranker';
import { type FactCheckProfile, profileFactCheck, profileText, type TextProfile } from './text-profile';

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
  return rerankCandidates(ranker, query, lexicalCandidates(ranker, query), limit);
}

/**
 * The lexical stage alone: the candidates the re-ranker will look at. Split out so a caller that
 * keeps fact-checks in a database can fetch every candidate's text for many sentences in one go.
 */
export function lexicalCandidates(ranker: Pick<Ranker, 'index' | 'model'>, query: TextProfile): Candidate[] {
  return lexicalSearch(ranker.index, [...query.terms], ranker.model.candidates, ranker.model.bm25);
}

/** The re-ranker over a query's candidates: best first, at most `limit`. */
export function rerankCandidates(
  ranker: Ranker,
  query: TextProfile,
  found: readonly Candidate[],
  limit = 5,
): FactCheckMatch[] {
  const candidates: Candidate[] = [];
  const profiles: FactCheckProfile[] = [];
  for (const c of found) {
    const p = ranker.profileOf(c.id);
    if (p) {
      candidates.push(c);
      profiles.push(p);
    }
  }
  if (candidates.length === 0) return [];
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
