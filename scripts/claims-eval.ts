// Leave-one-debate-out cross-validation of the claim detector on the CheckThat! 2019 Task 1
// training debates: for each debate, train on the other 18 with the same procedure (and pruning)
// as `npm run train:claims`, rank the held-out debate with `scoreSentences` (the code path of the
// content script and `claims:score`), and compute its average precision, P@5 and P@10.
// Prints a per-debate table and the means; MAP is the mean over debates of average precision.
//
// Usage: tsx scripts/claims-eval.ts [--data DIR]

import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { scoreSentences } from '../src/core/detect/score';
import { DEFAULT_DATA_DIR, type Debate, loadDebates, type TrainOptions, trainModel } from './train-claims';

/** Ranks by score, highest first; ties keep document order (so a constant scorer gets no luck). */
export function rank(scores: readonly number[]): number[] {
  return scores
    .map((s, i) => ({ s, i }))
    .sort((a, b) => b.s - a.s || a.i - b.i)
    .map((x) => x.i);
}

/** Average precision of a ranking: the mean of precision at the rank of each positive. */
export function averagePrecision(scores: readonly number[], labels: readonly number[]): number {
  const order = rank(scores);
  let hits = 0;
  let sum = 0;
  order.forEach((i, r) => {
    if (labels[i] === 1) {
      hits++;
      sum += hits / (r + 1);
    }
  });
  const positives = labels.filter((l) => l === 1).length;
  return positives === 0 ? 0 : sum / positives;
}

/** Precision among the k best-scored sentences. */
export function precisionAt(k: number, scores: readonly number[], labels: readonly number[]): number {
  const top = rank(scores).slice(0, k);
  return top.filter((i) => labels[i] === 1).length / k;
}

export interface FoldResult {
  name: string;
  sentences: number;
  positives: number;
  ap: number;
  p5: number;
  p10: number;
}

export function crossValidate(debates: readonly Debate[], options: Partial<TrainOptions> = {}): FoldResult[] {
  return debates.map((held, i) => {
    const model = trainModel(
      debates.filter((_, j) => j !== i),
      options,
    );
    const scores = scoreSentences(held.sentences, model);
    return {
      name: held.name,
      sentences: held.sentences.length,
      positives: held.labels.filter((l) => l === 1).length,
      ap: averagePrecision(scores, held.labels),
      p5: precisionAt(5, scores, held.labels),
      p10: precisionAt(10, scores, held.labels),
    };
  });
}

export function summarise(results: readonly FoldResult[]): { map: number; p5: number; p10: number } {
  const mean = (f: (r: FoldResult) => number): number =>
    results.reduce((s, r) => s + f(r), 0) / Math.max(1, results.length);
  return { map: mean((r) => r.ap), p5: mean((r) => r.p5), p10: mean((r) => r.p10) };
}

function main(argv: string[]): void {
  const i = argv.indexOf('--data');
  const dir = resolve((i >= 0 ? argv[i + 1] : undefined) ?? DEFAULT_DATA_DIR);
  const debates = loadDebates(dir);
  const started = Date.now();
  const results = crossValidate(debates);
  const pad = Math.max(...results.map((r) => r.name.length), 6);
  const lines = [
    `Leave-one-debate-out cross-validation on ${debates.length} debates (${dir})`,
    '',
    `${'debate'.padEnd(pad)}  sentences  positives      AP    P@5   P@10`,
  ];
  for (const r of results) {
    lines.push(
      `${r.name.padEnd(pad)}  ${String(r.sentences).padStart(9)}  ${String(r.positives).padStart(9)}  ` +
        `${r.ap.toFixed(4)}  ${r.p5.toFixed(2).padStart(5)}  ${r.p10.toFixed(2).padStart(5)}`,
    );
  }
  const s = summarise(results);
  lines.push('');
  lines.push(`MAP  ${s.map.toFixed(4)}`);
  lines.push(`P@5  ${s.p5.toFixed(4)}`);
  lines.push(`P@10 ${s.p10.toFixed(4)}`);
  lines.push(`(${((Date.now() - started) / 1000).toFixed(1)} s)`);
  process.stdout.write(`${lines.join('\n')}\n`);
}

const entry = process.argv[1];
if (entry && import.meta.url === pathToFileURL(resolve(entry)).href) main(process.argv.slice(2));
