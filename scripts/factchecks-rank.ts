// `npm run -s factchecks:rank -- --claims FILE`: ranks known fact-checks for each query.
// FILE is in the data set's `verified_claims.docs.tsv` format (`id<TAB>vclaim<TAB>title`, header
// line first). Queries come on stdin, one `id<TAB>text` a line (a header line with an empty id,
// as in the data set's `tweets.queries.tsv`, is skipped; quoted fields as pandas writes them are
// read). For each query, in input order, up to 5 lines `query_id<TAB>vclaim_id<TAB>score` go to
// stdout, best first; the score is the re-ranker's probability. Same code as the extension:
// `rankFactChecks` from src/core/factchecks with the shipped model.
//
// Errors (no --claims, unreadable or malformed file, invalid UTF-8, a query line without a tab)
// go to stderr with exit code 2, and nothing to stdout.

import { readFileSync } from 'node:fs';
import { buildIndex, type FactCheckText } from '../src/core/factchecks/lexical-index';
import { FACTCHECK_MODEL } from '../src/core/factchecks/model';
import { profilesFrom, rankFactChecks } from '../src/core/factchecks/rank-fact-checks';
import { parseTsv, parseVerifiedClaims, type Query } from './factchecks-data';
import { decodeUtf8, firstInvalidUtf8, readStdin, runAsScript } from './stdin-text';

/** Matches printed per query. */
export const MATCHES_PER_QUERY = 5;

export function formatFactCheckScore(score: number): string {
  return score.toFixed(6);
}

type Outcome = { stdout: string } | { error: string; code: number };

/** Queries from stdin text: `id<TAB>text` rows; a first row with an empty id is a header. */
export function parseQueries(text: string): Query[] | { error: string } {
  const rows = parseTsv(text);
  if (rows[0]?.[0]?.trim() === '') rows.shift();
  const queries: Query[] = [];
  for (const [i, row] of rows.entries()) {
    const [id, ...rest] = row;
    if (id === undefined || rest.length === 0 || id.trim() === '')
      return { error: `query ${i + 1} ("${row.join('\t').slice(0, 40)}"): expected id<TAB>text` };
    queries.push({ id: id.trim(), text: rest.join(' ') });
  }
  return queries;
}

/** The whole CLI on the fact-checks and the stdin bytes. */
export function run(factChecks: readonly FactCheckText[], stdin: Uint8Array): Outcome {
  let text: string;
  try {
    text = decodeUtf8(stdin);
  } catch {
    const at = firstInvalidUtf8(stdin);
    return { error: `factchecks:rank: queries are not valid UTF-8 (byte offset ${at}).\n`, code: 2 };
  }
  const queries = parseQueries(text);
  if (!Array.isArray(queries)) return { error: `factchecks:rank: ${queries.error}\n`, code: 2 };
  const byId = new Map(factChecks.map((f) => [f.id, f]));
  const ranker = {
    index: buildIndex(factChecks),
    model: FACTCHECK_MODEL,
    profileOf: profilesFrom((id) => byId.get(id)),
  };
  const lines: string[] = [];
  for (const q of queries)
    for (const m of rankFactChecks(ranker, q.text, MATCHES_PER_QUERY))
      lines.push(`${q.id}\t${m.id}\t${formatFactCheckScore(m.score)}\n`);
  return { stdout: lines.join('') };
}

/** The fact-checks of --claims FILE, or why they cannot be read. */
export function readClaimsArg(argv: readonly string[]): FactCheckText[] | { error: string } {
  const i = argv.indexOf('--claims');
  const file = i >= 0 ? argv[i + 1] : undefined;
  if (!file)
    return { error: 'usage: npm run -s factchecks:rank -- --claims verified_claims.docs.tsv < queries.tsv' };
  let text: string;
  try {
    text = decodeUtf8(readFileSync(file));
  } catch (err) {
    const why =
      err instanceof TypeError ? 'not valid UTF-8' : err instanceof Error ? err.message : String(err);
    return { error: `cannot read ${file}: ${why}` };
  }
  try {
    return parseVerifiedClaims(text, file);
  } catch (err) {
    return { error: err instanceof Error ? err.message : String(err) };
  }
}

async function main(argv: string[]): Promise<void> {
  const factChecks = readClaimsArg(argv);
  if (!Array.isArray(factChecks)) {
    process.stderr.write(`factchecks:rank: ${factChecks.error}\n`);
    process.exitCode = 2;
    return;
  }
  const result = run(factChecks, await readStdin());
  if ('error' in result) {
    process.stderr.write(result.error);
    process.exitCode = result.code;
    return;
  }
  process.stdout.write(result.stdout);
}

runAsScript(import.meta.url, 'factchecks:rank', () => main(process.argv.slice(2)));
