// Fuzzing every importer: the claim importers (Factmark backup, W3C Web Annotation, Hypothesis,
// ClaimReview, and any text at all through parseImport), planImport, and the correction-list
// parser (Factmark lists, ClaimReview feeds read as fact-checks, any text) each get 10,000
// generated files in `npm run check:reliability` (FACTMARK_LONG=1), 1,000 in `npm test` — valid exports with one field made hostile, truncated files, wrong
// types, oversized strings and arrays, javascript:/data:/file: URLs, deep nesting, __proto__ keys.
// None may throw; every claim, rule or fact-check that comes out must pass the checks a save
// passes; no prototype may change. Then the write: an import that fails half-way (the disk fills
// after the records were put) leaves the database exactly as it was.
import 'fake-indexeddb/auto';
import fc from 'fast-check';
import * as v from 'valibot';
import { afterAll, describe, expect, it } from 'vitest';
import { ClaimSchema } from '../../src/core/claim-schema';
import {
  type ClaimRecord,
  exportBackup,
  exportClaimReviews,
  exportWebAnnotations,
  type ImportResult,
  parseImport,
  planImport,
} from '../../src/core/formats';
import { type ListParse, parseCorrectionList } from '../../src/core/lists';
import { type Claim, VERDICTS } from '../../src/core/model';
import { RuleDraftSchema } from '../../src/core/rule';
import { pageKey } from '../../src/core/url/page-key';
import { writeImport } from '../../src/db/import';
import { type FactmarkDb, openDb } from '../../src/db/schema';
import { recordFigure } from '../support/reliability';
import { claimFromFields } from './support/claims';
import { aroundEveryWrite } from './support/db-writes';
import { anyText, factChecksProblem, fileText, survivalCheck } from './support/fuzz-files';
import { pooled, prototypeKeys, prototypePolluted } from './support/hostile-values';

/** The full 10,000 is the reliability guarantee; `npm test` runs a tenth of it to keep the suite short. */
const RUNS = process.env.FACTMARK_LONG === '1' ? 10_000 : 1_000;
const TIMEOUT = 120_000;
const NOW = new Date('2026-03-05T10:00:00Z');
const protoBefore = prototypeKeys();

const text = (max: number, min = 0) => fc.string({ unit: 'grapheme', minLength: min, maxLength: max });
const webUrl = fc.oneof(
  fc.webUrl({ withQueryParameters: true, withFragments: true, size: 'small' }),
  fc.constantFrom('https://www.bbc.co.uk/news/articles/c1', 'http://127.0.0.1:8080/seed-article.html'),
);

/** A claim a reader could have saved (small: a few per file keeps thousands of files quick). */
const claimArb: fc.Arbitrary<Claim> = fc
  .record({
    id: fc.uuid({ version: 4 }),
    url: webUrl,
    canonical: fc.option(webUrl, { nil: undefined }),
    title: text(30),
    exact: text(40, 1).filter((s) => s.trim().length > 0),
    prefix: text(20),
    suffix: text(20),
    start: fc.nat({ max: 100_000 }),
    length: fc.integer({ min: 1, max: 400 }),
    verdict: fc.constantFrom(...VERDICTS, null),
    correction: text(40),
    note: text(40),
    sources: fc.array(webUrl, { maxLength: 2 }),
    tags: fc.uniqueArray(fc.stringMatching(/^[a-z]{1,10}$/), { maxLength: 3 }),
    created: fc.integer({ min: 0, max: 4_102_444_800_000 }),
    age: fc.nat({ max: 1e9 }),
  })
  .map((fields) => claimFromFields(fields, (url) => pageKey(url) ?? url));

const claimsArb = fc.uniqueArray(claimArb, { selector: (claim) => claim.id, minLength: 1, maxLength: 2 });

