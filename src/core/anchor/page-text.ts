// A page's text with every whitespace run collapsed to one space, and a map back to the raw
// offsets. Build it once per page and share it between every quote anchored on that page.
// Pure: a string in, a string and offsets out; no DOM.

/** True for the characters `\s` matches in a JavaScript regular expression (nbsp included). */
export function isWhitespace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0xa0) return false;
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/** `text` with every whitespace run (spaces, newlines, tabs, nbsp…) replaced by one space. */
export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ');
}

/** Runs of two or more whitespace characters: the only places collapsing shifts offsets. */
const LONG_RUN = /\s{2,}/g;

/**
 * The whitespace-collapsed view of a page's text. `collapsed[i]` comes from `raw[rawOffset(i)]`;
 * a collapsed space stands for a whole whitespace run and maps to the run's first character.
 *
 * The map back is sparse: only a run of two or more whitespace characters moves the raw offsets
 * of what follows it, so only those runs are kept (where each ends in collapsed offsets, and the
 * total shift so far). A page of 500,000 characters has tens of thousands of such runs, not
 * hundreds of thousands of characters: the view builds natively, in a fraction of the time and
 * memory of a per-character map, and an offset maps back by binary search.
 */
export class PageText {
  readonly raw: string;
  #collapsed: string | null = null;
  /** Collapsed offset of the first character after each long run's space, ascending. */
  #after: Int32Array | null = null;
  /** Raw minus collapsed offset from #after[k] on (until the next run). */
  #shift: Int32Array = new Int32Array(0);

  /**
   * Cheap: each part of the view is built on first use, so that quotes still at their saved
   * position (checked on the raw text) cost nothing per page, and looking for a quote in the
   * collapsed text does not pay for the map back.
   */
  constructor(raw: string) {
    this.raw = raw;
  }

  /** The raw text with every whitespace run collapsed to one space. */
  get collapsed(): string {
    this.#collapsed ??= collapseWhitespace(this.raw);
    return this.#collapsed;
  }

  /** The long runs (see #after and #shift), found on first use. */
  #runs(): Int32Array {
    if (this.#after !== null) return this.#after;
    const raw = this.raw;
    let after = new Int32Array(64);
    let shift = new Int32Array(64);
    let runs = 0;
    let total = 0;
    LONG_RUN.lastIndex = 0;
    for (let m = LONG_RUN.exec(raw); m !== null; m = LONG_RUN.exec(raw)) {
      if (runs === after.length) {
        after = grown(after);
        shift = grown(shift);
      }
      // The run's space sits at collapsed offset m.index - total; what follows moves by length - 1.
      after[runs] = m.index - total + 1;
      total += m[0].length - 1;
      shift[runs] = total;
      runs++;
    }
    this.#shift = shift.subarray(0, runs);
    this.#after = after.subarray(0, runs);
    return this.#after;
  }

  /** Raw offset of collapsed offset `i` (the text's length for the end). */
  rawOffset(i: number): number {
    const clamped = Math.max(0, Math.min(i, this.collapsed.length));
    // The last run ending at or before `clamped` gives the shift.
    const after = this.#runs();
    let lo = 0;
    let hi = after.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((after[mid] ?? 0) <= clamped) lo = mid + 1;
      else hi = mid;
    }
    return clamped + (lo === 0 ? 0 : (this.#shift[lo - 1] ?? 0));
  }

  /** Collapsed offset of the first collapsed character at or after raw offset `rawOffset`. */
  collapsedOffset(rawOffset: number): number {
    let lo = 0;
    let hi = this.collapsed.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.rawOffset(mid) < rawOffset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /**
   * Raw offsets of the collapsed range [start, end) without the spaces at its ends, or null when
   * the range holds nothing but whitespace.
   */
  rawRange(start: number, end: number): { start: number; end: number } | null {
    const text = this.collapsed;
    let s = Math.max(0, start);
    let e = Math.min(text.length, end);
    while (s < e && text.charCodeAt(s) === 0x20) s++;
    while (e > s && text.charCodeAt(e - 1) === 0x20) e--;
    if (s >= e) return null;
    return { start: this.rawOffset(s), end: this.rawOffset(e - 1) + 1 };
  }
}

function grown(array: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const bigger = new Int32Array(array.length * 2);
  bigger.set(array);
  return bigger;
}
