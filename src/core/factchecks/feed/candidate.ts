// What each feed-format reader hands to the feed parser: every record's fields as text (not yet
// checked), numbered in the file's order, the records it could not read at all, and the feed's
// own name when it has one. parse-feed.ts checks, de-duplicates and titles them. Pure.
import type { InvalidRecord } from '../../formats/backup';
import { plural } from '../../i18n/translate';
import { firstOf, isObject } from '../../json/json-ld';
import { FACT_CHECK_LIMITS, type FactCheckDraft } from '../fact-check';

/** A fact-check's fields as read, before the checks: the verdict comes from the rating later. */
export type FeedFields = Omit<FactCheckDraft, 'verdict'>;

/** What a format calls each field, so a refused record names the field as the file writes it. */
export type FieldNames = { readonly [K in keyof FeedFields]: string };

export interface FeedCandidate {
  /** From 1, in the file's order (a line number in JSON Lines). */
  record: number;
  fields: FeedFields;
}

export type FeedRead =
  | {
      kind: 'ok';
      /** The feed's own name (a DataFeed's `name`), '' when it has none. */
      name: string;
      candidates: FeedCandidate[];
      invalid: InvalidRecord[];
      fieldNames: FieldNames;
    }
  | { kind: 'invalid'; error: string };

/** Text of a value that should be text: the first of a list, '' for anything else. */
export function textOf(value: unknown): string {
  const first = firstOf(value);
  return typeof first === 'string' ? first : '';
}

/** A name given as text or as a thing with a name (an Organization): the first of a list. */
export function nameOf(value: unknown): string {
  const first = firstOf(value);
  if (typeof first === 'string') return first;
  return isObject(first) ? textOf(first.name) || textOf(first.alternateName) : '';
}

/** Refuses a feed with more fact-checks than Factmark keeps from one, before checking any. */
export function tooManyFactChecks(count: number): FeedRead | null {
  if (count <= FACT_CHECK_LIMITS.perFeed) return null;
  return {
    kind: 'invalid',
    error: plural('feed_error_too_many', count, { max: FACT_CHECK_LIMITS.perFeed }),
  };
}
