// Fact-check feeds: every format Factmark subscribes to (ClaimReview JSON-LD, a schema.org
// DataFeed, JSON Lines, a Google Fact Check Tools answer, CSV), told apart by content, read into
// fact-checks a page can be matched against; broken and hostile feeds keep what is good, list what
// is not, or are refused with a message saying what to do.
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { FactCheckDraftSchema } from '../../src/core/factchecks/fact-check';
import { type FeedParse, parseFactCheckFeed } from '../../src/core/factchecks/feed';
import { parseCorrectionList } from '../../src/core/lists';

const POLITIFACT = {
  '@context': 'https://schema.org',
  '@type': 'ClaimReview',
  datePublished: '2023-01-12',
  url: 'https://www.politifact.com/factchecks/2023/jan/12/viral-image/no-biden-isnt-banning-gas-stoves/',
  claimReviewed: 'Joe Biden is banning gas stoves nationwide.',
  headline: 'No, Biden isn’t banning gas stoves',
  author: { '@type': 'Organization', name: 'PolitiFact', url: 'https://www.politifact.com' },
  reviewRating: {
    '@type': 'Rating',
    ratingValue: 1,
    bestRating: 6,
    worstRating: 1,
    alternateName: 'Pants on Fire',
  },
  itemReviewed: {
    '@type': 'Claim',
    author: { '@type': 'Person', name: 'Viral image' },
    appearance: { '@type': 'CreativeWork', url: 'https://www.facebook.com/photo/123' },
  },
  inLanguage: 'en',
};

const FULL_FACT = {
  '@context': 'https://schema.org',
  '@type': 'ClaimReview',
  datePublished: '2024-03-05',
  url: 'https://fullfact.org/health/nhs-waiting-list-claim/',
  claimReviewed: 'The NHS waiting list has doubled in a year.',
  name: 'The NHS waiting list has not doubled in a year',
  author: [{ '@type': 'Organization', name: 'Full Fact' }],
  reviewRating: { '@type': 'Rating', alternateName: 'Mostly false' },
  itemReviewed: { '@type': 'Claim', inLanguage: { '@type': 'Language', name: 'en-GB' } },
};

const AFP = {
  '@type': 'ClaimReview',
  datePublished: '2024-06-20T14:03:00+02:00',
  url: 'https://factuel.afp.com/doc.afp.com.34XY7Z',
  claimReviewed: 'Une photo montre des bananes bleues cultivées en Guadeloupe.',
  author: 'AFP Factuel',
  reviewRating: { '@type': 'Rating', alternateName: 'Four Bananas' },
  inLanguage: { '@type': 'Language', alternateName: 'fr' },
};

function ok(result: FeedParse) {
  if (result.kind !== 'ok') throw new Error(`refused: ${result.error}`);
  for (const factCheck of result.factChecks) expect(v.is(FactCheckDraftSchema, factCheck)).toBe(true);
  return result;
}

function refused(result: FeedParse): string {
  if (result.kind !== 'invalid') throw new Error('read a feed that should be refused');
  return result.error;
}

const jsonLines = (...records: unknown[]) => records.map((record) => JSON.stringify(record)).join('\n');

