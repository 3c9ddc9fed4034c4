// Reads the reader's selection: the Range to flag, or nothing when the selection is empty, is in
// a form field or editable area, or is in Factmark's own UI.
import { UI_HOST_TAG } from './text-index';

export function selectedRange(): Range | null {
  const selection = window.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  if (range.toString().trim().length === 0) return null;
  const element = elementOf(range.commonAncestorContainer);
  if (!element) return null;
  if (
    element.closest(`input, textarea, select, [contenteditable=""], [contenteditable="true"], ${UI_HOST_TAG}`)
  ) {
    return null;
  }
  if ((element as HTMLElement).isContentEditable) return null;
  return range.cloneRange();
}

function elementOf(node: Node): Element | null {
  return node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
}

/** Where the flag button goes: just below the end of the selection, kept inside the viewport. */
export function buttonPosition(range: Range): { x: number; y: number } {
  const rects = range.getClientRects();
  const last = rects[rects.length - 1] ?? range.getBoundingClientRect();
  const x = Math.max(4, Math.min(last.right - 40, window.innerWidth - 120));
  const y = Math.max(4, Math.min(last.bottom + 6, window.innerHeight - 40));
  return { x, y };
}
