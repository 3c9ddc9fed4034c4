// Finds acronyms spelt out with the wrong name — "Digital Rights Act (DSA)", "DSA (Digital Rights
// Act)" — by comparing the words next to a known acronym with its official names (table.ts).
// Pure: page text in, findings with raw offsets out; no DOM. Fast on a 1 MB page: one regular
// expression scan for the acronyms, then a look at a bounded number of words beside each.
//
// An expansion is accepted when, after folding (case, diacritics, hyphens, British/American
// spelling, plurals and possessives, "the"/"of"/"and"…, "EU"/"UN" spelt out), its words end with
// an accepted name's words, or are a run of them ("Court of Justice (CJEU)"). It is flagged only
// when it looks like an attempt at the same name: capitalised words, the right word count give or
// take one, at least one word shared with an accepted name, and the first letter of the
// acronym or name. Anything else beside an acronym (a person's name, a place) is left alone.
import { t } from '../i18n/translate';
import { normalisePhrase } from '../match/normalise';
import { ACRONYMS, type AcronymEntry } from './table';

export interface AcronymFinding {
  /** Raw offsets of the wrong expansion together with its acronym. */
  start: number;
  end: number;
  acronym: string;
  /** The expansion as written. */
  found: string;
  /** The accepted name it should be. */
  expected: string;
  source: string;
  /** What the card says: "The DSA is the Digital Services Act." */
  correction: string;
}

/** Every wrongly spelt-out acronym in `text`, in text order. */
export function checkAcronyms(text: string, table: readonly AcronymEntry[] = ACRONYMS): AcronymFinding[] {
  const lookup = lookupFor(table);
  const findings: AcronymFinding[] = [];
  for (const match of text.matchAll(ACRONYM_AFTER)) {
    const known = knownAcronym(lookup, match[1] ?? '');
    if (!known) continue;
    const finding = checkBefore(text, match.index, match.index + match[0].length, known);
    if (finding) findings.push(finding);
  }
  for (const match of text.matchAll(ACRONYM_BEFORE)) {
    const known = knownAcronym(lookup, match[1] ?? '');
    if (!known) continue;
    const finding = checkInside(match[2] ?? '', match.index, match.index + match[0].length, known);
    if (finding) findings.push(finding);
  }
  return findings.sort((a, b) => a.start - b.start);
}

// ---- The two shapes ---------------------------------------------------------------------------

/** "Expansion Words (ACR)": the acronym in brackets. */
const ACRONYM_AFTER = /\(\s*([A-Z][A-Za-z0-9]{1,7})\s*\)/g;
/** "ACR (Expansion Words)": the expansion in brackets, after the acronym. */
const ACRONYM_BEFORE = /(?<![\p{L}\p{N}])([A-Z][A-Za-z0-9]{1,7})[ \u00a0]?\(([^()\n]{3,160})\)/gu;

/** A word as written: letters and digits, with inner hyphens and apostrophes. */
const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}'’‐‑-]*/gu;
/** What may stand between two words of one name. */
const JOINER = /^[\s,]*$/;
/** How far back from "(ACR)" a name is looked for, in characters. */
const LOOK_BACK = 240;
/** Lower-case words allowed inside a name ("Court *of* Justice"). */
const FUNCTION_WORDS = new Set([
  'the',
  'of',
  'and',
  'for',
  'on',
  'in',
  'to',
  'de',
  'la',
  'des',
  'du',
  'pour',
  'against',
  'a',
  'an',
  '&',
]);

interface Known {
  entry: AcronymEntry;
  /** The official name first, then the aliases: each as folded content words. */
  names: { name: string; words: string[] }[];
  /** The longest name's word count, as written. */
  longest: number;
}

interface Word {
  start: number;
  end: number;
  text: string;
}

function checkBefore(text: string, open: number, close: number, known: Known): AcronymFinding | null {
  const from = Math.max(0, open - LOOK_BACK);
  const window = text.slice(from, open);
  const all: Word[] = [];
  for (const match of window.matchAll(WORD)) {
    all.push({ start: from + match.index, end: from + match.index + match[0].length, text: match[0] });
  }
  // The run of name-like words that ends right before the bracket.
  const run: Word[] = [];
  let next = open;
  for (let i = all.length - 1; i >= 0 && run.length < known.longest + 3; i--) {
    const word = all[i];
    if (!word || !JOINER.test(text.slice(word.end, next))) break;
    if (!isCapitalised(word.text) && !FUNCTION_WORDS.has(word.text.toLowerCase())) break;
    run.unshift(word);
    next = word.start;
  }
  while (run.length && !isCapitalised(run[0]?.text ?? '')) run.shift();
  if (run.length === 0) return null;
  const words = run.map((word) => foldWords(word.text));
  if (accepted(words.flat(), known)) return null;

  // The suffix of the run that best reads as an attempt at one of the names.
  let best: { at: number; name: string; score: number } | null = null;
  for (let at = run.length - 1; at >= 0; at--) {
    if (!isCapitalised(run[at]?.text ?? '')) continue;
    const content = words.slice(at).flat();
    const attempt = attemptOf(content, run[at]?.text ?? '', known);
    if (attempt && (!best || attempt.score > best.score)) best = { at, ...attempt };
  }
  if (!best) return null;
  const first = run[best.at];
  if (!first) return null;
  return finding(first.start, close, text.slice(first.start, run[run.length - 1]?.end), best.name, known);
}

