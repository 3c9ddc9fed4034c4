// This page's saved claims: fetched from the background, anchored in the page's text, painted.
// Keeps which claims were found, for the popup and the hover card.
//
// Incremental: after a change, a found claim whose text was not touched keeps its highlight (its
// offsets move with the edits); only touched claims and ones not found yet are anchored again.
//
// Frames: every frame anchors the page's claims in its own text. A same-origin frame reports what
// it found; the top frame adds that to its own for the tab (badge, popup, "found" flags).
import { CONTEXT_LENGTH, findAtSavedPosition, findQuote, PageText } from '../core/anchor';
import { type Claim, paintOf } from '../core/model';
import { type Edit, type Interval, searchWindows, shiftSpans } from '../core/text';
import type { PageStatus } from '../messages';
import { request } from '../request';
import { FrameReports, sameOriginFrames } from './frame-reports';
import type { Highlighter, Painted } from './highlighter';
import { readPageIdentity } from './page-identity';
import type { Slicer } from './slices';
import type { TextIndex } from './text-index';

/**
 * Longest text anchored as a whole: collapsing its whitespace, and mapping it back, each stay
 * within a few milliseconds (one native regex pass). Longer pages are searched a window at a time.
 */
const WHOLE_TEXT = 1_000_000;
/** Characters of a huge page's text prepared for anchoring at a time: a few milliseconds' work. */
const WINDOW = 65_536;

interface Anchored extends Interval {
  id: string;
  range: Range;
}

export class PageClaims {
  private claims: Claim[] = [];
  private anchored: Anchored[] = [];
  private lastSeen = '';
  /** Whether an anchoring run has painted yet: no report says "not found" before one has. */
  private painted = false;
  /** Top frame: what the tab's same-origin frames found. */
  private frames = new FrameReports();
  /** Who waits for a claim to be found here (`whenAnchored`), by claim id. */
  private waiting = new Map<string, Set<(range: Range) => void>>();

  constructor(
    private readonly textIndex: () => TextIndex,
    private readonly highlighter: Highlighter,
    /** The top frame speaks for the tab (badge, "found" flags); a same-origin frame reports to it. */
    private readonly role: 'top' | 'frame',
  ) {}

  /** Fetches the page's claims; `anchor` then finds them. */
  async load(): Promise<void> {
    const { url, canonical } = readPageIdentity(pageDocument());
    this.claims = await request('claims/for-page', { url, ...(canonical ? { canonical } : {}) });
    this.anchored = this.anchored.filter((a) => this.claims.some((c) => c.id === a.id));
  }

  /** Forgets where claims were found (the text was indexed afresh). */
  reset(): void {
    this.anchored = [];
  }

  /** The index changed: move found claims past the edits; touched ones are anchored again. */
  edited(edits: readonly Edit[]): void {
    for (const edit of edits) this.anchored = shiftSpans(this.anchored, edit).kept;
  }

  /**
   * Anchors every claim not found yet, and paints. A claim still at its saved offsets is checked
   * on the raw text (costs the quote's length); the others are looked for in the whole page's
   * whitespace-collapsed text, built once per run and only when some claim needs it. A page too
   * big to collapse within a slice is searched a window at a time instead. A claim per step,
   * yielding between them; a run cut short keeps what it found.
   */
  async anchor(slicer: Slicer): Promise<void> {
    try {
      const found = new Set(this.anchored.map((a) => a.id));
      let page: PageText | null = null;
      for (const claim of this.claims) {
        if (found.has(claim.id)) continue;
        await slicer.maybePause();
        // Read after every pause: the index may have been patched meanwhile.
        const text = this.textIndex().text;
        let where: Interval | null = findAtSavedPosition(text, claim);
        if (!where && text.length <= WHOLE_TEXT) {
          if (page === null || page.raw !== text) {
            page = new PageText(text);
            // Collapsing the page and mapping it back are the run's long steps: a slice each.
            void page.collapsed;
            await slicer.maybePause();
            page.rawOffset(0);
            await slicer.maybePause();
          }
          const at = findQuote(page, claim);
          where = at.kind === 'found' ? at : null;
        } else if (!where) {
          where = await this.findInWindows(text, claim, slicer);
        }
        if (!where) continue;
        const range = this.textIndex().rangeFor(where.start, where.end);
        if (range) this.anchored.push({ id: claim.id, start: where.start, end: where.end, range });
      }
    } finally {
      this.paint();
    }
  }

  /** A huge page: the windows around the stored position first, exact matches before close ones. */
  private async findInWindows(text: string, claim: Claim, slicer: Slicer): Promise<Interval | null> {
    const exact = claim.quote.exact;
    // Room for the quote with its context, even where the page has runs of white space.
    const overlap = Math.min(WINDOW / 2, exact.length * 2 + 4 * CONTEXT_LENGTH + 256);
    const windows = searchWindows(text.length, claim.position.start, WINDOW, overlap);
    const fuzzy: Interval[] = [];
    for (const pass of ['exact', 'close'] as const) {
      for (const w of pass === 'exact' ? windows : fuzzy) {
        await slicer.maybePause();
        const page = new PageText(text.slice(w.start, w.end));
        if (pass === 'exact' && !page.collapsed.includes(exact)) {
          fuzzy.push(w);
          continue;
        }
        const shifted = {
          ...claim,
          position: {
            ...claim.position,
            start: claim.position.start - w.start,
            end: claim.position.end - w.start,
          },
        };
        const where = findQuote(page, shifted);
        if (where.kind === 'found') return { start: where.start + w.start, end: where.end + w.start };
      }
    }
    return null;
  }

