// What the reader typed in the search box, as words to look up: every word must match; the last
// one matches as a prefix while it is still being typed ("digital serv" finds "services"). Pure.
import { wordsOf } from './text';

export interface SearchQuery {
  /** Folded words, in the order typed (at most MAX_WORDS). */
  words: string[];
  /** True when the last word is still being typed and matches any word it begins. */
  lastIsPrefix: boolean;
}

/** More words than this are ignored: a search is a few words, not a paragraph. */
const MAX_WORDS = 32;

const EMPTY_QUERY: SearchQuery = { words: [], lastIsPrefix: false };

export function parseQuery(typed: string): SearchQuery {
  const words = wordsOf(typed).slice(0, MAX_WORDS);
  if (words.length === 0) return EMPTY_QUERY;
  // A trailing space or punctuation says the last word is finished.
  const lastIsPrefix = /[\p{L}\p{N}\p{M}]$/u.test(typed);
  return { words, lastIsPrefix };
}

/** True when a folded word of the text satisfies the query word at `index`. */
export function wordMatches(query: SearchQuery, index: number, word: string): boolean {
  const wanted = query.words[index];
  if (wanted === undefined) return false;
  const prefix = query.lastIsPrefix && index === query.words.length - 1;
  return prefix ? word.startsWith(wanted) : word === wanted;
}

/** True when a folded word satisfies any word of the query. */
export function matchesAnyWord(query: SearchQuery, word: string): boolean {
  for (let i = 0; i < query.words.length; i++) if (wordMatches(query, i, word)) return true;
  return false;
}