describe('schema.org ClaimReview JSON-LD', () => {
  it('reads a PolitiFact review: claim, headline, article, rating and verdict, publisher, date, language', () => {
    expect(ok(parseFactCheckFeed(JSON.stringify(POLITIFACT))).factChecks).toEqual([
      {
        claim: 'Joe Biden is banning gas stoves nationwide.',
        title: 'No, Biden isn’t banning gas stoves',
        url: 'https://www.politifact.com/factchecks/2023/jan/12/viral-image/no-biden-isnt-banning-gas-stoves/',
        rating: 'Pants on Fire',
        verdict: 'false',
        publisher: 'PolitiFact',
        date: '2023-01-12',
        language: 'en',
      },
    ]);
  });

  it('reads a list of reviews, each in its own words: name as title, author list, claim language', () => {
    const result = ok(parseFactCheckFeed(JSON.stringify([POLITIFACT, FULL_FACT, AFP])));
    expect(result.format).toBe('claim-review');
    expect(
      result.factChecks.map(({ title, rating, verdict, publisher, language }) => ({
        title,
        rating,
        verdict,
        publisher,
        language,
      })),
    ).toEqual([
      {
        title: 'No, Biden isn’t banning gas stoves',
        rating: 'Pants on Fire',
        verdict: 'false',
        publisher: 'PolitiFact',
        language: 'en',
      },
      {
        title: 'The NHS waiting list has not doubled in a year',
        rating: 'Mostly false',
        verdict: 'misleading',
        publisher: 'Full Fact',
        language: 'en-GB',
      },
      { title: '', rating: 'Four Bananas', verdict: null, publisher: 'AFP Factuel', language: 'fr' },
    ]);
  });

  it('keeps a rating Factmark does not know as published, with no verdict: still a fact-check', () => {
    const [factCheck] = ok(parseFactCheckFeed(JSON.stringify(AFP))).factChecks;
    expect(factCheck).toMatchObject({ rating: 'Four Bananas', verdict: null });
  });

  it('reads an @graph, skipping the publisher and other nodes', () => {
    const graph = {
      '@context': 'https://schema.org',
      '@graph': [{ '@type': 'Organization', name: 'PolitiFact' }, POLITIFACT, { '@type': 'WebSite' }],
    };
    const result = ok(parseFactCheckFeed(JSON.stringify(graph)));
    expect(result.factChecks.map((factCheck) => factCheck.claim)).toEqual([POLITIFACT.claimReviewed]);
    expect(result.invalid).toEqual([]);
  });

  it('writes a numeric rating as "value/best" when it has no words', () => {
    const numeric = { ...FULL_FACT, reviewRating: { '@type': 'Rating', ratingValue: '2', bestRating: '5' } };
    expect(ok(parseFactCheckFeed(JSON.stringify(numeric))).factChecks[0]).toMatchObject({
      rating: '2/5',
      verdict: null,
    });
  });

  it('refuses a review without the address of its article, naming the field, and keeps the rest', () => {
    const { url: _url, ...noUrl } = FULL_FACT;
    const result = ok(parseFactCheckFeed(JSON.stringify([noUrl, POLITIFACT])));
    expect(result.factChecks).toHaveLength(1);
    expect(result.invalid).toEqual([
      { record: 1, field: 'url', reason: 'is missing: the address of the fact-check article' },
    ]);
  });
});

describe('a schema.org DataFeed (the Data Commons fact-check feed)', () => {
  const dataFeed = {
    '@context': 'https://schema.org',
    '@type': 'DataFeed',
    name: 'Data Commons fact-checks',
    dateModified: '2024-07-01T00:00:00Z',
    dataFeedElement: [
      {
        '@context': 'https://schema.org',
        '@type': 'DataFeedItem',
        dateCreated: '2023-01-12T00:00:00Z',
        item: [POLITIFACT, FULL_FACT],
      },
      { '@type': 'DataFeedItem', item: AFP },
      { '@type': 'DataFeedItem', item: { '@type': 'Organization', name: 'not a review' } },
    ],
  };

  it('reads every item’s reviews, numbered across the feed, titled by the feed’s name', () => {
    const result = ok(parseFactCheckFeed(JSON.stringify(dataFeed)));
    expect(result.format).toBe('data-feed');
    expect(result.title).toBe('Data Commons fact-checks');
    expect(result.factChecks.map((factCheck) => factCheck.publisher)).toEqual([
      'PolitiFact',
      'Full Fact',
      'AFP Factuel',
    ]);
    expect(result.invalid).toEqual([{ record: 4, field: '@type', reason: 'is not a ClaimReview' }]);
  });
});

describe('JSON Lines', () => {
  it('reads one review a line, skipping blank lines and taking CRLF line ends', () => {
    const text = `${JSON.stringify(POLITIFACT)}\r\n\r\n${JSON.stringify(FULL_FACT)}\r\n${JSON.stringify(AFP)}\r\n`;
    const result = ok(parseFactCheckFeed(text));
    expect(result.format).toBe('json-lines');
    expect(result.factChecks.map((factCheck) => factCheck.verdict)).toEqual(['false', 'misleading', null]);
    expect(result.invalid).toEqual([]);
  });

  it('lists a line of garbage by its line number and keeps every other line', () => {
    const text = [
      JSON.stringify(POLITIFACT),
      '<html>502 Bad Gateway</html>',
      '',
      JSON.stringify(FULL_FACT),
    ].join('\n');
    const result = ok(parseFactCheckFeed(text));
    expect(result.factChecks.map((factCheck) => factCheck.publisher)).toEqual(['PolitiFact', 'Full Fact']);
    expect(result.invalid).toEqual([
      { record: 2, field: '(line)', reason: expect.stringMatching(/^is not valid JSON/) },
    ]);
  });

  it('lists a line that is JSON but not a ClaimReview', () => {
    const result = ok(parseFactCheckFeed(jsonLines(POLITIFACT, { '@type': 'NewsArticle', headline: 'x' })));
    expect(result.invalid).toEqual([{ record: 2, field: '@type', reason: 'is not a ClaimReview' }]);
  });
});

