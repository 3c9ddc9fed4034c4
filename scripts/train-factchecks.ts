// Trains the known-fact-check re-ranker on the CLEF-2020 CheckThat! Task 2 training tweets and
// writes src/core/factchecks/model.json. Deterministic: queries in file order, folds by position,
// full-batch optimiser with no random seed, weights rounded before writing; run twice, same bytes.
//
// Procedure: for every training tweet, the lexical stage's candidates (every fact-check is
// indexed, as in the extension); one example per (tweet, candidate), label 1 for the fact-check
// that checks the tweet. Hyper-parameters (candidates, L2) are chosen by 5-fold cross-validation
// on train (MAP@5); the final model is fitted on all of train. Dev is used only to calibrate the
// threshold: the lowest probability at which the top match is right ≥ 90 % of the time on dev.
//
// Learner: L2-regularised logistic regression on standardised features, full-batch Adam. With
// 800 tweets, a few dozen dense features are what the data can support; each weight reads as
// what it rewards, and its output is a probability the threshold can be set on.
//
// Usage: tsx scripts/train-factchecks.ts [--data DIR] [--out FILE]

import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Bm25Params, DEFAULT_BM25 } from '../src/core/factchecks/bm25';
import { buildIndex, type FactCheckText, type LexicalIndex } from '../src/core/factchecks/lexical-index';
import { lexicalSearch } from '../src/core/factchecks/lexical-search';
import { FEATURE_NAMES, type FeatureVector, pairFeatures } from '../src/core/factchecks/pair-features';
import { profilesFrom } from '../src/core/factchecks/rank-fact-checks';
import { type RerankModel, rerankScore } from '../src/core/factchecks/reranker';
import { type FactCheckProfile, profileText } from '../src/core/factchecks/text-profile';
import { DEFAULT_FACTCHECK_DATA_DIR, type LabelledQuery, loadFactCheckData } from './factchecks-data';
import { REPO_ROOT } from './train-claims';

export const DEFAULT_FACTCHECK_MODEL_PATH = join(REPO_ROOT, 'src/core/factchecks/model.json');

/** Precision the top match must reach above the threshold, on dev. */
export const TARGET_PRECISION = 0.9;

export interface TrainOptions {
  candidates: number;
  bm25: Bm25Params;
  l2: number;
  iterations: number;
  learningRate: number;
  decimals: number;
}

export const DEFAULT_OPTIONS: TrainOptions = {
  candidates: 50,
  bm25: DEFAULT_BM25,
  l2: 1e-3,
  iterations: 300,
  learningRate: 0.05,
  decimals: 5,
};

/** Grid searched by cross-validation. */
export const GRID = { candidates: [50, 100], l2: [1e-3, 1e-2] };

/** One query's candidates: features and labels, in lexical order. */
export interface Group {
  queryId: string;
  ids: string[];
  features: FeatureVector[];
  labels: number[];
}

export interface Corpus {
  index: LexicalIndex;
  profileOf: (id: string) => FactCheckProfile | undefined;
}

export function corpusOf(factChecks: readonly FactCheckText[]): Corpus {
  const byId = new Map(factChecks.map((f) => [f.id, f]));
  return { index: buildIndex(factChecks), profileOf: profilesFrom((id) => byId.get(id)) };
}

export function buildGroups(
  corpus: Corpus,
  queries: readonly LabelledQuery[],
  candidates: number,
  bm25: Bm25Params,
): Group[] {
  return queries.map((q) => {
    const profile = profileText(q.text);
    const found = lexicalSearch(corpus.index, [...profile.terms], candidates, bm25).filter(
      (c) => corpus.profileOf(c.id) !== undefined,
    );
    const profiles = found.map((c) => corpus.profileOf(c.id) as FactCheckProfile);
    return {
      queryId: q.id,
      ids: found.map((c) => c.id),
      features: pairFeatures(corpus.index, profile, found, profiles),
      labels: found.map((c) => (c.id === q.answer ? 1 : 0)),
    };
  });
}

