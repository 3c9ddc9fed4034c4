// Reads a fact-check feed — schema.org ClaimReview JSON-LD, a schema.org DataFeed of them, JSON
// Lines, a Google Fact Check Tools answer or CSV, told apart by content — into fact-check drafts
// and the records it refused. Checks size and count before anything else; every draft passes
// FactCheckDraftSchema; repeats (same address and claim) are refused; never throws on bad input.
// Pure: the caller stores every draft or none.
import * as v from 'valibot';
import { verdictOfRating } from '../../claim-review-ratings';
import { fieldAndReason, type InvalidRecord } from '../../formats/backup';
import { isClaimReviewDocument } from '../../formats/claim-review';
import { megabytes } from '../../formats/size';
import { plural, t } from '../../i18n/translate';
import { parseUntrustedJson } from '../../json/untrusted-json';
import { isFactmarkList } from '../../lists/factmark-list';
import { type ListSource, sourceName, sourcePlace, titleFromSource } from '../../lists/source';
import { RULE_LIMITS } from '../../rule';
import { FACT_CHECK_LIMITS, type FactCheckDraft, FactCheckDraftSchema } from '../fact-check';
import type { FeedRead } from './candidate';
import { readClaimReviewFeed } from './claim-review';
import { readCsvFeed } from './csv-feed';
import { isDataFeed, readDataFeed } from './data-feed';
import { feedShape } from './detect';
import { isFactCheckToolsAnswer, readFactCheckToolsAnswer } from './fact-check-tools';
import { readJsonLines } from './json-lines';

export type FeedFormat = 'claim-review' | 'data-feed' | 'json-lines' | 'fact-check-tools' | 'csv';

export type FeedParse =
  | {
      kind: 'ok';
      format: FeedFormat;
      title: string;
      factChecks: FactCheckDraft[];
      /** Records left out, numbered from 1 in the file's order (lines, in JSON Lines). */
      invalid: InvalidRecord[];
    }
  | { kind: 'invalid'; error: string };

/** Reads a fact-check feed's text. */
export function parseFactCheckFeed(text: string, source: ListSource = {}): FeedParse {
  if (typeof text !== 'string') return { kind: 'invalid', error: t('feed_error_not_text') };
  const tooLarge = feedTooLarge(text);
  if (tooLarge) return tooLarge;
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const shape = feedShape(body);
  if (shape === 'json-lines') return checkFeed(readJsonLines(body), 'json-lines', source);
  if (shape === 'csv') return checkFeed(readCsvFeed(body), 'csv', source);
  if (shape === 'unknown') {
    return {
      kind: 'invalid',
      error: t(/\S/.test(body) ? 'feed_error_unknown_format' : 'list_error_empty', {
        source: sourceName(source),
      }),
    };
  }
  const parsed = parseUntrustedJson(body, {
    tooDeep: () => t('feed_json_too_deep', { source: sourceName(source) }),
    notJson: (detail) => t('feed_json_not_json', { source: sourceName(source), detail }),
  });
  return parsed.kind === 'ok' ? parseFeedJson(parsed.value, source) : parsed;
}

/** Whether a parsed JSON document is one of the feed formats (DataFeed, Fact Check Tools, ClaimReview). */
export function isFeedJson(value: unknown): boolean {
  return isDataFeed(value) || isFactCheckToolsAnswer(value) || isClaimReviewDocument(value);
}

/** A feed already parsed as one JSON document (a correction list's reader parses it first). */
export function parseFeedJson(value: unknown, source: ListSource = {}): FeedParse {
  if (isDataFeed(value)) return checkFeed(readDataFeed(value), 'data-feed', source);
  if (isFactCheckToolsAnswer(value))
    return checkFeed(readFactCheckToolsAnswer(value), 'fact-check-tools', source);
  if (isClaimReviewDocument(value)) return checkFeed(readClaimReviewFeed(value), 'claim-review', source);
  if (isFactmarkList(value)) {
    return { kind: 'invalid', error: t('feed_error_is_list', { source: sourceName(source) }) };
  }
  return { kind: 'invalid', error: t('feed_error_unknown_format', { source: sourceName(source) }) };
}

/** The refusal of a feed larger than Factmark reads; null when it is not. */
export function feedTooLarge(text: string): { kind: 'invalid'; error: string } | null {
  if (text.length <= FACT_CHECK_LIMITS.feedChars) return null;
  return {
    kind: 'invalid',
    error: t('feed_error_too_large', {
      size: megabytes(text.length),
      max: megabytes(FACT_CHECK_LIMITS.feedChars),
    }),
  };
}

/** Checks each record against the schema, refuses repeats, and titles the feed. */
function checkFeed(read: FeedRead, format: FeedFormat, source: ListSource): FeedParse {
  if (read.kind === 'invalid') return read;
  const factChecks: FactCheckDraft[] = [];
  const invalid = [...read.invalid];
  const firstByKey = new Map<string, number>();
  for (const { record, fields } of read.candidates) {
    if (fields.url.trim() === '') {
      invalid.push({
        record,
        field: read.fieldNames.url,
        reason: t('feed_reason_no_url'),
      });
      continue;
    }
    const parsed = v.safeParse(
      FactCheckDraftSchema,
      {
        ...fields,
        claim: oneLine(fields.claim),
        title: oneLine(fields.title),
        // An unknown rating keeps its words, with no verdict: it is still a fact-check.
        verdict: verdictOfRating(fields.rating) ?? null,
      },
      { abortEarly: true },
    );
    if (!parsed.success) {
      const { field, reason } = fieldAndReason(parsed.issues);
      const named = field in read.fieldNames ? read.fieldNames[field as keyof typeof read.fieldNames] : field;
      invalid.push({ record, field: named, reason });
      continue;
    }
    const key = `${parsed.output.url}\n${parsed.output.claim}`;
    const first = firstByKey.get(key);
    if (first !== undefined) {
      invalid.push({
        record,
        field: read.fieldNames.url,
        reason: t('feed_reason_repeats', { record: String(first) }),
      });
      continue;
    }
    firstByKey.set(key, record);
    factChecks.push(parsed.output);
  }
  invalid.sort((a, b) => a.record - b.record);
  if (factChecks.length === 0) {
    const [first] = invalid;
    return {
      kind: 'invalid',
      error: first
        ? plural('feed_error_none_usable', invalid.length, {
            where: sourcePlace(source),
            record: String(first.record),
            field: first.field,
            reason: first.reason,
          })
        : t('feed_error_no_fact_checks', { source: sourceName(source) }),
    };
  }
  return { kind: 'ok', format, title: feedTitle(read.name, factChecks, source), factChecks, invalid };
}

/** Runs of spaces and line ends as one space; the same string when there are none (most claims). */
function oneLine(text: string): string {
  return text.replace(/\s\s+|[^\S ]/g, ' ');
}

/** The feed's own name, else "Fact-checks by" its one publisher, else its file name or host. */
function feedTitle(name: string, factChecks: readonly FactCheckDraft[], source: ListSource): string {
  if (name !== '') return name.slice(0, RULE_LIMITS.title);
  const publisher = factChecks[0]?.publisher ?? '';
  if (publisher !== '' && factChecks.every((factCheck) => factCheck.publisher === publisher)) {
    return t('feed_title_by_publisher', { publisher }).slice(0, RULE_LIMITS.title);
  }
  return titleFromSource(source);
}
