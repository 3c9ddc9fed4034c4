// What the page sends to be matched against the reader's fact-check feeds and which answer it
// keeps (src/content/page-factchecks.ts), and the popup's line about it
// (src/popup/fact-checked-status.ts).
import { describe, expect, it } from 'vitest';
import { bestPerSentence, matchPayload } from '../../src/content/page-factchecks';
import type { FactCheckMark } from '../../src/core/factchecks/fact-check-mark';
import { FACTCHECK_MATCH_LIMITS } from '../../src/messages';
import { describeFactChecked } from '../../src/popup/fact-checked-status';
import { makeMark } from './support/fact-checks';

const PAGE = 'https://news.example/2024/03/offshore-wind';
const sentences = [
  'Wind turbines are killing whales, the mayor said on Tuesday.',
  'The state plans 30 new turbines by 2030.',
];

describe('matchPayload', () => {
  it('sends the page’s sentences as they are, with its address', () => {
    const { key, ...req } = matchPayload(PAGE, sentences);
    expect(req).toEqual({ url: PAGE, sentences });
  });

  it('gives the same sentences the same key, so they are not sent again', () => {
    expect(matchPayload(PAGE, [...sentences]).key).toBe(matchPayload(PAGE, sentences).key);
  });

  it('tells apart an edited sentence, a new one, the same words split differently and another page', () => {
    const key = matchPayload(PAGE, sentences).key;
    const others = [
      matchPayload(PAGE, [sentences[0] ?? '', 'The state plans 31 new turbines by 2030.']),
      matchPayload(PAGE, [...sentences, 'A third sentence.']),
      matchPayload(PAGE, [`${sentences[0]} ${sentences[1]}`]),
      matchPayload(PAGE, [`${sentences[0]}\n${sentences[1]}`]),
      matchPayload(`${PAGE}?page=2`, sentences),
    ].map((p) => p.key);
    for (const other of others) expect(other).not.toBe(key);
    expect(new Set(others).size).toBe(others.length);
  });

  it('keeps within the message’s limits: 5,000 sentences, each at most 2,000 characters', () => {
    const long = 'The minister said the figures were wrong. '.repeat(100);
    const many = Array.from({ length: 6_000 }, (_, i) => (i === 0 ? long : `Sentence ${i}.`));
    const { sentences: sent } = matchPayload(PAGE, many);
    expect(sent).toHaveLength(FACTCHECK_MATCH_LIMITS.sentences);
    expect(sent[0]).toBe(long.slice(0, FACTCHECK_MATCH_LIMITS.chars));
    expect(sent[1]).toBe('Sentence 1.');
  });

  it('cuts an address past 4,096 characters', () => {
    const url = `${PAGE}?q=${'x'.repeat(5_000)}`;
    expect(matchPayload(url, sentences).url).toBe(url.slice(0, 4096));
  });
});

describe('bestPerSentence', () => {
  const at = (sentence: number, score: number, publisher: string): FactCheckMark => ({
    ...makeMark({ publisher, url: `https://${publisher.toLowerCase()}.example/check` }),
    sentence,
    score,
  });

  it('keeps the most likely fact-check of each sentence, in page order', () => {
    const best = bestPerSentence([at(1, 0.7, 'AFP'), at(0, 0.6, 'PolitiFact'), at(1, 0.9, 'FullFact')], 2);
    expect(best.map((m) => [m.sentence, m.factCheck.publisher])).toEqual([
      [0, 'PolitiFact'],
      [1, 'FullFact'],
    ]);
  });

  it('drops marks for sentences the page did not send', () => {
    expect(bestPerSentence([at(-1, 0.9, 'A'), at(2, 0.9, 'B'), at(0.5, 0.9, 'C')], 2)).toEqual([]);
  });
});

describe('the popup’s fact-checked line', () => {
  it('says nothing when no sentence was fact-checked before, or the page did not say', () => {
    expect(describeFactChecked(0)).toBeNull();
    expect(describeFactChecked(undefined)).toBeNull();
  });

  it('counts one sentence and several', () => {
    expect(describeFactChecked(1)).toBe('1 sentence fact-checked before');
    expect(describeFactChecked(2)).toBe('2 sentences fact-checked before');
  });
});
