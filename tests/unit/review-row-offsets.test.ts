import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RowOffsets } from '../../src/review/row-offsets';

/** Offsets the plain way: a running sum. */
function prefixSums(heights: readonly number[]): number[] {
  const out = [0];
  for (const height of heights) out.push(out[out.length - 1]! + height);
  return out;
}

describe('RowOffsets', () => {
  it('places each row below the ones before it, and knows the total height', () => {
    const offsets = new RowOffsets(4, (i) => [100, 50, 150, 10][i]!);
    expect([0, 1, 2, 3, 4].map((i) => offsets.offsetOf(i))).toEqual([0, 100, 150, 300, 310]);
    expect(offsets.total).toBe(310);
  });

  it('moves every row below a row whose measured height differs from the estimate', () => {
    const offsets = new RowOffsets(5, () => 100);
    expect(offsets.setHeight(1, 160)).toBe(60);
    expect(offsets.offsetOf(1)).toBe(100);
    expect(offsets.offsetOf(2)).toBe(260);
    expect(offsets.offsetOf(5)).toBe(560);
    expect(offsets.setHeight(1, 160)).toBe(0);
  });

  it('finds the row at a scroll position, the first row above the top and the last past the end', () => {
    const offsets = new RowOffsets(3, (i) => [100, 50, 150][i]!);
    expect(offsets.indexAt(-20)).toBe(0);
    expect(offsets.indexAt(0)).toBe(0);
    expect(offsets.indexAt(99)).toBe(0);
    expect(offsets.indexAt(100)).toBe(1);
    expect(offsets.indexAt(160)).toBe(2);
    expect(offsets.indexAt(10_000)).toBe(2);
    expect(new RowOffsets(0, () => 1).indexAt(5)).toBe(0);
  });

  it('agrees with a running sum after any sequence of height changes', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 400 }), { minLength: 1, maxLength: 60 }),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 400 })), { maxLength: 30 }),
        fc.integer({ min: -50, max: 30_000 }),
        (initial, changes, y) => {
          const heights = [...initial];
          const offsets = new RowOffsets(heights.length, (i) => heights[i]!);
          for (const [at, height] of changes) {
            const index = at % heights.length;
            heights[index] = height;
            offsets.setHeight(index, height);
          }
          const sums = prefixSums(heights);
          for (let i = 0; i <= heights.length; i++) expect(offsets.offsetOf(i)).toBe(sums[i]);
          const expected = Math.max(
            0,
            Math.min(heights.length - 1, sums.filter((sum) => sum <= y).length - 1),
          );
          expect(offsets.indexAt(y)).toBe(expected);
        },
      ),
    );
  });

  it('reads each row height once, when built: a changed height or a scroll position never walks every row', () => {
    let reads = 0;
    const offsets = new RowOffsets(100_000, () => {
      reads++;
      return 158;
    });
    for (let i = 0; i < 1_000; i++) {
      offsets.setHeight(i * 97, 200);
      offsets.indexAt(i * 5_000);
    }
    expect(reads).toBe(100_000);
    expect(offsets.offsetOf(100_000)).toBe(100_000 * 158 + 1_000 * 42);
    expect(offsets.indexAt(offsets.offsetOf(99_999))).toBe(99_999);
  });
});
