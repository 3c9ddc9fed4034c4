// What the background finds in a page's text for `corrections/find`: the reader's rules and the
// acronym check, at offsets of the whole text. A page sends its text in overlapping windows (the
// whole text on load, edited stretches after a change); every correction is found whichever way
// the text was cut, at the same place.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sharedPath } from '../../scripts/shared-dir.mjs';
import { compileRules } from '../../src/core/match';
import { correctionMargin, findCorrections, type RuleSet } from '../../src/core/match/find-corrections';
import { scanWindows } from '../../src/core/text';
import { fixturePageText, pageTextOf } from './support/page-text';

function rulesOf(phrases: string[]): RuleSet {
  return {
    ids: phrases.map((_, i) => `rule-${i}`),
    verdicts: phrases.map((_, i) => (i % 2 ? 'false' : null)),
    compiled: compileRules(phrases.map((phrase) => ({ phrase }))),
  };
}

/** Findings as a page keeps them: one per kind and place. */
const places = (found: ReturnType<typeof findCorrections>) =>
  [
    ...new Set(found.map((f) => `${f.kind}:${f.start}:${f.end}:${f.kind === 'rule' ? f.ruleId : f.acronym}`)),
  ].sort();

describe('findCorrections', () => {
  it("finds the seed story's wrong acronym and a reader's rule, at offsets of the whole text", () => {
    const text = fixturePageText('seed-article.html');
    const rules = rulesOf(['Kremlin', 'no such phrase anywhere']);
    const found = findCorrections([{ start: 0, text }], rules, true);
    const acronym = found.find((f) => f.kind === 'acronym');
    expect(acronym && text.slice(acronym.start, acronym.end)).toBe('Digital Rights Act (DSA)');
    expect(acronym).toMatchObject({ expected: 'Digital Services Act' });
    const ruled = found.filter((f) => f.kind === 'rule');
    expect(ruled.length).toBeGreaterThan(0);
    for (const f of ruled) {
      expect(text.slice(f.start, f.end).toLowerCase()).toBe('kremlin');
      expect(f).toMatchObject({ ruleId: 'rule-0', verdict: null });
    }
    // With the built-in check off, only the rules.
    expect(findCorrections([{ start: 0, text }], rules, false).some((f) => f.kind === 'acronym')).toBe(false);
  });

  it('finds the same in a corpus page cut into small overlapping windows as in the whole text', () => {
    const text = pageTextOf(readFileSync(sharedPath('corpus', 'news', 'bbc-1.html'), 'utf8'));
    // Phrases of the page itself, two to four words long, so there is much to find.
    const phrases = [...new Set(text.match(/\p{L}{5,}(?: \p{L}+){1,3}/gu) ?? [])].slice(0, 300);
    const rules = rulesOf(phrases);
    const whole = findCorrections([{ start: 0, text }], rules, true);
    const margin = correctionMargin(rules, true);
    const windows = scanWindows([{ start: 0, end: text.length }], text.length, margin, 1024).map((w) => ({
      start: w.start,
      text: text.slice(w.start, w.end),
      cutBefore: w.start > 0,
      cutAfter: w.end < text.length,
    }));
    expect(windows.length).toBeGreaterThan(10);
    expect(places(whole).length).toBeGreaterThan(100);
    expect(places(findCorrections(windows, rules, true))).toEqual(places(whole));
  });

  it('finds no half word where a window was cut out of longer text', () => {
    const rules = rulesOf(['the council']);
    const text = 'Then the councillor spoke to the council.';
    const cut = text.indexOf('lor');
    // Cut after "the council|lor": that is not the council, though the window alone says so.
    expect(findCorrections([{ start: 0, text: text.slice(0, cut) }], rules, false)).toHaveLength(1);
    const found = findCorrections(
      [
        { start: 0, text: text.slice(0, cut), cutAfter: true },
        { start: cut - 12, text: text.slice(cut - 12), cutBefore: true },
      ],
      rules,
      false,
    );
    expect(found.map((f) => text.slice(f.start, f.end))).toEqual(['the council']);
    expect(found[0]?.start).toBe(text.lastIndexOf('the council'));
  });

  it('says how far past an edit a match may reach: the longest phrase, and the acronym check when on', () => {
    expect(correctionMargin(null, false)).toBe(0);
    expect(correctionMargin(null, true)).toBe(512);
    expect(correctionMargin(rulesOf(['a phrase of twenty ch']), false)).toBe(21 * 4 + 256);
    expect(correctionMargin(rulesOf(['x'.repeat(5000)]), false)).toBe(8192);
  });
});
