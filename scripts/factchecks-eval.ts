// `npm run factchecks:eval`: how well the known-fact-check ranking does, on the CLEF-2020
// CheckThat! Task 2 data (10,375 Snopes fact-checks).
// - train: 5-fold cross-validation with the shipped model's settings (each tweet ranked by a
//   re-ranker that did not see it), next to the lexical stage alone;
// - dev: the shipped model through `rankFactChecks` (the extension's code path);
// - the shipped threshold on dev: precision of the top match above it, and coverage;
// - unrelated text: sentences of the 12 corpus news pages against the same fact-checks, and how
//   many of them the threshold would mark;
// - the lexical stage's speed: 500 page sentences against 103,750 fact-checks (each one ten times).
//
// Usage: tsx scripts/factchecks-eval.ts [--data DIR]

import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { splitSentences } from '../src/core/detect/sentences';
import { analyseText } from '../src/core/factchecks/analyse-text';
import { addToIndex, buildIndex, type FactCheckText } from '../src/core/factchecks/lexical-index';
import { lexicalSearch } from '../src/core/factchecks/lexical-search';
import { FACTCHECK_MODEL } from '../src/core/factchecks/model';
import { isFactCheckedBefore, rankFactChecks } from '../src/core/factchecks/rank-fact-checks';
import { DEFAULT_FACTCHECK_DATA_DIR, type LabelledQuery, loadFactCheckData } from './factchecks-data';
import { sharedPath } from './shared-dir.mjs';
import {
  buildGroups,
  corpusOf,
  crossValidate,
  DEFAULT_OPTIONS,
  mapAt,
  precisionAt1,
  type Ranked,
  thresholdOutcome,
} from './train-factchecks';

function metrics(ranked: readonly Ranked[]): string {
  return (
    `MAP@1 ${mapAt(1, ranked).toFixed(4)}  MAP@3 ${mapAt(3, ranked).toFixed(4)}  ` +
    `MAP@5 ${mapAt(5, ranked).toFixed(4)}  P@1 ${precisionAt1(ranked).toFixed(4)}`
  );
}

/** The paragraphs' text of a saved news page (<p> elements, tags dropped, common entities decoded). */
export function paragraphsOf(html: string): string[] {
  const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };
  const body = html.replace(/<(script|style|noscript|template)\b[\s\S]*?<\/\1\s*>/gi, '');
  return [...body.matchAll(/<p\b[^>]*>([\s\S]*?)<\/p\s*>/gi)].map((m) =>
    (m[1] ?? '')
      .replace(/<[^>]*>/g, '')
      .replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (e, n: string) =>
        n[0] === '#'
          ? String.fromCodePoint(n[1] === 'x' ? Number.parseInt(n.slice(2), 16) : Number(n.slice(1)))
          : (entities[n.toLowerCase()] ?? e),
      )
      .replace(/\s+/g, ' ')
      .trim(),
  );
}

/** Sentences of a page's paragraphs with at least four words. */
export function pageSentences(html: string): string[] {
  return paragraphsOf(html).flatMap((p) =>
    splitSentences(p)
      .map((s) => p.slice(s.start, s.end))
      .filter((s) => s.split(/\s+/).length >= 4),
  );
}

