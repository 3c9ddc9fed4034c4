// Marks the sentences of the article body most worth checking: takes the body's sentences (the
// refresh's one read, shared with fact-check matching: article-body.ts), asks whether the detector
// knows the page's language, has them scored in the background (the model lives there: no page
// parses or compiles it), keeps the best few — at most MAX_PER_SCREEN per viewport height — and
// paints them as one `factmark-checkworthy` highlight.
// Not a verdict and not a claim: nothing is stored; the reader may flag a mark as a claim.
import { isSupportedLanguage } from '../core/detect/language';
import { explain } from '../core/detect/reasons';
import { type Sensitivity, selectClaims } from '../core/detect/selection';
import { DETECT_LIMITS, type DetectionStatus } from '../messages';
import type { ArticleText } from './article-body';
import type { Highlighter } from './highlighter';

/** The longest a slice of page work aims to run before handing the thread back to the page. */
const SLICE_MS = 6;
/** At most this many marks in any stretch of the page one viewport high. */
const MAX_PER_SCREEN = 3;

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

/** Scores a document's sentences (the background's `detect/score`). */
export type ScoreSentences = (sentences: string[]) => Promise<number[]>;

/**
 * What one page sends to be scored: its first sentences within the message's bounds, each cut at
 * its character bound. Sentences past the bound are not scored (and so never marked).
 */
export function scoringRequest(texts: readonly string[]): string[] {
  return texts.slice(0, DETECT_LIMITS.sentences).map((text) => text.slice(0, DETECT_LIMITS.chars));
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

  constructor(
    private readonly highlighter: Highlighter,
    private readonly prefs: () => Promise<DetectionPrefs>,
    private readonly score: ScoreSentences,
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
      scores = await this.score(scoringRequest(texts));
      if (stale()) return;
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
