// The folded view of a page's text that correction rules are matched against, with a map back to
// the raw offsets. Generalises anchor/page-text.ts (which only collapses white space): this one
// also folds case, diacritics, typographic quotes and dashes, one character at a time, in one
// pass. Pure: a string in, a string and offsets out; no DOM.
//
// Folding, per character of the raw text:
// - white-space runs (what `\s` matches, nbsp included) become one space;
// - case is folded to lower case, unless `matchCase`;
// - canonical decomposition (NFD), then combining marks are dropped ("é" → "e", "Ł" stays "ł"),
//   except in the Indic and South-East Asian scripts, where marks are vowels, not accents;
// - ‘ ’ ‚ ‛ ′ ʼ ＇ become ' and “ ” „ ‟ ″ ＂ become "; ‐ ‑ ‒ – — ― − ﹣ － become -;
// - soft hyphens, zero-width spaces and word joiners vanish (they sit inside words);
// - a lone surrogate becomes U+FFFD, so the output is always well-formed.
// Hangul syllables are not decomposed (that would only triple Korean text for no gain).
import { isWhitespace } from '../anchor/page-text';

export interface FoldOptions {
  /** Keep upper and lower case apart (everything else is still folded). */
  matchCase?: boolean;
}

/**
 * A page's text folded for matching. `text[i]` comes from the raw character starting at
 * `map[i]`; several folded characters may come from one raw character, and a folded space
 * stands for a whole white-space run (mapped to the run's first character).
 */
export class NormalisedText {
  readonly raw: string;
  readonly text: string;
  /** Raw offset of each folded character, plus one entry (the raw length) for the end. */
  readonly map: Int32Array;
  readonly matchCase: boolean;

  constructor(raw: string, text: string, map: Int32Array, matchCase: boolean) {
    this.raw = raw;
    this.text = text;
    this.map = map;
    this.matchCase = matchCase;
  }

  /** Raw offset where folded character `i` starts (the raw length for the end). */
  rawStart(i: number): number {
    if (i <= 0) return this.map[0] ?? 0;
    if (i >= this.text.length) return this.raw.length;
    return this.map[i] ?? this.raw.length;
  }

  /**
   * Raw offset just after the raw character that folded character `i - 1` came from: the end of
   * a folded range ending at `i`. Marks and invisible characters after it are included (they
   * belong to it); the white space before the next word is not.
   */
  rawEnd(i: number): number {
    if (i <= 0) return this.map[0] ?? 0;
    if (i >= this.text.length) return this.raw.length;
    const last = this.map[i - 1] ?? 0;
    const next = this.map[i] ?? this.raw.length;
    if (next > last) return next;
    // `i` is inside one raw character's expansion: end after that character.
    const code = this.raw.charCodeAt(last);
    return last + (code >= 0xd800 && code <= 0xdbff ? 2 : 1);
  }

  /** The raw range of folded range [start, end). */
  rawRange(start: number, end: number): { start: number; end: number } {
    return { start: this.rawStart(start), end: this.rawEnd(end) };
  }
}

