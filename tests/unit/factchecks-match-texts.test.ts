// Matching a page's sentences at once (core/factchecks/match-sentences.ts), as the background does:
// one batch fetch of every candidate's text, the same ranking as rankFactChecks, short lines left
// out, and a fact-check present twice (in two feeds) as strong as one copy of it.
import { describe, expect, it } from 'vitest';
import { buildIndex, type FactCheckText } from '../../src/core/factchecks/lexical-index';
import { matchTexts } from '../../src/core/factchecks/match-sentences';
import { FACTCHECK_MODEL } from '../../src/core/factchecks/model';
import { profilesFrom, rankFactChecks } from '../../src/core/factchecks/rank-fact-checks';

const FEED: FactCheckText[] = [
  {
    id: 'hot-water',
    claim: 'Drinking hot water every 15 minutes kills the coronavirus.',
    title: 'Does drinking hot water every 15 minutes kill the coronavirus?',
  },
  {
    id: 'masts',
    claim: '5G mobile phone masts spread the coronavirus.',
    title: 'Do 5G phone masts spread the coronavirus?',
  },
  {
    id: 'tower',
    claim: 'The Eiffel Tower will be dismantled and moved to Las Vegas.',
    title: 'Is the Eiffel Tower moving to Las Vegas?',
  },
];
const SENTENCES = [
  'Health board hears questions',
  'A message shared on WhatsApp says drinking hot water every fifteen minutes kills the coronavirus.',
  'Parking near the town hall remains limited while the road works continue.',
  'Residents claimed that 5G mobile masts on the hill spread the coronavirus.',
];

function fetcher(feed: readonly FactCheckText[]) {
  const byId = new Map(feed.map((fc) => [fc.id, fc]));
  const calls: string[][] = [];
  return {
    calls,
    fetch: async (ids: string[]) => {
      calls.push(ids);
      return new Map(
        ids.flatMap((id) => (byId.has(id) ? [[id, byId.get(id) as FactCheckText] as const] : [])),
      );
    },
  };
}

describe('matching a page’s sentences against a feed', () => {
  it('ranks each sentence as rankFactChecks does, fetching every candidate once, and skips short lines', async () => {
    const source = fetcher(FEED);
    const found = await matchTexts(buildIndex(FEED), FACTCHECK_MODEL, SENTENCES, source.fetch);
    expect(source.calls).toHaveLength(1);
    expect(found.map((f) => f.text)).not.toContain(0);
    const byId = new Map(FEED.map((fc) => [fc.id, fc]));
    const ranker = {
      index: buildIndex(FEED),
      model: FACTCHECK_MODEL,
      profileOf: profilesFrom((id) => byId.get(id)),
    };
    for (const { text, matches } of found) {
      expect(matches).toEqual(rankFactChecks(ranker, SENTENCES[text] ?? '', 1));
    }
    const top = new Map(found.map(({ text, matches }) => [text, matches[0]]));
    expect(top.get(1)?.id).toBe('hot-water');
    expect(top.get(3)?.id).toBe('masts');
    expect(top.get(1)?.score).toBeGreaterThanOrEqual(FACTCHECK_MODEL.threshold);
  });

  it('gives a fact-check subscribed twice (two feeds) the score of one copy', async () => {
    const once = await matchTexts(buildIndex(FEED), FACTCHECK_MODEL, SENTENCES, fetcher(FEED).fetch);
    const twice = [...FEED, ...FEED.map((fc) => ({ ...fc, id: `other-feed:${fc.id}` }))];
    const found = await matchTexts(buildIndex(twice), FACTCHECK_MODEL, SENTENCES, fetcher(twice).fetch);
    for (const [i, { matches }] of found.entries()) {
      expect(matches[0]?.id).toBe(once[i]?.matches[0]?.id);
      // Only the feed's word statistics differ (twice the fact-checks); a shared probability would halve it.
      expect(matches[0]?.score).toBeCloseTo(once[i]?.matches[0]?.score ?? -1, 1);
    }
  });
});