function checkInside(inner: string, start: number, end: number, known: Known): AcronymFinding | null {
  const expansion = inner.trim().replace(/^the\s+/i, '');
  const written = [...expansion.matchAll(WORD)].map((match) => match[0]);
  if (written.length === 0 || written.length > known.longest + 2) return null;
  if (!isCapitalised(written[0] ?? '')) return null;
  if (written.some((word) => !isCapitalised(word) && !FUNCTION_WORDS.has(word.toLowerCase()))) return null;
  // Only words and the joiners a name may contain: not a sentence in brackets.
  if (!/^[\p{L}\p{N}\p{M}\s,'’‐‑&-]*$/u.test(expansion)) return null;
  const content = written.flatMap(foldWords);
  if (accepted(content, known)) return null;
  const attempt = attemptOf(content, written[0] ?? '', known);
  if (!attempt) return null;
  return finding(start, end, expansion, attempt.name, known);
}

function finding(start: number, end: number, found: string, expected: string, known: Known): AcronymFinding {
  const { acronym, source } = known.entry;
  return {
    start,
    end,
    acronym,
    found: found.replace(/\s+/g, ' '),
    expected,
    source,
    correction: t('acronym_correction', { acronym, expected }),
  };
}

/** The words end with an accepted name, or are a run of at least two words of one. */
function accepted(content: readonly string[], known: Known): boolean {
  return known.names.some(
    ({ words }) => endsWith(content, words) || (content.length >= 2 && containsRun(words, content)),
  );
}

/**
 * Whether `content` reads as a wrong attempt at one of the names: about as many words, a word in
 * common, the first letter of the acronym or of the name. Scored by the words in common.
 */
function attemptOf(
  content: readonly string[],
  firstWritten: string,
  known: Known,
): { name: string; score: number } | null {
  let best: { name: string; score: number } | null = null;
  const initial = firstWritten.charAt(0).toLowerCase();
  for (const { name, words } of known.names) {
    if (Math.abs(content.length - words.length) > 1) continue;
    const common = content.filter((word) => words.includes(word)).length;
    if (common === 0) continue;
    const acronymInitial = known.entry.acronym.charAt(0).toLowerCase();
    const nameInitial = name.charAt(0).toLowerCase();
    if (initial !== acronymInitial && initial !== nameInitial) continue;
    const score =
      common / Math.max(words.length, content.length) - Math.abs(content.length - words.length) * 0.1;
    if (!best || score > best.score) best = { name, score };
  }
  return best;
}

// ---- Folding words ----------------------------------------------------------------------------

const SPELLING = new Map([
  ['organisation', 'organization'],
  ['programme', 'program'],
  ['centre', 'center'],
  ['labour', 'labor'],
  ['defence', 'defense'],
]);

const EXPANDS = new Map([
  ['eu', ['european', 'union']],
  ['un', ['united', 'nations']],
  ['u.n', ['united', 'nations']],
]);

/** One written word as the folded content words it stands for (none for "the", "of"…). */
function foldWords(written: string): string[] {
  let word = normalisePhrase(written).replace(/['’]s$|['’]$/u, '');
  if (FUNCTION_WORDS.has(word)) return [];
  word = word.replace(/[-‐‑']/gu, '');
  const expanded = EXPANDS.get(word);
  if (expanded) return expanded.map(stem);
  return [stem(word)];
}

/** Plural and spelling variants to one form (applied to both sides, so only consistency matters). */
function stem(word: string): string {
  let stemmed = word.replace(/isation(s?)$/u, 'ization$1');
  stemmed = SPELLING.get(stemmed) ?? stemmed;
  if (stemmed.length > 3 && stemmed.endsWith('s') && !stemmed.endsWith('ss')) stemmed = stemmed.slice(0, -1);
  return SPELLING.get(stemmed) ?? stemmed;
}

function isCapitalised(word: string): boolean {
  const first = word.charAt(0);
  return first !== first.toLowerCase() || /\p{N}/u.test(first);
}

function endsWith(words: readonly string[], tail: readonly string[]): boolean {
  if (tail.length === 0 || tail.length > words.length) return false;
  const offset = words.length - tail.length;
  return tail.every((word, i) => words[offset + i] === word);
}

function containsRun(words: readonly string[], run: readonly string[]): boolean {
  for (let at = 0; at + run.length <= words.length; at++) {
    if (run.every((word, i) => words[at + i] === word)) return true;
  }
  return false;
}

// ---- The table, indexed -----------------------------------------------------------------------

const LOOKUPS = new WeakMap<readonly AcronymEntry[], Map<string, AcronymEntry>>();
const KNOWN = new WeakMap<AcronymEntry, Known>();

/**
 * The table by acronym (as written, and upper-cased). Only the acronyms: an entry's names are
 * folded into words when a page first brackets that acronym (knownFor), not on every page load.
 */
function lookupFor(table: readonly AcronymEntry[]): Map<string, AcronymEntry> {
  let lookup = LOOKUPS.get(table);
  if (lookup) return lookup;
  lookup = new Map();
  for (const entry of table) {
    lookup.set(entry.acronym, entry);
    lookup.set(entry.acronym.toUpperCase(), entry);
  }
  LOOKUPS.set(table, lookup);
  return lookup;
}

/** An entry's names as folded content words, made once. */
function knownFor(entry: AcronymEntry): Known {
  let known = KNOWN.get(entry);
  if (known) return known;
  const names = [entry.name, ...(entry.aliases ?? [])].map((name) => ({
    name,
    words: [...name.matchAll(WORD)].flatMap((match) => foldWords(match[0])),
  }));
  const longest = Math.max(...names.map(({ name }) => [...name.matchAll(WORD)].length));
  known = { entry, names, longest };
  KNOWN.set(entry, known);
  return known;
}

/** The table's entry for an acronym as written: exact, all capitals, or a plural ("DSAs"). */
function knownAcronym(lookup: Map<string, AcronymEntry>, written: string): Known | undefined {
  const entry = lookup.get(written) ?? (written.endsWith('s') ? lookup.get(written.slice(0, -1)) : undefined);
  return entry && knownFor(entry);
}
