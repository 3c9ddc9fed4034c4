// Finds every correction rule's phrase in a page's text in one pass, however many rules there
// are. Pure: rules in, a compact compiled form out; folded text in, raw offsets out; no DOM.
//
// Design — a hashed first-tokens index, not Aho–Corasick:
// - Both the page and each phrase are folded (normalise.ts) and cut into tokens: a run of
//   letters, digits and marks (\p{L}\p{N}\p{M}) is one token; in scripts written without spaces
//   (Han, kana, Thai, Lao, Khmer, Myanmar, Tibetan, Yi, Bopomofo) each character is a token; any
//   other character (punctuation, symbol, emoji) is a token by itself; spaces only separate.
// - A phrase is filed under the hash of its first three tokens (all of them when it has fewer).
//   The scan cuts the page into tokens once, and at each token start looks up the hashes of the
//   next one, two and three tokens, comparing only the phrases filed there (full 32-bit hash
//   first, then the characters, from the end, where phrases filed together differ). Filing
//   under three tokens keeps buckets short even when many phrases start with "the" or "of the".
// - Before any of that, one bit of a filter of the phrases' first tokens (built from the phrases
//   on first use, cached per rule set) rules out the words no phrase starts with, in one read.
// - Why not Aho–Corasick: its automaton for 10,000 phrases is a trie of ~250,000 states (several
//   MB of typed arrays to keep in the background's memory), and it finds matches inside words that
//   word boundaries then throw away. The index is the phrases' own text plus two integer arrays
//   (about the size of the phrases), and a match can only start where a word starts.
//
// Word boundaries: a match must start at a token start (so never inside a word), and must not
// end inside a word: when the phrase ends with a letter or digit, the page's next character must
// not be one — unless either side belongs to a script written without spaces, where no boundary
// is required ("中国" matches inside "在中国的"; "abc" does not match in "abcd").
//
// Overlaps: leftmost-longest, one range at a time. Scanning left to right, the longest phrase
// found at the leftmost position wins and hides every match that starts inside it; the rules
// whose phrases fold to the same text (the same phrase from several lists, or once with match
// case and once without) all report that range, so the card can list every rule behind it.
// `{ overlaps: 'all' }` reports every match of every rule instead.
//
// Match case: rules are found case-insensitively, then a match-case rule is kept only when the
// raw text, folded with case kept, equals its phrase folded with case kept.
import { foldsTo, type NormalisedText, normalise, normalisePhrase } from './normalise';

export interface RuleInput {
  phrase: string;
  matchCase?: boolean;
}

/** Rules compiled for matching (in the background, once per rule change): typed arrays and strings. */
export interface CompiledRules {
  /** How many rules were compiled; rule indexes are positions in the input list. */
  readonly count: number;
  /** Every rule's phrase, folded (lower case), one after the other. */
  readonly phrases: string;
  /** Rule i's phrase is phrases[phraseStart[i], phraseStart[i + 1]). */
  readonly phraseStart: Int32Array;
  /** The match-case rules' phrases folded with case kept (others: empty), one after the other. */
  readonly cased: string;
  readonly casedStart: Int32Array;
  /** Per rule: MATCH_CASE | ENDS_IN_WORD | INDEXED bits. */
  readonly flags: Uint8Array;
  /** Per rule: the 32-bit hash of its first three tokens (see keyOf); its bucket is the low bits. */
  readonly keys: Int32Array;
  /** Bucket b holds the rules bucketRules[bucketStart[b], bucketStart[b + 1]). */
  readonly bucketStart: Int32Array;
  readonly bucketRules: Int32Array;
}

/** One rule found in the page: raw offsets [start, end) of the page's text. */
export interface Match {
  ruleIndex: number;
  start: number;
  end: number;
}

export interface MatchOptions {
  /** 'resolve' (default): leftmost-longest ranges; 'all': every match of every rule. */
  overlaps?: 'resolve' | 'all';
}

const MATCH_CASE = 1;
const ENDS_IN_WORD = 2;
const INDEXED = 4;

