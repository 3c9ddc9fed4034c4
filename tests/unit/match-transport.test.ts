import { describe, expect, it } from 'vitest';
import { compileRules, decodeRules, encodeRules, findMatches } from '../../src/core/match';

const rules = [
  { phrase: 'Digital Rights Act' },
  { phrase: '“Make America great”', matchCase: true },
  { phrase: 'café society' },
];
const page =
  'The digital  rights\nact says "Make America great" at the Cafe Society — and make america great.';

describe('compiled rules over JSON messages', () => {
  it('survive JSON.stringify and parse, and find the same matches as the original', () => {
    const compiled = compileRules(rules);
    const wire = JSON.parse(JSON.stringify(encodeRules(compiled)));
    const decoded = decodeRules(wire);
    expect(decoded).toEqual(compiled);
    const matches = findMatches(decoded, page);
    expect(matches).toEqual(findMatches(compiled, page));
    expect(matches.map((m) => page.slice(m.start, m.end))).toEqual([
      'digital  rights\nact',
      '"Make America great"',
      'Cafe Society',
    ]);
  });

  it('carries an empty rule set', () => {
    const decoded = decodeRules(JSON.parse(JSON.stringify(encodeRules(compileRules([])))));
    expect(decoded.count).toBe(0);
    expect(findMatches(decoded, page)).toEqual([]);
  });

  it('refuses data that was not encoded rules', () => {
    const encoded = encodeRules(compileRules(rules));
    for (const bad of [
      null,
      'x',
      { ...encoded, version: 2 },
      { ...encoded, keys: 'AAA' },
      { ...encoded, flags: 7 },
    ]) {
      expect(() => decodeRules(bad)).toThrow(TypeError);
    }
    // Typed arrays the size of a different rule count: the shape check catches it.
    expect(() => decodeRules({ ...encoded, count: 2 })).toThrow(/Not compiled correction rules/);
  });
});