describe('a Google Fact Check Tools claims:search answer', () => {
  const answer = {
    claims: [
      {
        text: 'Drinking hot water kills the coronavirus.',
        claimant: 'Social media users',
        claimDate: '2020-03-10T00:00:00Z',
        claimReview: [
          {
            publisher: { name: 'AFP Fact Check', site: 'factcheck.afp.com' },
            url: 'https://factcheck.afp.com/hot-water-does-not-kill-coronavirus',
            title: 'Hot water does not kill the novel coronavirus',
            reviewDate: '2020-03-12T00:00:00Z',
            textualRating: 'False',
            languageCode: 'en',
          },
          {
            publisher: { site: 'fullfact.org' },
            url: 'https://fullfact.org/health/coronavirus-hot-water/',
            title: 'Hot water will not protect you from the coronavirus',
            reviewDate: '2020-03-13T00:00:00Z',
            textualRating: 'Incorrect.',
            languageCode: 'en',
          },
        ],
      },
      { text: 'A claim nobody reviewed yet', claimReview: [] },
    ],
    nextPageToken: 'CBQ',
  };

  it('reads one fact-check per review of a claim, the claim’s text as the claim', () => {
    const result = ok(parseFactCheckFeed(JSON.stringify(answer)));
    expect(result.format).toBe('fact-check-tools');
    expect(result.factChecks).toEqual([
      {
        claim: 'Drinking hot water kills the coronavirus.',
        title: 'Hot water does not kill the novel coronavirus',
        url: 'https://factcheck.afp.com/hot-water-does-not-kill-coronavirus',
        rating: 'False',
        verdict: 'false',
        publisher: 'AFP Fact Check',
        date: '2020-03-12T00:00:00Z',
        language: 'en',
      },
      {
        claim: 'Drinking hot water kills the coronavirus.',
        title: 'Hot water will not protect you from the coronavirus',
        url: 'https://fullfact.org/health/coronavirus-hot-water/',
        rating: 'Incorrect.',
        verdict: 'false',
        publisher: 'fullfact.org',
        date: '2020-03-13T00:00:00Z',
        language: 'en',
      },
    ]);
    expect(result.invalid).toEqual([
      { record: 3, field: 'claimReview', reason: 'is missing: the fact-check of the claim' },
    ]);
  });
});

describe('CSV', () => {
  it('reads quoted commas, doubled quotes and line ends inside quotes, with a byte-order mark', () => {
    const text = [
      '\uFEFFClaim,URL,Rating,Publisher,Date,Language,Notes',
      '"Biden said ""we will ban gas stoves"", then denied it",https://www.politifact.com/factchecks/2023/jan/12/x/,Pants on Fire,PolitiFact,2023-01-12,en,ignored',
      '"The NHS waiting list',
      'has doubled in a year",https://fullfact.org/health/nhs-waiting-list-claim/,Mostly false,Full Fact,2024-03-05,en-GB,',
    ].join('\r\n');
    const result = ok(parseFactCheckFeed(text));
    expect(result.format).toBe('csv');
    expect(result.factChecks).toEqual([
      {
        claim: 'Biden said "we will ban gas stoves", then denied it',
        title: '',
        url: 'https://www.politifact.com/factchecks/2023/jan/12/x/',
        rating: 'Pants on Fire',
        verdict: 'false',
        publisher: 'PolitiFact',
        date: '2023-01-12',
        language: 'en',
      },
      {
        claim: 'The NHS waiting list has doubled in a year',
        title: '',
        url: 'https://fullfact.org/health/nhs-waiting-list-claim/',
        rating: 'Mostly false',
        verdict: 'misleading',
        publisher: 'Full Fact',
        date: '2024-03-05',
        language: 'en-GB',
      },
    ]);
  });

  it('needs only claim and url columns, in any order and case', () => {
    const result = ok(parseFactCheckFeed('URL,CLAIM\nhttps://checks.example/1,The moon is made of cheese\n'));
    expect(result.factChecks).toEqual([
      expect.objectContaining({ claim: 'The moon is made of cheese', rating: '', verdict: null }),
    ]);
  });

  it('refuses a CSV without a url column, naming what its header has and what it needs', () => {
    expect(refused(parseFactCheckFeed('claim,rating\nThe moon is cheese,False\n'))).toMatch(
      /no “url” column \(its header names “claim”, “rating”\).*naming at least “claim” and “url”/,
    );
  });

  it('lists a row whose quote is never closed', () => {
    const text =
      'claim,url\nA fine claim here,https://checks.example/1\n"An unclosed claim,https://checks.example/2\n';
    const result = ok(parseFactCheckFeed(text));
    expect(result.factChecks).toHaveLength(1);
    expect(result.invalid).toEqual([
      { record: 2, field: '(row)', reason: expect.stringMatching(/never closed/) },
    ]);
  });
});

