// Paints claims with the CSS Custom Highlight API: one Highlight per verdict, styled by
// ::highlight() rules in highlights.css (injected as content.css). The page's DOM is never
// touched. Also answers "which claim is under this point" for hover and click.
import type { Paint } from '../core/model';

const highlightName = (paint: Paint) => `factmark-${paint}`;
const PULSE = 'factmark-pulse';
/** Check-worthy sentences (not claims): a dotted underline, below every claim highlight. */
const CHECKWORTHY = 'factmark-checkworthy';
/** Sentences a subscribed fact-check checked before: above check-worthy marks, below claims. */
const FACTCHECKED = 'factmark-factchecked';

export type Layer = 'claims' | 'corrections';

export interface Painted {
  id: string;
  paint: Paint;
  range: Range;
}

export function highlightsSupported(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';
}

type PointHit = { highlight: Highlight; ranges: AbstractRange[] };
type HighlightsFromPoint = (x: number, y: number) => PointHit[];

export class Highlighter {
  private painted: Painted[] = [];
  private byRange = new Map<AbstractRange, string>();
  private pulseTimer: ReturnType<typeof setTimeout> | undefined;
  // Claims and corrections are priority 0. A priority is a whole number, so check-worthy marks
  // step down to -2 to leave fact-checked sentences a place between the two.
  private marks = new SentenceLayer(CHECKWORTHY, -2);
  private factChecks = new SentenceLayer(FACTCHECKED, -1);
  /** One Highlight per paint, kept for the page's life and changed range by range. */
  private highlights = new Map<Paint, Highlight>();

  /** Painted entries by layer: saved claims, and corrections found by built-in checks. */
  private layers = new Map<Layer, Painted[]>();
  private pulseHighlight: Highlight | undefined;
  private disposed = false;

  /**
   * Replaces every entry painted in `layer` (saved claims by default) with `entries`. Only the
   * difference reaches the page: ranges that stay (same Range objects) are left alone, so a
   * change to one paragraph costs one delete and one add, and nothing piles up.
   */
  paint(entries: Painted[], layer: Layer = 'claims'): void {
    if (this.disposed) return;
    const before = this.layers.get(layer) ?? [];
    const keep = new Set(entries.map((entry) => entry.range));
    const had = new Set(before.map((entry) => entry.range));
    const touched = new Set<Paint>();
    for (const entry of before) {
      if (keep.has(entry.range)) continue;
      this.highlights.get(entry.paint)?.delete(entry.range);
      touched.add(entry.paint);
    }
    for (const entry of entries) {
      if (had.has(entry.range)) continue;
      let highlight = this.highlights.get(entry.paint);
      if (!highlight) {
        highlight = new Highlight();
        this.highlights.set(entry.paint, highlight);
      }
      highlight.add(entry.range);
      touched.add(entry.paint);
    }
    this.layers.set(layer, entries);
    this.painted = [...this.layers.values()].flat();
    this.byRange = new Map(this.painted.map((entry) => [entry.range, entry.id]));
    for (const paint of touched) {
      const highlight = this.highlights.get(paint);
      const name = highlightName(paint);
      // An empty highlight is unregistered, so the page's registry lists only what is painted.
      if (!highlight || highlight.size === 0) CSS.highlights.delete(name);
      else if (CSS.highlights.get(name) !== highlight) CSS.highlights.set(name, highlight);
    }
  }

  /** How many ranges are painted in all (for the leak check: they must not pile up). */
  get size(): number {
    return this.painted.length;
  }

  clear(): void {
    for (const layer of [...this.layers.keys()]) this.paint([], layer);
    CSS.highlights.delete(PULSE);
    this.paintMarks([]);
    this.paintFactChecks([]);
  }

  rangeOf(id: string): Range | undefined {
    return this.painted.find((entry) => entry.id === id)?.range;
  }

  /**
   * Unregisters every highlight this painter registered, and paints nothing after. Only its own:
   * a newer content script (the extension was updated) may have registered the same names.
   */
  dispose(): void {
    this.disposed = true;
    clearTimeout(this.pulseTimer);
    for (const [paint, highlight] of this.highlights) unregister(highlightName(paint), highlight);
    if (this.pulseHighlight) unregister(PULSE, this.pulseHighlight);
    this.marks.dispose();
    this.factChecks.dispose();
  }

  /** Briefly emphasises one claim's highlight, so the reader sees where it is. */
  pulse(id: string, ms = 1600): void {
    const range = this.rangeOf(id);
    if (!range || this.disposed) return;
    clearTimeout(this.pulseTimer);
    const pulse = new Highlight(range);
    pulse.priority = 1; // above the verdict colours
    this.pulseHighlight = pulse;
    CSS.highlights.set(PULSE, pulse);
    this.pulseTimer = setTimeout(() => unregister(PULSE, pulse), ms);
  }

