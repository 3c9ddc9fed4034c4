// Known fact-checks in the background (fake-indexeddb standing in for the browser's IndexedDB): a
// feed subscribed through the list handlers is matched against a page's sentences; the index is
// stored, so a restarted worker answers from it without analysing a fact-check again; a feed
// switched off or removed stops marking; "Not the same claim" hides that fact-check on that page
// only; the editor's suggestions come from the same feeds.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { makeFactCheckHandlers } from '../../src/background/factcheck-handlers';
import { FactCheckIndex } from '../../src/background/factcheck-index';
import { makeListHandlers } from '../../src/background/list-handlers';
import { openDb } from '../../src/db/schema';
import { freshDbPerTest } from './support/fresh-db';

const db = freshDbPerTest('factmark-factcheck-background');

const review = (claim: string, headline: string, slug: string, rating: string) => ({
  '@context': 'https://schema.org',
  '@type': 'ClaimReview',
  url: `https://factcheck.example/${slug}`,
  claimReviewed: claim,
  headline,
  author: { '@type': 'Organization', name: 'Example Fact Desk' },
  reviewRating: { '@type': 'Rating', alternateName: rating },
});
const FEED = [
  review(
    'Drinking hot water every 15 minutes kills the coronavirus.',
    'Does drinking hot water every 15 minutes kill the coronavirus?',
    'hot-water',
    'False',
  ),
  review(
    '5G mobile phone masts spread the coronavirus.',
    'Do 5G phone masts spread the coronavirus?',
    '5g',
    'Pants on Fire',
  ),
  review(
    'The Eiffel Tower will be moved to Las Vegas.',
    'Is the Eiffel Tower moving to Las Vegas?',
    'eiffel',
    'Four Bananas',
  ),
]
  .map((r) => JSON.stringify(r))
  .join('\n');

const PAGE = 'https://news.example/town/health-board';
const SENTENCES = [
  'The town’s health board held its monthly meeting on Thursday evening in the old library.',
  'A message shared on WhatsApp says drinking hot water every fifteen minutes kills the coronavirus.',
  'Residents claimed that 5G mobile masts on the hill spread the coronavirus.',
  'Parking near the town hall remains limited while the road works continue.',
];

function background(index = new FactCheckIndex(db())) {
  let repaints = 0;
  const changed = () => {
    index.changed();
    repaints++;
  };
  return {
    index,
    lists: makeListHandlers(db(), { rulesChanged: changed }),
    factChecks: makeFactCheckHandlers(db(), index, { factChecksChanged: changed }),
    repaints: () => repaints,
  };
}

const markedSentences = async (bg: ReturnType<typeof background>, url = PAGE) =>
  (await bg.factChecks['factchecks/match']({ url, sentences: SENTENCES })).marks.map((m) => m.sentence);

describe('known fact-checks in the background', () => {
  it('marks the page’s sentences that a subscribed feed checked, with the fact-check and the words they share', async () => {
    const bg = background();
    const { list } = await bg.lists['lists/import']({ text: FEED, name: 'desk.jsonl' });
    expect(list).toMatchObject({ kind: 'fact-checks', factChecks: 3, rules: 0 });
    const { marks } = await bg.factChecks['factchecks/match']({ url: PAGE, sentences: SENTENCES });
    expect(marks.map((m) => m.sentence)).toEqual([1, 2]);
    const [hotWater] = marks;
    expect(hotWater?.factCheck).toMatchObject({
      claim: 'Drinking hot water every 15 minutes kills the coronavirus.',
      url: 'https://factcheck.example/hot-water',
      publisher: 'Example Fact Desk',
      rating: 'False',
      verdict: 'false',
      listTitle: list.title,
    });
    expect(hotWater?.shared).toEqual([
      'drinking',
      'hot',
      'water',
      'every',
      'minutes',
      'kills',
      'coronavirus',
    ]);
  });

  it('answers a restarted worker from the stored index, without analysing the feed again', async () => {
    const first = background();
    await first.lists['lists/import']({ text: FEED, name: 'desk.jsonl' });
    expect(await markedSentences(first)).toEqual([1, 2]);
    const stored = await db().factCheckIndex.get('lexical');
    expect(stored?.index.ids).toHaveLength(3);

    // Tag the stored row: a worker that rebuilt the index would write a new row without the tag.
    if (!stored) throw new Error('no stored index');
    await db().factCheckIndex.put({ ...stored, tag: 'stored before the restart' } as typeof stored);

    // A new worker: a new connection and a new index.
    const restarted = openDb(db().name);
    const index = new FactCheckIndex(restarted);
    const marks = await makeFactCheckHandlers(restarted, index, { factChecksChanged: () => undefined })[
      'factchecks/match'
    ]({ url: PAGE, sentences: SENTENCES });
    expect(marks.marks.map((m) => m.sentence)).toEqual([1, 2]);
    const after = (await restarted.factCheckIndex.get('lexical')) as
      | (typeof stored & { tag?: string })
      | undefined;
    expect(after?.tag).toBe('stored before the restart');
    restarted.close();
  });

  it('stops marking when the feed is switched off, marks again when on, and forgets it when removed', async () => {
    const bg = background();
    const { list } = await bg.lists['lists/import']({ text: FEED, name: 'desk.jsonl' });
    await bg.lists['lists/set-enabled']({ id: list.id, enabled: false });
    expect(await markedSentences(bg)).toEqual([]);
    await bg.lists['lists/set-enabled']({ id: list.id, enabled: true });
    expect(await markedSentences(bg)).toEqual([1, 2]);
    await bg.lists['lists/delete']({ id: list.id });
    expect(await markedSentences(bg)).toEqual([]);
    expect(await db().factChecks.count()).toBe(0);
  });

  it('hides a fact-check the reader said is not the same claim, on that page only and for good', async () => {
    const bg = background();
    await bg.lists['lists/import']({ text: FEED, name: 'desk.jsonl' });
    const { marks } = await bg.factChecks['factchecks/match']({ url: PAGE, sentences: SENTENCES });
    const masts = marks.find((m) => m.sentence === 2)?.factCheck.id ?? '';
    await bg.factChecks['factchecks/dismiss']({ url: `${PAGE}?utm_source=feed#comments`, id: masts });
    expect(await markedSentences(bg)).toEqual([1]);
    expect(await markedSentences(bg, 'https://news.example/other-story')).toEqual([1, 2]);
    // A refresh of the feed keeps the fact-check's id, so the dismissal lasts.
    await bg.lists['lists/import']({ text: FEED, name: 'desk.jsonl' });
    expect(await markedSentences(bg)).toEqual([1]);
  });

  it('suggests the closest fact-checks for a selection being flagged, however short', async () => {
    const bg = background();
    await bg.lists['lists/import']({ text: FEED, name: 'desk.jsonl' });
    const { suggestions } = await bg.factChecks['factchecks/suggest']({ text: '5G masts spread the virus' });
    expect(suggestions[0]?.factCheck.url).toBe('https://factcheck.example/5g');
    expect(
      (await bg.factChecks['factchecks/suggest']({ text: 'Parking near the town hall' })).suggestions,
    ).toEqual([]);
  });
});
