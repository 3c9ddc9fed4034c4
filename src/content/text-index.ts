// The page's text as one string plus a map back to its text nodes: what anchoring and matching
// read, and how their offsets become DOM Ranges again. Reads the DOM, never changes it.
//
// Built once in slices (a page of 200,000 elements takes many slices), then patched: a batch of
// mutations replaces only the text nodes between the changed nodes' neighbours, and answers the
// edits it made to the string so that matches elsewhere keep their offsets (src/core/text).
// Text in open shadow roots is indexed (each shadow tree before its host's light children);
// editable regions, form fields and Factmark's own UI are not.
import { type Edit, joinRuns, pieceAt, type Runs, spliceRuns } from '../core/text';
import type { Slicer } from './slices';

/** Elements whose text a reader never sees as article text (local names: SVG's is lowercase). */
const SKIP = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'textarea',
  'select',
  'option',
  'svg',
  'iframe',
]);

export const UI_HOST_TAG = 'factmark-ui';

/** Values of `contenteditable` that make an element an editor. */
const EDITABLE = new Set(['', 'true', 'plaintext-only']);

/** An editor the reader types in: never indexed, never highlighted, its typing never re-scanned. */
function isEditor(element: Element): boolean {
  const value = element.getAttribute('contenteditable');
  return value !== null && EDITABLE.has(value.toLowerCase());
}

/** Whether a node is inside an editor or Factmark's own UI (in this tree). */
export function inEditorOrUi(node: Node): boolean {
  if (node.ownerDocument?.designMode === 'on') return true;
  const element = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
  if (!element) return false;
  return element.closest(`${UI_HOST_TAG},[contenteditable]:not([contenteditable="false" i])`) !== null;
}

const SKIP_SELECTOR = [...SKIP].join(',');

/** Whether an element is in (or is) a subtree the walk leaves out. */
function inSkipped(element: Element): boolean {
  return element.closest(SKIP_SELECTOR) !== null;
}

/** Whether the walk leaves out an element and everything under it. */
function skipped(element: Element): boolean {
  return SKIP.has(element.localName) || element.localName === UI_HOST_TAG || isEditor(element);
}

/** One tree being walked: a TreeWalker, and the editors in that tree (null: none). */
interface Tree {
  walker: TreeWalker;
  editors: Set<Element> | null;
}

/**
 * The non-empty text nodes under a node, in reading order, entering open shadow roots (each
 * shadow tree before its host's light children; reported to `onShadowRoot`, so they are watched
 * too). A native TreeWalker per tree does the stepping; the script only looks at each element's
 * name to leave skipped subtrees out. Editors are found up front per tree (a native query), so
 * most pages, which have none, pay no attribute read per element.
 */
class TextWalk {
  private readonly trees: Tree[] = [];
  private single: Text | null = null;

  constructor(
    node: Node,
    private readonly onShadowRoot: (root: ShadowRoot) => void,
  ) {
    if (node.nodeType === Node.TEXT_NODE) {
      if ((node as Text).data.length > 0) this.single = node as Text;
    } else if (node.nodeType === Node.ELEMENT_NODE) {
      const element = node as Element;
      if (skipped(element)) return;
      this.enter(element);
      this.enterShadow(element);
    } else if (node.nodeType === Node.DOCUMENT_FRAGMENT_NODE) {
      this.enter(node);
    }
  }

  private enter(root: Node): void {
    const doc = root.ownerDocument ?? document;
    const walker = doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
    const editors = new Set<Element>();
    for (const element of (root as ParentNode).querySelectorAll('[contenteditable]')) {
      if (isEditor(element)) editors.add(element);
    }
    this.trees.push({ walker, editors: editors.size > 0 ? editors : null });
  }

  private enterShadow(element: Element): void {
    const shadow = element.shadowRoot;
    if (!shadow) return;
    this.onShadowRoot(shadow);
    this.enter(shadow);
  }

