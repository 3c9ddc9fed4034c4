// Finds a saved quote in a page's text again, cheapest first: at the stored position, then every
// exact occurrence ranked by its context, then a bounded fuzzy search. Reports "not found" rather
// than attaching a quote to the wrong text. Pure: text in, offsets out; no DOM.

import search from 'approx-string-match';
import type { ClaimAnchor } from '../model';
import { CONTEXT_LENGTH, describeRange } from './describe';
import { collapseWhitespace, PageText } from './page-text';
import { editDistance32 } from './similarity';

export type Strategy = 'position' | 'exact' | 'fuzzy';

/** Where the quote is now: raw offsets into the page's text, whitespace at the ends left out. */
export type Found = { kind: 'found'; start: number; end: number; score: number; strategy: Strategy };

/**
 * absent: nothing on the page is within the allowed edits of the quote; ambiguous: it occurs more
 * than once and nothing tells the places apart; too-different: something like it is there, but
 * too unlike the quote and its context to be taken for it.
 */
export type NotFound = { kind: 'not-found'; reason: 'absent' | 'ambiguous' | 'too-different' };

export interface FindOptions {
  /** Most edits a fuzzy match may have, as a fraction of the quote's length (at least one edit). */
  maxErrorRate: number;
  /** Lowest score (0–1, quote and context together) a fuzzy match needs. */
  minScore: number;
  /** How many characters either side of the stored position the fuzzy search looks first. */
  nearby: number;
}

export const FIND_DEFAULTS: Readonly<FindOptions> = { maxErrorRate: 0.25, minScore: 0.75, nearby: 2000 };

/** Context at least this alike: the stored position is taken without looking further. */
const TRUSTED_CONTEXT = 0.8;
/** Context below this says nothing (two random 32-character snippets of prose score ~0.1–0.3). */
const AGREEING_CONTEXT = 0.5;
/** A nearby fuzzy match this good is taken without searching the rest of the page. */
const CONFIDENT_SCORE = 0.85;
/** Candidates closer than this are equally good; the stored position breaks the tie. */
const TIE = 0.05;
/** The fuzzy search is seeded with exact pieces of the quote of at least this length… */
const MIN_PIECE = 8;
/** …and at most this many of them. */
const MAX_PIECES = 12;
/** A piece found more often than this is too common to point anywhere. */
const MAX_PIECE_HITS = 64;
/** The most windows (beyond the nearby one) the fuzzy search verifies. */
const MAX_WINDOWS = 16;

/** What is looked for, in the page's collapsed text. */
interface Target {
  quote: string;
  prefix: string;
  suffix: string;
  /** The stored start, as an offset into the collapsed text. */
  at: number;
}

/** A place the quote may be, in collapsed offsets. */
interface Candidate {
  start: number;
  end: number;
  /** How alike the text around it is to the saved prefix and suffix (0–1). */
  context: number;
  /**
   * How much of everything saved (quote and context) agrees (0–1): 1 − (edits inside the quote +
   * edits to the context) / (their lengths). A long quote that is nearly intact outweighs lost
   * context; a short one needs its context to agree.
   */
  score: number;
}

/**
 * Finds the quote of `anchor` in `text`. Pass a PageText when anchoring several quotes on one
 * page, so that the page's whitespace is collapsed once.
 */
export function findQuote(
  text: string | PageText,
  anchor: ClaimAnchor,
  options: Partial<FindOptions> = {},
): Found | NotFound {
  const page = typeof text === 'string' ? new PageText(text) : text;
  const opts: FindOptions = { ...FIND_DEFAULTS, ...options };
  const quick = findAtSavedPosition(page.raw, anchor);
  if (quick !== null) return quick;
  const target = targetOf(page, anchor);
  if (target.quote === '') return notFound('absent');
  return (
    atStoredPosition(page, target) ?? bestExactMatch(page, target, opts) ?? fuzzyMatch(page, target, opts)
  );
}

function targetOf(page: PageText, anchor: ClaimAnchor): Target {
  const { exact, prefix, suffix } = anchor.quote;
  return {
    quote: collapseWhitespace(exact).trim(),
    // Contexts written by other tools may be longer than ours; the nearest 32 characters count.
    prefix: collapseWhitespace(prefix).slice(-CONTEXT_LENGTH),
    suffix: collapseWhitespace(suffix).slice(0, CONTEXT_LENGTH),
    at: page.collapsedOffset(anchor.position.start),
  };
}

function notFound(reason: NotFound['reason']): NotFound {
  return { kind: 'not-found', reason };
}

