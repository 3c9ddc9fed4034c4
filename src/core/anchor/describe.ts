// Describes a range of a page's text as a claim's anchor: the quote with 32 characters of context
// either side (W3C TextQuoteSelector) and its offsets (TextPositionSelector). Pure; no DOM.

import type { ClaimAnchor } from '../model';
import { collapseWhitespace, isWhitespace } from './page-text';

/** How many characters of whitespace-collapsed context a quote keeps either side. */
export const CONTEXT_LENGTH = 32;

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** The last CONTEXT_LENGTH collapsed characters of `text` before raw offset `end`. */
function contextBefore(text: string, end: number): string {
  // Widen a raw window until it holds enough collapsed text: whitespace runs may be long.
  for (let width = CONTEXT_LENGTH * 4; ; width *= 4) {
    const from = Math.max(0, end - width);
    const collapsed = collapseWhitespace(text.slice(from, end));
    if (collapsed.length > CONTEXT_LENGTH || from === 0) {
      const context = collapsed.slice(-CONTEXT_LENGTH);
      return isLowSurrogate(context.charCodeAt(0)) ? context.slice(1) : context;
    }
  }
}

/** The first CONTEXT_LENGTH collapsed characters of `text` from raw offset `start`. */
function contextAfter(text: string, start: number): string {
  for (let width = CONTEXT_LENGTH * 4; ; width *= 4) {
    const to = Math.min(text.length, start + width);
    const collapsed = collapseWhitespace(text.slice(start, to));
    if (collapsed.length > CONTEXT_LENGTH || to === text.length) {
      const context = collapsed.slice(0, CONTEXT_LENGTH);
      return isHighSurrogate(context.charCodeAt(context.length - 1)) ? context.slice(0, -1) : context;
    }
  }
}

/**
 * The anchor of `text[start, end)`, whitespace at its ends left out; null when the range holds
 * nothing but whitespace. Offsets are into `text` as the content script builds it.
 */
export function describeRange(text: string, start: number, end: number): ClaimAnchor | null {
  let s = Math.max(0, Math.min(start, end, text.length));
  let e = Math.min(text.length, Math.max(start, end, 0));
  while (s < e && isWhitespace(text.charCodeAt(s))) s++;
  while (e > s && isWhitespace(text.charCodeAt(e - 1))) e--;
  if (s >= e) return null;
  return {
    quote: {
      type: 'TextQuoteSelector',
      exact: collapseWhitespace(text.slice(s, e)),
      prefix: contextBefore(text, s),
      suffix: contextAfter(text, e),
    },
    position: { type: 'TextPositionSelector', start: s, end: e },
  };
}