/** What Hypothesis exports for these claims (its own JSON, close to Web Annotation). */
function hypothesisExport(claims: readonly Claim[]): unknown {
  return {
    export_date: NOW.toISOString(),
    export_userid: 'acct:reader@hypothes.is',
    annotations: claims.map((claim, i) => ({
      id: `hyp${i}${claim.id.slice(0, 8)}`,
      created: new Date(claim.created).toISOString(),
      updated: new Date(claim.updated).toISOString(),
      uri: claim.url,
      text: claim.note,
      tags: claim.tags,
      target: [
        {
          source: claim.url,
          selector: [
            { type: 'TextPositionSelector', start: claim.position.start, end: claim.position.end },
            claim.quote,
          ],
        },
      ],
      document: { title: [claim.title] },
    })),
  };
}

/** Valid documents of each claim format, as parsed JSON (to mutate), from generated claims. */
const POOL = 400;
const CLAIM_FORMATS = {
  'Factmark backup': pooled(
    claimsArb.map((claims) => JSON.parse(exportBackup(claims, NOW)) as unknown),
    POOL,
    1,
  ),
  'W3C Web Annotation': pooled(
    claimsArb.map((claims) => JSON.parse(exportWebAnnotations(claims, NOW)) as unknown),
    POOL,
    2,
  ),
  Hypothesis: pooled(claimsArb.map(hypothesisExport), POOL, 3),
  ClaimReview: pooled(
    claimsArb.map((claims) => JSON.parse(exportClaimReviews(claims)) as unknown),
    POOL,
    4,
  ),
} as const;

const ruleArb = fc.record({
  phrase: fc.stringMatching(/^[A-Za-z][A-Za-z ]{2,30}[a-z]$/),
  verdict: fc.constantFrom(...VERDICTS, null),
  correction: text(40),
  note: text(40),
  sources: fc.array(webUrl, { maxLength: 2 }),
  matchCase: fc.boolean(),
});

const LIST_FORMATS = {
  'Factmark correction list': pooled(
    fc
      .record({ title: text(30, 1), rules: fc.array(ruleArb, { minLength: 1, maxLength: 4 }) })
      .map(({ title, rules }) => ({ format: 'factmark-corrections', version: 1, title, rules }) as unknown),
    POOL,
    5,
  ),
  'ClaimReview correction list': pooled(
    fc
      .array(
        fc.record({
          claim: fc.stringMatching(/^[A-Za-z][A-Za-z ]{5,40}$/),
          rating: fc.constantFrom('False', 'Pants on Fire', 'Mostly true', 'Misleading', 'Unproven', 'weird'),
          url: webUrl,
          body: text(40),
        }),
        { minLength: 1, maxLength: 4 },
      )
      .map(
        (reviews) =>
          reviews.map(({ claim, rating, url, body }) => ({
            '@context': 'https://schema.org',
            '@type': 'ClaimReview',
            url,
            claimReviewed: claim,
            reviewBody: body,
            author: { '@type': 'Organization', name: 'Example Checks' },
            reviewRating: { '@type': 'Rating', alternateName: rating },
          })) as unknown,
      ),
    POOL,
    6,
  ),
} as const;

/** A claim out of an import is one the save path would accept: schema (web addresses), keys. */
function claimProblem(claim: Claim): string | null {
  const parsed = v.safeParse(ClaimSchema, claim, { abortEarly: true });
  if (!parsed.success) return `claim fails the claim schema: ${parsed.issues[0]?.message}`;
  if (claim.pageKey !== pageKey(claim.url)) return 'pageKey does not match the url';
  return null;
}

function importProblem(result: ImportResult): string | null {
  if (result.kind === 'invalid') {
    return typeof result.error === 'string' && result.error.length > 0 ? null : 'refused without a message';
  }
  if (result.kind !== 'ok') return 'neither ok nor invalid';
  for (const record of result.records) {
    const problem = claimProblem(record.claim);
    if (problem) return `record ${record.record}: ${problem}`;
  }
  for (const refused of result.invalid) {
    if (
      !Number.isInteger(refused.record) ||
      typeof refused.field !== 'string' ||
      typeof refused.reason !== 'string'
    ) {
      return 'a refusal without record, field and reason';
    }
  }
  if (new Set(result.records.map((record) => record.claim.id)).size !== result.records.length) {
    return 'the same claim twice in one import';
  }
  return null;
}