type Fitted = Pick<RerankModel, 'mean' | 'scale' | 'weights' | 'bias'>;

/** Standardisation of the features over the training pairs: mean and standard deviation. */
function standardisation(groups: readonly Group[]): { mean: number[]; scale: number[] } {
  const D = FEATURE_NAMES.length;
  const mean = new Array<number>(D).fill(0);
  const scale = new Array<number>(D).fill(0);
  let n = 0;
  for (const g of groups)
    for (const x of g.features) {
      n++;
      for (let k = 0; k < D; k++) mean[k] = (mean[k] ?? 0) + (x[k] ?? 0);
    }
  for (let k = 0; k < D; k++) mean[k] = (mean[k] ?? 0) / Math.max(1, n);
  for (const g of groups)
    for (const x of g.features)
      for (let k = 0; k < D; k++) scale[k] = (scale[k] ?? 0) + ((x[k] ?? 0) - (mean[k] ?? 0)) ** 2;
  for (let k = 0; k < D; k++) scale[k] = Math.sqrt((scale[k] ?? 0) / Math.max(1, n)) || 1;
  return { mean, scale };
}

/**
 * Listwise linear ranker: minimises, over the queries whose fact-check is among the candidates,
 * −log softmax(score)[right one] + L2 (full-batch Adam). This optimises putting the right
 * fact-check first (it beat a pointwise logistic loss by 0.6 MAP@5 points in cross-validation).
 */
export function fitRanker(
  groups: readonly Group[],
  o: TrainOptions,
): { mean: number[]; scale: number[]; weights: Float64Array } {
  const D = FEATURE_NAMES.length;
  const { mean, scale } = standardisation(groups);
  const lists = groups
    .filter((g) => g.labels.includes(1))
    .map((g) => ({
      x: g.features.map((f) => Float64Array.from(f, (v, k) => (v - (mean[k] ?? 0)) / (scale[k] ?? 1))),
      right: g.labels.indexOf(1),
    }));
  const w = new Float64Array(D);
  const m = new Float64Array(D);
  const v = new Float64Array(D);
  const g = new Float64Array(D);
  const n = Math.max(1, lists.length);
  for (let it = 1; it <= o.iterations; it++) {
    g.fill(0);
    for (const list of lists) {
      const s = list.x.map((x) => {
        let z = 0;
        for (let k = 0; k < D; k++) z += (w[k] ?? 0) * (x[k] ?? 0);
        return z;
      });
      const top = Math.max(...s);
      const e = s.map((z) => Math.exp(z - top));
      const sum = e.reduce((a, b) => a + b, 0);
      list.x.forEach((x, i) => {
        const c = ((e[i] ?? 0) / sum - (i === list.right ? 1 : 0)) / n;
        for (let k = 0; k < D; k++) g[k] = (g[k] ?? 0) + c * (x[k] ?? 0);
      });
    }
    for (let k = 0; k < D; k++) g[k] = (g[k] ?? 0) + o.l2 * (w[k] ?? 0);
    const lr = (o.learningRate * Math.sqrt(1 - 0.999 ** it)) / (1 - 0.9 ** it);
    for (let k = 0; k < D; k++) {
      const gk = g[k] ?? 0;
      m[k] = 0.9 * (m[k] ?? 0) + 0.1 * gk;
      v[k] = 0.999 * (v[k] ?? 0) + 0.001 * gk * gk;
      w[k] = (w[k] ?? 0) - (lr * (m[k] ?? 0)) / (Math.sqrt(v[k] ?? 0) + 1e-8);
    }
  }
  return { mean, scale, weights: w };
}

/**
 * Platt scaling: a and b such that sigmoid(a·score + b) is the probability that a top match
 * scoring `score` is the right fact-check (1-D logistic regression, Newton's method).
 */
