// Fuzzing the fact-check feed parser: 10,100 generated feeds — 1,200 in each of ClaimReview
// JSON-LD, a DataFeed and a Fact Check Tools answer, 1,500 JSON Lines, 4,000 CSV (cheap to read,
// so more of them), 1,000 texts of no format. JSON holding a hostile 100,000-item array costs
// ~200 ms to parse with the prototype guard, hence fewer JSON runs, to keep the file near 20 s.
// Valid feeds with one field made hostile, truncated, spliced with javascript: URLs, __proto__
// keys, stray quotes and byte-order marks. None may throw; the answer is always either `ok` with
// fact-checks that pass FactCheckDraftSchema or `invalid` with a message; no prototype may change
// (checked by the shared fuzz loop).
import fc from 'fast-check';
import { afterAll, describe, it } from 'vitest';
import { type FeedParse, parseFactCheckFeed } from '../../src/core/factchecks/feed';
import { csvCell } from '../../src/core/formats/csv';
import { anyText, factChecksProblem, fileText, survivalCheck } from './support/fuzz-files';
import { HOSTILE_URLS, hostileValue, mutated, pooled } from './support/hostile-values';

/** Runs a format: JSON documents are slow to parse with the prototype guard, CSV is quick. */
const RUNS = { json: 1_200, jsonLines: 1_500, csv: 4_000, anyText: 1_000 } as const;
const TIMEOUT = 60_000;
const POOL = 300;
const FORMATS = ['claim-review', 'data-feed', 'json-lines', 'fact-check-tools', 'csv'];

const text = (max: number, min = 0) => fc.string({ unit: 'grapheme', minLength: min, maxLength: max });
const webUrl = fc.oneof(
  fc.webUrl({ withQueryParameters: true, size: 'small' }),
  fc.constantFrom('https://www.politifact.com/factchecks/2023/jan/12/x/', 'https://fullfact.org/health/a/'),
);
const rating = fc.constantFrom('False', 'Pants on Fire', 'Mostly false', 'Half true', 'Four Bananas', '');