function found(page: PageText, candidate: Candidate, strategy: Strategy): Found | NotFound {
  const range = page.rawRange(candidate.start, candidate.end);
  if (range === null) return notFound('absent');
  return { kind: 'found', ...range, score: candidate.score, strategy };
}

/** Edits between the saved prefix and suffix and the text around collapsed [start, end). */
function contextDistance(text: string, start: number, end: number, target: Target): number {
  const { prefix, suffix } = target;
  const before = text.slice(Math.max(0, start - prefix.length), start);
  const after = text.slice(end, end + suffix.length);
  return editDistance32(prefix, before) + editDistance32(suffix, after);
}

function candidate(text: string, start: number, end: number, errors: number, target: Target): Candidate {
  const contextLength = target.prefix.length + target.suffix.length;
  const distance = contextDistance(text, start, end, target);
  return {
    start,
    end,
    context: contextLength === 0 ? 1 : 1 - distance / contextLength,
    score: 1 - (errors + distance) / (target.quote.length + contextLength),
  };
}

/** The best candidate by `key`; among equally good ones, the one nearest the stored position. */
function best(
  candidates: Candidate[],
  target: Target,
  key: 'context' | 'score',
): { best: Candidate; tied: Candidate[] } | null {
  let top: Candidate | undefined;
  for (const c of candidates) if (top === undefined || c[key] > top[key]) top = c;
  if (top === undefined) return null;
  const floor = top[key] - TIE;
  const tied = candidates.filter((c) => c[key] >= floor);
  const distance = (c: Candidate) => Math.abs(c.start - target.at);
  const nearest = tied.reduce((a, b) => (distance(b) < distance(a) ? b : a));
  return { best: nearest, tied };
}

/** Where the quote would start if it were still where it was saved. */
function storedStart(text: string, target: Target): number {
  return text.charCodeAt(target.at) === 0x20 ? target.at + 1 : target.at;
}

/** a. The quote is still where it was saved, and its context agrees. */
function atStoredPosition(page: PageText, target: Target): Found | NotFound | null {
  const text = page.collapsed;
  const start = storedStart(text, target);
  if (!text.startsWith(target.quote, start)) return null;
  const here = candidate(text, start, start + target.quote.length, 0, target);
  return here.context >= TRUSTED_CONTEXT ? found(page, here, 'position') : null;
}

/**
 * The quote at its saved offsets, read off the raw text: the stored range, described again as it
 * would be saved now, holds the same quote and agreeing context. Costs the quote's length, not
 * the page's, so a caller anchoring a page a window at a time can try it before any window (an
 * unchanged page then never builds a collapsed view). Takes exactly what findQuote's first step
 * takes at the stored position; null says: look further (findQuote).
 */
export function findAtSavedPosition(raw: string, anchor: ClaimAnchor): Found | null {
  const { start, end } = anchor.position;
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > raw.length) return null;
  const here = describeRange(raw, start, end);
  if (here === null) return null;
  const quote = collapseWhitespace(anchor.quote.exact).trim();
  if (here.quote.exact !== quote) return null;
  const prefix = collapseWhitespace(anchor.quote.prefix).slice(-CONTEXT_LENGTH);
  const suffix = collapseWhitespace(anchor.quote.suffix).slice(0, CONTEXT_LENGTH);
  const before = prefix.length === 0 ? '' : here.quote.prefix.slice(-prefix.length);
  const after = here.quote.suffix.slice(0, suffix.length);
  const distance = editDistance32(prefix, before) + editDistance32(suffix, after);
  const contextLength = prefix.length + suffix.length;
  const context = contextLength === 0 ? 1 : 1 - distance / contextLength;
  if (context < TRUSTED_CONTEXT) return null;
  const score = 1 - distance / (quote.length + contextLength);
  return { kind: 'found', start: here.position.start, end: here.position.end, score, strategy: 'position' };
}

/** b. Every exact occurrence, ranked by how well its context agrees. */
function bestExactMatch(page: PageText, target: Target, opts: FindOptions): Found | NotFound | null {
  const text = page.collapsed;
  const { quote } = target;
  const candidates: Candidate[] = [];
  for (let i = text.indexOf(quote); i !== -1; i = text.indexOf(quote, i + 1)) {
    candidates.push(candidate(text, i, i + quote.length, 0, target));
  }
  // Every candidate has the same quote: only the context tells them apart.
  const pick = best(candidates, target, 'context');
  if (pick === null) return null;
  if (pick.best.context >= AGREEING_CONTEXT) return found(page, pick.best, 'exact');
  // Nothing around any occurrence agrees with the saved context: the quote may have been edited
  // where it was, and these be other places that say the same words. A close fuzzy match with
  // agreeing context nearby beats an exact one with none.
  const nearby = bestOf(searchNearby(page, target, opts), target);
  if (nearby !== null && nearby.score > pick.best.score && nearby.score >= opts.minScore) {
    return found(page, nearby, 'fuzzy');
  }
  // Several occurrences, none in context: only one exactly where the quote was saved may be taken.
  if (pick.tied.length > 1 && pick.best.start !== storedStart(text, target)) return notFound('ambiguous');
  return found(page, pick.best, 'exact');
}

