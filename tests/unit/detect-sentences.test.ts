import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/core/detect/sentences';

const split = (text: string) => splitSentences(text).map(({ start, end }) => text.slice(start, end));

describe('splitSentences', () => {
  it('splits at full stops, question and exclamation marks followed by white space', () => {
    expect(split('Taxes rose. Did they? Yes! They did.')).toEqual([
      'Taxes rose.',
      'Did they?',
      'Yes!',
      'They did.',
    ]);
  });

  it('keeps titles and other abbreviations inside the sentence', () => {
    expect(split('Mr. Smith met Dr. Jones on St. Kitts. Gen. Lee agreed.')).toEqual([
      'Mr. Smith met Dr. Jones on St. Kitts.',
      'Gen. Lee agreed.',
    ]);
  });

  it('keeps dotted acronyms and initials inside the sentence', () => {
    expect(split('The U.S. Senate voted at 9 a.m. Friday. J. K. Rowling was not there.')).toEqual([
      'The U.S. Senate voted at 9 a.m. Friday.',
      'J. K. Rowling was not there.',
    ]);
  });

  it('does not split decimals or numbers with thousands separators', () => {
    expect(split('Growth was 3.5 percent, or $1,200.50 a head. It fell to 2.1.')).toEqual([
      'Growth was 3.5 percent, or $1,200.50 a head.',
      'It fell to 2.1.',
    ]);
  });

  it('keeps "No." and month abbreviations before a number', () => {
    expect(split('It ranked No. 5 on Aug. 27 last year. No. It did not.')).toEqual([
      'It ranked No. 5 on Aug. 27 last year.',
      'No.',
      'It did not.',
    ]);
  });

  it('keeps closing quotes with the sentence they end', () => {
    expect(split('He said: “No messenger is reliable.” Peskov noted it. “Why?” she asked.')).toEqual([
      'He said: “No messenger is reliable.”',
      'Peskov noted it.',
      '“Why?” she asked.',
    ]);
  });

  it('does not split before a lower-case word', () => {
    expect(split('Prices (approx. five dollars) rose, e.g. bread.')).toEqual([
      'Prices (approx. five dollars) rose, e.g. bread.',
    ]);
  });

  it('splits after an ellipsis before a capital', () => {
    expect(split('We waited... Nothing came.')).toEqual(['We waited...', 'Nothing came.']);
  });

  it('returns offsets into the text, trimmed, and the last sentence without a stop', () => {
    const text = '  First one.   Second one without a stop  ';
    expect(splitSentences(text)).toEqual([
      { start: 2, end: 12 },
      { start: 15, end: 40 },
    ]);
  });

  it('gives nothing for blank text', () => {
    expect(splitSentences('')).toEqual([]);
    expect(splitSentences('  \n ')).toEqual([]);
  });
});
