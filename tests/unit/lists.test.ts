// Correction lists: Factmark's own list JSON read into phrase rules, schema.org ClaimReview JSON-LD
// (a fact-check feed) into fact-checks; broken, huge or hostile files refused with a message saying
// what to do, bad records listed. Every feed format: tests/unit/factcheck-feeds.test.ts.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { ListRuleSchema, parseCorrectionList, verdictOfRating } from '../../src/core/lists';
import { RuleDraftSchema } from '../../src/core/rule';

const SCHEMA = JSON.parse(
  readFileSync(fileURLToPath(new URL('../../docs/correction-list.schema.json', import.meta.url)), 'utf8'),
);

const GOOD_LIST = {
  $schema: 'https://factmark.example/correction-list.schema.json',
  format: 'factmark-corrections',
  version: 1,
  title: 'EU naming errors',
  rules: [
    {
      phrase: 'Digital Rights Act',
      verdict: 'false',
      correction: 'The DSA is the Digital Services Act.',
      sources: ['https://eur-lex.europa.eu/eli/reg/2022/2065/oj'],
      matchCase: false,
      note: 'Regulation (EU) 2022/2065',
    },
    { phrase: 'Kremlin spokesman', verdict: null },
  ],
};

function parse(value: unknown, source = {}) {
  return parseCorrectionList(JSON.stringify(value), source);
}

describe('Factmark correction lists', () => {
  it('reads every rule, with defaults for what a rule leaves out', () => {
    const result = parse(GOOD_LIST);
    expect(result).toEqual({
      kind: 'ok',
      format: 'factmark-corrections',
      list: {
        kind: 'rules',
        title: 'EU naming errors',
        factChecks: [],
        rules: [
          {
            phrase: 'Digital Rights Act',
            matchCase: false,
            verdict: 'false',
            correction: 'The DSA is the Digital Services Act.',
            note: 'Regulation (EU) 2022/2065',
            sources: ['https://eur-lex.europa.eu/eli/reg/2022/2065/oj'],
          },
          {
            phrase: 'Kremlin spokesman',
            matchCase: false,
            verdict: null,
            correction: '',
            note: '',
            sources: [],
          },
        ],
      },
      invalid: [],
    });
    if (result.kind === 'ok')
      for (const rule of result.list.rules) expect(v.is(RuleDraftSchema, rule)).toBe(true);
  });

  it('lists bad records by number and field, and keeps the good ones', () => {
    const result = parse({
      ...GOOD_LIST,
      rules: [
        { phrase: 'x' },
        { phrase: 'fine phrase', sources: ['javascript:alert(1)'] },
        { phrase: 'another fine phrase', verdict: 'pants on fire' },
        { phrase: 'good phrase' },
        { phrase: 'GOOD   phrase' },
        { phrase: 'a'.repeat(301) },
        { phrase: 'extra key', colour: 'red' },
        'not a rule',
      ],
    });
    expect(result.kind).toBe('ok');
    if (result.kind !== 'ok') return;
    expect(result.list.rules.map((rule) => rule.phrase)).toEqual(['good phrase']);
    expect(result.invalid.map(({ record, field }) => [record, field])).toEqual([
      [1, 'phrase'],
      [2, 'sources.0'],
      [3, 'verdict'],
      [5, 'phrase'],
      [6, 'phrase'],
      [7, 'colour'],
      [8, '(record)'],
    ]);
    expect(result.invalid[0]?.reason).toMatch(/at least 2 characters/);
    expect(result.invalid[3]?.reason).toBe('repeats the phrase of record 4');
  });

  it('refuses a list whose every rule is bad, saying why', () => {
    const result = parse({ ...GOOD_LIST, rules: [{ phrase: '' }, { phrase: 3 }] });
    expect(result).toMatchObject({ kind: 'invalid' });
    if (result.kind === 'invalid') expect(result.error).toMatch(/None of the 2 rules.*record 1, phrase/);
  });

  it('reads an empty list as a list with no rules', () => {
    expect(parse({ ...GOOD_LIST, rules: [] })).toMatchObject({ kind: 'ok', list: { rules: [] } });
  });

  it('refuses a list from a newer Factmark, saying to update', () => {
    const result = parse({ ...GOOD_LIST, version: 2 });
    expect(result.kind === 'invalid' && result.error).toMatch(/version 2.*Update Factmark/);
  });

  it('refuses a list without a title or rules, naming the field', () => {
    const { title: _title, ...untitled } = GOOD_LIST;
    expect(parse(untitled)).toMatchObject({ kind: 'invalid', error: expect.stringMatching(/title/) });
    expect(parse({ ...GOOD_LIST, rules: {} })).toMatchObject({ kind: 'invalid', error: /rules/ });
  });
});

