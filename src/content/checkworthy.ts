// Marks the sentences of the article body most worth checking: takes the body's sentences (the
// refresh's one read, shared with fact-check matching: article-body.ts), asks whether the detector
// knows the page's language, scores the sentences in short time slices (the page stays responsive:
// no slice runs longer than about SLICE_MS), keeps the best few — at most MAX_PER_SCREEN per
// viewport height — and paints them as one `factmark-checkworthy` highlight.
// Not a verdict and not a claim: nothing is stored; the reader may flag a mark as a claim.
import {
  DEFAULT_MODEL,
  explain,
  isSupportedLanguage,
  type Sensitivity,
  scoreLogits,
  selectClaims,
} from '../core/detect';
import type { DetectionStatus } from '../messages';
import type { ArticleText } from './article-body';
import type { Highlighter } from './highlighter';

/** The longest a slice of scoring aims to run before handing the thread back to the page. */
const SLICE_MS = 6;
/** At most this many marks in any stretch of the page one viewport high. */
const MAX_PER_SCREEN = 3;

/** How a scoring run went: how many slices, the longest one, and the one-off first call. */
export interface SliceStats {
  slices: number;
  /** Longest single slice, ms. */
  longestMs: number;
  /** Sum of the slices, ms (the time the page's thread was busy scoring). */
  busyMs: number;
  /** The first call into the detector (compiles the model), ms. */
  firstCallMs: number;
}

/** Waits for the next chance to run and answers how many ms that slice may take. */
export type NextSlice = () => Promise<number>;

/** An idle callback where the browser has one, else a macrotask; the budget is at most SLICE_MS. */
export const nextSlice: NextSlice = () =>
  typeof requestIdleCallback === 'function'
    ? new Promise((resolve) =>
        requestIdleCallback(
          (deadline) => resolve(Math.max(3, Math.min(SLICE_MS, deadline.timeRemaining()))),
          {
            timeout: 250,
          },
        ),
      )
    : new Promise((resolve) => setTimeout(() => resolve(SLICE_MS), 0));

const POSITION_WEIGHT = DEFAULT_MODEL.dense.weights[DEFAULT_MODEL.dense.names.indexOf('position')] ?? 0;

/**
 * The detector's scores (as `scoreSentences` gives them) for a whole document, computed a chunk
 * of sentences at a time across slices. Each chunk is scored with one sentence of context on each
 * side, so its neighbour features are the document's own; only the position feature differs,
 * and is corrected. Answers null when `cancelled()` turns true between slices.
 */
export async function scoreInSlices(
  sentences: readonly string[],
  next: NextSlice = nextSlice,
  cancelled: () => boolean = () => false,
): Promise<{ scores: number[]; stats: SliceStats } | null> {
  const n = sentences.length;
  const logits = new Array<number>(n).fill(0);
  const stats: SliceStats = { slices: 0, longestMs: 0, busyMs: 0, firstCallMs: 0 };
  let done = 0;
  /** ms per sentence, as last measured (a cautious first guess: the first chunk is cold). */
  let cost = 0.5;
  let first = true;
  /** Chunks grow at most twofold, so a misjudged cost (cold code) cannot overrun a slice by much. */
  let size = 4;
  while (done < n) {
    const budget = await next();
    if (cancelled()) return null;
    const t0 = performance.now();
    if (first) {
      // The first call compiles the model: a slice of its own, with one sentence.
      scoreLogits(sentences.slice(0, 1));
      first = false;
      stats.firstCallMs = performance.now() - t0;
    } else {
      do {
        const left = budget - (performance.now() - t0);
        size = Math.max(1, Math.min(n - done, Math.floor((left * 0.6) / cost) - 2, size * 2, 400));
        const c0 = performance.now();
        scoreChunk(sentences, done, done + size, logits);
        cost = Math.max(0.002, (performance.now() - c0) / (size + 2));
        done += size;
      } while (done < n && performance.now() - t0 + cost * 8 < budget);
    }
    const took = performance.now() - t0;
    stats.slices++;
    stats.busyMs += took;
    stats.longestMs = Math.max(stats.longestMs, took);
  }
  const scores = logits.map((z, i) => ((sentences[i] ?? '').trim() === '' ? 0 : 1 / (1 + Math.exp(-z))));
  return { scores, stats };
}

/** Logits of sentences [from, to) of the document, into `out`. */
function scoreChunk(sentences: readonly string[], from: number, to: number, out: number[]): void {
  const n = sentences.length;
  const lo = Math.max(0, from - 1);
  const hi = Math.min(n, to + 1);
  const z = scoreLogits(sentences.slice(lo, hi));
  const m = hi - lo;
  for (let i = from; i < to; i++) {
    const j = i - lo;
    const local = m > 1 ? j / (m - 1) : 0;
    const global = n > 1 ? i / (n - 1) : 0;
    out[i] = (z[j] ?? 0) + POSITION_WEIGHT * (global - local);
  }
}