describe('telling formats apart by content, not by file name', () => {
  it.each([
    ['CSV named .json', 'claim,url\nThe moon is cheese,https://checks.example/1\n', 'feed.json', 'csv'],
    ['JSON Lines named .csv', jsonLines(POLITIFACT, FULL_FACT), 'feed.csv', 'json-lines'],
    [
      'pretty-printed JSON named .jsonl',
      JSON.stringify([POLITIFACT, FULL_FACT], null, 2),
      'feed.jsonl',
      'claim-review',
    ],
    ['a one-line JSON document', JSON.stringify(POLITIFACT), 'feed.txt', 'claim-review'],
  ])('%s', (_name, text, fileName, format) => {
    expect(ok(parseFactCheckFeed(text, { fileName })).format).toBe(format);
  });

  it('says a truncated JSON feed is not valid JSON, and may be truncated', () => {
    const text = JSON.stringify([POLITIFACT, FULL_FACT], null, 2);
    expect(refused(parseFactCheckFeed(text.slice(0, text.length / 2)))).toMatch(
      /not valid JSON \(it may be truncated/,
    );
  });

  it('refuses text of no known format, listing the formats it reads', () => {
    expect(refused(parseFactCheckFeed('Just some notes about fact-checks.\n'))).toMatch(
      /not a fact-check feed Factmark can read: expected .*ClaimReview.*DataFeed.*JSON Lines.*Fact Check Tools.*CSV/,
    );
  });

  it('refuses an empty file as empty', () => {
    expect(refused(parseFactCheckFeed('\uFEFF  \n', { fileName: 'feed.csv' }))).toBe(
      'The file “feed.csv” is empty.',
    );
  });
});

describe('hostile feeds', () => {
  it('never lets __proto__ or constructor keys through, in JSON or JSON Lines', () => {
    const hostile = `{"@type":"ClaimReview","__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},"claimReviewed":"A claim with a hostile key","url":"https://checks.example/p"}`;
    for (const text of [hostile, `${hostile}\n${hostile.replace('/p"', '/q"')}`]) {
      const result = ok(parseFactCheckFeed(text));
      expect(Object.keys(result.factChecks[0] ?? {}).sort()).toEqual([
        'claim',
        'date',
        'language',
        'publisher',
        'rating',
        'title',
        'url',
        'verdict',
      ]);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses javascript: and data: articles, keeping the record out', () => {
    const result = ok(
      parseFactCheckFeed(
        jsonLines(
          { ...POLITIFACT, url: 'javascript:alert(document.cookie)' },
          { ...FULL_FACT, url: 'data:text/html,<script>alert(1)</script>' },
          AFP,
        ),
      ),
    );
    expect(result.factChecks.map((factCheck) => factCheck.url)).toEqual([AFP.url]);
    expect(result.invalid).toEqual([
      { record: 1, field: 'url', reason: 'must be an http or https address' },
      { record: 2, field: 'url', reason: 'must be an http or https address' },
    ]);
  });

  it('lists a 3 MB claim as a refused record, naming the limit', () => {
    const result = ok(
      parseFactCheckFeed(jsonLines({ ...POLITIFACT, claimReviewed: 'x'.repeat(3_000_000) }, AFP)),
    );
    expect(result.factChecks).toHaveLength(1);
    expect(result.invalid).toEqual([
      { record: 1, field: 'claimReviewed', reason: 'must be at most 2000 characters' },
    ]);
  });

  it('refuses a feed of more than 200,000 fact-checks as a whole, saying to split it', () => {
    expect(refused(parseFactCheckFeed('{}\n'.repeat(200_001)))).toBe(
      'The feed holds 200,001 fact-checks; Factmark reads at most 200,000 from one feed. Split it into smaller feeds.',
    );
    const rows = `claim,url\n${'The moon is cheese,https://checks.example/1\n'.repeat(200_001)}`;
    expect(refused(parseFactCheckFeed(rows))).toMatch(/200,001 fact-checks.*Split it/);
  });

  it('refuses a feed whose every record is bad, giving the first reason', () => {
    expect(
      refused(
        parseFactCheckFeed(jsonLines({ ...AFP, url: 'file:///etc/passwd' }), { fileName: 'afp.jsonl' }),
      ),
    ).toBe(
      'The only fact-check in the file “afp.jsonl” cannot be used (record 1, url: must be an http or https address).',
    );
  });
});

describe('the feed’s title', () => {
  it('is “Fact-checks by” the publisher when every fact-check has the same one', () => {
    expect(
      ok(parseFactCheckFeed(jsonLines(POLITIFACT, { ...POLITIFACT, url: `${POLITIFACT.url}2` }))).title,
    ).toBe('Fact-checks by PolitiFact');
  });

  it('is the file’s name when publishers differ, else the address’s host', () => {
    const text = jsonLines(POLITIFACT, FULL_FACT);
    expect(ok(parseFactCheckFeed(text, { fileName: 'checks-2024.jsonl' })).title).toBe('checks-2024');
    expect(ok(parseFactCheckFeed(text, { url: 'https://www.factchecks.example/feed.jsonl' })).title).toBe(
      'Fact-checks from factchecks.example',
    );
  });
});

describe('repeats within one feed', () => {
  it('lists a later fact-check with the same article and claim as a repeat of the first', () => {
    const result = ok(
      parseFactCheckFeed(
        jsonLines(POLITIFACT, FULL_FACT, { ...POLITIFACT, reviewRating: { alternateName: 'False' } }),
      ),
    );
    expect(result.factChecks).toHaveLength(2);
    expect(result.invalid).toEqual([
      { record: 3, field: 'url', reason: 'repeats record 1 (the same address and claim)' },
    ]);
  });

  it('keeps two claims checked in one article', () => {
    const second = { ...POLITIFACT, claimReviewed: 'Gas stoves will be illegal from 2025.' };
    expect(ok(parseFactCheckFeed(jsonLines(POLITIFACT, second))).factChecks).toHaveLength(2);
  });
});

describe('correction lists read every feed format as fact-checks', () => {
  it('reads a CSV subscribed to as a list into fact-checks, not phrase rules', () => {
    const result = parseCorrectionList(
      'claim,url,rating\nThe moon is cheese,https://checks.example/1,False\n',
      {
        url: 'https://checks.example/feed.csv',
      },
    );
    expect(result).toMatchObject({
      kind: 'ok',
      format: 'csv',
      list: {
        kind: 'fact-checks',
        rules: [],
        factChecks: [{ claim: 'The moon is cheese', verdict: 'false' }],
      },
    });
  });

  it('reads JSON Lines with a bad line as a list, listing the line', () => {
    const result = parseCorrectionList(`${jsonLines(POLITIFACT)}\nnot json\n`);
    expect(result).toMatchObject({
      kind: 'ok',
      format: 'json-lines',
      list: { kind: 'fact-checks' },
      invalid: [{ record: 2, field: '(line)' }],
    });
  });

  it('refuses text of no known format, listing the list format and the feed formats', () => {
    const result = parseCorrectionList('hello', { fileName: 'notes.txt' });
    expect(result.kind === 'invalid' && result.error).toMatch(
      /^The file “notes.txt” is not a list Factmark can read: expected a Factmark correction list .*factmark-corrections.*or a fact-check feed: .*CSV/,
    );
  });
});
