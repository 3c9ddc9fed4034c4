// Turns a sentence, tweet or fact-check into what the ranking compares: stemmed content words,
// numbers, capitalised names and a folded string for character n-grams. Pure; no DOM.
// Social-media noise is handled here so the index and the features see the same words: links
// and `pic.twitter.com` images are dropped, a tweet's "— Name (@handle) January 6, 2020" signature
// is dropped, and #hashtags and @mentions are split at case changes ("#FakeNews" → "fake news").

import { stemmer } from 'stemmer';
import { STOP_WORDS } from './stop-words';

export interface AnalysedText {
  /** Stemmed content words in order (stop words left out). */
  terms: string[];
  /** Numbers as written without thousands separators ("1,200" → "1200"). */
  numbers: string[];
  /** Stems of capitalised words that do not start a sentence: names, places, organisations. */
  names: string[];
  /** Lower-case letters and digits, words separated by one space: for character n-grams. */
  folded: string;
}

const URL_RE = /(?:https?:\/\/|www\.)\S+|pic\.twitter\.com\/\S+|\b[a-z0-9-]+\.(?:com|ly|org|net|co)\/\S*/gi;
// "— Ilhan Omar (@IlhanMN) January 6, 2020" at the end of an embedded tweet.
const SIGNATURE_RE = /\s[—–-]\s([^—–\n]{0,80})\(@(\w+)\)\s+\p{L}+\s+\d{1,2},\s+(\d{4})\s*$/u;
const TAG_RE = /[#@](\w+)/g;
const WORD_RE = /[\p{L}\p{N}]+(?:[.,'’][\p{L}\p{N}]+)*/gu;
const NUMBER_RE = /^\d[\d,]*(?:\.\d+)?$/;
const COMBINING_RE = /\p{M}+/gu;
const SENTENCE_END_RE = /[.!?:]/;
const CAPITALISED_RE = /^\p{Lu}/u;

/** "IranUsa" → "Iran Usa", "USAToday" → "USA Today", "covid19" → "covid 19". */
export function splitCamelCase(word: string): string {
  return word
    .replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2')
    .replace(/(\p{Lu})(\p{Lu}\p{Ll})/gu, '$1 $2')
    .replace(/(\p{L})(\p{N})|(\p{N})(\p{L})/gu, (_m, a, b, c, d) => (a ? `${a} ${b}` : `${c} ${d}`))
    .replace(/_/g, ' ');
}

/** The text with links, tweet signatures and tag marks removed, tags split into words. */
function cleanText(text: string): string {
  return text
    .normalize('NFKC')
    .replace(URL_RE, ' ')
    .replace(
      SIGNATURE_RE,
      (_m, name: string, handle: string, year: string) => `. ${name} ${splitCamelCase(handle)} ${year}`,
    )
    .replace(TAG_RE, (_m, tag: string) => ` ${splitCamelCase(tag)} `);
}

/** Lower case without accents: "Café" → "cafe". */
export function fold(word: string): string {
  return word.normalize('NFD').replace(COMBINING_RE, '').toLowerCase();
}

// Stemming is the costliest step of indexing, and words repeat: remember recent stems.
const stems = new Map<string, string>();
const MAX_REMEMBERED_STEMS = 50_000;

/** The stem of one folded word; possessives and inner apostrophes go ("trump's" → "trump"). */
export function stemWord(folded: string): string {
  const known = stems.get(folded);
  if (known !== undefined) return known;
  const bare = folded.replace(/['’]s$/, '').replace(/['’]/g, '');
  const stem = /\d/.test(bare) ? bare : stemmer(bare);
  if (stems.size >= MAX_REMEMBERED_STEMS) stems.clear();
  stems.set(folded, stem);
  return stem;
}

export function analyseText(text: string): AnalysedText {
  // Accents go once for the whole text (case stays: it marks names).
  const clean = cleanText(text).normalize('NFD').replace(COMBINING_RE, '');
  const terms: string[] = [];
  const numbers: string[] = [];
  const names: string[] = [];
  const foldedWords: string[] = [];
  let sentenceStart = true;
  let last = 0;
  for (const m of clean.matchAll(WORD_RE)) {
    const raw = m[0];
    const at = m.index ?? 0;
    if (SENTENCE_END_RE.test(clean.slice(last, at))) sentenceStart = true;
    last = at + raw.length;
    if (NUMBER_RE.test(raw)) {
      const n = raw.replace(/,/g, '');
      numbers.push(n);
      terms.push(n);
      foldedWords.push(n);
      sentenceStart = false;
      continue;
    }
    for (const part of raw.split(/[.,]/)) {
      const f = part.toLowerCase();
      if (f === '') continue;
      foldedWords.push(f);
      if (STOP_WORDS.has(f) || (f.length === 1 && !/\d/.test(f))) continue;
      const stem = stemWord(f);
      terms.push(stem);
      if (!sentenceStart && CAPITALISED_RE.test(part)) names.push(stem);
    }
    sentenceStart = false;
  }
  return { terms, numbers, names, folded: foldedWords.join(' ') };
}