describe('the correction list JSON Schema (docs/correction-list.schema.json)', () => {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  const validate = ajv.compile(SCHEMA);

  it('accepts the sample list Factmark reads', () => {
    expect(validate(GOOD_LIST), JSON.stringify(validate.errors)).toBe(true);
    expect(parse(GOOD_LIST).kind).toBe('ok');
  });

  it.each([
    ['a rule with an unknown key', { phrase: 'some phrase', colour: 'red' }],
    ['a one-character phrase', { phrase: 'x' }],
    ['an unknown verdict', { phrase: 'some phrase', verdict: 'pants on fire' }],
    ['a source that is not a web address', { phrase: 'some phrase', sources: ['ftp://example.org/'] }],
    [
      'a source with a user name and password',
      { phrase: 'some phrase', sources: ['https://me:secret@example.org/'] },
    ],
    ['match case that is not a boolean', { phrase: 'some phrase', matchCase: 'yes' }],
    ['a rule without a phrase', { verdict: 'false' }],
  ])('rejects %s, as the reader does', (_name, rule) => {
    expect(validate({ ...GOOD_LIST, rules: [rule] })).toBe(false);
    expect(v.is(ListRuleSchema, rule)).toBe(false);
  });

  it('rejects an unknown key at the top, as the reader does', () => {
    const list = { ...GOOD_LIST, owner: 'someone' };
    expect(validate(list)).toBe(false);
    expect(parse(list).kind).toBe('invalid');
  });
});

describe('ClaimReview lists', () => {
  const review = (claim: string, rating: string, extra: Record<string, unknown> = {}) => ({
    '@context': 'https://schema.org',
    '@type': 'ClaimReview',
    url: 'https://factcheck.example/dsa',
    claimReviewed: claim,
    author: { '@type': 'Organization', name: 'Example Checks' },
    reviewRating: { '@type': 'Rating', alternateName: rating },
    ...extra,
  });

  it('reads a single review as a fact-check: its claim, its rating and verdict, its article, no phrase rules', () => {
    const result = parse(
      review('The EU passed the  Digital Rights Act', 'Pants on Fire', { reviewBody: 'No such act.' }),
    );
    expect(result).toEqual({
      kind: 'ok',
      format: 'claim-review',
      list: {
        kind: 'fact-checks',
        title: 'Fact-checks by Example Checks',
        rules: [],
        factChecks: [
          {
            claim: 'The EU passed the Digital Rights Act',
            title: '',
            url: 'https://factcheck.example/dsa',
            rating: 'Pants on Fire',
            verdict: 'false',
            publisher: 'Example Checks',
            date: '',
            language: '',
          },
        ],
      },
      invalid: [],
    });
  });

  it('reads a list and an @graph, skipping the graph’s other nodes', () => {
    const reviews = [
      review('claim one here', 'Mostly false'),
      review('claim two here', 'Accurate', { url: 'https://factcheck.example/two' }),
    ];
    expect(parse(reviews)).toMatchObject({
      kind: 'ok',
      list: { factChecks: [{ verdict: 'misleading' }, { verdict: 'accurate' }] },
    });
    const graph = {
      '@context': 'https://schema.org',
      '@graph': [{ '@type': 'Organization', name: 'X' }, ...reviews],
    };
    expect(parse(graph)).toMatchObject({
      kind: 'ok',
      list: { factChecks: [{ claim: 'claim one here' }, { claim: 'claim two here' }] },
    });
  });

  it('keeps an unknown rating as text, with no verdict', () => {
    const result = parse(review('claim three here', 'Four Bananas'));
    expect(result).toMatchObject({
      kind: 'ok',
      list: { factChecks: [{ rating: 'Four Bananas', verdict: null }] },
    });
  });

  it('maps the common ratings to verdicts', () => {
    expect(
      [
        'False',
        'Mostly false',
        'Pants on fire',
        'Misleading',
        'Missing context',
        'Unproven',
        'True',
        'Accurate',
      ].map(verdictOfRating),
    ).toEqual([
      'false',
      'misleading',
      'false',
      'misleading',
      'missing-context',
      'unproven',
      'accurate',
      'accurate',
    ]);
  });

  it('leaves out reviews whose article is not a web address or that have no claim, naming the field', () => {
    const result = parse([
      review('claim four here', 'False', { url: 'javascript:alert(1)' }),
      review('', 'False'),
      review('claim six here', 'False'),
    ]);
    expect(result).toMatchObject({
      kind: 'ok',
      list: { factChecks: [{ claim: 'claim six here' }] },
      invalid: [
        { record: 1, field: 'url', reason: 'must be an http or https address' },
        { record: 2, field: 'claimReviewed' },
      ],
    });
  });

  it('titles a list by its file when the reviews name no author', () => {
    const result = parse([review('claim five here', 'False', { author: undefined })], {
      fileName: 'checks.jsonld',
    });
    expect(result).toMatchObject({ kind: 'ok', list: { title: 'checks' } });
  });
});