  /**
   * Appends up to `max` more text nodes to `out` and answers how many (0: the walk is over).
   * In batches, so the loop over the walker's nodes stays tight.
   */
  take(out: Text[], max: number): number {
    let taken = 0;
    if (this.single) {
      out.push(this.single);
      this.single = null;
      taken++;
    }
    for (let tree = this.trees.at(-1); tree && taken < max; tree = this.trees.at(-1)) {
      const { walker, editors } = tree;
      let node = walker.nextNode();
      while (node) {
        if (node.nodeType === Node.TEXT_NODE) {
          if ((node as Text).data.length > 0) {
            out.push(node as Text);
            if (++taken === max) return taken; // the walker resumes after this node
          }
          node = walker.nextNode();
          continue;
        }
        const element = node as Element;
        const name = element.localName;
        if (SKIP.has(name) || name === UI_HOST_TAG || editors?.has(element)) {
          node = pastSubtree(walker);
          continue;
        }
        if (element.shadowRoot) {
          // The shadow tree first; this walker resumes with the host's light children after it.
          this.enterShadow(element);
          break;
        }
        node = walker.nextNode();
      }
      if (!node) this.trees.pop();
    }
    return taken;
  }
}

/** Moves a walker past its current node's subtree: the next node in order outside it, or null. */
function pastSubtree(walker: TreeWalker): Node | null {
  for (;;) {
    const sibling = walker.nextSibling();
    if (sibling) return sibling;
    if (!walker.parentNode()) return null;
  }
}

/**
 * The text nodes under `nodes`, in reading order, entering open shadow roots (reported to
 * `onShadowRoot`, so they are watched too).
 */
export function* textNodesOf(
  nodes: Iterable<Node>,
  onShadowRoot: (root: ShadowRoot) => void,
): Generator<Text, void, undefined> {
  const batch: Text[] = [];
  for (const node of nodes) {
    const walk = new TextWalk(node, onShadowRoot);
    while (walk.take(batch, 256) > 0) {
      yield* batch;
      batch.length = 0;
    }
  }
}

/** The stretch of a parent's children a mutation record changed: between two siblings. */
interface Gap {
  parent: Node;
  /** The child before the changed ones (null: from the first child). */
  after: Node | null;
  /** The child after them (null: to the last child). */
  before: Node | null;
}

export class TextIndex {
  private runs: Runs<Text>;
  /**
   * Each indexed node's place in `runs.pieces`: what turns a selection's node into an offset.
   * Built on first use (a selection, a patch's neighbours), not with the index: most builds are
   * read only by offset, and a map entry per text node costs more than the walk itself.
   */
  private placeMap: Map<Text, number> | null = null;
  /** Open shadow roots met while indexing (the watcher observes them too). */
  readonly shadowRoots = new Set<ShadowRoot>();

  private constructor(nodes: Text[], texts: string[]) {
    this.runs = joinRuns(nodes, texts);
  }

  private get places(): Map<Text, number> {
    if (this.placeMap === null) {
      this.placeMap = new Map();
      this.placeFrom(0);
    }
    return this.placeMap;
  }

  /** Records the places of the pieces from `from` on (after a splice that shifted them). */
  private placeFrom(from: number): void {
    const places = this.placeMap;
    if (places === null) return; // built in full on first use
    const pieces = this.runs.pieces;
    for (let i = from; i < pieces.length; i++) places.set(pieces[i]!, i);
  }

  get text(): string {
    return this.runs.text;
  }

  /** How many text nodes are indexed. */
  get size(): number {
    return this.runs.pieces.length;
  }

  /** Indexes everything under `root` at once (small roots, and unit tests). */
  static build(root: Node): TextIndex {
    const index = new TextIndex([], []);
    if (root.ownerDocument?.designMode === 'on') return index; // the whole page is an editor
    const nodes = [...textNodesOf([root], (r) => index.shadowRoots.add(r))];
    index.runs = joinRuns(
      nodes,
      nodes.map((n) => n.data),
    );
    return index;
  }

