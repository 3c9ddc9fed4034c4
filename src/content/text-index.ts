// The page's text as one string plus a map back to its text nodes: what anchoring and matching
// read, and how their offsets become DOM Ranges again. Reads the DOM, never changes it.

/** Elements whose text a reader never sees as article text. */
const SKIP = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'TEXTAREA',
  'SELECT',
  'OPTION',
  'SVG',
  'IFRAME',
]);

export const UI_HOST_TAG = 'factmark-ui';

export class TextIndex {
  private constructor(
    readonly text: string,
    private readonly nodes: Text[],
    /** starts[i]: offset in `text` of nodes[i]'s first character. */
    private readonly starts: Int32Array,
    private readonly positions: Map<Text, number>,
  ) {}

  static build(root: Node): TextIndex {
    const nodes: Text[] = [];
    const parts: string[] = [];
    const walker = root.ownerDocument!.createTreeWalker(
      root,
      NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT,
      {
        acceptNode(node) {
          if (node.nodeType === Node.TEXT_NODE) return NodeFilter.FILTER_ACCEPT;
          const element = node as Element;
          if (SKIP.has(element.tagName.toUpperCase()) || element.localName === UI_HOST_TAG) {
            return NodeFilter.FILTER_REJECT;
          }
          return NodeFilter.FILTER_SKIP;
        },
      },
    );
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node as Text;
      if (text.data.length === 0) continue;
      nodes.push(text);
      parts.push(text.data);
    }
    const starts = new Int32Array(nodes.length);
    const positions = new Map<Text, number>();
    let offset = 0;
    for (let i = 0; i < nodes.length; i++) {
      starts[i] = offset;
      positions.set(nodes[i]!, i);
      offset += parts[i]!.length;
    }
    return new TextIndex(parts.join(''), nodes, starts, positions);
  }

  /** The index of the text node holding character `offset` (the last node starting at or before it). */
  private nodeAt(offset: number): number {
    let lo = 0;
    let hi = this.nodes.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** A live DOM Range over text[start, end), or null when the nodes have left the document. */
  rangeFor(start: number, end: number): Range | null {
    if (this.nodes.length === 0 || end <= start || end > this.text.length) return null;
    const first = this.nodeAt(start);
    const last = this.nodeAt(end - 1);
    const startNode = this.nodes[first]!;
    const endNode = this.nodes[last]!;
    if (!startNode.isConnected || !endNode.isConnected) return null;
    const range = startNode.ownerDocument.createRange();
    try {
      range.setStart(startNode, start - this.starts[first]!);
      range.setEnd(endNode, end - this.starts[last]!);
    } catch {
      return null; // the node's text changed length since it was indexed
    }
    return range;
  }

  /** The text offset of a DOM boundary point (as in a Selection's Range), or null outside the index. */
  offsetOf(container: Node, offset: number): number | null {
    if (container.nodeType === Node.TEXT_NODE) {
      const index = this.positions.get(container as Text);
      if (index !== undefined) return this.starts[index]! + Math.min(offset, (container as Text).data.length);
    }
    // A boundary between elements: the first indexed text node at or after that point.
    const doc = container.ownerDocument ?? (container as Document);
    const probe = doc.createRange();
    try {
      probe.setStart(container, offset);
    } catch {
      return null;
    }
    let lo = 0;
    let hi = this.nodes.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const node = this.nodes[mid]!;
      // Is the node (its start) before the boundary point?
      if (probe.comparePoint(node, 0) < 0) lo = mid + 1;
      else hi = mid;
    }
    if (lo >= this.nodes.length) return this.text.length;
    return this.starts[lo]!;
  }

  /** Offsets of a selection's Range, or null when it is not in indexed text. */
  offsetsOf(range: Range): { start: number; end: number } | null {
    const start = this.offsetOf(range.startContainer, range.startOffset);
    const end = this.offsetOf(range.endContainer, range.endOffset);
    if (start === null || end === null || end <= start) return null;
    return { start, end };
  }
}