describe('broken, huge and hostile lists', () => {
  it.each([
    ['empty', '', /empty/],
    ['truncated JSON', '{"format": "factmark-corrections", "rules": [', /not valid JSON/],
    [
      'some other JSON',
      '{"hello": "world"}',
      /not a list Factmark can read.*factmark-corrections.*ClaimReview/,
    ],
    ['a bare number', '42', /not a list Factmark can read/],
    ['deeply nested JSON', `${'['.repeat(200_000)}${']'.repeat(200_000)}`, /nested too deeply|not a list/],
  ])('refuses %s with a message', (_name, text, message) => {
    const result = parseCorrectionList(text, { fileName: 'list.json' });
    expect(result.kind).toBe('invalid');
    if (result.kind === 'invalid') expect(result.error).toMatch(message);
  });

  it('refuses a Factmark list over 20 MB before parsing it', () => {
    const text = `{"format": "factmark-corrections", "version": 1, "title": "t", "rules": []}${' '.repeat(20 * 1024 * 1024)}`;
    const result = parseCorrectionList(text, {});
    expect(result.kind === 'invalid' && result.error).toMatch(/too large.*20 MB/);
  });

  it('refuses a Factmark list over 20 MB whose format is named only after its rules', () => {
    const text = `{"rules": [], ${' '.repeat(20 * 1024 * 1024)} "format": "factmark-corrections", "version": 1, "title": "t"}`;
    const result = parseCorrectionList(text, {});
    expect(result.kind === 'invalid' && result.error).toMatch(/too large.*20 MB/);
  });

  it('refuses any file over 256 MB before parsing it, saying to split it', () => {
    const result = parseCorrectionList(' '.repeat(256 * 1024 * 1024 + 1), {});
    expect(result.kind === 'invalid' && result.error).toMatch(/too large.*256 MB.*Split it/);
  });

  it('refuses more than 50,000 rules as a whole, importing none', () => {
    const rules = Array.from({ length: 50_001 }, (_, i) => ({ phrase: `phrase ${i}` }));
    const result = parse({ ...GOOD_LIST, rules });
    expect(result.kind === 'invalid' && result.error).toMatch(/50,001 rules.*at most 50,000/);
  });

  it('reads a list of 50,000 rules', () => {
    const rules = Array.from({ length: 50_000 }, (_, i) => ({
      phrase: `phrase number ${i}`,
      verdict: 'false',
    }));
    const result = parse({ ...GOOD_LIST, rules });
    expect(result.kind === 'ok' && result.list.rules.length).toBe(50_000);
  });

  it('never lets __proto__ or constructor keys through', () => {
    const text = `{"format":"factmark-corrections","version":1,"title":"t","__proto__":{"polluted":true},
      "rules":[{"phrase":"some phrase","__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}]}`;
    const result = parseCorrectionList(text, {});
    expect(result.kind).toBe('ok');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    if (result.kind === 'ok') expect(Object.keys(result.list.rules[0] ?? {})).not.toContain('__proto__');
  });

  it('refuses a title that is not text, naming the field', () => {
    expect(parse({ ...GOOD_LIST, title: { $gt: '' } })).toMatchObject({ kind: 'invalid', error: /title/ });
  });
});
