import { existsSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { DEFAULT_DATA_DIR, loadDebates, serialiseModel, trainModel } from '../../scripts/train-claims';
import { DENSE_NAMES } from '../../src/core/detect/features';
import {
  DEFAULT_MODEL,
  type DetectModel,
  explain,
  isSupportedLanguage,
  parseModel,
  scoreSentences,
  selectClaims,
} from '../../src/core/detect/index';

const article = [
  'Good evening and welcome.',
  'Unemployment fell to 4 percent last year, the lowest rate since 1969.',
  'Thank you very much.',
  'According to the Congressional Budget Office, the plan would add $5 trillion to the debt.',
  '(APPLAUSE)',
  '',
  'We will build more schools than any government before us.',
  'How are you?',
];

describe('scoreSentences', () => {
  it('gives one probability per sentence, blank sentences 0', () => {
    const s = scoreSentences(article);
    expect(s).toHaveLength(article.length);
    for (const x of s) {
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThanOrEqual(1);
    }
    expect(s[5]).toBe(0);
    expect(scoreSentences([])).toEqual([]);
  });

  it('is deterministic', () => {
    expect(scoreSentences(article)).toEqual(scoreSentences([...article]));
  });

  it('ranks statistics and attributed figures above pleasantries and stage directions', () => {
    const s = scoreSentences(article);
    const [welcome, stat, thanks, attributed, applause] = s;
    for (const low of [welcome, thanks, applause]) {
      expect(stat).toBeGreaterThan(low ?? 1);
      expect(attributed).toBeGreaterThan(low ?? 1);
    }
  });

  it('takes the neighbouring sentences into account', () => {
    const claim = 'Murders are up.';
    const alone = scoreSentences([claim])[0];
    const inContext = scoreSentences(['Crime rose by 20 percent in 2015.', claim, 'He said so.'])[1];
    expect(inContext).not.toBe(alone);
  });

  it('scores with a given model exactly as a logistic regression', () => {
    const model: DetectModel = {
      version: 1,
      language: 'en',
      bias: -1,
      dense: { names: ['number'], weights: [2] },
      ngrams: { terms: ['tax', 'raise tax'], weights: [0.5, 0.25] },
    };
    const [a, b] = scoreSentences(['Raise tax by 5.', 'Hello.'], model);
    expect(a).toBeCloseTo(1 / (1 + Math.exp(-(-1 + 2 + 0.5 + 0.25))), 12);
    expect(b).toBeCloseTo(1 / (1 + Math.exp(1)), 12);
  });
});

describe('the shipped model', () => {
  it('is a valid model that knows every dense feature', () => {
    expect(parseModel(JSON.parse(JSON.stringify(DEFAULT_MODEL)))).toEqual(DEFAULT_MODEL);
    expect([...DEFAULT_MODEL.dense.names].sort()).toEqual([...DENSE_NAMES].sort());
    expect(DEFAULT_MODEL.ngrams.terms.length).toBeGreaterThan(100);
  });

  it('is small: at most 150 KB gzipped', () => {
    const raw = readFileSync(new URL('../../src/core/detect/model.json', import.meta.url));
    expect(gzipSync(raw).length).toBeLessThanOrEqual(150 * 1024);
  });

  it.skipIf(!existsSync(DEFAULT_DATA_DIR))(
    'is what `npm run train:claims` makes, byte for byte',
    () => {
      const file = readFileSync(new URL('../../src/core/detect/model.json', import.meta.url), 'utf8');
      expect(serialiseModel(trainModel(loadDebates()))).toBe(file);
    },
    120_000,
  );

  it('rejects what is not a model', () => {
    expect(() => parseModel(null)).toThrow(/Not a claim-detector model/);
    expect(() => parseModel({ version: 2 })).toThrow(/version/);
    expect(() =>
      parseModel({ version: 1, language: 'en', bias: 0, dense: { names: ['a'], weights: [] }, ngrams: {} }),
    ).toThrow(/dense/);
  });
});

describe('explain', () => {
  it('gives short reasons a reader understands', () => {
    expect(explain('Unemployment fell to 4 percent last year.')).toContain('a percentage');
    expect(explain('There are 11 million people here.')).toContain('a number');
    const attributed = explain('According to the CBO, the plan costs $2 trillion.');
    expect(attributed).toContain('a sum of money');
    expect(attributed).toContain('attributed claim');
    expect(explain('Our taxes are higher than in any other country.')).toContain('comparison');
    expect(explain('It is the worst deal ever made.')).toContain('comparison');
    expect(explain('We will cut taxes for every family.')).toContain('a promise');
    expect(explain('Crime went up because the police were cut.')).toContain('cause and effect');
  });

  it('gives at most three reasons, a fallback when no cue applies, none for a blank sentence', () => {
    const many = explain(
      'He said that, because of the plan, 5 percent more people will pay more than before.',
    );
    expect(many.length).toBeLessThanOrEqual(3);
    expect(many[0]).toBe('a percentage');
    expect(explain('It is what it is.')).toEqual(['wording typical of checked claims']);
    expect(explain('   ')).toEqual([]);
  });
});

describe('isSupportedLanguage', () => {
  it('accepts English language tags and rejects others', () => {
    for (const tag of ['en', 'EN', 'en-US', 'en_GB', 'en-Latn-US'])
      expect(isSupportedLanguage(tag)).toBe(true);
    for (const tag of ['de', 'fr-FR', 'it', 'es-419', 'zh-Hans', 'x-klingon'])
      expect(isSupportedLanguage(tag)).toBe(false);
    expect(isSupportedLanguage('')).toBe(false);
  });

  it('judges a text sample by its words', () => {
    expect(
      isSupportedLanguage('The unemployment rate fell to four percent, the lowest in fifty years.'),
    ).toBe(true);
    expect(isSupportedLanguage('Die Arbeitslosigkeit ist im letzten Jahr auf vier Prozent gesunken.')).toBe(
      false,
    );
    expect(isSupportedLanguage('Le taux de chômage est tombé à quatre pour cent l’an dernier.')).toBe(false);
    expect(isSupportedLanguage('失业率去年降至百分之四。')).toBe(false);
    expect(isSupportedLanguage('Безработица снизилась до четырёх процентов.')).toBe(false);
  });
});

describe('selectClaims', () => {
  it('marks the best share of sentences above the floor, in document order', () => {
    // Twenty strong sentences among forty: "fewer" marks the best 12% (5), "more" 30% (12).
    const scores = Array.from({ length: 40 }, (_, i) => (i % 2 === 1 ? 0.9 - i / 100 : 0.01));
    expect(selectClaims(scores, 'fewer')).toEqual([1, 3, 5, 7, 9]);
    expect(selectClaims(scores, 'more')).toEqual([1, 3, 5, 7, 9, 11, 13, 15, 17, 19, 21, 23]);
    expect(
      selectClaims(
        scores.map(() => 0.01),
        'more',
      ),
    ).toEqual([]);
    expect(selectClaims([0.5], 'fewer')).toEqual([0]);
  });
});