function main(argv: string[]): void {
  const i = argv.indexOf('--data');
  const dir = resolve((i >= 0 ? argv[i + 1] : undefined) ?? DEFAULT_FACTCHECK_DATA_DIR);
  const started = Date.now();
  const model = FACTCHECK_MODEL;
  const { factChecks, train, dev } = loadFactCheckData(dir);
  const corpus = corpusOf(factChecks);
  const out: string[] = [
    `Known fact-checks: ${factChecks.length} fact-checks, ${train.length} train and ${dev.length} dev tweets (${dir})`,
    '',
  ];

  const lexical = (queries: readonly LabelledQuery[]): Ranked[] =>
    queries.map((q) => ({
      queryId: q.id,
      answer: q.answer,
      ranking: lexicalSearch(corpus.index, analyseText(q.text).terms, 5, model.bm25).map((c) => ({
        id: c.id,
        score: c.score,
      })),
    }));
  const options = {
    ...DEFAULT_OPTIONS,
    candidates: model.candidates,
    bm25: model.bm25,
    l2: Number(model.meta.l2),
  };
  const trainGroups = buildGroups(corpus, train, options.candidates, options.bm25);
  out.push(`train, lexical stage alone (BM25F)       ${metrics(lexical(train))}`);
  out.push(`train, re-ranked, 5-fold cross-validated ${metrics(crossValidate(trainGroups, train, options))}`);
  out.push(`dev,   lexical stage alone (BM25F)       ${metrics(lexical(dev))}`);
  const ranker = { index: corpus.index, model, profileOf: corpus.profileOf };
  const devRanked: Ranked[] = dev.map((q) => ({
    queryId: q.id,
    answer: q.answer,
    ranking: rankFactChecks(ranker, q.text, 5),
  }));
  out.push(`dev,   re-ranked (shipped model)         ${metrics(devRanked)}`);
  const t = thresholdOutcome(devRanked, model.threshold);
  out.push('');
  out.push(
    `threshold ${model.threshold.toFixed(4)} on dev: ${t.marked} of ${t.queries} tweets marked ` +
      `(coverage ${t.coverage.toFixed(4)}), top match right for ${(t.precision * 100).toFixed(1)} % of them`,
  );

  out.push('', 'Unrelated text: corpus news pages against the same fact-checks');
  const pagesDir = sharedPath('corpus', 'news');
  let marks = 0;
  let pages = 0;
  const allSentences: string[] = [];
  for (const file of readdirSync(pagesDir).sort()) {
    const sentences = pageSentences(readFileSync(join(pagesDir, file), 'utf8'));
    allSentences.push(...sentences);
    const marked = sentences.filter((s) => isFactCheckedBefore(rankFactChecks(ranker, s, 1)[0], model));
    marks += marked.length;
    pages++;
    out.push(
      `  ${file.padEnd(18)} ${String(sentences.length).padStart(4)} sentences, ${marked.length} marked`,
    );
    for (const s of marked) out.push(`      marked: ${s.slice(0, 100)}`);
  }
  out.push(`  mean marks per page: ${(marks / Math.max(1, pages)).toFixed(2)}`);

  const big: FactCheckText[] = [];
  for (let copy = 0; copy < 10; copy++) for (const f of factChecks) big.push({ ...f, id: `${f.id}/${copy}` });
  const built = Date.now();
  const bigIndex = addToIndex(buildIndex(big.slice(0, 50_000)), big.slice(50_000));
  const indexMs = Date.now() - built;
  const sentences = Array.from({ length: 500 }, (_, k) => allSentences[k % allSentences.length] ?? '');
  const queryTerms = sentences.map((s) => analyseText(s).terms);
  // Wall time and CPU time: on a machine shared with other jobs, CPU time is the fairer figure.
  const runs: { wall: number; cpu: number }[] = [];
  for (let r = 0; r < 5; r++) {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    for (const q of queryTerms) lexicalSearch(bigIndex, q, model.candidates, model.bm25);
    const c = process.cpuUsage(c0);
    runs.push({ wall: performance.now() - t0, cpu: (c.user + c.system) / 1000 });
  }
  const median = (f: (r: { wall: number; cpu: number }) => number): string =>
    (runs.map(f).sort((a, b) => a - b)[2] ?? 0).toFixed(1);
  out.push(
    '',
    `Lexical stage speed: 500 page sentences against ${big.length} fact-checks (indexed in ${indexMs} ms): ` +
      `median ${median((r) => r.wall)} ms wall, ${median((r) => r.cpu)} ms CPU for all 500 (top ${model.candidates} each), ` +
      'text analysis excluded',
  );
  out.push(`(${((Date.now() - started) / 1000).toFixed(1)} s)`);
  process.stdout.write(`${out.join('\n')}\n`);
}

const entry = process.argv[1];
if (entry && import.meta.url === pathToFileURL(resolve(entry)).href) main(process.argv.slice(2));
