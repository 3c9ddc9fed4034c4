// W3C Web Annotation export and import: every exported annotation meets the Working Group's MUST
// assertions (their draft-04 JSON Schemas, run with ajv), the WG's correct samples import or are
// refused with a reason, and an export imports back to the same claims.
import { readdirSync, readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import Ajv, { type ValidateFunction } from 'ajv-draft-04';
import { describe, expect, it } from 'vitest';
import { sharedPath } from '../../scripts/shared-dir.mjs';
import { claimToAnnotation, exportWebAnnotations, parseImport, planImport } from '../../src/core/formats';
import type { Claim } from '../../src/core/model';
import { pageKey } from '../../src/core/url/page-key';
import { makeClaim } from './support/claims';

const SUITE = pathToFileURL(`${sharedPath('conformance', 'web-annotation-tests')}/`);
const readJson = (path: string): Record<string, unknown> =>
  JSON.parse(readFileSync(new URL(path, SUITE), 'utf8'));

interface Assertion {
  path: string;
  assertionType: string;
  expectedResult: string;
  errorMessage: string;
  validate: ValidateFunction;
}

/** Loads a .test file's assertions, compiled against the suite's shared definitions. */
function loadAssertions(testFile: string): Assertion[] {
  const ajv = new Ajv({ allErrors: true, strictTypes: false, allowUnionTypes: true });
  // The WG's test-harness metadata, not validation keywords.
  ajv.addVocabulary(['assertionType', 'expectedResult', 'onUnexpectedResult', 'errorMessage']);
  // Formats the schemas use (ajv ships none): RFC 3986 absolute URI and RFC 3339 date-time.
  ajv.addFormat('uri', /^[a-z][a-z0-9+.-]*:(?:[a-z0-9\-._~:/?#[\]@!$&'()*+,;=]|%[0-9a-f]{2})*$/i);
  ajv.addFormat('date-time', {
    validate: (s: string) =>
      /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/i.test(s) &&
      !Number.isNaN(Date.parse(s)),
  });
  for (const file of readdirSync(new URL('definitions/', SUITE)))
    ajv.addSchema(readJson(`definitions/${file}`));
  const list = readJson(testFile).assertions as string[];
  return list.map((path) => {
    const schema = readJson(path);
    return {
      path,
      assertionType: String(schema.assertionType),
      expectedResult: String(schema.expectedResult),
      errorMessage: String(schema.errorMessage),
      validate: ajv.compile(schema),
    };
  });
}

/** An assertion holds when the schema's verdict is the one it expects ("valid", or "invalid"). */
function holds(assertion: Assertion, data: unknown): boolean {
  return assertion.validate(data) === (assertion.expectedResult !== 'invalid');
}

const T0 = Date.UTC(2024, 2, 5, 9, 30);

function claim(partial: Partial<Claim> & Pick<Claim, 'id' | 'url'>): Claim {
  const exact = partial.quote?.exact ?? 'Digital Rights Act (DSA)';
  return makeClaim({
    title: 'No messaging app is reliable – Kremlin',
    pageKey: pageKey(partial.url)!,
    quote: { type: 'TextQuoteSelector', exact, prefix: 'under the EU’s ', suffix: ', the commission said' },
    position: { type: 'TextPositionSelector', start: 1200, end: 1200 + exact.length },
    created: T0,
    updated: T0,
    ...partial,
  });
}

/** What readers really make: verdicts of each kind, notes only, sources, tags, odd text. */
const CLAIMS: Claim[] = [
  claim({
    id: '0b7e8c8e-8d0a-4d6f-9a5c-2f1e3d4c5b6a',
    url: 'https://www.example-news.com/world/kremlin-messaging?utm_source=x',
    canonical: 'https://www.example-news.com/world/kremlin-messaging',
    canonicalKey: 'example-news.com/world/kremlin-messaging',
    verdict: 'false',
    correction: 'It is the Digital Services Act (DSA).',
    note: 'The EU regulation adopted in 2022.',
    sources: [
      'https://eur-lex.europa.eu/eli/reg/2022/2065/oj',
      'https://en.wikipedia.org/wiki/Digital_Services_Act',
    ],
    tags: ['EU', 'naming'],
    updated: T0 + 60_000,
  }),
  claim({
    id: '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f',
    url: 'https://example.org/article',
    verdict: 'missing-context',
    quote: { type: 'TextQuoteSelector', exact: 'unemployment fell by half', prefix: '', suffix: '' },
  }),
  claim({
    id: '2d3e4f5a-6b7c-4d8e-9f0a-1b2c3d4e5f6a',
    url: 'https://example.org/article',
    note: 'Check this <script>alert(1)</script> & "quotes"\nsecond line',
    tags: ['to check'],
  }),
  claim({
    id: '3e4f5a6b-7c8d-4e9f-8a1b-2c3d4e5f6a7b',
    url: 'http://localhost:8080/page?q=1',
    title: '',
    verdict: 'accurate',
    quote: { type: 'TextQuoteSelector', exact: 'Ünïcödé “quotes” — 日本語', prefix: 'ß', suffix: '😀' },
  }),
  claim({
    id: '4f5a6b7c-8d9e-4f0a-9b1c-2d3e4f5a6b7c',
    url: 'https://example.com/misleading',
    verdict: 'misleading',
    sources: ['https://example.com/a%20b?x=1&y=2#frag'],
  }),
  claim({
    id: '5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d',
    url: 'https://example.com/unproven',
    verdict: 'unproven',
  }),
];

describe('Web Annotation export, against the W3C Web Annotation WG assertions', () => {
  const musts = loadAssertions('annotations/annotationMusts.test');
  const annotations = CLAIMS.map(claimToAnnotation);

  it('loads every assertion listed in annotationMusts.test', () => {
    expect(musts.length).toBe(54);
    expect(musts.every((assertion) => assertion.assertionType === 'must')).toBe(true);
  });

  it.each(musts.map((assertion) => [assertion.path, assertion] as const))(
    '%s holds for every exported annotation',
    (_, assertion) => {
      for (const annotation of annotations) {
        const ok = holds(assertion, annotation);
        if (!ok)
          expect.fail(`${assertion.errorMessage}\n${JSON.stringify(assertion.validate.errors, null, 1)}`);
      }
    },
  );

  it('fails the WG’s incorrect samples (so a pass above means something)', () => {
    const dir = new URL('tools/samples/incorrect/', SUITE);
    const passing = readdirSync(dir).filter((file) => {
      let sample: unknown;
      try {
        sample = JSON.parse(readFileSync(new URL(file, dir), 'utf8'));
      } catch {
        return false; // Some incorrect samples are not JSON at all.
      }
      return musts.every((assertion) => holds(assertion, sample));
    });
    expect(passing).toEqual([]);
  });

  it('exports a collection that meets the AnnotationCollection MUST assertions, with every annotation inline', () => {
    const collection = JSON.parse(exportWebAnnotations(CLAIMS, new Date(T0)));
    for (const assertion of loadAssertions('collections/collectionMusts.test')) {
      if (!holds(assertion, collection)) expect.fail(`${assertion.path}: ${assertion.errorMessage}`);
    }
    expect(collection.first.items).toEqual(annotations);
    expect(collection.total).toBe(CLAIMS.length);
  });

  it('says assessing with the verdict label for verdicts, commenting for notes', () => {
    const [falseClaim, , note] = annotations;
    expect(falseClaim).toMatchObject({
      id: 'urn:uuid:0b7e8c8e-8d0a-4d6f-9a5c-2f1e3d4c5b6a',
      motivation: 'assessing',
      body: expect.arrayContaining([
        { type: 'TextualBody', purpose: 'assessing', value: 'False', format: 'text/plain' },
        { type: 'TextualBody', purpose: 'tagging', value: 'EU', format: 'text/plain' },
        {
          type: 'SpecificResource',
          purpose: 'linking',
          source: 'https://eur-lex.europa.eu/eli/reg/2022/2065/oj',
        },
      ]),
      target: {
        type: 'SpecificResource',
        selector: [
          { type: 'TextQuoteSelector', exact: 'Digital Rights Act (DSA)' },
          { type: 'TextPositionSelector', start: 1200, end: 1224 },
        ],
      },
    });
    expect(note).toMatchObject({ motivation: 'commenting', created: '2024-03-05T09:30:00.000Z' });
  });
});

describe('Web Annotation import', () => {
  it('imports its own export back to the same claims', () => {
    const result = parseImport(exportWebAnnotations(CLAIMS, new Date(T0)));
    expect(result.kind).toBe('ok');
    if (result.kind !== 'ok') return;
    expect(result.format).toBe('web-annotation');
    expect(result.invalid).toEqual([]);
    expect(result.records.map((record) => record.claim)).toEqual(CLAIMS);
    const plan = planImport(result.records, new Map(CLAIMS.map((c) => [c.id, c])));
    expect(plan).toMatchObject({ new: 0, updated: 0, alreadyThere: CLAIMS.length, toWrite: [] });
  });

  it('imports a single annotation and a plain list of annotations', () => {
    const single = parseImport(JSON.stringify(claimToAnnotation(CLAIMS[0]!)));
    const list = parseImport(JSON.stringify(CLAIMS.map(claimToAnnotation)));
    expect(single.kind === 'ok' && single.records.map((r) => r.claim)).toEqual([CLAIMS[0]]);
    expect(list.kind === 'ok' && list.records.length).toBe(CLAIMS.length);
  });

  it('imports what Hypothesis exports, with the same ids on a second import', () => {
    const hypothesis = {
      export_date: '2024-03-01T10:00:00.000Z',
      export_userid: 'acct:reader@hypothes.is',
      client_version: '1.1500.0',
      annotations: [
        {
          id: 'Xy7Qp3kLEe6abc123',
          created: '2024-02-28T12:00:00.000000+00:00',
          updated: '2024-02-28T12:05:00.000000+00:00',
          user: 'acct:reader@hypothes.is',
          uri: 'https://example.org/story',
          text: 'Source says the opposite: https://example.org/report',
          tags: ['economy', 'check'],
          group: '__world__',
          target: [
            {
              source: 'https://example.org/story',
              selector: [
                {
                  type: 'RangeSelector',
                  startContainer: '/p[3]',
                  startOffset: 0,
                  endContainer: '/p[3]',
                  endOffset: 25,
                },
                { type: 'TextPositionSelector', start: 340, end: 365 },
                {
                  type: 'TextQuoteSelector',
                  exact: 'inflation is at 2 percent',
                  prefix: 'He said ',
                  suffix: '. Then',
                },
              ],
            },
          ],
          document: { title: ['A story'] },
        },
        {
          id: 'PageNoteOnly',
          uri: 'https://example.org/story',
          text: 'a page note',
          tags: [],
          target: [{ source: 'https://example.org/story' }],
        },
      ],
    };
    const text = JSON.stringify(hypothesis);
    const first = parseImport(text, { now: T0 });
    expect(first.kind).toBe('ok');
    if (first.kind !== 'ok') return;
    expect(first.format).toBe('hypothesis');
    expect(first.invalid).toEqual([
      { record: 2, field: 'target', reason: expect.stringContaining('TextQuoteSelector') },
    ]);
    const [record] = first.records;
    expect(record?.claim).toMatchObject({
      url: 'https://example.org/story',
      title: 'A story',
      quote: { exact: 'inflation is at 2 percent', prefix: 'He said ', suffix: '. Then' },
      position: { start: 340, end: 365 },
      verdict: null,
      note: 'Source says the opposite: https://example.org/report',
      tags: ['economy', 'check'],
      created: Date.parse('2024-02-28T12:00:00Z'),
      updated: Date.parse('2024-02-28T12:05:00Z'),
    });
    const again = parseImport(text, { now: T0 + 1000 });
    expect(again.kind === 'ok' && again.records.map((r) => r.claim)).toEqual(
      first.records.map((r) => r.claim),
    );
  });

  describe('the WG’s correct samples', () => {
    const dir = new URL('tools/samples/correct/', SUITE);
    const files = readdirSync(dir).sort();
    const outcomes = new Map(
      files.map((file) => [file, parseImport(readFileSync(new URL(file, dir), 'utf8'), { now: T0 })]),
    );

    it.each(files)('%s imports or is refused with a reason', (file) => {
      const result = outcomes.get(file)!;
      if (result.kind === 'invalid') {
        expect(result.error).toMatch(/\w{3,}/);
        return;
      }
      for (const refused of result.invalid) {
        expect(refused.record).toBeGreaterThan(0);
        expect(refused.field).not.toBe('');
        expect(refused.reason).toMatch(/\w{3,}/);
      }
      expect(result.records.length + result.invalid.length).toBeGreaterThan(0);
    });

    it('imports the samples that carry a quoted text target', () => {
      const imported = files.filter((file) => {
        const result = outcomes.get(file)!;
        return result.kind === 'ok' && result.records.length > 0;
      });
      expect(imported).toEqual(['anno26.json', 'anno32.json', 'collection1.json']);
      const anno26 = outcomes.get('anno26.json');
      expect(anno26?.kind === 'ok' && anno26.records[0]?.claim).toMatchObject({
        url: 'http://example.org/page1',
        quote: { exact: 'anotation', prefix: 'this is an ', suffix: ' that has some' },
        sources: ['http://example.org/comment1'],
      });
    });
  });
});
