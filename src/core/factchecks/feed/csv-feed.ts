// A fact-check feed as CSV (a spreadsheet saved as CSV): a header row naming at least `claim` and
// `url`, in any case and order, and optionally `title`, `rating`, `publisher`, `date` and
// `language`; other columns are ignored. Each row after the header is a record. Pure.

import type { InvalidRecord } from '../../formats/backup';
import { readCsv } from '../../formats/csv';
import { t } from '../../i18n/translate';
import {
  type FeedCandidate,
  type FeedFields,
  type FeedRead,
  type FieldNames,
  tooManyFactChecks,
} from './candidate';

const FIELDS: FieldNames = {
  claim: 'claim',
  title: 'title',
  url: 'url',
  rating: 'rating',
  publisher: 'publisher',
  date: 'date',
  language: 'language',
};

export function readCsvFeed(text: string): FeedRead {
  const { rows, unclosedQuoteRow } = readCsv(text);
  const [header = [], ...body] = rows;
  const names = header.map((cell) => cell.trim().toLowerCase());
  const missing = (['claim', 'url'] as const).filter((column) => !names.includes(column));
  if (missing.length > 0) {
    const shown = names
      .filter(Boolean)
      .slice(0, 10)
      .map((name) => `“${name.slice(0, 40)}”`);
    const header = shown.join(', ') || t('feed_csv_header_nothing');
    return {
      kind: 'invalid',
      error:
        missing.length > 1
          ? t('feed_csv_no_columns', { names: header })
          : t('feed_csv_no_column', { column: missing[0] ?? '', names: header }),
    };
  }
  // Where each field's column is, found once (a header may be long).
  const at: Record<keyof FeedFields, number> = {
    claim: names.indexOf('claim'),
    title: names.indexOf('title'),
    url: names.indexOf('url'),
    rating: names.indexOf('rating'),
    publisher: names.indexOf('publisher'),
    date: names.indexOf('date'),
    language: names.indexOf('language'),
  };
  const records = body.filter((row) => !isBlank(row));
  const tooMany = tooManyFactChecks(records.length);
  if (tooMany) return tooMany;
  const candidates: FeedCandidate[] = [];
  const invalid: InvalidRecord[] = [];
  let record = 0;
  body.forEach((row, i) => {
    if (isBlank(row)) return;
    record++;
    // The header is row 1 of the text; an unclosed quote swallowed every row after this one.
    if (unclosedQuoteRow === i + 2) {
      invalid.push({
        record,
        field: t('feed_field_row'),
        reason: t('feed_reason_unclosed_quote'),
      });
      return;
    }
    const cell = (at: number) => (at === -1 ? '' : (row[at] ?? ''));
    candidates.push({
      record,
      fields: {
        claim: cell(at.claim),
        title: cell(at.title),
        url: cell(at.url),
        rating: cell(at.rating),
        publisher: cell(at.publisher),
        date: cell(at.date),
        language: cell(at.language),
      },
    });
  });
  return { kind: 'ok', name: '', candidates, invalid, fieldNames: FIELDS };
}

function isBlank(row: readonly string[]): boolean {
  return row.every((cell) => cell.trim() === '');
}
