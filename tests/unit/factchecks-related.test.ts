// The review page's "related fact-check" of a note (factchecks/related): a subscribed feed's
// fact-check the note cites as a source, or else one its quote says the same as; none for a note
// about something else. Real fact-checks: Snopes's, from the CheckThat! 2020 data.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { makeHandlers } from '../../src/background/handlers';
import type { FactCheckDraft } from '../../src/core/factchecks/fact-check';
import type { CorrectionList } from '../../src/core/rule';
import { setListEnabled, storeFeed } from '../../src/db/lists';
import { restoreClaims } from '../../src/db/queries';
import { claimId, makeClaim } from './support/claims';
import { freshDbPerTest } from './support/fresh-db';
import { NO_EFFECTS } from './support/no-effects';

const db = freshDbPerTest('factmark-related');

const FEED: CorrectionList = {
  id: '7d0c9a7e-3f55-4b8e-9d0a-6c1e2b3a4f50',
  title: 'Snopes fact-checks',
  url: 'https://feeds.example/snopes.jsonl',
  enabled: true,
};
/**
 * 41 fact-checks Snopes verified, as the CheckThat! 2020 data words them (claim and headline; ids
 * 0–39 and 639). The data has no addresses: each gets one made from its id.
 */
const SAMPLE: { id: string; claim: string; title: string }[] = JSON.parse(
  readFileSync(
    fileURLToPath(new URL('../fixtures/factchecks/checkthat-2020-sample.json', import.meta.url)),
    'utf8',
  ),
);
const FACT_CHECKS: FactCheckDraft[] = SAMPLE.map(({ id, claim, title }) => ({
  claim,
  title,
  url: `https://www.snopes.com/fact-check/checkthat-${id}/`,
  rating: id === '639' ? 'Mostly False' : 'False',
  verdict: id === '639' ? null : 'false',
  publisher: 'Snopes',
  date: '2019-12-27',
  language: 'en',
}));
/** Did the CBC cut Donald Trump from its broadcast of "Home Alone 2" for political reasons? */
const HOME_ALONE = FACT_CHECKS.find((fc) => fc.url.endsWith('-639/')) as FactCheckDraft;

const quote = (exact: string) => ({ type: 'TextQuoteSelector' as const, exact, prefix: '', suffix: '' });

async function related(ids: string[]) {
  const handlers = makeHandlers(db(), NO_EFFECTS);
  return (await handlers['factchecks/related']({ ids }, {})).related;
}

describe('factchecks/related', () => {
  it('relates a note that cites a fact-check’s article as a source, whatever its quote', async () => {
    await storeFeed(db(), FEED, FACT_CHECKS);
    await restoreClaims(db(), [
      makeClaim({
        id: claimId(1),
        quote: quote('Viewers noticed a cameo was missing.'),
        sources: [`  ${HOME_ALONE.url}  `],
      }),
    ]);
    const [first, ...rest] = await related([claimId(1)]);
    expect(rest).toEqual([]);
    expect(first).toMatchObject({ claimId: claimId(1), via: 'source', score: 1 });
    expect(first?.factCheck).toMatchObject({
      publisher: 'Snopes',
      rating: 'Mostly False',
      url: HOME_ALONE.url,
      listTitle: 'Snopes fact-checks',
    });
  });

  it('relates a note whose quote says what a fact-check checked', async () => {
    await storeFeed(db(), FEED, FACT_CHECKS);
    // Said in other words than Snopes's (who checked the claim of a CheckThat! tweet).
    await restoreClaims(db(), [
      makeClaim({
        id: claimId(2),
        quote: quote(
          'Canada’s CBC cut Donald Trump’s scene from Home Alone 2 when it aired the movie this Christmas, for political reasons.',
        ),
      }),
    ]);
    const found = await related([claimId(2)]);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ claimId: claimId(2), via: 'match' });
    expect(found[0]?.factCheck.url).toBe(HOME_ALONE.url);
  });

  it('relates nothing to a note about something else, nor to a note whose feed is switched off', async () => {
    await storeFeed(db(), FEED, FACT_CHECKS);
    await restoreClaims(db(), [
      makeClaim({
        id: claimId(3),
        quote: quote('The city council approved a new budget for road repairs on Tuesday evening.'),
      }),
      makeClaim({ id: claimId(4), quote: quote('Someone said so.'), sources: [HOME_ALONE.url] }),
    ]);
    expect(await related([claimId(3)])).toEqual([]);
    await setListEnabled(db(), FEED.id, false);
    expect(await related([claimId(4)])).toEqual([]);
  });

  it('answers nothing for notes that are not saved', async () => {
    await storeFeed(db(), FEED, FACT_CHECKS);
    expect(await related([claimId(9)])).toEqual([]);
  });
});