  /** Indexes everything under `root`, a slice at a time. Throws Cancelled when superseded. */
  static async buildInSlices(root: Node, slicer: Slicer): Promise<TextIndex> {
    const index = new TextIndex([], []);
    if (root.ownerDocument?.designMode === 'on') return index;
    const nodes: Text[] = [];
    // Offsets and text are gathered as the walk goes (joining megabytes at the end would be one
    // long task): each batch's texts are joined into a chunk.
    const starts: number[] = [];
    const chunks: string[] = [];
    let offset = 0;
    const walk = new TextWalk(root, (r) => index.shadowRoots.add(r));
    // Reading the clock costs too: look at it after each batch of a few hundred nodes.
    for (let from = 0; walk.take(nodes, 256) > 0; from = nodes.length) {
      const texts: string[] = [];
      for (let i = from; i < nodes.length; i++) {
        const data = nodes[i]!.data;
        starts.push(offset);
        offset += data.length;
        texts.push(data);
      }
      chunks.push(texts.join(''));
      await slicer.maybePause();
    }
    index.runs = { text: chunks.join(''), pieces: nodes, starts: Int32Array.from(starts) };
    return index;
  }

  /**
   * Brings the index up to date with a batch of mutation records, answering the edits made to
   * `text`, in order (each in the offsets left by the one before). Null when the batch is too
   * big to patch piece by piece and the caller should rebuild.
   */
  patch(records: readonly MutationRecord[], limit = 200): Edit[] | null {
    const gaps: Gap[] = [];
    const seen = new Set<Node>();
    for (const record of records) {
      if (record.type === 'characterData') {
        const node = record.target;
        if (seen.has(node) || !node.parentNode) continue;
        seen.add(node);
        gaps.push({ parent: node.parentNode, after: node.previousSibling, before: node.nextSibling });
      } else if (record.type === 'childList') {
        gaps.push({ parent: record.target, after: record.previousSibling, before: record.nextSibling });
      }
      if (gaps.length > limit) return null;
    }
    const edits: Edit[] = [];
    for (const gap of gaps) {
      const edit = this.patchGap(gap);
      if (edit) edits.push(edit);
    }
    return edits;
  }

  /** Replaces the indexed text nodes in one gap with the ones there now. */
  private patchGap(gap: Gap): Edit | null {
    const { parent } = gap;
    if (!parent.isConnected) return null; // its removal is a record of its own, higher up
    // Siblings that have since moved away make the gap the whole parent.
    const after = gap.after?.parentNode === parent ? gap.after : null;
    const before = gap.before?.parentNode === parent ? gap.before : null;
    const doc = parent.ownerDocument ?? document;
    const range = doc.createRange();
    if (after) range.setStartAfter(after);
    else range.setStart(parent, 0);
    if (before) range.setEndBefore(before);
    else range.setEnd(parent, parent.childNodes.length);
    if (parent.nodeType === Node.ELEMENT_NODE && (inSkipped(parent as Element) || inEditorOrUi(parent))) {
      return null;
    }

    const from = this.firstNotBefore(range, true);
    const to = this.firstNotBefore(range, false);
    const fresh: Text[] = [];
    const children: Node[] = [];
    for (let child = after ? after.nextSibling : parent.firstChild; child && child !== before; ) {
      children.push(child);
      child = child.nextSibling;
    }
    for (const node of textNodesOf(children, (r) => this.shadowRoots.add(r))) fresh.push(node);
    if (from === to && fresh.length === 0) return null;
    const pieces = this.runs.pieces;
    const places = this.placeMap;
    if (places) for (let i = from; i < to; i++) places.delete(pieces[i]!);
    const edit = spliceRuns(
      this.runs,
      from,
      to,
      fresh,
      fresh.map((n) => n.data),
    );
    // Pieces after the splice moved only when their count changed (a same-size swap: not at all).
    if (fresh.length !== to - from) this.placeFrom(from);
    else if (places) for (let i = 0; i < fresh.length; i++) places.set(fresh[i]!, from + i);
    return edit;
  }