/** Compiles rules into one index. Rules whose phrase folds to nothing never match. */
export function compileRules(rules: readonly RuleInput[]): CompiledRules {
  const count = rules.length;
  const folded: string[] = new Array(count);
  const casedParts: string[] = new Array(count);
  const flags = new Uint8Array(count);
  const keys = new Int32Array(count);
  let indexed = 0;
  for (let i = 0; i < count; i++) {
    const rule = rules[i];
    const phrase = normalisePhrase(rule?.phrase ?? '');
    folded[i] = phrase;
    casedParts[i] = '';
    if (phrase.length === 0) continue;
    let flag = INDEXED;
    if (rule?.matchCase) {
      flag |= MATCH_CASE;
      casedParts[i] = normalisePhrase(rule.phrase, { matchCase: true });
    }
    if (classAt(phrase, lastCodePointAt(phrase)) === WORD) flag |= ENDS_IN_WORD;
    flags[i] = flag;
    keys[i] = keyOf(phrase);
    indexed++;
  }

  const buckets = bucketCount(indexed);
  const mask = buckets - 1;
  const bucketStart = new Int32Array(buckets + 1);
  for (let i = 0; i < count; i++) {
    if ((flags[i] ?? 0) & INDEXED) bucketStart[((keys[i] ?? 0) & mask) + 1]! += 1;
  }
  for (let b = 0; b < buckets; b++) bucketStart[b + 1]! += bucketStart[b] ?? 0;
  const fill = bucketStart.slice(0, buckets);
  const bucketRules = new Int32Array(indexed);
  for (let i = 0; i < count; i++) {
    if ((flags[i] ?? 0) & INDEXED) bucketRules[fill[(keys[i] ?? 0) & mask]!++] = i;
  }

  return {
    count,
    phrases: folded.join(''),
    phraseStart: offsetsOf(folded),
    cased: casedParts.join(''),
    casedStart: offsetsOf(casedParts),
    flags,
    keys,
    bucketStart,
    bucketRules,
  };
}

/**
 * Every rule found in `text` (the page's raw text, or its NormalisedText built once and shared),
 * in raw offsets, sorted by start then rule index.
 */
export function findMatches(
  compiled: CompiledRules,
  text: string | NormalisedText,
  opts: MatchOptions = {},
): Match[] {
  const page = typeof text === 'string' || text.matchCase ? normalise(pageRaw(text)) : text;
  const folded = page.text;
  const length = folded.length;
  const all = opts.overlaps === 'all';
  const matches: Match[] = [];
  if (compiled.count === 0 || length === 0) return matches;

  const tokens = tokenise(folded);
  const count = tokens.count;
  const { starts, ends, hashes } = tokens;
  // Rules verified at the current position: found[0, foundCount).
  const found = new Int32Array(64);
  let foundCount = 0;
  let coveredUntil = 0;
  const filter = firstTokens(compiled);
  const filterMask = (filter.length << 5) - 1;

  for (let t = 0; t < count; t++) {
    const at = starts[t] ?? 0;
    if (!all && at < coveredUntil) continue;
    // The hashes of this token alone, with the next one, and with the next two (see keyOf).
    const hash1 = hashes[t] ?? 0;
    // Most words start no phrase: one bit says so, before any hashing or bucket is touched.
    const bit = filterBit(hash1) & filterMask;
    if (((filter[bit >>> 5] ?? 0) & (1 << (bit & 31))) === 0) continue;
    foundCount = probe(compiled, page, at, hash1, found, 0);
    if (t + 1 < count) {
      const hash2 = hashOn(hash1, folded, ends[t] ?? 0, ends[t + 1] ?? 0);
      if (hash2 !== hash1) foundCount = probe(compiled, page, at, hash2, found, foundCount);
      if (t + 2 < count) {
        const hash3 = hashOn(hash2, folded, ends[t + 1] ?? 0, ends[t + 2] ?? 0);
        if (hash3 !== hash1 && hash3 !== hash2)
          foundCount = probe(compiled, page, at, hash3, found, foundCount);
      }
    }
    if (foundCount === 0) continue;
    let longest = 0;
    for (let f = 0; f < foundCount; f++) longest = Math.max(longest, phraseLengthOf(compiled, found[f] ?? 0));
    // Rule order within one position (the counts are tiny: insertion sort, in place).
    for (let f = 1; f < foundCount; f++) {
      const rule = found[f] ?? 0;
      let g = f - 1;
      while (g >= 0 && (found[g] ?? 0) > rule) {
        found[g + 1] = found[g] ?? 0;
        g--;
      }
      found[g + 1] = rule;
    }
    const start = page.rawStart(at);
    for (let f = 0; f < foundCount; f++) {
      const rule = found[f] ?? 0;
      const phraseLength = phraseLengthOf(compiled, rule);
      if (!all && phraseLength !== longest) continue;
      matches.push({ ruleIndex: rule, start, end: page.rawEnd(at + phraseLength) });
    }
    coveredUntil = at + longest;
  }
  return matches;
}

/**
 * Adds to found[foundCount…] the rules in `bucket` whose phrase is at folded offset `at`, with
 * the word boundary after it and (for match-case rules) the case checked. Returns the new count.
 */
