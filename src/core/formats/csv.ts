// CSV (RFC 4180). Export of claims, one row a claim, for spreadsheets: a UTF-8 byte-order mark so
// Excel reads the encoding, CRLF line ends, quoted cells, and cells that a spreadsheet would run
// as a formula prefixed with an apostrophe. Reading: rows of cells from any CSV text (fact-check
// feeds read it, core/factchecks/feed/csv-feed.ts). Pure.
import { type MessageKey, t } from '../i18n/translate';
import { type Claim, VERDICT_LABELS } from '../model';

export const CSV_MEDIA_TYPE = 'text/csv;charset=utf-8';

// A spreadsheet is read by people: headers and verdicts are in the reader's language (the
// dates stay ISO 8601, which every spreadsheet reads as a date).
const COLUMNS: readonly [header: MessageKey, cell: (claim: Claim) => string][] = [
  ['csv_page_title', (claim) => claim.title],
  ['csv_page_url', (claim) => claim.url],
  ['csv_verdict', (claim) => (claim.verdict ? VERDICT_LABELS[claim.verdict] : '')],
  ['csv_quote', (claim) => claim.quote.exact],
  ['csv_correction', (claim) => claim.correction],
  ['csv_note', (claim) => claim.note],
  ['csv_sources', (claim) => claim.sources.join('\n')],
  ['csv_tags', (claim) => claim.tags.join(', ')],
  ['csv_created', (claim) => new Date(claim.created).toISOString()],
  ['csv_updated', (claim) => new Date(claim.updated).toISOString()],
  ['csv_canonical_url', (claim) => claim.canonical ?? ''],
  ['csv_quote_prefix', (claim) => claim.quote.prefix],
  ['csv_quote_suffix', (claim) => claim.quote.suffix],
  ['csv_start', (claim) => String(claim.position.start)],
  ['csv_end', (claim) => String(claim.position.end)],
  ['csv_id', (claim) => claim.id],
];

/** The claims as CSV text, header first, starting with a byte-order mark. */
export function exportCsv(claims: readonly Claim[]): string {
  const rows = [
    COLUMNS.map(([header]) => t(header)),
    ...claims.map((claim) => COLUMNS.map(([, cell]) => cell(claim))),
  ];
  return `\uFEFF${rows.map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

/** Characters that make a spreadsheet read a cell as a formula when they come first. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell: neutralised if it would start a formula, quoted if it holds a comma, quote or line end. */
export function csvCell(text: string): string {
  const safe = FORMULA_START.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export interface CsvRows {
  rows: string[][];
  /** The row (from 1) whose quoted cell is never closed: it ran to the end of the text. */
  unclosedQuoteRow: number | null;
}

const QUOTE = 34;
const COMMA = 44;
const CR = 13;
const LF = 10;

/**
 * Reads CSV text into rows of cells: quoted cells may hold commas, doubled quotes and line ends;
 * rows end at CRLF, LF or CR; a byte-order mark is skipped. One pass, no backtracking, so a
 * 200,000-row file reads in linear time. Lenient where RFC 4180 is strict (text after a closing
 * quote is kept), since spreadsheets write such files.
 */
export function readCsv(text: string): CsvRows {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const end = text.length;
  if (i >= end) return { rows, unclosedQuoteRow: null };
  for (;;) {
    // One cell, starting at i.
    let cell = '';
    if (text.charCodeAt(i) === QUOTE) {
      i++;
      for (;;) {
        const close = text.indexOf('"', i);
        if (close === -1) {
          row.push(cell + text.slice(i));
          rows.push(row);
          return { rows, unclosedQuoteRow: rows.length };
        }
        cell += text.slice(i, close);
        i = close + 1;
        if (text.charCodeAt(i) !== QUOTE) break;
        cell += '"';
        i++;
      }
    }
    let stop = i;
    while (stop < end) {
      const c = text.charCodeAt(stop);
      if (c === COMMA || c === CR || c === LF) break;
      stop++;
    }
    row.push(stop > i ? cell + text.slice(i, stop) : cell);
    i = stop;
    if (i >= end) break;
    const c = text.charCodeAt(i);
    i++;
    if (c === COMMA) continue;
    if (c === CR && text.charCodeAt(i) === LF) i++;
    rows.push(row);
    row = [];
    if (i >= end) return { rows, unclosedQuoteRow: null };
  }
  rows.push(row);
  return { rows, unclosedQuoteRow: null };
}
