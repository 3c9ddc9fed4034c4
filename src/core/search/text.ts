// Words for search: how claim text and what the reader types become comparable words — case-,
// diacritic- and width-insensitive ("Élysée" and "elysee" are one word). Pure; no DOM.

/** Runs of letters and digits in already-normalised text. */
const WORD = /[\p{L}\p{N}]+/gu;
/** Runs of letters, digits and combining marks in original text (a word as a reader sees it). */
const SHOWN_WORD = /[\p{L}\p{N}\p{M}]+/gu;
const MARKS = /\p{M}+/gu;

/** Text folded for comparison: compatibility-decomposed, accents dropped, lower case. */
export function fold(text: string): string {
  return text.normalize('NFKD').replace(MARKS, '').toLowerCase();
}

/** The distinct folded words of a text, in order of first appearance. */
export function wordsOf(text: string): string[] {
  return fold(text).match(WORD) ?? [];
}

/** A word of original text, with where it is, for marking matches in what is shown. */
export interface ShownWord {
  start: number;
  end: number;
  /** The word folded: usually one word; a ligature or fraction may fold into several. */
  folded: string[];
}

/** The words of original text with their offsets, so matches can be marked in place. */
export function shownWords(text: string): ShownWord[] {
  const out: ShownWord[] = [];
  for (const match of text.matchAll(SHOWN_WORD)) {
    const start = match.index;
    const folded = wordsOf(match[0]);
    if (folded.length > 0) out.push({ start, end: start + match[0].length, folded });
  }
  return out;
}

/** A page's site as a reader names it: the host without `www.`, or '' for a non-web URL. */
export function siteOf(url: string): string {
  try {
    const { protocol, hostname } = new URL(url);
    if (protocol !== 'http:' && protocol !== 'https:') return '';
    return hostname.toLowerCase().replace(/^www\./, '');
  } catch {
    return '';
  }
}
