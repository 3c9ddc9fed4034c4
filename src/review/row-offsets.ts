// Where each row of the virtualised review list starts, for 100,000 rows whose heights become
// known one by one as they are rendered: a Fenwick (binary indexed) tree over the row heights, so
// changing one height, reading a row's offset and finding the row at a scroll position are each
// O(log n) — not a pass over every row on each scroll frame. Pure; no DOM.

export class RowOffsets {
  /** tree[i] (1-based) holds the sum of heights in (i - lowbit(i), i]. */
  private readonly tree: Float64Array;
  private readonly heights: Float64Array;
  private readonly top: number;

  /** `heightOf(i)` is row i's height (including any gap after it). */
  constructor(count: number, heightOf: (index: number) => number) {
    this.heights = new Float64Array(count);
    this.tree = new Float64Array(count + 1);
    for (let i = 0; i < count; i++) {
      const height = heightOf(i);
      this.heights[i] = height;
      this.tree[i + 1] = this.tree[i + 1]! + height;
      const parent = i + 1 + ((i + 1) & -(i + 1));
      if (parent <= count) this.tree[parent] = this.tree[parent]! + this.tree[i + 1]!;
    }
    let top = 1;
    while (top * 2 <= count) top *= 2;
    this.top = top;
  }

  get count(): number {
    return this.heights.length;
  }

  heightOf(index: number): number {
    return this.heights[index] ?? 0;
  }

  /** The top of row `index`; `offsetOf(count)` is the height of every row together. */
  offsetOf(index: number): number {
    let sum = 0;
    for (let i = Math.min(index, this.count); i > 0; i -= i & -i) sum += this.tree[i]!;
    return sum;
  }

  get total(): number {
    return this.offsetOf(this.count);
  }

  /** Changes one row's height; answers by how much it changed. */
  setHeight(index: number, height: number): number {
    const delta = height - (this.heights[index] ?? height);
    if (delta === 0 || index < 0 || index >= this.count) return 0;
    this.heights[index] = height;
    for (let i = index + 1; i <= this.count; i += i & -i) this.tree[i] = this.tree[i]! + delta;
    return delta;
  }

  /** The row at vertical position `y`: the last row whose top is at or above it (0 when none). */
  indexAt(y: number): number {
    if (this.count === 0 || y < 0) return 0;
    let position = 0;
    let rest = y;
    for (let step = this.top; step > 0; step >>= 1) {
      const next = position + step;
      if (next <= this.count && this.tree[next]! <= rest) {
        position = next;
        rest -= this.tree[next]!;
      }
    }
    return Math.min(position, this.count - 1);
  }
}
