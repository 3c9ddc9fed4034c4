// A feed far smaller than the 10,375 fact-checks the re-ranker was trained on borrows the training
// collection's word statistics (core/factchecks/collection-idf.ts), so its paraphrased claims are
// still recognised — and a sentence it says nothing about is still left alone. Real inputs: the
// demo's sample feed (demo/sample-factchecks.json) and the demo article's sentences.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { idf } from '../../src/core/factchecks/bm25';
import { collectionIdf, referenceWeight } from '../../src/core/factchecks/collection-idf';
import { buildIndex, type FactCheckText } from '../../src/core/factchecks/lexical-index';
import { FACTCHECK_MODEL } from '../../src/core/factchecks/model';
import {
  isFactCheckedBefore,
  profilesFrom,
  rankFactChecks,
} from '../../src/core/factchecks/rank-fact-checks';

interface SampleFeed {
  dataFeedElement: { item: { claimReviewed: string; headline: string }[] }[];
}
const feed = JSON.parse(
  readFileSync(new URL('../../demo/sample-factchecks.json', import.meta.url), 'utf8'),
) as SampleFeed;
const factChecks: FactCheckText[] = feed.dataFeedElement.flatMap((element, i) =>
  element.item.map((review) => ({ id: `sample-${i}`, claim: review.claimReviewed, title: review.headline })),
);
const byId = new Map(factChecks.map((fc) => [fc.id, fc]));
const ranker = {
  index: buildIndex(factChecks),
  model: FACTCHECK_MODEL,
  profileOf: profilesFrom((id) => byId.get(id)),
};
const best = (sentence: string) => rankFactChecks(ranker, sentence, 1)[0];
const claimOf = (id: string | undefined) => (id ? byId.get(id)?.claim : undefined);

describe('a small fact-check feed', () => {
  it('marks the demo article’s sentence that says what one of its fact-checks checked', () => {
    const sentence =
      'French President Emmanuel Macron has claimed that the Telegram founder’s detention was part of “an ongoing judicial investigation” and was “in no way a political decision.”';
    const top = best(sentence);
    expect(isFactCheckedBefore(top, FACTCHECK_MODEL)).toBe(true);
    expect(claimOf(top?.id)).toBe(
      'Macron said the arrest of Telegram founder Pavel Durov was a political decision.',
    );
  });

  it('leaves alone the demo article’s sentences none of its fact-checks is about', () => {
    for (const sentence of [
      'Durov was detained by French authorities on Saturday after arriving in Paris from Azerbaijan by private jet.',
      'Meanwhile, numerous opinion leaders, both in the West and Russia, have slammed the development as a crackdown on free speech, suggesting that the US was behind the arrest.',
    ]) {
      expect(isFactCheckedBefore(best(sentence), FACTCHECK_MODEL), sentence).toBe(false);
    }
  });

  it('recognises a fact-check that has no headline (a CSV feed’s claim and url) by its claim', () => {
    const bare: FactCheckText[] = [
      { id: 'masts', claim: '5G mobile phone masts spread the coronavirus.', title: '' },
      { id: 'tower', claim: 'The Eiffel Tower will be dismantled and moved to Las Vegas.', title: '' },
      { id: 'bridges', claim: 'The city council banned cycling on all bridges.', title: '' },
    ];
    const texts = new Map(bare.map((fc) => [fc.id, fc]));
    const small = {
      index: buildIndex(bare),
      model: FACTCHECK_MODEL,
      profileOf: profilesFrom((id) => texts.get(id)),
    };
    const [top] = rankFactChecks(
      small,
      'Residents claimed that 5G mobile masts on the hill spread the coronavirus.',
      1,
    );
    expect(top?.id).toBe('masts');
    expect(isFactCheckedBefore(top, FACTCHECK_MODEL)).toBe(true);
  });

  it('borrows the training collection’s statistics in full when tiny, and none at the training size', () => {
    expect(referenceWeight(8)).toBeGreaterThan(0.99);
    expect(referenceWeight(10_375)).toBe(0);
    expect(referenceWeight(200_000)).toBe(0);
    // At the training size and beyond, IDF is the index's own: the model sees what it was trained on.
    expect(collectionIdf(10_375, 12, 'telegram')).toBe(idf(10_375, 12));
    // In a tiny feed a word in half the fact-checks is still rare if the world's fact-checks rarely use it.
    expect(collectionIdf(8, 4, 'telegram')).toBeGreaterThan(3 * idf(8, 4));
  });
});