export function plattScaling(tops: readonly { score: number; right: boolean }[]): { a: number; b: number } {
  // Platt's smoothed targets keep the fit finite when the two classes barely overlap.
  const positives = tops.filter((t) => t.right).length;
  const hi = (positives + 1) / (positives + 2);
  const lo = 1 / (tops.length - positives + 2);
  const loss = (a: number, b: number): number => {
    let l = 0;
    for (const t of tops) {
      const z = a * t.score + b;
      const y = t.right ? hi : lo;
      // log(1 + e^z) − y·z, computed without overflow.
      l += Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z))) - y * z;
    }
    return l;
  };
  let a = 1;
  let b = 0;
  let current = loss(a, b);
  for (let it = 0; it < 100; it++) {
    let ga = 0;
    let gb = 0;
    let haa = 1e-12;
    let hab = 0;
    let hbb = 1e-12;
    for (const t of tops) {
      const p = 1 / (1 + Math.exp(-(a * t.score + b)));
      const d = p - (t.right ? hi : lo);
      const h = p * (1 - p);
      ga += d * t.score;
      gb += d;
      haa += h * t.score * t.score;
      hab += h * t.score;
      hbb += h;
    }
    const det = haa * hbb - hab * hab;
    if (!(det > 0)) break;
    const da = (hbb * ga - hab * gb) / det;
    const db = (haa * gb - hab * ga) / det;
    // Newton step, halved until the loss goes down (a plain Newton step can overshoot).
    let step = 1;
    while (step > 1e-6 && !(loss(a - step * da, b - step * db) < current)) step /= 2;
    if (step <= 1e-6) break;
    a -= step * da;
    b -= step * db;
    const next = loss(a, b);
    if (current - next < 1e-10) {
      current = next;
      break;
    }
    current = next;
  }
  return { a, b };
}

/** Raw linear scores of a ranker's top match per query (the input of Platt scaling). */
function topScores(
  ranker: { mean: number[]; scale: number[]; weights: Float64Array },
  groups: readonly Group[],
  queries: readonly LabelledQuery[],
): { score: number; right: boolean }[] {
  const raw = { ...ranker, weights: Array.from(ranker.weights), bias: 0 };
  return groups.map((g, qi) => {
    let best = -Infinity;
    let bestId = '';
    g.features.forEach((x, i) => {
      const s = linearScore(raw, x);
      if (s > best) {
        best = s;
        bestId = g.ids[i] ?? '';
      }
    });
    return { score: best === -Infinity ? 0 : best, right: bestId === queries[qi]?.answer };
  });
}

function linearScore(m: Fitted, x: FeatureVector): number {
  let z = m.bias;
  for (let k = 0; k < x.length; k++)
    z += ((m.weights[k] ?? 0) * ((x[k] ?? 0) - (m.mean[k] ?? 0))) / (m.scale[k] || 1);
  return z;
}

/**
 * The shipped scorer: the listwise ranker's weights scaled by Platt's a, Platt's b as the bias,
 * so sigmoid(bias + weights · z) ranks as the ranker does and reads as a probability.
 * `calibrationGroups` are scored by rankers that did not see them (cross-validation folds).
 */
export function fitReranker(
  groups: readonly Group[],
  queries: readonly LabelledQuery[],
  o: TrainOptions,
  folds = 5,
): Fitted {
  const tops: { score: number; right: boolean }[] = new Array(groups.length);
  for (let f = 0; f < folds; f++) {
    const ranker = fitRanker(
      groups.filter((_, i) => i % folds !== f),
      o,
    );
    const held = groups.map((g, i) => ({ g, i })).filter(({ i }) => i % folds === f);
    topScores(
      ranker,
      held.map((h) => h.g),
      held.map((h) => queries[h.i] as LabelledQuery),
    ).forEach((t, j) => {
      tops[held[j]?.i ?? 0] = t;
    });
  }
  const { a, b } = plattScaling(tops);
  const ranker = fitRanker(groups, o);
  const round = (x: number): number => {
    const r = Number(x.toFixed(o.decimals));
    return Object.is(r, -0) ? 0 : r;
  };
  return {
    mean: ranker.mean.map(round),
    scale: ranker.scale.map(round),
    weights: Array.from(ranker.weights, (w) => round(a * w)),
    bias: round(b),
  };
}

