// Reads a correction list file — Factmark's own list JSON or schema.org ClaimReview JSON-LD —
// into rule drafts and the records it refused. Checks size and count before anything else,
// parses JSON without letting keys like __proto__ through, and never throws on bad input.
// Pure: the caller stores every draft or none ("nothing imported half-way"), and on
// `invalid` keeps the list's previous copy in force.
import { isClaimReviewDocument } from '../formats/claim-review';
import { parseUntrustedJson } from '../json/untrusted-json';
import { normalisePhrase } from '../match/normalise';
import { RULE_LIMITS, type RuleDraft } from '../rule';
import { readClaimReviewList } from './claim-review-list';
import { isFactmarkList, LIST_FORMAT, readFactmarkList } from './factmark-list';
import type { InvalidRecord, ListRead } from './read';

export type ListFormat = typeof LIST_FORMAT | 'claim-review';

export type ListParse =
  | {
      kind: 'ok';
      format: ListFormat;
      list: { title: string; rules: RuleDraft[] };
      /** Records left out, numbered from 1 in the file's order. */
      invalid: InvalidRecord[];
    }
  | { kind: 'invalid'; error: string };

export interface ListSource {
  /** Where a subscribed list was fetched from. */
  url?: string;
  /** The name of an imported file. */
  fileName?: string;
}

const KNOWN_FORMATS = `a Factmark correction list (JSON with "format": "${LIST_FORMAT}") or schema.org ClaimReview JSON-LD (a single review, a list or an @graph)`;

/** Reads a correction list's text. */
export function parseCorrectionList(text: string, source: ListSource = {}): ListParse {
  if (typeof text !== 'string') return { kind: 'invalid', error: 'The list is not text.' };
  if (text.length > RULE_LIMITS.listChars) {
    return {
      kind: 'invalid',
      error: `The list is too large (${megabytes(text.length)}); Factmark reads lists up to ${megabytes(RULE_LIMITS.listChars)}. Split it into smaller lists.`,
    };
  }
  const body = text.replace(/^\uFEFF/, '');
  if (body.trim() === '') return { kind: 'invalid', error: `${nameOf(source)} is empty.` };
  const parsed = parseUntrustedJson(body, { name: 'The list', expected: 'a correction list' });
  if (parsed.kind === 'invalid') return parsed;
  const value = parsed.value;

  let read: ListRead;
  let format: ListFormat;
  if (isFactmarkList(value)) {
    format = LIST_FORMAT;
    read = readFactmarkList(value);
  } else if (isClaimReviewDocument(value)) {
    format = 'claim-review';
    read = readClaimReviewList(value, fallbackTitle(source));
  } else {
    return {
      kind: 'invalid',
      error: `${nameOf(source)} is not a list Factmark can read: expected ${KNOWN_FORMATS}.`,
    };
  }
  if (read.kind === 'invalid') return read;

  // Repeats of one phrase (as matched) within the list are refused, the first one kept.
  const firstByPhrase = new Map<string, number>();
  const rules: RuleDraft[] = [];
  const invalid = [...read.invalid];
  for (const { record, draft } of read.drafts) {
    const folded = normalisePhrase(draft.phrase);
    if (folded.length === 0) {
      invalid.push({ record, field: 'phrase', reason: 'has no letters, digits or signs to match' });
      continue;
    }
    const key = `${draft.matchCase ? normalisePhrase(draft.phrase, { matchCase: true }) : folded}\n${draft.matchCase}`;
    const first = firstByPhrase.get(key);
    if (first !== undefined) {
      invalid.push({ record, field: 'phrase', reason: `repeats the phrase of record ${first}` });
      continue;
    }
    firstByPhrase.set(key, record);
    rules.push(draft);
  }
  invalid.sort((a, b) => a.record - b.record);
  if (rules.length === 0 && invalid.length > 0) {
    const [first] = invalid;
    return {
      kind: 'invalid',
      error: `None of the ${invalid.length.toLocaleString('en')} rules in ${nameOf(source).toLowerCase()} can be used (record ${first?.record}, ${first?.field}: ${first?.reason}).`,
    };
  }
  return { kind: 'ok', format, list: { title: read.title, rules }, invalid };
}

function nameOf(source: ListSource): string {
  if (source.fileName) return `The file “${source.fileName.slice(0, 100)}”`;
  if (source.url) return 'The list at that address';
  return 'The list';
}

function fallbackTitle(source: ListSource): string {
  if (source.fileName) return source.fileName.replace(/\.(json|jsonld)$/i, '').slice(0, RULE_LIMITS.title);
  if (source.url) {
    try {
      return `Fact-checks from ${new URL(source.url).hostname.replace(/^www\./, '')}`;
    } catch {
      // Fall through to the generic title.
    }
  }
  return 'ClaimReview fact-checks';
}

function megabytes(chars: number): string {
  return `${Math.round((chars / (1024 * 1024)) * 10) / 10} MB`;
}