/** What a mark offers on hover: the sentence and why it may be worth checking. */
export interface MarkInfo {
  range: Range;
  text: string;
  reasons: string[];
}

interface Mark {
  range: Range;
  text: string;
}

/** What the content script needs to know of the settings. */
export interface DetectionPrefs {
  enabled: boolean;
  sensitivity: Sensitivity;
}

export class CheckWorthy {
  private run = 0;
  private current: DetectionStatus = { kind: 'working' };
  private marks: Mark[] = [];
  private cache: { key: string; scores: number[] } | null = null;
  /** Timings of the last scoring run. */
  lastStats: SliceStats | null = null;

  constructor(
    private readonly highlighter: Highlighter,
    private readonly prefs: () => Promise<DetectionPrefs>,
  ) {}

  status(): DetectionStatus {
    return this.current;
  }

  /**
   * Reads the settings again, then marks the page afresh or clears the marks. `article` is this
   * refresh's read of the article body (shared with fact-check matching); asked only when on.
   */
  async refresh(article: () => Promise<ArticleText>): Promise<void> {
    const run = ++this.run;
    const stale = () => run !== this.run;
    const prefs = await this.prefs();
    if (stale()) return;
    if (!prefs.enabled) return this.show({ kind: 'off' }, []);
    if (this.current.kind !== 'on') this.current = { kind: 'working' };

    const { index, sentences } = await article();
    if (stale()) return;
    if (sentences.length === 0) return this.show({ kind: 'not-available', reason: 'no-text' }, []);
    const texts = sentences.map((s) => s.text);
    if (!languageSupported(texts)) return this.show({ kind: 'not-available', reason: 'language' }, []);

    const key = texts.join('\n');
    let scores = this.cache?.key === key ? this.cache.scores : null;
    if (!scores) {
      const scored = await scoreInSlices(texts, nextSlice, stale);
      if (!scored) return;
      scores = scored.scores;
      this.lastStats = scored.stats;
      this.cache = { key, scores };
    }

    await nextSlice(); // choosing and painting reads the layout: a slice of its own
    if (stale()) return;
    const ranked = selectClaims(scores, prefs.sensitivity).sort(
      (a, b) => (scores[b] ?? 0) - (scores[a] ?? 0) || a - b,
    );
    const placed: { mark: Mark; top: number; at: number }[] = [];
    const tops: number[] = [];
    for (const i of ranked) {
      const sentence = sentences[i];
      const range = sentence && index.rangeFor(sentence.start, sentence.end);
      const rect = range?.getClientRects()[0];
      if (!sentence || !range || !rect) continue; // gone, or not displayed
      const top = rect.top + window.scrollY;
      if (!roomFor(tops, top, window.innerHeight, MAX_PER_SCREEN)) continue;
      tops.push(top);
      placed.push({ mark: { range, text: sentence.text }, top, at: i });
    }
    placed.sort((a, b) => a.at - b.at);
    this.show(
      { kind: 'on', marked: placed.length },
      placed.map((p) => p.mark),
    );
  }

  /** The mark under a viewport point, with the reasons to show. */
  at(x: number, y: number): MarkInfo | undefined {
    const range = this.highlighter.markAt(x, y);
    const mark = range && this.marks.find((m) => m.range === range);
    return mark ? { ...mark, reasons: explain(mark.text) } : undefined;
  }

  private show(status: DetectionStatus, marks: Mark[]): void {
    this.current = status;
    this.marks = marks;
    this.highlighter.paintMarks(marks.map((m) => m.range));
  }
}

/**
 * Whether one more mark at `top` keeps every stretch of the page `height` high at `max` marks or
 * fewer: no `max + 1` marks, the new one among them, may fit within one such stretch.
 */
export function roomFor(tops: readonly number[], top: number, height: number, max: number): boolean {
  const near = tops.filter((t) => Math.abs(t - top) < height);
  if (near.length < max) return true;
  const all = [...near, top].sort((a, b) => a - b);
  for (let i = 0; i + max < all.length; i++) {
    const group = all.slice(i, i + max + 1);
    if (group.includes(top) && (all[i + max] ?? 0) - (all[i] ?? 0) < height) return false;
  }
  return true;
}

/** The page's declared language (if any) and a sample of its article text must both be ones the detector knows. */
function languageSupported(texts: readonly string[]): boolean {
  const declared = document.documentElement.lang.trim();
  if (declared !== '' && !isSupportedLanguage(declared)) return false;
  let sample = '';
  for (const text of texts) {
    if (sample.length > 2000) break;
    sample += `${text} `;
  }
  return isSupportedLanguage(sample);
}
