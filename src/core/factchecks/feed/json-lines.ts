// JSON Lines (also called NDJSON): one ClaimReview a line, as large fact-check dumps are shipped.
// Blank lines are skipped; a line that is not JSON, or not a ClaimReview, is a refused record
// numbered by its line, and the other lines are still read. Pure.
import type { InvalidRecord } from '../../formats/backup';
import { t } from '../../i18n/translate';
import { type JsonProblems, parseUntrustedJson } from '../../json/untrusted-json';
import { type FeedCandidate, type FeedRead, tooManyFactChecks } from './candidate';
import { CLAIM_REVIEW_FIELDS, claimReviewRecord } from './claim-review';

const LINE_END = /\r?\n|\r/;

/** A bad line is a refused record: its reason says what is wrong, after the line's number. */
const LINE_PROBLEMS: JsonProblems = {
  tooDeep: () => t('feed_line_too_deep'),
  notJson: (detail) => t('feed_line_not_json', { detail }),
};

export function readJsonLines(text: string): FeedRead {
  const lines = text.split(LINE_END);
  let records = 0;
  for (const line of lines) if (line.trim() !== '') records++;
  const tooMany = tooManyFactChecks(records);
  if (tooMany) return tooMany;
  const candidates: FeedCandidate[] = [];
  const invalid: InvalidRecord[] = [];
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    const record = i + 1;
    // The same guard as whole files: __proto__, constructor and prototype keys are dropped.
    const parsed = parseUntrustedJson(line, LINE_PROBLEMS);
    if (parsed.kind === 'ok') claimReviewRecord(parsed.value, record, candidates, invalid);
    else invalid.push({ record, field: t('feed_field_line'), reason: parsed.error });
  });
  return { kind: 'ok', name: '', candidates, invalid, fieldNames: CLAIM_REVIEW_FIELDS };
}
