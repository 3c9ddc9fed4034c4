// Many texts against the fact-checks at once, for a page's sentences or a selection being flagged:
// the lexical stage for every text first, then the texts of all their candidates fetched in one
// batch (the fact-checks live in a database, not in memory), then the re-ranker. The same ranking
// as rankFactChecks; only the order of the work differs. Pure apart from the injected fetch.
import type { FactCheckText, LexicalIndex } from './lexical-index';
import { type FactCheckMatch, lexicalCandidates, rerankCandidates } from './rank-fact-checks';
import type { RerankModel } from './reranker';
import { type FactCheckProfile, profileFactCheck, profileText } from './text-profile';

/** Sentences shorter than this many words say too little to be matched (headings, captions). */
export const MIN_SENTENCE_WORDS = 4;

/** Fact-check profiles kept between requests, so a page's second pass re-profiles nothing. */
export class ProfileCache {
  private readonly profiles = new Map<string, { profile: FactCheckProfile; text: string }>();
  constructor(private readonly max = 20_000) {}

  get(id: string): FactCheckProfile | undefined {
    return this.profiles.get(id)?.profile;
  }

  /** The fact-check's words as the ranking reads them: two fact-checks with the same are copies. */
  textOf(id: string): string | undefined {
    return this.profiles.get(id)?.text;
  }

  set(fc: FactCheckText): void {
    if (this.profiles.size >= this.max) this.profiles.clear();
    this.profiles.set(fc.id, { profile: profileFactCheck(fc), text: `${fc.claim}\n${fc.title}` });
  }
}

/**
 * The candidates without copies of one fact-check (the same one in two feeds, or a feed that
 * repeats itself): the re-ranker shares a probability among equal candidates, so two copies
 * would each get about half and neither be marked. The first (best-scoring) copy stays.
 */
function withoutCopies<C extends { id: string }>(candidates: readonly C[], cache: ProfileCache): C[] {
  const seen = new Set<string>();
  return candidates.filter((c) => {
    const text = cache.textOf(c.id);
    if (text === undefined) return true;
    if (seen.has(text)) return false;
    seen.add(text);
    return true;
  });
}

export interface SentenceMatches {
  /** Index of the text in the request. */
  text: number;
  /** Best first. */
  matches: FactCheckMatch[];
}

/**
 * For each text, its best `limit` fact-checks (best first). `fetch` answers the fact-checks with
 * these ids (any it no longer has are left out of the candidates).
 */
export async function matchTexts(
  index: LexicalIndex,
  model: RerankModel,
  texts: readonly string[],
  fetch: (ids: string[]) => Promise<Map<string, FactCheckText>>,
  { limit = 1, cache = new ProfileCache(), minWords = MIN_SENTENCE_WORDS } = {},
): Promise<SentenceMatches[]> {
  if (index.ids.length === 0) return [];
  const queries = texts.map((text, i) => ({ i, text }));
  const searched = queries
    .filter(({ text }) => text.trim().split(/\s+/).length >= minWords)
    .map(({ i, text }) => {
      const query = profileText(text);
      return { i, query, candidates: lexicalCandidates({ index, model }, query) };
    })
    .filter((s) => s.candidates.length > 0);
  const wanted = new Set<string>();
  for (const s of searched) for (const c of s.candidates) if (!cache.get(c.id)) wanted.add(c.id);
  if (wanted.size > 0) for (const fc of (await fetch([...wanted])).values()) cache.set(fc);
  const ranker = { index, model, profileOf: (id: string) => cache.get(id) };
  return searched.map(({ i, query, candidates }) => ({
    text: i,
    matches: rerankCandidates(ranker, query, withoutCopies(candidates, cache), limit),
  }));
}