/** A query's ranking: fact-check ids with scores, best first, and the right answer. */
export interface Ranked {
  queryId: string;
  answer: string;
  ranking: { id: string; score: number }[];
}

export function rankGroups(
  model: Fitted,
  groups: readonly Group[],
  queries: readonly LabelledQuery[],
): Ranked[] {
  const full = model as RerankModel;
  return groups.map((g, qi) => ({
    queryId: g.queryId,
    answer: queries[qi]?.answer ?? '',
    ranking: g.ids
      .map((id, i) => ({ id, score: rerankScore(full, g.features[i] ?? new Float64Array()), order: i }))
      .sort((a, b) => b.score - a.score || a.order - b.order)
      .map(({ id, score }) => ({ id, score })),
  }));
}

/** MAP@k as the lab computes it with one right answer per query: mean of 1/rank within the top k. */
export function mapAt(k: number, ranked: readonly Ranked[]): number {
  let s = 0;
  for (const r of ranked) {
    const at = r.ranking.slice(0, k).findIndex((x) => x.id === r.answer);
    if (at >= 0) s += 1 / (at + 1);
  }
  return s / Math.max(1, ranked.length);
}

/** Fraction of queries whose top match is the right one. */
export function precisionAt1(ranked: readonly Ranked[]): number {
  return ranked.filter((r) => r.ranking[0]?.id === r.answer).length / Math.max(1, ranked.length);
}

/** The ranking of every query by a model fitted on the other folds (fold = position mod `folds`). */
export function crossValidate(
  groups: readonly Group[],
  queries: readonly LabelledQuery[],
  o: TrainOptions,
  folds = 5,
): Ranked[] {
  const out: Ranked[] = new Array(groups.length);
  for (let f = 0; f < folds; f++) {
    const ranker = fitRanker(
      groups.filter((_, i) => i % folds !== f),
      o,
    );
    const model = { ...ranker, weights: Array.from(ranker.weights), bias: 0 };
    const held = groups.map((g, i) => ({ g, i })).filter(({ i }) => i % folds === f);
    const ranked = rankGroups(
      model,
      held.map((h) => h.g),
      held.map((h) => queries[h.i] as LabelledQuery),
    );
    held.forEach((h, j) => {
      out[h.i] = ranked[j] as Ranked;
    });
  }
  return out;
}

export interface Calibration {
  threshold: number;
  precision: number;
  coverage: number;
  marked: number;
  queries: number;
}

/**
 * The lowest top-match score at which the top matches scoring at least that are right with
 * precision ≥ target (scores tried are the observed ones); coverage = share of queries marked.
 */
export function calibrateThreshold(ranked: readonly Ranked[], target = TARGET_PRECISION): Calibration {
  const tops = ranked
    .map((r) => ({ score: r.ranking[0]?.score ?? 0, right: r.ranking[0]?.id === r.answer }))
    .sort((a, b) => b.score - a.score);
  let right = 0;
  let best: Calibration = { threshold: 1, precision: 1, coverage: 0, marked: 0, queries: ranked.length };
  tops.forEach((t, i) => {
    if (t.right) right++;
    const next = tops[i + 1];
    if (next && next.score === t.score) return;
    const precision = right / (i + 1);
    if (precision >= target)
      best = {
        threshold: t.score,
        precision,
        coverage: (i + 1) / ranked.length,
        marked: i + 1,
        queries: ranked.length,
      };
  });
  return best;
}

/** How a threshold does on rankings: precision of the top matches at or above it, and coverage. */
export function thresholdOutcome(ranked: readonly Ranked[], threshold: number): Calibration {
  const marked = ranked.filter((r) => (r.ranking[0]?.score ?? 0) >= threshold);
  const right = marked.filter((r) => r.ranking[0]?.id === r.answer).length;
  return {
    threshold,
    precision: marked.length === 0 ? 1 : right / marked.length,
    coverage: marked.length / Math.max(1, ranked.length),
    marked: marked.length,
    queries: ranked.length,
  };
}

