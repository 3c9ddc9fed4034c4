// The practice paragraph's selection (welcome page): where the reader's selection lies in the
// paragraph's text, and the keyboard's way to make one. The paragraph is one text node, so a
// stretch of it is two offsets. Browsers select with Shift and the arrow keys only in editable
// text (or with caret browsing on), so the paragraph moves the selection itself on those keys.

export interface Span {
  start: number;
  end: number;
}

export type PracticeSelection =
  | { kind: 'none' }
  /** Text is selected, none of it in the paragraph. */
  | { kind: 'outside' }
  | { kind: 'span'; span: Span; quote: string };

const SPACE = /\s/;

/**
 * The selection as offsets into the paragraph's text, cut to the paragraph (a selection that runs
 * past it keeps its part inside) and without the white space at either end.
 */
export function readSelection(paragraph: HTMLElement, selection: Selection | null): PracticeSelection {
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return { kind: 'none' };
  const range = selection.getRangeAt(0);
  if (range.toString().trim() === '') return { kind: 'none' };
  if (!range.intersectsNode(paragraph)) return { kind: 'outside' };
  const text = paragraph.textContent ?? '';
  let start = offsetAt(paragraph, text.length, range.startContainer, range.startOffset);
  let end = offsetAt(paragraph, text.length, range.endContainer, range.endOffset);
  while (start < end && SPACE.test(text[start] ?? '')) start++;
  while (end > start && SPACE.test(text[end - 1] ?? '')) end--;
  if (start >= end) return { kind: 'outside' };
  return { kind: 'span', span: { start, end }, quote: text.slice(start, end) };
}

/** A boundary point as an offset into the paragraph's text: 0 before it, its length after it. */
function offsetAt(paragraph: HTMLElement, length: number, node: Node, offset: number): number {
  const whole = paragraph.ownerDocument.createRange();
  whole.selectNodeContents(paragraph);
  const where = whole.comparePoint(node, offset);
  if (where < 0) return 0;
  if (where > 0) return length;
  const before = paragraph.ownerDocument.createRange();
  before.setStart(paragraph, 0);
  before.setEnd(node, offset);
  return before.toString().length;
}

/** A selection change, as `Selection.modify` takes it. */
export interface SelectionMove {
  alter: 'extend' | 'move';
  direction: 'forward' | 'backward';
  granularity: 'character' | 'word' | 'line' | 'lineboundary';
}

type Keys = Pick<KeyboardEvent, 'key' | 'shiftKey' | 'ctrlKey' | 'altKey' | 'metaKey'>;

/**
 * What a key does to the selection in the paragraph, as in editable text: Shift with ←/→ selects
 * a character (with Ctrl, or Alt as on a Mac, a word), with ↑/↓ a line, with Home/End to the
 * line's edge; ←/→ alone move along. Other keys (↑/↓ alone scroll the page) are left alone.
 * `rtl`: the paragraph is written right to left (Arabic), where → goes back in the text.
 */
export function moveFor(keys: Keys, rtl: boolean): SelectionMove | null {
  if (keys.metaKey) return null;
  const alter = keys.shiftKey ? 'extend' : 'move';
  const word = keys.ctrlKey || keys.altKey;
  switch (keys.key) {
    case 'ArrowLeft':
    case 'ArrowRight':
      // In the text's order (the paragraph is in one direction), as editable text moves.
      return {
        alter,
        direction: (keys.key === 'ArrowRight') !== rtl ? 'forward' : 'backward',
        granularity: word ? 'word' : 'character',
      };
    case 'ArrowUp':
    case 'ArrowDown':
      if (!keys.shiftKey) return null;
      return { alter, direction: keys.key === 'ArrowUp' ? 'backward' : 'forward', granularity: 'line' };
    case 'Home':
    case 'End':
      if (!keys.shiftKey) return null;
      return { alter, direction: keys.key === 'Home' ? 'backward' : 'forward', granularity: 'lineboundary' };
    default:
      return null;
  }
}

/**
 * Moves the selection as `move` says, inside the paragraph only: a selection elsewhere starts
 * again at the paragraph's beginning, and a move that would leave the paragraph stops at its
 * edge. Moving (not extending) from a selection collapses it to its edge on that side, as
 * editable text does, so the reader can select the next sentence from where this one ends.
 */
export function moveSelection(paragraph: HTMLElement, selection: Selection, move: SelectionMove): void {
  const inside = (node: Node | null) => node !== null && paragraph.contains(node);
  const text = paragraph.firstChild ?? paragraph;
  if (!inside(selection.anchorNode) || !inside(selection.focusNode)) {
    selection.collapse(text, 0);
    if (move.alter === 'move') return;
  } else if (selection.isCollapsed && selection.anchorNode !== text && selection.anchorNode) {
    // A caret between elements (Firefox puts one at the paragraph's start when Tab focuses it):
    // in the text, or the first press would only step into it.
    const length = paragraph.textContent?.length ?? 0;
    selection.collapse(text, offsetAt(paragraph, length, selection.anchorNode, selection.anchorOffset));
  }
  if (move.alter === 'move' && !selection.isCollapsed) {
    if (move.direction === 'forward') selection.collapseToEnd();
    else selection.collapseToStart();
    return;
  }
  const { anchorNode, anchorOffset, focusNode, focusOffset } = selection;
  selection.modify(move.alter, move.direction, move.granularity);
  // Firefox spends one step on a line wrap (the end of a line and the start of the next are one
  // place in the text): a press that moved nothing moves on.
  if (selection.focusNode === focusNode && selection.focusOffset === focusOffset)
    selection.modify(move.alter, move.direction, move.granularity);
  const focus = selection.focusNode;
  if (!focus || inside(focus) || !anchorNode) return;
  // Past the paragraph: the selection ends at the paragraph's start or end instead.
  const whole = paragraph.ownerDocument.createRange();
  whole.selectNodeContents(paragraph);
  const edge = whole.comparePoint(focus, selection.focusOffset) < 0 ? whole.startOffset : whole.endOffset;
  if (move.alter === 'extend') selection.setBaseAndExtent(anchorNode, anchorOffset, paragraph, edge);
  else selection.collapse(paragraph, edge);
}

/** Alt+Shift+F, Factmark's "flag claim" shortcut, by the key's place (any keyboard layout). */
export function isFlagShortcut(keys: Keys & Pick<KeyboardEvent, 'code'>): boolean {
  return keys.altKey && keys.shiftKey && !keys.ctrlKey && !keys.metaKey && keys.code === 'KeyF';
}
