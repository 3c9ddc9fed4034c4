// Handlers for the known-fact-check requests (factchecks/*), merged into the background's dispatch
// table by makeHandlers (handlers.ts). Matching runs here, in the background, over the index in
// factcheck-index.ts; a page sends its article's sentences and gets back the ones a subscribed
// fact-check checked, minus those the reader said are not the same claim on that page.
import type { FactCheck } from '../core/factchecks/fact-check';
import { sharedWords } from '../core/factchecks/shared-words';
import type { Claim } from '../core/model';
import { dismissedOn, dismissFactCheck, factChecksAtUrls } from '../db/fact-checks';
import type { FactmarkDb } from '../db/schema';
import { FACTCHECK_MATCH_LIMITS, type RelatedFactCheck, type Requests } from '../messages';
import type { FactCheckIndex } from './factcheck-index';

type FactCheckRequest = Extract<keyof Requests, `factchecks/${string}`>;

/** The editor lists at most this many fact-checks, and none the re-ranker gives less than this. */
const SUGGESTIONS = { limit: 3, minScore: 0.05 } as const;

export function makeFactCheckHandlers(
  db: FactmarkDb,
  index: FactCheckIndex,
  effects: { factChecksChanged(): void },
): { [K in FactCheckRequest]: (payload: Requests[K]['req']) => Promise<Requests[K]['res']> } {
  return {
    'factchecks/match': async ({ url, sentences }) => {
      const [found, dismissed] = await Promise.all([index.match(sentences), dismissedOn(db, url)]);
      return {
        marks: found
          .filter(({ factCheck }) => !dismissed.has(factCheck.id))
          .map(({ text, factCheck, score }) => ({
            sentence: text,
            factCheck,
            score,
            shared: sharedWords(sentences[text] ?? '', `${factCheck.claim} ${factCheck.title}`),
          })),
      };
    },
    'factchecks/dismiss': async ({ url, id }) => {
      await dismissFactCheck(db, url, id);
      return null;
    },
    'factchecks/suggest': async ({ text }) => {
      // A selection may be a few words: every text is matched, however short.
      const found = await index.match([text], { ...SUGGESTIONS, minWords: 1 });
      return { suggestions: found.map(({ factCheck, score }) => ({ factCheck, score })) };
    },
    'factchecks/related': async ({ ids }) => relatedFactChecks(db, index, ids),
    'factchecks/changed': async () => {
      index.changed();
      effects.factChecksChanged();
      return null;
    },
  };
}

/**
 * Each note's related fact-check, if it has one: a fact-check whose article the note cites as a
 * source, or else one its quote matches above the model's threshold. The quote alone is matched,
 * not the correction: the quote is the claim a fact-checker would have checked, while the
 * correction says what is true instead, and would find fact-checks of other claims.
 */
async function relatedFactChecks(
  db: FactmarkDb,
  index: FactCheckIndex,
  ids: readonly string[],
): Promise<{ related: RelatedFactCheck[] }> {
  const claims = (await db.claims.bulkGet([...ids])).filter((claim): claim is Claim => claim !== undefined);
  const sources = new Map(claims.map((claim) => [claim.id, claim.sources.map((source) => source.trim())]));
  const cited = await factChecksAtUrls(db, [...new Set([...sources.values()].flat())]);
  const byUrl = new Map<string, FactCheck>();
  for (const factCheck of cited) if (!byUrl.has(factCheck.url)) byUrl.set(factCheck.url, factCheck);
  const titles = new Map((await db.lists.toArray()).map((list) => [list.id, list.title]));
  const related: RelatedFactCheck[] = [];
  const unsourced: Claim[] = [];
  for (const claim of claims) {
    const factCheck = (sources.get(claim.id) ?? [])
      .map((url) => byUrl.get(url))
      .find((fc) => fc !== undefined);
    if (!factCheck) unsourced.push(claim);
    else
      related.push({
        claimId: claim.id,
        factCheck: { ...factCheck, listTitle: titles.get(factCheck.listId) ?? '' },
        score: 1,
        via: 'source',
      });
  }
  const quotes = unsourced.map((claim) => claim.quote.exact.slice(0, FACTCHECK_MATCH_LIMITS.chars));
  for (const { text, factCheck, score } of await index.match(quotes)) {
    const claim = unsourced[text];
    if (claim) related.push({ claimId: claim.id, factCheck, score, via: 'match' });
  }
  return { related };
}
