// schema.org ClaimReview: claims with a verdict export as reviews search engines read, and
// reviews import back — ours without losing what is stored, others' (Google's example) as new
// claims.
import { describe, expect, it } from 'vitest';
import { claimToReview, exportClaimReviews, parseImport, planImport } from '../../src/core/formats';
import type { Claim } from '../../src/core/model';

const T0 = Date.UTC(2024, 4, 2, 14, 0);

const VERDICT_CLAIM: Claim = {
  id: '9e0f1a2b-3c4d-4e5f-8a6b-7c8d9e0f1a2b',
  url: 'https://news.example/eu-rules',
  canonical: 'https://news.example/eu-rules',
  canonicalKey: 'news.example/eu-rules',
  title: 'EU rules for platforms',
  pageKey: 'news.example/eu-rules',
  quote: {
    type: 'TextQuoteSelector',
    exact: 'the Digital Rights Act (DSA)',
    prefix: 'under ',
    suffix: ' the EU',
  },
  position: { type: 'TextPositionSelector', start: 500, end: 528 },
  verdict: 'false',
  correction: 'The DSA is the Digital Services Act.',
  note: 'Regulation (EU) 2022/2065',
  sources: [
    'https://eur-lex.europa.eu/eli/reg/2022/2065/oj',
    'https://en.wikipedia.org/wiki/Digital_Services_Act',
  ],
  tags: ['EU', 'naming'],
  created: T0,
  updated: T0 + 3_600_000,
};
const NOTE_ONLY: Claim = { ...VERDICT_CLAIM, id: '0f1a2b3c-4d5e-4f6a-9b7c-8d9e0f1a2b3c', verdict: null };

describe('ClaimReview export', () => {
  it('exports only claims with a verdict, as schema.org ClaimReview JSON-LD', () => {
    const doc = JSON.parse(exportClaimReviews([VERDICT_CLAIM, NOTE_ONLY]));
    expect(doc['@context']).toBe('https://schema.org');
    expect(doc['@graph']).toEqual([
      {
        '@type': 'ClaimReview',
        '@id': 'urn:uuid:9e0f1a2b-3c4d-4e5f-8a6b-7c8d9e0f1a2b',
        claimReviewed: 'the Digital Rights Act (DSA)',
        reviewRating: { '@type': 'Rating', alternateName: 'False' },
        itemReviewed: {
          '@type': 'Claim',
          appearance: {
            '@type': 'CreativeWork',
            url: 'https://news.example/eu-rules',
            headline: 'EU rules for platforms',
          },
        },
        datePublished: '2024-05-02',
        dateCreated: '2024-05-02T14:00:00.000Z',
        dateModified: '2024-05-02T15:00:00.000Z',
        url: 'https://eur-lex.europa.eu/eli/reg/2022/2065/oj',
        citation: VERDICT_CLAIM.sources,
        reviewBody: 'The DSA is the Digital Services Act.',
        description: 'Regulation (EU) 2022/2065',
        keywords: ['EU', 'naming'],
      },
    ]);
    expect(claimToReview(NOTE_ONLY)).toBeNull();
  });
});

describe('ClaimReview import', () => {
  it('re-importing our own export changes nothing (fields ClaimReview cannot hold are kept)', () => {
    const result = parseImport(exportClaimReviews([VERDICT_CLAIM]));
    if (result.kind !== 'ok') throw new Error(result.error);
    expect(result.format).toBe('claim-review');
    const plan = planImport(result.records, new Map([[VERDICT_CLAIM.id, VERDICT_CLAIM]]));
    expect(plan).toEqual({ toWrite: [], new: 0, updated: 0, alreadyThere: 1 });
  });

  it('into an empty database, keeps what ClaimReview holds', () => {
    const result = parseImport(JSON.stringify(claimToReview(VERDICT_CLAIM)));
    if (result.kind !== 'ok') throw new Error(result.error);
    const { canonical: _c, canonicalKey: _k, quote, ...rest } = VERDICT_CLAIM;
    expect(result.records[0]?.claim).toEqual({
      ...rest,
      quote: { ...quote, prefix: '', suffix: '' },
      position: { type: 'TextPositionSelector', start: 0, end: quote.exact.length },
    });
  });

  it('imports Google’s ClaimReview example, with a stable id', () => {
    const google = {
      '@context': 'https://schema.org',
      '@type': 'ClaimReview',
      url: 'https://example.com/news/science/worldisflat.html',
      claimReviewed: 'The world is flat',
      itemReviewed: {
        '@type': 'Claim',
        author: {
          '@type': 'Organization',
          name: 'Square World Society',
          sameAs: 'https://example.flatworlders.com/we-know-that-the-world-is-flat',
        },
        datePublished: '2016-06-20',
        appearance: {
          '@type': 'OpinionNewsArticle',
          url: 'https://example.com/news/a122121',
          headline: 'Square Earth - Flat earthers for the Internet age',
          datePublished: '2016-06-22',
        },
      },
      author: { '@type': 'Organization', name: 'Example.com science watch' },
      reviewRating: {
        '@type': 'Rating',
        ratingValue: '1',
        bestRating: '5',
        worstRating: '1',
        alternateName: 'False',
      },
    };
    const first = parseImport(JSON.stringify(google), { now: T0 });
    const second = parseImport(JSON.stringify([google]), { now: T0 + 5 });
    if (first.kind !== 'ok' || second.kind !== 'ok') throw new Error('not imported');
    expect(first.records[0]?.claim).toMatchObject({
      url: 'https://example.com/news/a122121',
      title: 'Square Earth - Flat earthers for the Internet age',
      quote: { exact: 'The world is flat' },
      verdict: 'false',
      sources: ['https://example.com/news/science/worldisflat.html'],
    });
    expect(second.records[0]?.claim.id).toBe(first.records[0]?.claim.id);
  });

  it('skips other nodes of an @graph and refuses reviews it cannot place or rate', () => {
    const doc = {
      '@context': 'https://schema.org',
      '@graph': [
        { '@type': 'Organization', name: 'Fact desk' },
        claimToReview(VERDICT_CLAIM),
        { '@type': 'ClaimReview', claimReviewed: 'x', reviewRating: { alternateName: 'False' } },
        {
          ...claimToReview(VERDICT_CLAIM),
          '@id': 'https://fact.example/r/2',
          reviewRating: { alternateName: 'Four Bananas' },
        },
      ],
    };
    const result = parseImport(JSON.stringify(doc));
    if (result.kind !== 'ok') throw new Error(result.error);
    expect(result.records).toHaveLength(1);
    expect(result.invalid).toEqual([
      { record: 2, field: 'itemReviewed.appearance', reason: expect.stringContaining('page') },
      {
        record: 3,
        field: 'verdict',
        reason: expect.stringContaining('the rating "Four Bananas" is not one Factmark recognises'),
      },
    ]);
  });
});