function probe(
  compiled: CompiledRules,
  page: NormalisedText,
  at: number,
  hash: number,
  found: Int32Array,
  foundCount: number,
): number {
  const { phrases, phraseStart, flags, keys, bucketStart, bucketRules } = compiled;
  const folded = page.text;
  const length = folded.length;
  let count = foundCount;
  const bucket = hash & (bucketStart.length - 2);
  const end = bucketStart[bucket + 1] ?? 0;
  for (let k = bucketStart[bucket] ?? 0; k < end; k++) {
    const rule = bucketRules[k] ?? 0;
    const from = phraseStart[rule] ?? 0;
    const after = at + (phraseStart[rule + 1] ?? 0) - from;
    if (after > length) continue;
    if (keys[rule] !== hash) continue;
    // Same first tokens (by hash): compare backwards, where phrases filed together differ.
    let j = after - 1;
    let p = from + (after - at) - 1;
    while (j >= at && folded.charCodeAt(j) === phrases.charCodeAt(p)) {
      j--;
      p--;
    }
    if (j >= at) continue;
    const flag = flags[rule] ?? 0;
    if (flag & ENDS_IN_WORD && after < length && classAt(folded, after) === WORD) continue;
    if (flag & MATCH_CASE && !sameCase(compiled, rule, page, at, after)) continue;
    if (count < found.length) found[count++] = rule;
  }
  return count;
}

// ---- First-token filter ----------------------------------------------------------------------

/** Per compiled rule set: a bit set of its phrases' first-token hashes, built on first use. */
const FILTERS = new WeakMap<CompiledRules, Uint32Array>();

/** Mixes a token hash's high bits into the low ones the filter indexes by. */
function filterBit(hash: number): number {
  return hash ^ (hash >>> 15);
}

/**
 * A Bloom-style filter of the tokens phrases start with (one hash, about 16 bits per rule, so
 * some 6% of other words pass it): derived from the phrases, so the compiled and transported
 * form stays as it is, and kept per rule set so a page's later scans reuse it.
 */
function firstTokens(compiled: CompiledRules): Uint32Array {
  const cached = FILTERS.get(compiled);
  if (cached !== undefined) return cached;
  const { count, phrases, phraseStart, flags } = compiled;
  let bits = 1024;
  while (bits < count * 16 && bits < 1 << 22) bits *= 2;
  const filter = new Uint32Array(bits >>> 5);
  for (let rule = 0; rule < count; rule++) {
    if (((flags[rule] ?? 0) & INDEXED) === 0) continue;
    const from = phraseStart[rule] ?? 0;
    // Phrases are stored back to back: a token never runs on into the next phrase.
    const end = Math.min(tokenEnd(phrases, from), phraseStart[rule + 1] ?? 0);
    const bit = filterBit(hashOn(FNV_OFFSET, phrases, from, end)) & (bits - 1);
    filter[bit >>> 5]! |= 1 << (bit & 31);
  }
  FILTERS.set(compiled, filter);
  return filter;
}

// ---- Tokens and hashes ------------------------------------------------------------------------

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;
/** How many leading tokens a phrase is filed under. */
const KEY_TOKENS = 3;

/** Character classes for tokens: separator, word character, a script without spaces, other. */
const SPACE = 1;
const WORD = 2;
const SOLO = 3;
const OTHER = 4;
/** In the class table: a high surrogate, whose class is its code point's. */
const PAIR = 5;

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;
const NO_SPACES =
  /[\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}\p{scx=Bopomofo}\p{sc=Thai}\p{sc=Lao}\p{sc=Khmer}\p{sc=Myanmar}\p{sc=Tibetan}\p{sc=Yi}]/u;

/** Class of each BMP code unit, learnt on first sight (0: not yet). */
const CLASS = new Uint8Array(0x10000);
const ASTRAL_CLASS = new Map<number, number>();
CLASS.fill(PAIR, 0xd800, 0xdc00);
CLASS.fill(OTHER, 0xdc00, 0xe000);

function classify(char: string): number {
  if (char === ' ') return SPACE;
  if (NO_SPACES.test(char)) return SOLO;
  return WORD_CHAR.test(char) ? WORD : OTHER;
}

/** The token class of the character at `i` of folded text (a surrogate pair read whole). */
function classAt(text: string, i: number): number {
  const code = text.charCodeAt(i);
  if (code >= 0xd800 && code <= 0xdbff) {
    const point = text.codePointAt(i) ?? code;
    if (point === code) return OTHER;
    let known = ASTRAL_CLASS.get(point);
    if (known === undefined) {
      known = classify(String.fromCodePoint(point));
      ASTRAL_CLASS.set(point, known);
    }
    return known;
  }
  const known = CLASS[code] ?? 0;
  if (known !== 0) return known;
  const learnt = code >= 0xdc00 && code <= 0xdfff ? OTHER : classify(String.fromCharCode(code));
  CLASS[code] = learnt;
  return learnt;
}

