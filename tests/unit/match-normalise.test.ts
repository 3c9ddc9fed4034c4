// The folding normaliser: the page's text as rules see it, with every folded character mapped
// back to the raw text the highlight must cover.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldsTo, normalise, normalisePhrase } from '../../src/core/match';
import { fold } from '../../src/core/match/normalise';
import { fixturePageText } from './support/page-text';

/** The raw text a folded range stands for. */
function rawOf(raw: string, start: number, end: number): string {
  const page = normalise(raw);
  const range = page.rawRange(start, end);
  return raw.slice(range.start, range.end);
}

describe('normalise', () => {
  it('folds case, accents, typographic quotes and dashes, and white-space runs', () => {
    expect(normalise('The  “Élysée”\n\t— Łódź’s ZOË').text).toBe('the "elysee" - łodz\'s zoe');
  });

  it('keeps case when asked, folding everything else', () => {
    expect(normalise('Ça  ‘va’ – OK', { matchCase: true }).text).toBe("Ca 'va' - OK");
  });

  it('maps each folded character to where it starts in the raw text', () => {
    const page = normalise('a  \n b');
    expect(page.text).toBe('a b');
    expect(Array.from(page.map)).toEqual([0, 1, 5, 6]);
  });

  it('maps a decomposed accent to its letter and covers the mark in a range', () => {
    const raw = 'cafe\u0301 noir';
    const page = normalise(raw);
    expect(page.text).toBe('cafe noir');
    expect(rawOf(raw, 0, 4)).toBe('cafe\u0301');
  });

  it('keeps surrogate pairs whole, and emoji as they are', () => {
    const raw = 'I 😀 𝒳 Ünïcode';
    const page = normalise(raw);
    expect(page.text).toBe('i 😀 𝒳 unicode');
    const emoji = page.text.indexOf('😀');
    expect(rawOf(raw, emoji, emoji + 2)).toBe('😀');
  });

  it('turns a lone surrogate into U+FFFD without shifting later offsets', () => {
    const raw = 'a\ud800b';
    const page = normalise(raw);
    expect(page.text).toBe('a\ufffdb');
    expect(page.rawStart(2)).toBe(2);
  });

  it('drops soft hyphens and zero-width spaces inside words', () => {
    expect(normalise('disinfor\u00admation and fact\u200bcheck').text).toBe('disinformation and factcheck');
  });

  it('keeps Devanagari vowel signs, which are letters there, not accents', () => {
    expect(normalise('किताब').text).toBe('किताब');
  });

  it('leaves CJK and right-to-left text as it is, spaces aside', () => {
    expect(normalise('中国 新闻\u3000网').text).toBe('中国 新闻 网');
    expect(normalise('שָׁלוֹם  مرحبا').text).toBe('שלום مرحبا');
  });

  it('maps a whole page back to the same characters it came from', () => {
    const raw = fixturePageText('lemonde-1.html');
    const page = normalise(raw);
    expect(page.map.length).toBe(page.text.length + 1);
    for (let i = 0; i < page.text.length; i += 97) {
      const from = raw.slice(page.rawStart(i), page.rawEnd(i + 1));
      expect(normalisePhrase(from) || ' ').toBe(page.text[i]);
    }
  });
});

describe('fold', () => {
  it('folds any string exactly as the page text is folded, plain ASCII (its fast path) or not', () => {
    const ascii = fc.string({ unit: fc.constantFrom(...'aZ \t\n\r\v\f-\'"09.,;\u0000\u001f\u007f') });
    fc.assert(
      fc.property(fc.oneof(ascii, fc.string({ unit: 'grapheme' })), fc.boolean(), (text, matchCase) => {
        expect(fold(text, { matchCase })).toBe(normalise(text, { matchCase }).text);
      }),
      { numRuns: 2_000 },
    );
    expect(fold('Digital  Services\tAct')).toBe('digital services act');
    expect(fold('Élysée')).toBe('elysee');
  });
});

describe('normalisePhrase', () => {
  it('folds a rule phrase like page text and trims it', () => {
    expect(normalisePhrase('  Digital\u00a0Rights   Act ')).toBe('digital rights act');
  });
});

describe('foldsTo', () => {
  it('compares a raw range with a folded string without building it', () => {
    expect(foldsTo('xx NATO’s  chief', 3, 16, "NATO's chief", { matchCase: true })).toBe(true);
    expect(foldsTo('xx Nato’s  chief', 3, 16, "NATO's chief", { matchCase: true })).toBe(false);
  });
});
