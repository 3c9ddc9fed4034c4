// What the known-fact-check ranking reads from a sentence or a tweet: content words, stemmed;
// numbers; names; and none of a tweet's noise (links, image links, its signature's date, tag marks).

import { describe, expect, it } from 'vitest';
import { analyseText, splitCamelCase } from '../../src/core/factchecks/analyse-text';

describe('analyseText', () => {
  it('keeps content words, stemmed and lower-cased, and leaves out stop words', () => {
    expect(analyseText('The vaccines were causing autism in children').terms).toEqual([
      'vaccin',
      'caus',
      'autism',
      'children',
    ]);
  });

  it('keeps negations, which decide what a claim says', () => {
    expect(analyseText('Trump did not say that').terms).toContain('not');
  });

  it('drops links and pic.twitter.com images, even glued to a hashtag', () => {
    const a = analyseText(
      'Watch this https://t.co/TvRkHvlgby #IranUsapic.twitter.com/TvRkHvlgby www.example.com/x',
    );
    expect(a.terms).toEqual(['watch', 'iran', 'usa']);
  });

  it('splits hashtags and mentions into their words', () => {
    expect(analyseText('#FakeNews from @realDonaldTrump').terms).toEqual([
      'fake',
      'new',
      'real',
      'donald',
      'trump',
    ]);
  });

  it("keeps a tweet signature's author and year, not its month and day", () => {
    const a = analyseText('Polls look bad. — Donald J. Trump (@realDonaldTrump) October 17, 2012');
    expect(a.terms).toEqual(['poll', 'look', 'bad', 'donald', 'trump', 'real', 'donald', 'trump', '2012']);
    expect(a.terms).not.toContain('octob');
    expect(a.terms).not.toContain('17');
  });

  it('reads numbers without thousands separators, and ignores emojis', () => {
    const a = analyseText('🔥 1,200 jobs lost and 3.5 million 😱');
    expect(a.numbers).toEqual(['1200', '3.5']);
    expect(a.terms).toEqual(['1200', 'job', 'lost', '3.5', 'million']);
  });

  it('takes capitalised words inside a sentence as names, not the first word', () => {
    expect(analyseText('Yesterday the police in Paris arrested Marine Le Pen.').names).toEqual([
      'pari',
      'marin',
      'le',
      'pen',
    ]);
  });

  it('folds accents and possessives', () => {
    expect(analyseText("Macron's café").terms).toEqual(['macron', 'cafe']);
  });
});

describe('splitCamelCase', () => {
  it('splits at case changes and between letters and digits', () => {
    expect(splitCamelCase('IranUsa')).toBe('Iran Usa');
    expect(splitCamelCase('USAToday')).toBe('USA Today');
    expect(splitCamelCase('covid19')).toBe('covid 19');
    expect(splitCamelCase('fake_news')).toBe('fake news');
  });
});