/** The tokens of folded text: where each starts and ends, and the hash of its characters. */
function tokenise(text: string): { count: number; starts: Int32Array; ends: Int32Array; hashes: Int32Array } {
  const length = text.length;
  // Prose has about one token in five characters; grown when a page has more (CJK: one each).
  let capacity = Math.max(16, length >> 2);
  let starts = new Int32Array(capacity);
  let ends = new Int32Array(capacity);
  let hashes = new Int32Array(capacity);
  let count = 0;
  let i = 0;
  while (i < length) {
    const code = text.charCodeAt(i);
    let kind = CLASS[code] ?? 0;
    if (kind === 0 || kind === PAIR) kind = classAt(text, i);
    if (kind === SPACE) {
      i++;
      continue;
    }
    const start = i;
    let hash = FNV_OFFSET;
    if (kind === WORD) {
      while (i < length) {
        const unit = text.charCodeAt(i);
        let inner = CLASS[unit] ?? 0;
        if (inner === 0 || inner === PAIR) inner = classAt(text, i);
        if (inner !== WORD) break;
        hash = Math.imul(hash ^ unit, FNV_PRIME);
        i++;
        if (inner === WORD && unit >= 0xd800 && unit <= 0xdbff && i < length) {
          hash = Math.imul(hash ^ text.charCodeAt(i), FNV_PRIME);
          i++;
        }
      }
    } else {
      hash = Math.imul(hash ^ code, FNV_PRIME);
      i++;
      if (code >= 0xd800 && code <= 0xdbff && i < length) {
        const low = text.charCodeAt(i);
        if (low >= 0xdc00 && low <= 0xdfff) {
          hash = Math.imul(hash ^ low, FNV_PRIME);
          i++;
        }
      }
    }
    if (count === capacity) {
      capacity *= 2;
      starts = grown(starts, capacity);
      ends = grown(ends, capacity);
      hashes = grown(hashes, capacity);
    }
    starts[count] = start;
    ends[count] = i;
    hashes[count] = hash;
    count++;
  }
  return { count, starts, ends, hashes };
}

function grown(array: Int32Array<ArrayBuffer>, capacity: number): Int32Array<ArrayBuffer> {
  const bigger = new Int32Array(capacity);
  bigger.set(array);
  return bigger;
}

/** Where the token starting at `i` ends. */
function tokenEnd(text: string, i: number): number {
  const code = text.charCodeAt(i);
  const width = code >= 0xd800 && code <= 0xdbff && i + 1 < text.length ? 2 : 1;
  if (classAt(text, i) !== WORD) return i + width;
  let end = i + width;
  while (end < text.length && classAt(text, end) === WORD) {
    const unit = text.charCodeAt(end);
    end += unit >= 0xd800 && unit <= 0xdbff && end + 1 < text.length ? 2 : 1;
  }
  return end;
}

/** The hash a phrase is filed under: its first three tokens (spaces between included), or all. */
function keyOf(phrase: string): number {
  let end = 0;
  for (let tokens = 0; tokens < KEY_TOKENS && end < phrase.length; tokens++) {
    if (tokens > 0 && phrase.charCodeAt(end) === 0x20) end++;
    end = tokenEnd(phrase, end);
  }
  return hashOn(FNV_OFFSET, phrase, 0, end);
}

function hashOn(seed: number, text: string, from: number, to: number): number {
  let hash = seed;
  for (let i = from; i < to; i++) hash = Math.imul(hash ^ text.charCodeAt(i), FNV_PRIME);
  return hash;
}

function lastCodePointAt(text: string): number {
  const last = text.length - 1;
  const code = text.charCodeAt(last);
  return code >= 0xdc00 && code <= 0xdfff && last > 0 ? last - 1 : last;
}

// ---- Helpers ----------------------------------------------------------------------------------

function pageRaw(text: string | NormalisedText): string {
  return typeof text === 'string' ? text : text.raw;
}

function phraseLengthOf(compiled: CompiledRules, rule: number): number {
  return (compiled.phraseStart[rule + 1] ?? 0) - (compiled.phraseStart[rule] ?? 0);
}

/** A match-case rule's check: the raw text, folded with case kept, is its phrase exactly. */
function sameCase(compiled: CompiledRules, rule: number, page: NormalisedText, at: number, after: number) {
  const expected = compiled.cased.slice(compiled.casedStart[rule] ?? 0, compiled.casedStart[rule + 1] ?? 0);
  return foldsTo(page.raw, page.rawStart(at), page.rawEnd(after), expected, { matchCase: true });
}

function bucketCount(entries: number): number {
  let size = 16;
  while (size < entries * 2) size *= 2;
  return size;
}

function offsetsOf(parts: readonly string[]): Int32Array {
  const offsets = new Int32Array(parts.length + 1);
  let at = 0;
  for (let i = 0; i < parts.length; i++) {
    offsets[i] = at;
    at += parts[i]?.length ?? 0;
  }
  offsets[parts.length] = at;
  return offsets;
}