/** Folds a page's text for matching (see the file header), with the map to raw offsets. */
export function normalise(raw: string, opts: FoldOptions = {}): NormalisedText {
  const matchCase = opts.matchCase === true;
  const length = raw.length;
  let out = new Uint16Array(length + 16);
  let map = new Int32Array(length + 17);
  let n = 0;
  let inSpace = false;
  const table = matchCase ? CASED : LOWER;

  for (let i = 0; i < length; i++) {
    const code = raw.charCodeAt(i);
    if (n + 32 > out.length) {
      const bigger = new Uint16Array(out.length * 2);
      bigger.set(out);
      out = bigger;
      const biggerMap = new Int32Array(out.length + 1);
      biggerMap.set(map);
      map = biggerMap;
    }
    // ASCII: the common case, no lookups.
    if (code < 0x80) {
      if (code <= 0x20 && (code === 0x20 || (code >= 0x09 && code <= 0x0d))) {
        if (inSpace) continue;
        inSpace = true;
        map[n] = i;
        out[n++] = 0x20;
        continue;
      }
      inSpace = false;
      map[n] = i;
      out[n++] = !matchCase && code >= 0x41 && code <= 0x5a ? code + 0x20 : code;
      continue;
    }
    if (isWhitespace(code)) {
      if (inSpace) continue;
      inSpace = true;
      map[n] = i;
      out[n++] = 0x20;
      continue;
    }
    // Surrogates: a pair is one code point; a lone half becomes U+FFFD.
    if (code >= 0xd800 && code <= 0xdfff) {
      const next = raw.charCodeAt(i + 1);
      if (code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        const folded = foldAstral(((code - 0xd800) << 10) + (next - 0xdc00) + 0x10000, matchCase);
        if (folded.length > 0) inSpace = false;
        for (let k = 0; k < folded.length; k++) {
          map[n] = i;
          out[n++] = folded.charCodeAt(k);
        }
        i++;
        continue;
      }
      inSpace = false;
      map[n] = i;
      out[n++] = 0xfffd;
      continue;
    }
    let folded = table[code] ?? 0;
    if (folded === UNKNOWN) folded = learn(code, matchCase);
    if (folded === DROP) continue;
    inSpace = false;
    if (folded !== MULTI) {
      map[n] = i;
      out[n++] = folded;
      continue;
    }
    const many = (matchCase ? CASED_MULTI : LOWER_MULTI).get(code) ?? '';
    for (let k = 0; k < many.length; k++) {
      map[n] = i;
      out[n++] = many.charCodeAt(k);
    }
  }
  map[n] = length;
  const finalMap = map.length === n + 1 ? map : map.slice(0, n + 1);
  return new NormalisedText(raw, decodeUnits(out, n), finalMap, matchCase);
}

/** Plain ASCII: every character folds to itself or its lower case, whitespace to one space. */
const ASCII_ONLY = /^[^\u0080-\uffff]*$/;
const ASCII_SPACE_RUN = /[\t\n\v\f\r ]+/g;

/** A string folded the same way as page text (no map): for short strings such as phrases. */
export function fold(text: string, opts: FoldOptions = {}): string {
  // Most phrases and words are plain ASCII: folded without the offset map and its two typed
  // arrays, which made the acronym table's first lookup cost every page load milliseconds.
  if (ASCII_ONLY.test(text)) {
    const spaced = text.replace(ASCII_SPACE_RUN, ' ');
    return opts.matchCase === true ? spaced : spaced.toLowerCase();
  }
  return normalise(text, opts).text;
}

/** A rule's phrase as the matcher compares it: folded like page text, without outer spaces. */
export function normalisePhrase(phrase: string, opts: FoldOptions = {}): string {
  const folded = fold(phrase, opts);
  const start = folded.charCodeAt(0) === 0x20 ? 1 : 0;
  const end = folded.length > start && folded.charCodeAt(folded.length - 1) === 0x20 ? -1 : undefined;
  return start === 0 && end === undefined ? folded : folded.slice(start, end);
}

/**
 * Whether raw[start, end) folds to exactly `expected` (outer spaces of the range included), as
 * `normalise` would fold it — without building the folded string. For checking one match.
 */
export function foldsTo(raw: string, start: number, end: number, expected: string, opts: FoldOptions = {}) {
  const matchCase = opts.matchCase === true;
  const table = matchCase ? CASED : LOWER;
  let n = 0;
  let inSpace = false;
  const same = (folded: string): boolean => {
    for (let k = 0; k < folded.length; k++)
      if (expected.charCodeAt(n++) !== folded.charCodeAt(k)) return false;
    return true;
  };
  for (let i = start; i < end; i++) {
    const code = raw.charCodeAt(i);
    if (isWhitespace(code)) {
      if (inSpace) continue;
      inSpace = true;
      if (expected.charCodeAt(n++) !== 0x20) return false;
      continue;
    }
    if (code < 0x80) {
      inSpace = false;
      const folded = !matchCase && code >= 0x41 && code <= 0x5a ? code + 0x20 : code;
      if (expected.charCodeAt(n++) !== folded) return false;
      continue;
    }
    if (code >= 0xd800 && code <= 0xdfff) {
      const next = raw.charCodeAt(i + 1);
      inSpace = false;
      if (code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        const folded = foldAstral(((code - 0xd800) << 10) + (next - 0xdc00) + 0x10000, matchCase);
        if (!same(folded)) return false;
        i++;
      } else if (expected.charCodeAt(n++) !== 0xfffd) return false;
      continue;
    }
    let folded = table[code] ?? 0;
    if (folded === UNKNOWN) folded = learn(code, matchCase);
    if (folded === DROP) continue;
    inSpace = false;
    if (folded === MULTI) {
      if (!same((matchCase ? CASED_MULTI : LOWER_MULTI).get(code) ?? '')) return false;
    } else if (expected.charCodeAt(n++) !== folded) return false;
  }
  return n === expected.length;
}

