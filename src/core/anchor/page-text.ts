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

/**
 * The whitespace-collapsed view of a page's text. `collapsed[i]` comes from `raw[rawOffset(i)]`;
 * a collapsed space stands for a whole whitespace run and maps to the run's first character.
 */
export class PageText {
  readonly raw: string;
  readonly collapsed: string;
  /** Raw offset of each collapsed character, plus one entry for the end of the text. */
  readonly #toRaw: Int32Array;

  constructor(raw: string) {
    this.raw = raw;
    // The regular expression collapses natively; one pass over the raw text then maps each
    // collapsed character back (isWhitespace matches exactly what `\s` does).
    this.collapsed = collapseWhitespace(raw);
    const toRaw = new Int32Array(this.collapsed.length + 1);
    let n = 0;
    let inSpace = false;
    for (let i = 0; i < raw.length; i++) {
      if (isWhitespace(raw.charCodeAt(i))) {
        if (inSpace) continue;
        inSpace = true;
      } else {
        inSpace = false;
      }
      toRaw[n++] = i;
    }
    toRaw[n] = raw.length;
    this.#toRaw = toRaw;
  }

  /** Raw offset of collapsed offset `i` (the text's length for the end). */
  rawOffset(i: number): number {
    const clamped = Math.max(0, Math.min(i, this.collapsed.length));
    return this.#toRaw[clamped] ?? this.raw.length;
  }

  /** Collapsed offset of the first collapsed character at or after raw offset `rawOffset`. */
  collapsedOffset(rawOffset: number): number {
    let lo = 0;
    let hi = this.collapsed.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.#toRaw[mid] ?? Number.POSITIVE_INFINITY) < rawOffset) lo = mid + 1;
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
