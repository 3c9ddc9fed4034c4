import { describe, expect, it } from 'vitest';
import { markMatches } from '../../src/core/search/mark';
import { parseQuery } from '../../src/core/search/query';

const shown = (text: string, typed: string) =>
  markMatches(text, parseQuery(typed))
    .map((piece) => (piece.marked ? `[${piece.text}]` : piece.text))
    .join('');

describe('marking the words that matched', () => {
  it('marks whole words that match, the last typed word as a prefix', () => {
    expect(shown('The Digital Services Act applies', 'digital serv')).toBe(
      'The [Digital] [Services] Act applies',
    );
  });

  it('marks across case and accents, keeping the original text', () => {
    expect(shown('L’Élysée dément', 'elysee dement ')).toBe('L’[Élysée] [dément]');
  });

  it('does not mark a word that only contains the search inside it', () => {
    expect(shown('Brexit exit poll', 'exit ')).toBe('Brexit [exit] poll');
  });

  it('leaves text whole when nothing is searched or nothing matches', () => {
    expect(markMatches('Plain text', parseQuery(''))).toEqual([{ text: 'Plain text', marked: false }]);
    expect(markMatches('Plain text', parseQuery('zzz'))).toEqual([{ text: 'Plain text', marked: false }]);
    expect(markMatches('', parseQuery('a'))).toEqual([]);
  });

  it('keeps every character, markup-looking text included, as text', () => {
    const text = '<img src=x onerror=alert(1)> 2 + 2 = 5';
    const pieces = markMatches(text, parseQuery('img'));
    expect(pieces.map((p) => p.text).join('')).toBe(text);
    expect(pieces.filter((p) => p.marked).map((p) => p.text)).toEqual(['img']);
  });
});
