// Reads the CLEF-2020 CheckThat! Task 2 files (verified claims, tweets, qrels) for the
// fact-check ranking scripts. Node only; the extension never reads these.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FactCheckText } from '../src/core/factchecks/lexical-index';
import { sharedPath } from './shared-dir.mjs';

export const DEFAULT_FACTCHECK_DATA_DIR = sharedPath('datasets', 'checkthat-2020-task2');

export interface Query {
  id: string;
  text: string;
}

/** A query and the id of the fact-check that checks it. */
export interface LabelledQuery extends Query {
  answer: string;
}

/** Rows of a TSV text with a header line (see parseTsv), without the header. */
export function tsvRows(text: string): string[][] {
  return parseTsv(text).slice(1);
}

/**
 * Rows of a TSV text as the data set writes it (pandas' quoting): a field that starts with a
 * quote runs to the matching quote, may hold tabs and line breaks, and has its quotes doubled.
 * Lines end with \n or \r\n. Blank lines are skipped.
 */
export function parseTsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = text.startsWith('\uFEFF') ? 1 : 0;
  const n = text.length;
  for (;;) {
    let field: string;
    if (text[i] === '"') {
      let out = '';
      let j = i + 1;
      for (;;) {
        const q = text.indexOf('"', j);
        if (q < 0) {
          out += text.slice(j);
          j = n;
          break;
        }
        out += text.slice(j, q);
        if (text[q + 1] === '"') {
          out += '"';
          j = q + 2;
          continue;
        }
        j = q + 1;
        break;
      }
      // Anything after the closing quote up to the field's end belongs to the field.
      const end = fieldEnd(text, j);
      field = out + text.slice(j, end);
      i = end;
    } else {
      const end = fieldEnd(text, i);
      field = text.slice(i, end);
      i = end;
    }
    row.push(field.endsWith('\r') && text[i] !== '\t' ? field.slice(0, -1) : field);
    if (text[i] === '\t') {
      i++;
      continue;
    }
    if (!(row.length === 1 && row[0] === '')) rows.push(row);
    row = [];
    if (i >= n) break;
    i++; // the line break
    if (i >= n) break;
  }
  return rows;
}

function fieldEnd(text: string, from: number): number {
  for (let k = from; k < text.length; k++) if (text[k] === '\t' || text[k] === '\n') return k;
  return text.length;
}

/** `id<TAB>vclaim<TAB>title` rows (header first) as fact-checks; throws on a malformed line. */
export function parseVerifiedClaims(text: string, name = 'verified claims'): FactCheckText[] {
  return tsvRows(text).map((row, i) => {
    const [id, claim, title] = row;
    if (row.length < 2 || id === undefined || id.trim() === '' || claim === undefined)
      throw new Error(`${name}:${i + 2}: expected id<TAB>vclaim<TAB>title`);
    return { id: id.trim(), claim, title: title ?? '' };
  });
}

export function loadVerifiedClaims(file: string): FactCheckText[] {
  return parseVerifiedClaims(readFileSync(file, 'utf8'), file);
}

/** One split (`train` or `dev`): its tweets with the fact-check that checks each. */
export function loadSplit(split: string, dir: string = DEFAULT_FACTCHECK_DATA_DIR): LabelledQuery[] {
  const answers = new Map<string, string>();
  for (const line of readFileSync(join(dir, split, 'tweet-vclaim-pairs.qrels'), 'utf8').split(/\r?\n/)) {
    const [q, , v] = line.split('\t');
    if (q && v) answers.set(q.trim(), v.trim());
  }
  const file = readFileSync(join(dir, split, 'tweets.queries.tsv'), 'utf8');
  return tsvRows(file).flatMap(([id, text]) => {
    const answer = id === undefined ? undefined : answers.get(id.trim());
    return id !== undefined && text !== undefined && answer !== undefined
      ? [{ id: id.trim(), text, answer }]
      : [];
  });
}

export function loadFactCheckData(dir: string = DEFAULT_FACTCHECK_DATA_DIR): {
  factChecks: FactCheckText[];
  train: LabelledQuery[];
  dev: LabelledQuery[];
} {
  return {
    factChecks: loadVerifiedClaims(join(dir, 'verified_claims.docs.tsv')),
    train: loadSplit('train', dir),
    dev: loadSplit('dev', dir),
  };
}
