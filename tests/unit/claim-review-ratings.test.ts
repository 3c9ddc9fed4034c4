// A fact-checker's rating means one verdict in Factmark whichever way it arrives: an imported
// ClaimReview file, an imported Web Annotation, or the same ClaimReview file subscribed to as a
// correction list (read as a fact-check feed). Every rating in the table goes through every entry
// point, written as fact-checkers publish it (capitalised, with a closing "!" or "."). A rating
// Factmark does not know refuses an imported claim, naming the rating, and gives a feed's
// fact-check no verdict, keeping the rating's words.
import { describe, expect, it } from 'vitest';
import { RATING_VERDICTS } from '../../src/core/claim-review-ratings';
import { parseImport } from '../../src/core/formats';
import { parseCorrectionList } from '../../src/core/lists';
import type { Verdict } from '../../src/core/model';

const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

/** "pants on fire" as a fact-checker's page prints it: "Pants On Fire". */
const published = (rating: string) => rating.replace(/(^|\s)\p{L}/gu, (letter) => letter.toUpperCase());

/** Every known rating as published, and as some publish it with closing punctuation. */
const RATINGS: [rating: string, verdict: Verdict][] = [...RATING_VERDICTS].flatMap(([rating, verdict]) => [
  [published(rating), verdict],
  [`${published(rating)}!`, verdict],
  [`${rating.toUpperCase()}.`, verdict],
]);

const review = (rating: string, i: number) => ({
  '@type': 'ClaimReview',
  claimReviewed: `Claim number ${i} that was rated`,
  author: { '@type': 'Organization', name: 'Example Checks' },
  reviewRating: { '@type': 'Rating', alternateName: rating },
  itemReviewed: {
    '@type': 'Claim',
    appearance: { '@type': 'CreativeWork', url: `https://news.example/${i}` },
  },
  url: `https://checks.example/review/${i}`,
});

const claimReviewFile = (ratings: readonly string[]) =>
  JSON.stringify({ '@context': 'https://schema.org', '@graph': ratings.map(review) });

const annotationFile = (ratings: readonly string[]) =>
  JSON.stringify(
    ratings.map((rating, i) => ({
      '@context': ANNO_CONTEXT,
      type: 'Annotation',
      body: [{ type: 'TextualBody', purpose: 'assessing', value: rating }],
      target: {
        source: `https://news.example/${i}`,
        selector: { type: 'TextQuoteSelector', exact: `Claim number ${i} that was rated` },
      },
    })),
  );

/** The verdicts an import made of a file of these ratings, every record imported. */
const importedVerdicts = (file: (ratings: readonly string[]) => string) => (ratings: readonly string[]) => {
  const result = parseImport(file(ratings));
  if (result.kind !== 'ok') throw new Error(result.error);
  expect(result.invalid).toEqual([]);
  return result.records.map((record) => record.claim.verdict);
};

/** What each entry point makes of a file of these ratings: the verdict of each, in order. */
const ENTRY_POINTS: [name: string, verdicts: (ratings: readonly string[]) => (Verdict | null)[]][] = [
  ['an imported ClaimReview file', importedVerdicts(claimReviewFile)],
  ['an imported Web Annotation file', importedVerdicts(annotationFile)],
  [
    'a ClaimReview correction list',
    (ratings) => {
      const result = parseCorrectionList(claimReviewFile(ratings), {
        url: 'https://checks.example/feed.json',
      });
      if (result.kind !== 'ok') throw new Error(result.error);
      expect(result.invalid).toEqual([]);
      expect(result.list.rules).toEqual([]);
      return result.list.factChecks.map((factCheck) => factCheck.verdict);
    },
  ],
];

describe('fact-checkers’ ratings', () => {
  it('know the ratings PolitiFact, the Washington Post and others publish', () => {
    expect(RATING_VERDICTS.size).toBeGreaterThanOrEqual(45);
    for (const [rating, verdict] of [
      ['pants on fire', 'false'],
      ['mostly false', 'misleading'],
      ['half true', 'missing-context'],
      ['four pinocchios', 'false'],
      ['mostly true', 'accurate'],
    ] as const) {
      expect(RATING_VERDICTS.get(rating)).toBe(verdict);
    }
  });

  it.each(ENTRY_POINTS)('mean the same verdict in %s', (_name, verdictsOf) => {
    const verdicts = verdictsOf(RATINGS.map(([rating]) => rating));
    expect(RATINGS.map(([rating], i) => [rating, verdicts[i]])).toEqual(RATINGS);
  });

  it('read "Pants on Fire", "Mostly false" and "Half true" the same in an import and in a list', () => {
    const file = claimReviewFile(['Pants on Fire', 'Mostly false', 'Half true']);
    const imported = parseImport(file);
    const listed = parseCorrectionList(file);
    if (imported.kind !== 'ok' || listed.kind !== 'ok') throw new Error('not read');
    const expected = ['false', 'misleading', 'missing-context'];
    expect(imported.records.map((record) => record.claim.verdict)).toEqual(expected);
    expect(listed.list.factChecks.map((factCheck) => factCheck.verdict)).toEqual(expected);
  });
});

describe('a rating Factmark does not know', () => {
  it('refuses the imported ClaimReview, naming the rating and what would be understood', () => {
    const result = parseImport(claimReviewFile(['False', 'Four Bananas']));
    if (result.kind !== 'ok') throw new Error(result.error);
    expect(result.records.map((record) => record.claim.verdict)).toEqual(['false']);
    expect(result.invalid).toEqual([
      {
        record: 2,
        field: 'verdict',
        reason: expect.stringMatching(
          /^the rating "Four Bananas" is not one Factmark recognises: .*Pants on Fire/,
        ),
      },
    ]);
  });

  it('refuses the imported Web Annotation with the same words', () => {
    const result = parseImport(annotationFile(['Four Bananas']));
    if (result.kind !== 'ok') throw new Error(result.error);
    expect(result.invalid).toEqual([
      {
        record: 1,
        field: 'verdict',
        reason: expect.stringContaining('the rating "Four Bananas" is not one'),
      },
    ]);
  });

  it('keeps the feed’s fact-check without a verdict, the rating’s words as published', () => {
    const result = parseCorrectionList(claimReviewFile(['Four Bananas']));
    expect(result).toMatchObject({
      kind: 'ok',
      list: {
        kind: 'fact-checks',
        factChecks: [{ rating: 'Four Bananas', verdict: null, publisher: 'Example Checks' }],
      },
      invalid: [],
    });
  });
});