function listProblem(result: ListParse): string | null {
  if (result.kind === 'invalid') return result.error.length > 0 ? null : 'refused without a message';
  const { kind, rules, factChecks } = result.list;
  if (kind === 'rules' ? factChecks.length > 0 : rules.length > 0) return 'both rules and fact-checks';
  for (const rule of rules) {
    if (!v.is(RuleDraftSchema, rule))
      return `a rule fails the rule schema: ${JSON.stringify(rule).slice(0, 200)}`;
  }
  const factCheck = factChecksProblem(factChecks);
  if (factCheck) return factCheck;
  if (typeof result.list.title !== 'string' || result.list.title.length > 200) return 'a bad list title';
  return null;
}

const figures: string[] = [];
const expectSurvives = survivalCheck(figures, 'Importer survives hostile files', RUNS);

/** Reads a file as the import panel does: a problem, 'refused' (with a message), or null. */
function readImport(file: string): string | null {
  const result = parseImport(file, { now: NOW.getTime() });
  return importProblem(result) ?? (result.kind === 'invalid' ? 'refused' : null);
}

/** Reads a correction list as a subscription or the list import does, likewise. */
const readList =
  (from: Parameters<typeof parseCorrectionList>[1]) =>
  (file: string): string | null => {
    const result = parseCorrectionList(file, from);
    return listProblem(result) ?? (result.kind === 'invalid' ? 'refused' : null);
  };

afterAll(() => {
  console.log(`fuzz-importers:\n  ${figures.join('\n  ')}`);
});

describe(`every claim importer, fed ${RUNS.toLocaleString('en')} generated files each`, () => {
  const formats = Object.keys(CLAIM_FORMATS) as (keyof typeof CLAIM_FORMATS)[];

  it.each(formats)(
    '%s: never throws, and every claim it reads passes the checks a save passes',
    (format) =>
      expectSurvives(format, fileText(CLAIM_FORMATS[format]), readImport, formats.indexOf(format) + 1),
    TIMEOUT,
  );

  it(
    'any text at all: never throws, refuses what it cannot read with a message',
    () => expectSurvives('parseImport, any text', anyText, readImport, 11),
    TIMEOUT,
  );
});

describe(`planImport, fed ${RUNS.toLocaleString('en')} generated imports against generated databases`, () => {
  it(
    'counts every record once, and writes only valid claims',
    async () => {
      let plans = 0;
      let problem: string | null = null;
      const importAndStored = fc.tuple(
        fileText(CLAIM_FORMATS['Factmark backup']),
        fc.array(claimArb, { maxLength: 3 }),
        fc.nat(),
      );
      try {
        fc.assert(
          fc.property(importAndStored, ([file, others, pick]) => {
            const result = parseImport(file, { now: NOW.getTime() });
            if (result.kind !== 'ok') return true;
            plans++;
            // Stored: some of the file's own claims (edited) and some unrelated ones.
            const stored = new Map<string, Claim>(others.map((claim) => [claim.id, claim]));
            result.records.forEach((record: ClaimRecord, i) => {
              if ((pick >> i) & 1)
                stored.set(record.claim.id, { ...record.claim, note: `${record.claim.note}!` });
            });
            const plan = planImport(result.records, stored);
            const counted = plan.new + plan.updated + plan.alreadyThere;
            if (counted !== result.records.length)
              problem ??= `counted ${counted} of ${result.records.length} records`;
            if (plan.toWrite.length !== plan.new + plan.updated)
              problem ??= 'writes more or fewer than new + updated';
            for (const claim of plan.toWrite) problem ??= claimProblem(claim);
            if (prototypePolluted(protoBefore)) problem ??= 'a prototype was changed';
            return problem === null;
          }),
          { numRuns: RUNS, seed: 21, endOnFailure: true },
        );
      } catch (error) {
        problem ??= error instanceof Error ? error.message.slice(0, 500) : String(error);
      }
      const line = `planImport: ${RUNS.toLocaleString('en')} generated imports (${plans.toLocaleString('en')} planned against a database), ${problem ? 'FAILED' : 'every record counted once, every write valid'}`;
      figures.push(line);
      recordFigure({
        guarantee: 'Import plans count every record once',
        figure: line.slice(12),
        held: !problem,
      });
      expect(problem).toBeNull();
    },
    TIMEOUT,
  );
});

