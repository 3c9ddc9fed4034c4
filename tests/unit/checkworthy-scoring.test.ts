import { describe, expect, it } from 'vitest';
import { loadDebates } from '../../scripts/train-claims';
import { roomFor, scoreInSlices } from '../../src/content/checkworthy';
import { scoreSentences, selectClaims } from '../../src/core/detect';

const debates = loadDebates().slice(0, 3);

describe('scoreInSlices', () => {
  for (const budget of [0.01, 2, 8]) {
    it(`gives the detector's own scores and picks, however small the slices (${budget} ms)`, async () => {
      for (const { sentences } of debates) {
        const sliced = await scoreInSlices(sentences, async () => budget);
        const whole = scoreSentences(sentences);
        expect(sliced).not.toBeNull();
        const scores = sliced!.scores;
        expect(scores).toHaveLength(whole.length);
        for (let i = 0; i < whole.length; i++) expect(scores[i]).toBeCloseTo(whole[i]!, 12);
        expect(selectClaims(scores, 'more')).toEqual(selectClaims(whole, 'more'));
        expect(sliced!.stats.slices).toBeGreaterThan(1);
      }
    });
  }

  it('scores a one-sentence document and an empty one', async () => {
    expect((await scoreInSlices(['Taxes rose 5% in 2015.'], async () => 8))!.scores).toEqual(
      scoreSentences(['Taxes rose 5% in 2015.']),
    );
    expect((await scoreInSlices([], async () => 8))!.scores).toEqual([]);
  });

  it('stops when cancelled between slices', async () => {
    let slices = 0;
    const sentences = debates[0]!.sentences;
    expect(
      await scoreInSlices(
        sentences,
        async () => 0.01,
        () => ++slices > 3,
      ),
    ).toBeNull();
  });
});

describe('roomFor', () => {
  it('allows at most three marks in any stretch one screen high', () => {
    expect(roomFor([0, 100, 200], 300, 900, 3)).toBe(false);
    expect(roomFor([0, 100, 200], 1200, 900, 3)).toBe(true);
    expect(roomFor([0, 1000], 500, 900, 3)).toBe(true);
    expect(roomFor([0, 500, 1000], 1300, 900, 3)).toBe(true);
    expect(roomFor([0, 500, 1000, 1300], 800, 900, 3)).toBe(false);
  });
});
