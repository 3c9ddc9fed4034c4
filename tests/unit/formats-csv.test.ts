// CSV export: a spreadsheet opens it with the right encoding and columns, every cell reads back
// exactly (RFC 4180 quoting), and no cell runs as a formula.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvCell, exportCsv } from '../../src/core/formats';
import type { Claim } from '../../src/core/model';

const CLAIM: Claim = {
  id: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
  url: 'https://example.org/a?x=1,2',
  title: 'Title, with "quotes"',
  pageKey: 'example.org/a?x=1%2C2',
  quote: {
    type: 'TextQuoteSelector',
    exact: '=HYPERLINK("http://evil.example","click")',
    prefix: '',
    suffix: '',
  },
  position: { type: 'TextPositionSelector', start: 0, end: 5 },
  verdict: 'missing-context',
  correction: '+1 555 0100',
  note: 'line one\r\nline two',
  sources: ['https://a.example/', 'https://b.example/'],
  tags: ['-cmd', '@SUM(A1)'],
  created: Date.UTC(2024, 0, 1),
  updated: Date.UTC(2024, 0, 2),
};

/** A strict RFC 4180 reader, to check what a spreadsheet would see. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch !== '"') cell += ch;
      else if (text[i + 1] === '"') {
        cell += '"';
        i++;
      } else quoted = false;
    } else if (ch === '"' && cell === '') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else if (ch === '"' || ch === '\r' || ch === '\n')
      throw new Error(`bare ${JSON.stringify(ch)} at ${i}`);
    else cell += ch;
  }
  if (cell !== '' || row.length) throw new Error('last row does not end with CRLF');
  return rows;
}

describe('CSV export', () => {
  const csv = exportCsv([CLAIM]);

  it('starts with a UTF-8 byte-order mark and a header row, rows ending in CRLF', () => {
    expect(csv.startsWith('\uFEFFPage title,Page URL,Verdict,Quote,')).toBe(true);
    const rows = readCsv(csv.slice(1));
    expect(rows).toHaveLength(2);
    expect(rows[0]).toHaveLength(rows[1]!.length);
  });

  it('reads back every cell, with commas, quotes and line breaks intact', () => {
    const [header, row] = readCsv(csv.slice(1));
    const cells = Object.fromEntries(header!.map((name, i) => [name, row![i]]));
    expect(cells).toMatchObject({
      'Page title': 'Title, with "quotes"',
      'Page URL': 'https://example.org/a?x=1,2',
      Verdict: 'Missing context',
      Note: 'line one\r\nline two',
      Sources: 'https://a.example/\nhttps://b.example/',
      Created: '2024-01-01T00:00:00.000Z',
      ID: CLAIM.id,
    });
  });

  it('neutralises cells a spreadsheet would run as a formula', () => {
    const [header, row] = readCsv(csv.slice(1));
    const cells = Object.fromEntries(header!.map((name, i) => [name, row![i]]));
    expect(cells.Quote).toBe(`'=HYPERLINK("http://evil.example","click")`);
    expect(cells.Correction).toBe(`'+1 555 0100`);
    expect(cells.Tags).toBe(`'-cmd, @SUM(A1)`);
  });

  it.each(['=1+1', '+1', '-1', '@A1', '\tx', '\rx'])('prefixes %j with an apostrophe', (text) => {
    expect(readCsv(`${csvCell(text)}\r\n`)[0]![0]).toBe(`'${text}`);
  });

  it('leaves any other text as it is, and any text reads back as one cell', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const [[cell]] = readCsv(`${csvCell(text)}\r\n`) as [[string]];
        expect(cell).toBe(/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);
        expect(
          cell.startsWith('=') || cell.startsWith('+') || cell.startsWith('-') || cell.startsWith('@'),
        ).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});