describe(`the correction-list parser, fed ${RUNS.toLocaleString('en')} generated lists each`, () => {
  const formats = Object.keys(LIST_FORMATS) as (keyof typeof LIST_FORMATS)[];

  it.each(formats)(
    '%s: never throws, and every rule or fact-check it reads passes its checks',
    (format) =>
      expectSurvives(
        format,
        fileText(LIST_FORMATS[format]),
        readList({ fileName: 'list.json' }),
        31 + formats.indexOf(format),
      ),
    TIMEOUT,
  );

  it(
    'any text at all: never throws, refuses what it cannot read with a message',
    () =>
      expectSurvives(
        'parseCorrectionList, any text',
        anyText,
        readList({ url: 'https://lists.example/list.json' }),
        41,
      ),
    TIMEOUT,
  );
});

describe('writing an import into the database', () => {
  const WRITE_RUNS = 300;

  it(
    'writes all of a valid import, or — when the disk fills half-way — nothing at all',
    async () => {
      const db: FactmarkDb = openDb(`factmark-fuzz-import-${process.pid}`);
      // Fails a write after it was made, inside the transaction, as a full disk would.
      let failNextWrite = false;
      aroundEveryWrite(db, 'disk-fills', async (table, write) => {
        const result = await write();
        if (failNextWrite && table === 'claims')
          throw new DOMException('injected: the disk is full', 'QuotaExceededError');
        return result;
      });
      let written = 0;
      let failed = 0;
      let preserved = 0;
      let problem: string | null = null;
      try {
        await fc.assert(
          fc.asyncProperty(
            fc.uniqueArray(pooled(claimArb, POOL, 8), { maxLength: 5, selector: (claim) => claim.id }),
            fileText(CLAIM_FORMATS['Factmark backup']),
            fc.boolean(),
            async (seed, file, diskFills) => {
              await db.claims.clear();
              await db.claims.bulkPut(seed);
              const before = JSON.stringify(await db.claims.orderBy('id').toArray());
              const result = parseImport(file, { now: NOW.getTime() });
              if (result.kind !== 'ok' || result.records.length === 0) {
                // A refused file is never written; the database is as it was.
                if (JSON.stringify(await db.claims.orderBy('id').toArray()) !== before)
                  problem ??= 'a refused file changed the database';
                return problem === null;
              }
              failNextWrite = diskFills;
              let plan: Awaited<ReturnType<typeof writeImport>> | null = null;
              try {
                plan = await writeImport(db, result.records);
              } catch {
                plan = null;
              } finally {
                failNextWrite = false;
              }
              const after = await db.claims.orderBy('id').toArray();
              if (diskFills) {
                if (plan !== null && plan.toWrite.length > 0)
                  problem ??= 'an import reported success although its write failed';
                if (plan === null && JSON.stringify(after) !== before)
                  problem ??= 'a failed import left part of its records in the database';
                if (plan === null) {
                  failed++;
                  preserved += seed.length;
                }
              } else {
                if (!plan) problem ??= 'a valid import failed to write';
                else {
                  written++;
                  const ids = new Set(after.map((claim) => claim.id));
                  if (!plan.toWrite.every((claim) => ids.has(claim.id)))
                    problem ??= 'a planned claim is missing after the write';
                  if (after.length !== seed.length + plan.new)
                    problem ??= 'the database holds more or fewer claims than planned';
                }
              }
              return problem === null;
            },
          ),
          { numRuns: WRITE_RUNS, seed: 51, endOnFailure: true },
        );
      } catch (error) {
        problem ??= error instanceof Error ? error.message.slice(0, 500) : String(error);
      } finally {
        await db.delete();
      }
      const line = `writeImport: ${WRITE_RUNS} generated imports into a database (${written} written whole, ${failed} failed half-way with ${preserved} stored claims preserved), ${problem ? 'FAILED' : '0 partial writes'}`;
      figures.push(line);
      recordFigure({
        guarantee: 'A failed import writes nothing',
        figure: line.slice(13),
        held: !problem && failed > 0,
      });
      expect(problem).toBeNull();
      expect(failed).toBeGreaterThan(0);
    },
    TIMEOUT,
  );
});
