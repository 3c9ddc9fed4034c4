import { describe, expect, it } from 'vitest';
import {
  CUE_NAMES,
  countEntities,
  cueValues,
  DENSE_NAMES,
  denseScores,
  denseVectors,
  extractDocument,
  ngrams,
  sentenceCues,
  tokenize,
} from '../../src/core/detect/features';

describe('tokenize', () => {
  it('lower-cases words, folds numbers and years, keeps currency, percent and question marks', () => {
    expect(tokenize('He said taxes rose 5.5% to $1,200 in 2015, didn’t he?')).toEqual([
      'he',
      'said',
      'taxes',
      'rose',
      '<num>',
      '%',
      'to',
      '$',
      '<num>',
      'in',
      '<year>',
      "didn't",
      'he',
      '?',
    ]);
  });

  it('gives nothing for blank or punctuation-only text', () => {
    expect(tokenize('')).toEqual([]);
    expect(tokenize('  -- ... ')).toEqual([]);
  });
});

describe('ngrams', () => {
  it('gives unigrams and bigrams, the first bigram marked as the sentence start', () => {
    expect(ngrams(['crime', 'is', 'up'])).toEqual(['crime', '<s> crime', 'is', 'crime is', 'up', 'is up']);
  });
});

describe('sentenceCues', () => {
  it('finds numbers, percentages, money and years', () => {
    const c = sentenceCues('Household incomes are down more than $4,000 since the year 2000.');
    expect(c.number).toBe(1);
    expect(c.money).toBe(1);
    expect(c.year).toBe(1);
    expect(c.comparative).toBe(1);
    expect(sentenceCues('Fifty-eight percent of youth are not working.').percent).toBe(1);
    expect(sentenceCues('It costs many billions of dollars a year.').scaleWord).toBe(1);
    expect(sentenceCues('I love this country.').number).toBe(0);
  });

  it('finds attribution', () => {
    expect(sentenceCues('According to the National Academy of Sciences, it costs a lot.').attribution).toBe(
      1,
    );
    expect(sentenceCues('You said it was the gold standard.').attribution).toBe(1);
    expect(sentenceCues('The sky is blue.').attribution).toBe(0);
  });

  it('finds comparatives and superlatives', () => {
    expect(sentenceCues('It is the single worst trade deal ever approved.').superlative).toBe(1);
    expect(sentenceCues('America is one of the highest-taxed nations in the world.').superlative).toBe(1);
    expect(sentenceCues('Our border is longer than theirs.').comparative).toBe(1);
    expect(sentenceCues('I am an honest person with interests.').superlative).toBe(0);
  });

  it('finds tense, promises and cause and effect', () => {
    const past = sentenceCues('He approved NAFTA and it destroyed jobs.');
    expect(past.past).toBeGreaterThan(0);
    expect(past.causal).toBe(1);
    expect(sentenceCues('Crime has risen because of the policy.').causal).toBe(1);
    expect(sentenceCues('Thousands of jobs have been lost.').presentPerfect).toBe(1);
    const promise = sentenceCues("We're going to build the wall and Mexico will pay.");
    expect(promise.future).toBeGreaterThan(0);
    expect(promise.promise).toBe(1);
    expect(sentenceCues('I promise you that.').promise).toBe(1);
  });

  it('marks questions, short sentences and stage directions', () => {
    expect(sentenceCues('How are you, Donald?').question).toBe(1);
    const applause = sentenceCues('(APPLAUSE)');
    expect(applause.stageDirection).toBe(1);
    expect(applause.short).toBe(1);
    expect(sentenceCues('[CROSSTALK]').stageDirection).toBe(1);
    expect(sentenceCues('The plan (as I said) works well for everyone here.').stageDirection).toBe(0);
  });

  it('keeps every cue a finite number in a small range', () => {
    const long = `${'The number 42 was said by Smith because more is better. '.repeat(200)}`;
    const c = sentenceCues(long);
    for (const name of CUE_NAMES) {
      expect(Number.isFinite(c[name])).toBe(true);
      expect(c[name]).toBeGreaterThanOrEqual(0);
      expect(c[name]).toBeLessThan(10);
    }
  });
});

describe('countEntities', () => {
  it('counts capitalised words and acronyms, not the first word or "I"', () => {
    expect(countEntities('Yesterday Angela Merkel met NATO leaders in Berlin.')).toBe(4);
    expect(countEntities('I think it is fine.')).toBe(0);
    expect(countEntities('The cat sat. Then it left.')).toBe(0);
  });
});

describe('extractDocument', () => {
  const doc = ['Thank you.', 'Unemployment fell to 4 percent in 2019.', 'He said so.'];

  it('gives one feature vector per sentence, of the documented length', () => {
    const f = extractDocument(doc);
    expect(f).toHaveLength(3);
    for (const s of f) expect(s.dense).toHaveLength(DENSE_NAMES.length);
  });

  it('gives each n-gram of a sentence once', () => {
    const f = extractDocument(['the the the cat']);
    expect(f[0]?.ngrams).toEqual(['the', '<s> the', 'the the', 'cat', 'the cat']);
  });

  it('includes the cues of the neighbouring sentences and the position', () => {
    const f = extractDocument(doc);
    const at = (i: number, name: string): number => f[i]?.dense[DENSE_NAMES.indexOf(name)] ?? Number.NaN;
    expect(at(1, 'percent')).toBe(1);
    expect(at(0, 'next:percent')).toBe(1);
    expect(at(2, 'prev:percent')).toBe(1);
    expect(at(1, 'prev:percent')).toBe(0);
    expect(at(1, 'next:attribution')).toBe(1);
    expect(at(0, 'prev:number')).toBe(0);
    expect(at(0, 'position')).toBe(0);
    expect(at(1, 'position')).toBe(0.5);
    expect(at(2, 'position')).toBe(1);
    expect(at(0, 'first')).toBe(1);
    expect(at(2, 'last')).toBe(1);
  });

  it('is deterministic and handles an empty document', () => {
    expect(extractDocument(doc)).toEqual(extractDocument(doc));
    expect(extractDocument([])).toEqual([]);
  });

  it('denseScores is the dot product of the weights with denseVectors', () => {
    const sentences = [...doc, '', 'You voted for the war in 2002, and it cost $2 trillion.', 'Why?'];
    const tokens = sentences.map(tokenize);
    const weights = DENSE_NAMES.map((_, k) => Math.sin(k + 1));
    const vectors = denseVectors(sentences, tokens);
    const fast = denseScores(
      sentences.map((s, i) => cueValues(s, tokens[i] ?? [])),
      weights,
    );
    vectors.forEach((v, i) => {
      const slow = v.reduce((z, x, k) => z + x * (weights[k] ?? 0), 0);
      expect(fast[i]).toBeCloseTo(slow, 12);
    });
    expect(denseScores([], weights)).toEqual([]);
  });
});