  /** Replaces the check-worthy sentence marks (their own highlight; claims paint over them). */
  paintMarks(ranges: Range[]): void {
    if (!this.disposed) this.marks.paint(ranges);
  }

  /** The check-worthy mark under a viewport point, if any. */
  markAt(x: number, y: number): Range | undefined {
    return this.marks.at(x, y);
  }

  /** Replaces the fact-checked sentence marks (over check-worthy marks, under claims). */
  paintFactChecks(ranges: Range[]): void {
    if (this.disposed) return;
    this.factChecks.paint(ranges);
  }

  /** The fact-checked sentence under a viewport point, if any. */
  factCheckAt(x: number, y: number): Range | undefined {
    return this.factChecks.at(x, y);
  }

  /**
   * Claims and corrections painted and shown, in reading order: top to bottom, then left to
   * right (by their first line box, which also orders ranges inside a page's shadow roots).
   */
  inReadingOrder(): Painted[] {
    const placed: { entry: Painted; top: number; left: number }[] = [];
    for (const entry of this.painted) {
      const box = entry.range.getClientRects()[0];
      if (box) placed.push({ entry, top: Math.round(box.top), left: box.left });
    }
    return placed.sort((a, b) => a.top - b.top || a.left - b.left).map((p) => p.entry);
  }

  /** The ids of the claims painted under a viewport point, topmost first. */
  claimsAt(x: number, y: number): string[] {
    if (this.painted.length === 0) return [];
    const fromPoint = (CSS.highlights as unknown as { highlightsFromPoint?: HighlightsFromPoint })
      .highlightsFromPoint;
    if (typeof fromPoint === 'function') {
      const ids: string[] = [];
      for (const hit of fromPoint.call(CSS.highlights, x, y)) {
        for (const range of hit.ranges) {
          const id = this.byRange.get(range);
          if (id && !ids.includes(id)) ids.push(id);
        }
      }
      return ids;
    }
    return this.claimsAtCaret(x, y);
  }

  private claimsAtCaret(x: number, y: number): string[] {
    const caret = caretAt(x, y);
    if (!caret) return [];
    const ids: string[] = [];
    for (const entry of this.painted) {
      if (entry.range.isPointInRange(caret.node, caret.offset) && hitsRect(entry.range, x, y))
        ids.push(entry.id);
    }
    return ids;
  }
}

/** Whole sentences painted as one highlight of their own, replaced together, and hit-tested. */
class SentenceLayer {
  private ranges: Range[] = [];
  private set = new Set<AbstractRange>();
  private highlight: Highlight | undefined;

  constructor(
    private readonly name: string,
    private readonly priority: number,
  ) {}

  paint(ranges: Range[]): void {
    this.ranges = ranges;
    this.set = new Set(ranges);
    if (ranges.length === 0) return void this.dispose();
    const highlight = new Highlight(...ranges);
    highlight.priority = this.priority;
    this.highlight = highlight;
    CSS.highlights.set(this.name, highlight);
  }

  dispose(): void {
    if (this.highlight) unregister(this.name, this.highlight);
    this.highlight = undefined;
  }

  at(x: number, y: number): Range | undefined {
    if (this.ranges.length === 0) return undefined;
    const fromPoint = (CSS.highlights as unknown as { highlightsFromPoint?: HighlightsFromPoint })
      .highlightsFromPoint;
    if (typeof fromPoint === 'function') {
      for (const hit of fromPoint.call(CSS.highlights, x, y)) {
        for (const range of hit.ranges) if (this.set.has(range)) return range as Range;
      }
      return undefined;
    }
    const caret = caretAt(x, y);
    if (!caret) return undefined;
    return this.ranges.find(
      (range) => range.isPointInRange(caret.node, caret.offset) && hitsRect(range, x, y),
    );
  }
}

/** Removes `name` from the page's registry if it still holds `highlight` (and not a newer script's). */
function unregister(name: string, highlight: Highlight): void {
  if (CSS.highlights.get(name) === highlight) CSS.highlights.delete(name);
}

function caretAt(x: number, y: number): { node: Node; offset: number } | null {
  const doc = document as Document & {
    caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
    caretRangeFromPoint?: (x: number, y: number) => Range | null;
  };
  if (typeof doc.caretPositionFromPoint === 'function') {
    const position = doc.caretPositionFromPoint(x, y);
    return position ? { node: position.offsetNode, offset: position.offset } : null;
  }
  if (typeof doc.caretRangeFromPoint === 'function') {
    const range = doc.caretRangeFromPoint(x, y);
    return range ? { node: range.startContainer, offset: range.startOffset } : null;
  }
  return null;
}

/** The caret snaps to the nearest character; only count a hit when the point is on the text. */
function hitsRect(range: Range, x: number, y: number): boolean {
  for (const rect of range.getClientRects()) {
    if (x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom) return true;
  }
  return false;
}