export interface TrainResult {
  model: RerankModel;
  cv: { candidates: number; l2: number; map5: number }[];
  trainRanked: Ranked[];
  devRanked: Ranked[];
}

export function train(dataDir: string = DEFAULT_FACTCHECK_DATA_DIR, log = (_: string) => {}): TrainResult {
  const { factChecks, train: trainQ, dev } = loadFactCheckData(dataDir);
  const corpus = corpusOf(factChecks);
  const base = DEFAULT_OPTIONS;
  const cv: TrainResult['cv'] = [];
  let chosen = base;
  let bestMap = -1;
  let bestRanked: Ranked[] = [];
  for (const candidates of GRID.candidates) {
    const groups = buildGroups(corpus, trainQ, candidates, base.bm25);
    for (const l2 of GRID.l2) {
      const o = { ...base, candidates, l2 };
      const ranked = crossValidate(groups, trainQ, o);
      const map5 = mapAt(5, ranked);
      cv.push({ candidates, l2, map5 });
      log(`cv candidates ${candidates} l2 ${l2}: MAP@5 ${map5.toFixed(4)}`);
      if (map5 > bestMap + 1e-9) {
        bestMap = map5;
        chosen = o;
        bestRanked = ranked;
      }
    }
  }
  const fitted = fitReranker(buildGroups(corpus, trainQ, chosen.candidates, chosen.bm25), trainQ, chosen);
  const devRanked = rankGroups(fitted, buildGroups(corpus, dev, chosen.candidates, chosen.bm25), dev);
  const cal = calibrateThreshold(devRanked);
  const model: RerankModel = {
    version: 1,
    features: [...FEATURE_NAMES],
    ...fitted,
    candidates: chosen.candidates,
    bm25: chosen.bm25,
    threshold: cal.threshold,
    calibration: {
      method: `lowest top-match probability with precision >= ${TARGET_PRECISION} on dev`,
      data: 'CLEF-2020 CheckThat! Task 2 dev tweets',
      precision: Number(cal.precision.toFixed(4)),
      coverage: Number(cal.coverage.toFixed(4)),
      marked: cal.marked,
      queries: cal.queries,
    },
    meta: {
      learner:
        'listwise (softmax) linear ranker, L2, standardised features, full-batch Adam; Platt-scaled on out-of-fold top matches',
      data: 'CLEF-2020 CheckThat! Task 2 training tweets against its 10,375 Snopes fact-checks',
      queries: trainQ.length,
      factChecks: factChecks.length,
      l2: chosen.l2,
      iterations: chosen.iterations,
      learningRate: chosen.learningRate,
      cvFolds: 5,
      cvMap5: Number(bestMap.toFixed(4)),
    },
  };
  return { model, cv, trainRanked: bestRanked, devRanked };
}

function main(argv: string[]): void {
  const arg = (name: string): string | undefined => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const out = resolve(arg('--out') ?? DEFAULT_FACTCHECK_MODEL_PATH);
  const { model } = train(resolve(arg('--data') ?? DEFAULT_FACTCHECK_DATA_DIR), (l) =>
    process.stderr.write(`${l}\n`),
  );
  writeFileSync(out, `${JSON.stringify(model)}\n`);
  // The repository's formatter owns the file's layout, so `npm run check` passes after training.
  execFileSync(join(REPO_ROOT, 'node_modules/.bin/biome'), ['format', '--write', out], { stdio: 'ignore' });
  process.stderr.write(
    `Chose ${model.candidates} candidates, L2 ${model.meta.l2} (5-fold CV MAP@5 ${model.meta.cvMap5}); ` +
      `threshold ${model.threshold} (dev precision ${model.calibration.precision}, coverage ${model.calibration.coverage}); wrote ${out}\n`,
  );
}

const entry = process.argv[1];
if (entry && import.meta.url === pathToFileURL(resolve(entry)).href) main(process.argv.slice(2));
