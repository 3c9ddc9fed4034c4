// Reads a correction list file into what it holds: Factmark's own list JSON becomes phrase rules;
// a fact-check feed (ClaimReview JSON-LD, a DataFeed, JSON Lines, a Google Fact Check Tools
// answer, CSV: core/factchecks/feed/) becomes fact-checks. Checks size before anything else —
// 20 MB for a phrase list, 256 MB for a feed — parses JSON without letting keys like __proto__
// through, and never throws on bad input. Pure: the caller stores every draft or none ("nothing
// imported half-way"), and on `invalid` keeps the list's previous copy in force.
import type { FactCheckDraft } from '../factchecks/fact-check';
import {
  type FeedFormat,
  type FeedParse,
  feedShape,
  feedTooLarge,
  isFeedJson,
  parseFactCheckFeed,
  parseFeedJson,
} from '../factchecks/feed';
import { megabytes } from '../formats/size';
import { plural, t } from '../i18n/translate';
import { parseUntrustedJson } from '../json/untrusted-json';
import { normalisePhrase } from '../match/normalise';
import { RULE_LIMITS, type RuleDraft } from '../rule';
import { isFactmarkList, LIST_FORMAT, readFactmarkList } from './factmark-list';
import type { InvalidRecord } from './read';
import { type ListSource, sourceName, sourcePlace } from './source';

export type { ListSource } from './source';

export type ListFormat = typeof LIST_FORMAT | FeedFormat;

export type ListParse =
  | {
      kind: 'ok';
      format: ListFormat;
      /**
       * A phrase list (`rules`, from Factmark's own format) or a fact-check feed (`factChecks`):
       * the other array is always empty.
       */
      list: {
        kind: 'rules' | 'fact-checks';
        title: string;
        rules: RuleDraft[];
        factChecks: FactCheckDraft[];
      };
      /** Records left out, numbered from 1 in the file's order. */
      invalid: InvalidRecord[];
    }
  | { kind: 'invalid'; error: string };

/** Reads a correction list's or fact-check feed's text. */
export function parseCorrectionList(text: string, source: ListSource = {}): ListParse {
  if (typeof text !== 'string') return { kind: 'invalid', error: t('list_error_not_text') };
  const tooLarge = feedTooLarge(text);
  if (tooLarge) return tooLarge;
  if (text.length > RULE_LIMITS.listChars && saysFactmarkList(text.slice(0, 4096))) return listTooLarge(text);
  const body = text.replace(/^\uFEFF/, '');
  if (!/\S/.test(body))
    return { kind: 'invalid', error: t('list_error_empty', { source: sourceName(source) }) };
  // The message names LIST_FORMAT's value ("factmark-corrections") itself: a format name is not translated.
  const unknown: ListParse = {
    kind: 'invalid',
    error: t('list_error_unknown_format', { source: sourceName(source), format: LIST_FORMAT }),
  };
  // JSON Lines and CSV are told apart from JSON by their first lines, before any JSON parse.
  const shape = feedShape(body);
  if (shape === 'unknown') return unknown;
  if (shape !== 'json') return asList(parseFactCheckFeed(body, source));
  const parsed = parseUntrustedJson(body, {
    tooDeep: () => t('list_json_too_deep'),
    notJson: (detail) => t('list_json_not_json', { detail }),
  });
  if (parsed.kind === 'invalid') return parsed;
  if (isFactmarkList(parsed.value)) {
    // A phrase list's "format" key may come after its rules, past the peek above.
    if (text.length > RULE_LIMITS.listChars) return listTooLarge(text);
    return readPhraseList(parsed.value, source);
  }
  return isFeedJson(parsed.value) ? asList(parseFeedJson(parsed.value, source)) : unknown;
}

function asList(feed: FeedParse): ListParse {
  if (feed.kind === 'invalid') return feed;
  const { format, title, factChecks, invalid } = feed;
  return { kind: 'ok', format, list: { kind: 'fact-checks', title, rules: [], factChecks }, invalid };
}

/** Whether the start of a file declares Factmark's list format (decides which size limit applies). */
function saysFactmarkList(start: string): boolean {
  return new RegExp(`"format"\\s*:\\s*"${LIST_FORMAT}"`).test(start);
}

function listTooLarge(text: string): ListParse {
  return {
    kind: 'invalid',
    error: t('list_error_too_large', { size: megabytes(text.length), max: megabytes(RULE_LIMITS.listChars) }),
  };
}

/** Factmark's own list: phrase rules, repeats of one phrase (as matched) refused. */
function readPhraseList(value: unknown, source: ListSource): ListParse {
  const read = readFactmarkList(value);
  if (read.kind === 'invalid') return read;
  const firstByPhrase = new Map<string, number>();
  const rules: RuleDraft[] = [];
  const invalid = [...read.invalid];
  for (const { record, draft } of read.drafts) {
    const folded = normalisePhrase(draft.phrase);
    if (folded.length === 0) {
      invalid.push({ record, field: 'phrase', reason: t('list_reason_no_letters') });
      continue;
    }
    const key = `${draft.matchCase ? normalisePhrase(draft.phrase, { matchCase: true }) : folded}\n${draft.matchCase}`;
    const first = firstByPhrase.get(key);
    if (first !== undefined) {
      invalid.push({ record, field: 'phrase', reason: t('list_reason_repeats', { record: String(first) }) });
      continue;
    }
    firstByPhrase.set(key, record);
    rules.push(draft);
  }
  invalid.sort((a, b) => a.record - b.record);
  const [first] = invalid;
  if (rules.length === 0 && first) {
    return {
      kind: 'invalid',
      error: plural('list_error_none_usable', invalid.length, {
        where: sourcePlace(source),
        record: String(first.record),
        field: first.field,
        reason: first.reason,
      }),
    };
  }
  return {
    kind: 'ok',
    format: LIST_FORMAT,
    list: { kind: 'rules', title: read.title, rules, factChecks: [] },
    invalid,
  };
}