function bestOf(candidates: Candidate[], target: Target): Candidate | null {
  return best(candidates, target, 'score')?.best ?? null;
}

function maxErrors(target: Target, opts: FindOptions): number {
  return Math.max(1, Math.floor(target.quote.length * opts.maxErrorRate));
}

/** Approximate matches of the quote inside collapsed [from, to). */
function searchWindow(page: PageText, target: Target, from: number, to: number, k: number): Candidate[] {
  const text = page.collapsed;
  return search(text.slice(from, to), target.quote, k).map((m) => {
    let start = from + m.start;
    let end = from + m.end;
    while (start < end && text.charCodeAt(start) === 0x20) start++;
    while (end > start && text.charCodeAt(end - 1) === 0x20) end--;
    return candidate(text, start, end, m.errors, target);
  });
}

function nearbyWindow(page: PageText, target: Target, opts: FindOptions): [number, number] {
  const from = Math.max(0, target.at - opts.nearby);
  const to = Math.min(page.collapsed.length, target.at + target.quote.length + opts.nearby);
  return [from, to];
}

function searchNearby(page: PageText, target: Target, opts: FindOptions): Candidate[] {
  const [from, to] = nearbyWindow(page, target, opts);
  return searchWindow(page, target, from, to, maxErrors(target, opts));
}

/**
 * Windows elsewhere on the page where the quote may be: split it into pieces, find each piece
 * exactly (k edits leave at least one of k + 1 pieces intact; pieces are capped in number, so a
 * quote with many scattered edits that also moved far may be missed), and rank the places where
 * the most pieces agree.
 */
function seededWindows(
  page: PageText,
  target: Target,
  k: number,
  skip: [number, number],
): [number, number][] {
  const text = page.collapsed;
  const { quote } = target;
  const count = Math.max(1, Math.min(k + 1, MAX_PIECES, Math.floor(quote.length / MIN_PIECE)));
  const size = Math.floor(quote.length / count);
  const votes: { start: number; piece: number }[] = [];
  for (let p = 0; p < count; p++) {
    const offset = p * size;
    const piece = quote.slice(offset, p === count - 1 ? quote.length : offset + size);
    const hits: number[] = [];
    for (
      let i = text.indexOf(piece);
      i !== -1 && hits.length <= MAX_PIECE_HITS;
      i = text.indexOf(piece, i + 1)
    ) {
      hits.push(i);
    }
    if (hits.length > MAX_PIECE_HITS) continue;
    for (const hit of hits) {
      const start = hit - offset;
      if (start - k >= skip[0] && start + quote.length + k <= skip[1]) continue;
      votes.push({ start, piece: p });
    }
  }
  votes.sort((a, b) => a.start - b.start);
  const clusters: { from: number; to: number; pieces: Set<number> }[] = [];
  for (const vote of votes) {
    const last = clusters[clusters.length - 1];
    if (last !== undefined && vote.start - last.to <= k) {
      last.to = vote.start;
      last.pieces.add(vote.piece);
    } else {
      clusters.push({ from: vote.start, to: vote.start, pieces: new Set([vote.piece]) });
    }
  }
  return clusters
    .sort((a, b) => b.pieces.size - a.pieces.size)
    .slice(0, MAX_WINDOWS)
    .map((c) => [Math.max(0, c.from - k), Math.min(text.length, c.to + quote.length + k)]);
}

/** c. A bounded fuzzy search: near the stored position first, then where pieces of the quote are. */
function fuzzyMatch(page: PageText, target: Target, opts: FindOptions): Found | NotFound {
  const k = maxErrors(target, opts);
  const near = nearbyWindow(page, target, opts);
  const candidates = searchWindow(page, target, near[0], near[1], k);
  const nearest = bestOf(candidates, target);
  if (nearest !== null && nearest.score >= CONFIDENT_SCORE) return found(page, nearest, 'fuzzy');
  for (const [from, to] of seededWindows(page, target, k, near)) {
    candidates.push(...searchWindow(page, target, from, to, k));
  }
  const top = bestOf(candidates, target);
  if (top !== null && top.score >= opts.minScore) return found(page, top, 'fuzzy');
  return notFound(top === null ? 'absent' : 'too-different');
}