// ---- Per-character folding, learnt lazily and cached ------------------------------------------

/** Table entries: not folded yet; folds to nothing; folds to several units (see *_MULTI). */
const UNKNOWN = 0;
const DROP = 1;
const MULTI = 2;

/** Folded BMP characters, one table per case mode; any other value is the single folded unit. */
const LOWER = new Uint16Array(0x10000);
const CASED = new Uint16Array(0x10000);
const LOWER_MULTI = new Map<number, string>();
const CASED_MULTI = new Map<number, string>();
const ASTRAL_LOWER = new Map<number, string>();
const ASTRAL_CASED = new Map<number, string>();

const SINGLE_QUOTES = [0x2018, 0x2019, 0x201a, 0x201b, 0x2032, 0x02bc, 0xff07];
const DOUBLE_QUOTES = [0x201c, 0x201d, 0x201e, 0x201f, 0x2033, 0xff02];
const DASHES = [0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0xfe63, 0xff0d];
/** Soft hyphen, zero-width space, word joiner: invisible, and found inside words. */
const INVISIBLE = [0x00ad, 0x200b, 0x2060];
const MARK = /\p{M}/u;

for (const table of [LOWER, CASED]) {
  for (const code of SINGLE_QUOTES) table[code] = 0x27;
  for (const code of DOUBLE_QUOTES) table[code] = 0x22;
  for (const code of DASHES) table[code] = 0x2d;
  for (const code of INVISIBLE) table[code] = DROP;
}

/** Combining marks kept: in these scripts they are vowels and signs, part of the word. */
function keepsMarks(code: number): boolean {
  return (code >= 0x0900 && code <= 0x109f) || (code >= 0x1780 && code <= 0x17ff);
}

function isHangulSyllable(code: number): boolean {
  return code >= 0xac00 && code <= 0xd7a3;
}

/** A code point folded: case (unless matchCase), NFD, marks dropped. */
function foldCodePoint(code: number, matchCase: boolean): string {
  const char = String.fromCodePoint(code);
  if (isHangulSyllable(code)) return char;
  if (MARK.test(char)) return keepsMarks(code) ? char : '';
  const cased = matchCase ? char : char.toLowerCase();
  const decomposed = cased.normalize('NFD');
  let folded = '';
  for (const part of decomposed) {
    const point = part.codePointAt(0) ?? 0;
    if (MARK.test(part) && !keepsMarks(point)) continue;
    folded += part;
  }
  return folded;
}

function learn(code: number, matchCase: boolean): number {
  const table = matchCase ? CASED : LOWER;
  const folded = foldCodePoint(code, matchCase);
  let entry: number;
  if (folded.length === 0) entry = DROP;
  else if (folded.length === 1 && folded.charCodeAt(0) > MULTI) entry = folded.charCodeAt(0);
  else {
    entry = MULTI;
    (matchCase ? CASED_MULTI : LOWER_MULTI).set(code, folded);
  }
  table[code] = entry;
  return entry;
}

function foldAstral(code: number, matchCase: boolean): string {
  const cache = matchCase ? ASTRAL_CASED : ASTRAL_LOWER;
  let folded = cache.get(code);
  if (folded === undefined) {
    folded = foldCodePoint(code, matchCase);
    cache.set(code, folded);
  }
  return folded;
}

const CHUNK = 0x2000;
/** The platform's UTF-16 decoder reads typed-array memory directly: the fastest way back. */
const UTF16 = littleEndian() && typeof TextDecoder === 'function' ? new TextDecoder('utf-16le') : null;

function littleEndian(): boolean {
  return new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
}

/** UTF-16 code units to a string, without per-character strings (the units are well-formed). */
function decodeUnits(units: Uint16Array, length: number): string {
  // A phrase or a word: the decoder's fixed cost outweighs one call with the units as arguments.
  if (UTF16 && length > 64) return UTF16.decode(units.subarray(0, length));
  const parts: string[] = [];
  for (let at = 0; at < length; at += CHUNK) {
    const chunk = units.subarray(at, Math.min(length, at + CHUNK));
    parts.push(String.fromCharCode.apply(null, chunk as unknown as number[]));
  }
  return parts.join('');
}
