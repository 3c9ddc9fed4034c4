// The detector's language gate: whether a page's text reads as English. Its Latin-letter share is
// counted in one pass; it must equal what collecting every Unicode letter gives, for any text.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isSupportedLanguage, latinShare, looksEnglish } from '../../src/core/detect/language';
import { fixturePageText } from './support/page-text';

/** The share written out plainly: every letter collected, then the A–Z ones counted. */
function plainLatinShare(text: string): number | null {
  const letters = text.match(/\p{L}/gu) ?? [];
  if (letters.length === 0) return null;
  return letters.filter((ch) => /[A-Za-z]/.test(ch)).length / letters.length;
}

describe('the language gate', () => {
  it('counts letters as the Unicode property does, in any script, astral letters included', () => {
    const mixed = fc.string({
      unit: fc.constantFrom(
        ...[...'The cat sat, said Zoë. Ça va? 日本語 Москва ١٢ \u0301'],
        '𝐀',
        '😀',
        '\ud835',
      ),
    });
    fc.assert(
      fc.property(fc.oneof(mixed, fc.string({ unit: 'grapheme' })), (text) => {
        expect(latinShare(text)).toBe(plainLatinShare(text));
      }),
      { numRuns: 2_000 },
    );
  });

  it('reads an English news page as English and a French one as not', () => {
    expect(looksEnglish(fixturePageText('bbc-1.html'))).toBe(true);
    expect(looksEnglish(fixturePageText('seed-article.html').slice(0, 2_000))).toBe(true);
    expect(looksEnglish(fixturePageText('lemonde-1.html').slice(0, 2_000))).toBe(false);
    expect(looksEnglish('日本語のニュース記事です')).toBe(false);
    expect(isSupportedLanguage('en-GB')).toBe(true);
    expect(isSupportedLanguage('fr')).toBe(false);
  });
});