  private paint(): void {
    const byId = new Map(this.claims.map((c) => [c.id, c]));
    const painted: Painted[] = [];
    for (const a of this.anchored) {
      const claim = byId.get(a.id);
      if (claim) painted.push({ id: a.id, paint: paintOf(claim.verdict), range: a.range });
    }
    this.highlighter.paint(painted);
    this.painted = true;
    this.wake();
    this.report();
  }

  /**
   * The claim's range once it is found in this frame: at once if it is, else when an anchoring
   * run (after loading, a text change, a re-render) finds it. Null if `signal` aborts first.
   */
  whenAnchored(id: string, signal: AbortSignal): Promise<Range | null> {
    const now = this.anchored.find((a) => a.id === id);
    if (now) return Promise.resolve(now.range);
    return new Promise((resolve) => {
      const waiters = this.waiting.get(id) ?? new Set();
      this.waiting.set(id, waiters);
      const done = (range: Range | null) => {
        waiters.delete(found);
        if (waiters.size === 0 && this.waiting.get(id) === waiters) this.waiting.delete(id);
        signal.removeEventListener('abort', aborted);
        resolve(range);
      };
      const found = (range: Range) => done(range);
      const aborted = () => done(null);
      if (signal.aborted) return aborted();
      waiters.add(found);
      signal.addEventListener('abort', aborted);
    });
  }

  /** Hands each newly found claim's range to whoever waits for it. */
  private wake(): void {
    if (this.waiting.size === 0) return;
    for (const a of this.anchored) for (const found of [...(this.waiting.get(a.id) ?? [])]) found(a.range);
  }

  /** A same-origin frame's report (top frame): counted as found on the page. */
  frameReport(frameId: number, frame: string, found: readonly string[]): void {
    this.frames.record(frameId, frame, found);
    if (this.painted) this.report();
  }

  /** Report again even if nothing changed (the top frame has just started listening). */
  reportAgain(): void {
    this.lastSeen = '';
    if (this.painted) this.report();
  }

  /** This frame's page is going away: its findings no longer count (a same-origin frame). */
  leave(): void {
    if (this.role !== 'frame' || this.lastSeen === '') return;
    this.lastSeen = '';
    void request('page/report', { total: 0, found: [], frame: location.href }).catch(() => undefined);
  }

  /** Claims found here, and in the top frame also those found in its frames. */
  private foundIds(): Set<string> {
    const here = new Set(this.anchored.map((a) => a.id));
    if (this.role !== 'top') return here;
    for (const id of this.frames.found(sameOriginFrames(window))) here.add(id);
    return here;
  }

  /**
   * Top frame: the badge count, and on each claim whether it was found on the page (the review
   * page's filter). A same-origin frame: the claims it found, for the top frame.
   */
  private report(): void {
    if (this.role === 'frame') {
      this.reportToTop();
      return;
    }
    const foundIds = this.foundIds();
    const found = this.claims.filter((c) => foundIds.has(c.id)).map((c) => c.id);
    const missing = this.claims.filter((c) => !foundIds.has(c.id)).map((c) => c.id);
    const summary = `${this.claims.length}|${found.join()}|${missing.join()}`;
    // Only when it changed: a repaint with the same outcome costs the database nothing.
    if (summary === this.lastSeen) return;
    this.lastSeen = summary;
    void request('page/report', { total: this.claims.length }).catch(() => undefined);
    if (this.claims.length > 0) void request('claims/seen', { found, missing }).catch(() => undefined);
  }

  private reportToTop(): void {
    const foundIds = this.foundIds();
    const found = this.claims.filter((c) => foundIds.has(c.id)).map((c) => c.id);
    const summary = `${location.href}|${found.join()}`;
    // A frame that never found anything has nothing to say (most frames are ads and widgets).
    if (summary === this.lastSeen || (found.length === 0 && this.lastSeen === '')) return;
    this.lastSeen = summary;
    void request('page/report', { total: this.claims.length, found, frame: location.href }).catch(
      () => undefined,
    );
  }

  /** A claim just saved here: painted by the next `anchor`, without a round trip. */
  upsert(claim: Claim): void {
    const at = this.claims.findIndex((c) => c.id === claim.id);
    if (at >= 0) {
      // Edited: its verdict (and so its paint) may have changed; its place has not.
      this.claims[at] = claim;
      this.paint();
    } else this.claims.push(claim);
  }

  remove(id: string): void {
    this.claims = this.claims.filter((claim) => claim.id !== id);
    this.anchored = this.anchored.filter((a) => a.id !== id);
    this.paint();
  }

  get(id: string): Claim | undefined {
    return this.claims.find((claim) => claim.id === id);
  }

  status(): PageStatus {
    const { url, canonical, title } = readPageIdentity(pageDocument());
    const foundIds = this.foundIds();
    return {
      url,
      ...(canonical ? { canonical } : {}),
      title,
      claims: this.claims.map((claim) => ({ claim, found: foundIds.has(claim.id) })),
    };
  }
}

/**
 * The document whose claims this frame shows: its own, or the top page's for a same-origin
 * frame (the reader sees one article; a claim flagged in the frame is filed under it).
 */
export function pageDocument(): Document {
  try {
    if (window.top && window.top !== window) return window.top.document;
  } catch {
    // Cross-origin top: the content script does not run in such frames anyway.
  }
  return document;
}
