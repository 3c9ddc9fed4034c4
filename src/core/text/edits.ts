// Keeping offsets into a page's text valid while the page changes: an edit replaces
// text[start, oldEnd) with newLength characters. Spans (matches, anchored claims) after an edit
// move with it; spans that touch it are dropped and found again by re-scanning only the edited
// text plus a margin. Pure: no DOM.

/** text[start, oldEnd) was replaced by `newLength` characters (offsets before the edit). */
export interface Edit {
  start: number;
  oldEnd: number;
  newLength: number;
}

/** A half-open stretch of text [start, end). */
export interface Interval {
  start: number;
  end: number;
}

/**
 * Whether a span is touched by an edit. Closed on both sides: a match that ends right where text
 * was inserted may no longer end at a word boundary ("face" + "s"), so it must be checked again.
 */
export function touches(span: Interval, edit: Edit): boolean {
  return span.end >= edit.start && span.start <= edit.oldEnd;
}

/**
 * Moves the spans past an edit. Returns the spans the edit did not touch (moved, same objects
 * with new offsets) and the ones it did (left as they were: their text must be looked at again).
 */
export function shiftSpans<T extends Interval>(spans: readonly T[], edit: Edit): { kept: T[]; touched: T[] } {
  const delta = edit.newLength - (edit.oldEnd - edit.start);
  const kept: T[] = [];
  const touched: T[] = [];
  for (const span of spans) {
    if (touches(span, edit)) touched.push(span);
    else {
      if (span.start > edit.oldEnd) {
        span.start += delta;
        span.end += delta;
      }
      kept.push(span);
    }
  }
  return { kept, touched };
}

/**
 * The stretches of text that must be scanned again, after one more edit: the earlier ones moved
 * past it (or merged into it when they overlap), plus the edited text itself. Sorted, disjoint.
 */
export function addDirty(dirty: readonly Interval[], edit: Edit): Interval[] {
  const delta = edit.newLength - (edit.oldEnd - edit.start);
  let merged: Interval = { start: edit.start, end: edit.start + edit.newLength };
  const out: Interval[] = [];
  for (const d of dirty) {
    if (d.end < edit.start) out.push({ ...d });
    else if (d.start > edit.oldEnd) out.push({ start: d.start + delta, end: d.end + delta });
    else {
      // Overlaps the edit: what is left of it either side joins the edited stretch.
      merged = {
        start: Math.min(merged.start, d.start),
        end: Math.max(merged.end, d.end <= edit.oldEnd ? merged.end : d.end + delta),
      };
    }
  }
  out.push(merged);
  return out.sort((a, b) => a.start - b.start);
}

/**
 * Where to run a matcher so that every match touching a dirty stretch is found: each stretch
 * widened by `margin` (at least the longest match) and cut into windows of at most `chunk`
 * characters of new text, so that no single call runs long. Each window's `core` is the part
 * it answers for; its text is `[start, end)`, the core plus the margin either side.
 */
export function scanWindows(
  dirty: readonly Interval[],
  textLength: number,
  margin: number,
  chunk: number,
): { start: number; end: number; core: Interval }[] {
  const windows: { start: number; end: number; core: Interval }[] = [];
  let last = -1;
  for (const d of dirty) {
    const from = Math.max(0, d.start, last);
    const to = Math.min(textLength, d.end);
    for (let at = from; at < to || (at === from && at <= to); at += chunk) {
      const coreEnd = Math.min(to, at + chunk);
      windows.push({
        start: Math.max(0, at - margin),
        end: Math.min(textLength, coreEnd + margin),
        core: { start: at, end: coreEnd },
      });
      if (coreEnd >= to) break;
    }
    last = to;
  }
  return windows;
}

/** Whether a match found in a window belongs to the dirty stretches (closed, as in `touches`). */
export function touchesAny(span: Interval, dirty: readonly Interval[]): boolean {
  // Binary search: the first stretch that does not end before the span starts.
  let lo = 0;
  let hi = dirty.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (dirty[mid]!.end < span.start) lo = mid + 1;
    else hi = mid;
  }
  const d = dirty[lo];
  return d !== undefined && d.start <= span.end;
}

/**
 * Overlapping windows of `size` characters that together cover the text, for searching a quote
 * a window at a time: any stretch up to `overlap` long lies wholly inside one of them. The
 * window holding `near` (a stored position) comes first: that is where the quote usually is.
 */
export function searchWindows(textLength: number, near: number, size: number, overlap: number): Interval[] {
  const step = Math.max(1, size - overlap);
  const windows: Interval[] = [];
  for (let start = 0; ; start += step) {
    windows.push({ start, end: Math.min(textLength, start + size) });
    if (start + size >= textLength) break;
  }
  const first = windows.findIndex((w) => near >= w.start && near < w.end - overlap / 2);
  if (first > 0) windows.unshift(...windows.splice(first, 1));
  return windows;
}
