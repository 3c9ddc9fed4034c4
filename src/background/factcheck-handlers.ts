// Handlers for the known-fact-check requests (factchecks/*), merged into the background's dispatch
// table by makeHandlers (handlers.ts). Matching runs here, in the background, over the index in
// factcheck-index.ts; a page sends its article's sentences and gets back the ones a subscribed
// fact-check checked, minus those the reader said are not the same claim on that page.
import { sharedWords } from '../core/factchecks/shared-words';
import { dismissedOn, dismissFactCheck } from '../db/fact-checks';
import type { FactmarkDb } from '../db/schema';
import type { Requests } from '../messages';
import type { FactCheckIndex } from './factcheck-index';

type FactCheckRequest = Extract<keyof Requests, `factchecks/${string}`>;

/** The editor lists at most this many fact-checks, and none the re-ranker gives less than this. */
export const SUGGESTIONS = { limit: 3, minScore: 0.05 } as const;

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
    'factchecks/changed': async () => {
      index.changed();
      effects.factChecksChanged();
      return null;
    },
  };
}