/** A fact-check as a feed would hold it, before it is written in one format or another. */
const factCheckArb = fc.record({
  claim: fc.oneof(fc.stringMatching(/^[A-Za-z][A-Za-z ,.'"]{5,60}$/), text(20)),
  title: text(30),
  url: webUrl,
  rating,
  publisher: fc.constantFrom('PolitiFact', 'Full Fact', 'AFP Factuel', ''),
  date: fc.constantFrom('2023-01-12', '2024-06-20T14:03:00+02:00', ''),
  language: fc.constantFrom('en', 'fr', 'en-GB', ''),
});
const factChecksArb = fc.array(factCheckArb, { minLength: 1, maxLength: 4 });

type Fields = fc.Arbitrary<typeof factCheckArb extends fc.Arbitrary<infer T> ? T : never>;
type Generated = Fields extends fc.Arbitrary<infer T> ? T : never;

const review = (f: Generated) => ({
  '@context': 'https://schema.org',
  '@type': 'ClaimReview',
  claimReviewed: f.claim,
  headline: f.title,
  url: f.url,
  reviewRating: { '@type': 'Rating', alternateName: f.rating },
  author: { '@type': 'Organization', name: f.publisher },
  datePublished: f.date,
  inLanguage: f.language,
});

/** Valid documents of each JSON format, from generated fact-checks. */
const DOCUMENTS = {
  'ClaimReview JSON-LD': pooled(
    fc
      .tuple(factChecksArb, fc.boolean())
      .map(([checks, graph]) =>
        graph ? { '@context': 'https://schema.org', '@graph': checks.map(review) } : checks.map(review),
      ),
    POOL,
    61,
  ),
  'schema.org DataFeed': pooled(
    factChecksArb.map((checks) => ({
      '@context': 'https://schema.org',
      '@type': 'DataFeed',
      name: 'Data Commons fact-checks',
      dataFeedElement: checks.map((check) => ({ '@type': 'DataFeedItem', item: [review(check)] })),
    })),
    POOL,
    62,
  ),
  'Fact Check Tools answer': pooled(
    factChecksArb.map((checks) => ({
      claims: checks.map((check) => ({
        text: check.claim,
        claimReview: [
          {
            publisher: { name: check.publisher, site: 'checks.example' },
            url: check.url,
            title: check.title,
            reviewDate: check.date,
            textualRating: check.rating,
            languageCode: check.language,
          },
        ],
      })),
      nextPageToken: 'CBQ',
    })),
    POOL,
    63,
  ),
} as const;

/** A line of JSON Lines: a review (sometimes with one thing wrong), or a line that is not JSON. */
const jsonLine = fc.oneof(
  { weight: 4, arbitrary: pooled(factCheckArb.map(review), POOL, 64).map((r) => JSON.stringify(r)) },
  {
    weight: 3,
    arbitrary: mutated(pooled(factCheckArb.map(review), POOL, 65)).map(
      (r) => JSON.stringify(r) ?? 'undefined',
    ),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom('', '   ', '<html>502</html>', '{"@type":', '[1,2]', 'null', '\uFEFF{}'),
  },
);

/** JSON Lines: lines joined by LF or CRLF, sometimes cut short. */
const jsonLinesFile = fc
  .tuple(
    fc.array(jsonLine, { minLength: 1, maxLength: 6 }),
    fc.constantFrom('\n', '\r\n'),
    fc.nat(),
    fc.boolean(),
  )
  .map(([lines, end, cut, whole]) => {
    const file = lines.join(end);
    return whole || file.length === 0 ? file : file.slice(0, cut % file.length);
  });

/** One CSV cell: a field as written, or something hostile, quoted the way a spreadsheet would or raw. */
const csvValue = fc.oneof(
  { weight: 6, arbitrary: text(30) },
  { weight: 2, arbitrary: fc.constantFrom(...HOSTILE_URLS) },
  { weight: 1, arbitrary: fc.constantFrom('"', '""', '"a,b', 'a\nb', '\r', ',', '=cmd()', '\uFEFF') },
  {
    weight: 1,
    arbitrary: hostileValue.map((value) => String(JSON.stringify(value) ?? value).slice(0, 3000)),
  },
);
const csvCellText = fc
  .tuple(csvValue, fc.boolean())
  .map(([value, quote]) => (quote ? csvCell(value) : value));

const CSV_HEADERS = [
  'claim,url,rating,publisher,date,language,title',
  'URL,Claim',
  '\uFEFFclaim,url,notes',
  'claim,rating',
];

/** CSV: a header, rows from generated fact-checks (some cells made hostile), sometimes cut short. */
const csvFile = fc
  .tuple(
    fc.constantFrom(...CSV_HEADERS),
    fc.array(
      fc.tuple(pooled(factCheckArb, POOL, 66), fc.nat(), csvCellText).map(([check, at, hostile]) => {
        const cells = [
          check.claim,
          check.url,
          check.rating,
          check.publisher,
          check.date,
          check.language,
          check.title,
        ].map(csvCell);
        if (at % 3 === 0) cells[at % cells.length] = hostile;
        return cells.join(',');
      }),
      { minLength: 1, maxLength: 6 },
    ),
    fc.constantFrom('\n', '\r\n', '\r'),
    fc.nat(),
    fc.boolean(),
  )
  .map(([header, rows, end, cut, whole]) => {
    const file = [header, ...rows].join(end);
    return whole ? file : file.slice(0, cut % file.length);
  });

/** What is wrong with a parse answer, or 'refused' (with a message), or null. */
function feedProblem(result: FeedParse): string | null {
  if (result.kind === 'invalid') {
    return typeof result.error === 'string' && result.error.length > 0
      ? 'refused'
      : 'refused without a message';
  }
  if (result.kind !== 'ok') return 'neither ok nor invalid';
  if (!FORMATS.includes(result.format)) return `an unknown format ${String(result.format)}`;
  if (typeof result.title !== 'string' || result.title.length === 0 || result.title.length > 200) {
    return 'a bad feed title';
  }
  if (result.factChecks.length === 0) return 'ok without a fact-check';
  const keys = new Set(result.factChecks.map((check) => `${check.url}\n${check.claim}`));
  if (keys.size !== result.factChecks.length) return 'the same fact-check twice';
  for (const refused of result.invalid) {
    if (!Number.isInteger(refused.record) || typeof refused.field !== 'string' || refused.reason === '') {
      return 'a refusal without record, field and reason';
    }
  }
  return factChecksProblem(result.factChecks);
}

const readFeed = (file: string) =>
  feedProblem(parseFactCheckFeed(file, { url: 'https://checks.example/feed' }));

const figures: string[] = [];
const GUARANTEE = 'Fact-check feed parser survives hostile feeds';
const survives = (runs: number) => survivalCheck(figures, GUARANTEE, runs);

afterAll(() => {
  console.log(`fuzz-feeds:\n  ${figures.join('\n  ')}`);
});

describe('the fact-check feed parser, fed 10,100 generated feeds across its formats', () => {
  const documents = Object.keys(DOCUMENTS) as (keyof typeof DOCUMENTS)[];

  it.each(documents)(
    '%s: never throws, and every fact-check it reads passes the fact-check checks',
    (format) =>
      survives(RUNS.json)(format, fileText(DOCUMENTS[format]), readFeed, 71 + documents.indexOf(format)),
    TIMEOUT,
  );

  it(
    'JSON Lines: never throws, and every fact-check it reads passes the fact-check checks',
    () => survives(RUNS.jsonLines)('JSON Lines', jsonLinesFile, readFeed, 75),
    TIMEOUT,
  );

  it(
    'CSV: never throws, and every fact-check it reads passes the fact-check checks',
    () => survives(RUNS.csv)('CSV', csvFile, readFeed, 76),
    TIMEOUT,
  );

  it(
    'any text at all: never throws, refuses what it cannot read with a message',
    () => survives(RUNS.anyText)('any text', anyText, readFeed, 77),
    TIMEOUT,
  );
});