  /**
   * Binary search over the indexed nodes; removed ones sit where their text was and take the
   * side of their neighbours, so they fall inside the gap. With `start`: the first node not
   * before the range's start (a removed node counts as its next connected neighbour). Else: the
   * first node after the range (a removed node counts as its previous connected neighbour).
   */
  private firstNotBefore(range: Range, start: boolean): number {
    const pieces = this.runs.pieces;
    let lo = 0;
    let hi = pieces.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      let value: boolean;
      if (start) {
        let probe = mid;
        while (probe < hi && !pieces[probe]!.isConnected) probe++;
        value = probe === hi || compareToRange(pieces[probe]!, range) >= 0;
      } else {
        let probe = mid;
        while (probe >= lo && !pieces[probe]!.isConnected) probe--;
        value = probe >= lo && compareToRange(pieces[probe]!, range) > 0;
      }
      if (value) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  /** A live DOM Range over text[start, end), or null when the nodes have left the document. */
  rangeFor(start: number, end: number): Range | null {
    const { pieces, starts, text } = this.runs;
    if (pieces.length === 0 || end <= start || end > text.length) return null;
    const first = pieceAt(starts, start);
    const last = pieceAt(starts, end - 1);
    const startNode = pieces[first]!;
    const endNode = pieces[last]!;
    if (!startNode.isConnected || !endNode.isConnected) return null;
    // A Range cannot span a shadow boundary: such a match is not the reader's text run.
    if (first !== last && startNode.getRootNode() !== endNode.getRootNode()) return null;
    const range = startNode.ownerDocument.createRange();
    try {
      range.setStart(startNode, start - starts[first]!);
      range.setEnd(endNode, end - starts[last]!);
    } catch {
      return null; // the node's text changed length since it was indexed
    }
    return range;
  }

  /** Where an indexed text node starts in `text`; null for a node the index does not hold. */
  startOf(node: Text): number | null {
    const place = this.places.get(node);
    return place === undefined ? null : this.runs.starts[place]!;
  }

  /** The text offset of a DOM boundary point (as in a Selection's Range), or null outside the index. */
  offsetOf(container: Node, offset: number): number | null {
    const { pieces, starts, text } = this.runs;
    const place = container.nodeType === Node.TEXT_NODE ? this.places.get(container as Text) : undefined;
    if (place !== undefined) return starts[place]! + Math.min(offset, (container as Text).data.length);
    const doc = container.ownerDocument ?? (container as Document);
    const probe = doc.createRange();
    try {
      probe.setStart(container, offset);
    } catch {
      return null;
    }
    // A boundary between elements: the first indexed text node at or after that point.
    const at = this.firstNotBefore(probe, true);
    if (at >= pieces.length) return text.length;
    return starts[at]!;
  }

  /** Offsets of a selection's Range, or null when it is not in indexed text. */
  offsetsOf(range: Range): { start: number; end: number } | null {
    const start = this.offsetOf(range.startContainer, range.startOffset);
    const end = this.offsetOf(range.endContainer, range.endOffset);
    if (start === null || end === null || end <= start) return null;
    return { start, end };
  }
}

/**
 * Where a text node is relative to a range: -1 before it, 0 inside, 1 after. Nodes and ranges
 * in different trees (shadow roots) are compared through their hosts: a shadow tree's text
 * comes before its host's light children, as the index reads it.
 */
function compareToRange(node: Node, range: Range): number {
  const rangeRoot = range.startContainer.getRootNode();
  // Lift the node to the range's tree, through its hosts.
  let lifted: Node = node;
  while (lifted.getRootNode() !== rangeRoot) {
    const root = lifted.getRootNode();
    if (!isShadowRoot(root)) break;
    lifted = root.host;
  }
  if (lifted.getRootNode() === rangeRoot) {
    if (lifted === node) return range.comparePoint(node, 0);
    // The node is in the shadow tree of `lifted`, read where the host itself starts.
    const at = (lifted.ownerDocument ?? document).createRange();
    at.selectNode(lifted);
    return range.comparePoint(at.startContainer, at.startOffset);
  }
  // The range is in a shadow tree the node is outside of: lift the range's host to the node's tree.
  let host: Node = range.startContainer;
  while (host.getRootNode() !== lifted.getRootNode()) {
    const root = host.getRootNode();
    if (!isShadowRoot(root)) return 1; // unrelated trees: treat as after
    host = root.host;
  }
  if (host === lifted) return 1;
  const position = host.compareDocumentPosition(lifted);
  if (position & Node.DOCUMENT_POSITION_CONTAINED_BY) return 1; // a light child: after the shadow tree
  return position & Node.DOCUMENT_POSITION_PRECEDING ? -1 : 1;
}

// By node type rather than instanceof: Firefox's content scripts see page objects through wrappers.
function isShadowRoot(node: Node): node is ShadowRoot {
  return node.nodeType === Node.DOCUMENT_FRAGMENT_NODE && 'host' in node;
}
