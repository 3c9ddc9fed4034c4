// Importing a correction list file (src/db/import-list.ts), as the popup and review page do on
// their own connection to the database and the background does for `lists/import`: a phrase list
// becomes rules, a fact-check feed its fact-checks, a broken file nothing, the previous copy kept.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { FactCheckDraft } from '../../src/core/factchecks/fact-check';
import type { CorrectionList } from '../../src/core/rule';
import { importListFile } from '../../src/db/import-list';
import { allLists, storeFeed } from '../../src/db/lists';
import { freshDbPerTest } from './support/fresh-db';
import { listFile } from './support/list-files';

const db = freshDbPerTest('factmark-import-list');
const LIST_TEXT = listFile('e2e-corrections.json');

/** Snopes's fact-checks of two claims of the CheckThat! 2020 data, as a site's ClaimReview JSON-LD. */
const review = (claimReviewed: string, headline: string, slug: string, rating: string) => ({
  '@context': 'https://schema.org',
  '@type': 'ClaimReview',
  datePublished: '2019-12-27',
  url: `https://www.snopes.com/fact-check/${slug}/`,
  claimReviewed,
  headline,
  author: { '@type': 'Organization', name: 'Snopes', url: 'https://www.snopes.com' },
  reviewRating: { '@type': 'Rating', alternateName: rating },
  inLanguage: 'en',
});
const FEED_TEXT = JSON.stringify([
  review(
    'The CBC cut a scene featuring Donald Trump from its December 2019 broadcast of the movie "Home Alone 2" for political reasons.',
    'Was Donald Trump Cut from ‘Home Alone 2’ for Political Reasons?',
    'trump-cut-home-alone-2',
    'Mostly False',
  ),
  review(
    'A "large-scale killing" of white farmers is taking place in South Africa.',
    'Is a ‘Large-Scale Killing’ of White Farmers Underway in South Africa?',
    'white-farmers-south-africa',
    'False',
  ),
]);

describe('importListFile', () => {
  it('stores a phrase list’s rules, and updates the same list when the file is imported again', async () => {
    const first = await importListFile(db(), LIST_TEXT, 'e2e-corrections.json');
    expect(first.list).toMatchObject({
      title: 'E2E desk corrections',
      kind: 'rules',
      rules: 1,
      factChecks: 0,
    });
    const again = await importListFile(db(), LIST_TEXT, 'e2e-corrections.json');
    expect(again.list.id).toBe(first.list.id);
    expect(await db().rules.count()).toBe(1);
  });

  // Needs the parser of the fact-check feeds branch (parseCorrectionList answering list.factChecks).
  it('stores a ClaimReview feed as a feed, with how many fact-checks it holds', async () => {
    const stored = await importListFile(db(), FEED_TEXT, 'snopes.jsonld');
    expect(stored.list).toMatchObject({ kind: 'fact-checks', rules: 0, factChecks: 2 });
    const urls = (await db().factChecks.toArray()).map((fc) => fc.url).sort();
    expect(urls).toEqual([
      'https://www.snopes.com/fact-check/trump-cut-home-alone-2/',
      'https://www.snopes.com/fact-check/white-farmers-south-africa/',
    ]);
    expect(await db().rules.count()).toBe(0);
  });

  it('stores nothing from a broken file and keeps the list imported before', async () => {
    await importListFile(db(), LIST_TEXT, 'e2e-corrections.json');
    const before = await allLists(db());
    await expect(
      importListFile(db(), '{"format": "factmark-corrections", "rules": [', 'e2e-corrections.json'),
    ).rejects.toThrow(/Nothing was imported\.$/);
    expect(await allLists(db())).toEqual(before);
    expect(await db().rules.count()).toBe(1);
  });
});

describe('storing a large feed', () => {
  const FEED: CorrectionList = {
    id: '2a7e4c1d-8b3f-4e6a-9c5d-0f1e2d3c4b5a',
    title: 'Big feed',
    enabled: true,
  };
  const drafts: FactCheckDraft[] = Array.from({ length: 12_000 }, (_, i) => ({
    claim: `Claim number ${i} that a fact-checker rated.`,
    title: '',
    url: `https://factcheck.example/${i}`,
    rating: 'False',
    verdict: 'false',
    publisher: 'Example Checks',
    date: '',
    language: 'en',
  }));

  it('reports its fact-checks being written, chunk by chunk, up to all of them', async () => {
    const progress: [number, number][] = [];
    const stored = await storeFeed(db(), FEED, drafts, {
      onProgress: (done, total) => progress.push([done, total]),
    });
    expect(stored?.factChecks).toBe(12_000);
    expect(progress).toEqual([
      [5_000, 12_000],
      [10_000, 12_000],
      [12_000, 12_000],
    ]);
  });
});
