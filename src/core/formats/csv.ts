// CSV export (RFC 4180) of claims, one row a claim, for spreadsheets: a UTF-8 byte-order mark so
// Excel reads the encoding, CRLF line ends, quoted cells, and cells that a spreadsheet would run
// as a formula prefixed with an apostrophe. Pure; export only.
import { type Claim, VERDICT_LABELS } from '../model';

export const CSV_MEDIA_TYPE = 'text/csv;charset=utf-8';

const COLUMNS: readonly [header: string, cell: (claim: Claim) => string][] = [
  ['Page title', (claim) => claim.title],
  ['Page URL', (claim) => claim.url],
  ['Verdict', (claim) => (claim.verdict ? VERDICT_LABELS[claim.verdict] : '')],
  ['Quote', (claim) => claim.quote.exact],
  ['Correction', (claim) => claim.correction],
  ['Note', (claim) => claim.note],
  ['Sources', (claim) => claim.sources.join('\n')],
  ['Tags', (claim) => claim.tags.join(', ')],
  ['Created', (claim) => new Date(claim.created).toISOString()],
  ['Updated', (claim) => new Date(claim.updated).toISOString()],
  ['Canonical URL', (claim) => claim.canonical ?? ''],
  ['Quote prefix', (claim) => claim.quote.prefix],
  ['Quote suffix', (claim) => claim.quote.suffix],
  ['Start', (claim) => String(claim.position.start)],
  ['End', (claim) => String(claim.position.end)],
  ['ID', (claim) => claim.id],
];

/** The claims as CSV text, header first, starting with a byte-order mark. */
export function exportCsv(claims: readonly Claim[]): string {
  const rows = [
    COLUMNS.map(([header]) => header),
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
