// The lexical index of known fact-checks: it finds fact-checks by their words, keeps working
// when fact-checks are added and removed (answering as a fresh build would), and survives being
// stored and loaded.

import { describe, expect, it } from 'vitest';
import { analyseText } from '../../src/core/factchecks/analyse-text';
import { loadIndex, storeIndex } from '../../src/core/factchecks/index-storage';
import {
  addToIndex,
  buildIndex,
  type FactCheckText,
  type LexicalIndex,
  removeFromIndex,
} from '../../src/core/factchecks/lexical-index';
import { lexicalSearch } from '../../src/core/factchecks/lexical-search';

// Snopes fact-checks from the CheckThat! 2020 data (claim as worded by the fact-checker, title).
const FACT_CHECKS: FactCheckText[] = [
  {
    id: '0',
    claim:
      '122 detainees released from confinement at Guantanamo Bay under President Obama have re-engaged in terrorist activities.',
    title: 'Did 122 Prisoners Released from Guantanamo by President Obama Return to the Battlefield?',
  },
  {
    id: '1',
    claim: '70 per cent of the persons arrested during protests in Charlotte had out-of-state IDs.',
    title: '70% of Arrested Charlotte Protesters Are Out-of-State Criminals',
  },
  {
    id: '3',
    claim: 'A "large-scale killing" of white farmers is taking place in South Africa.',
    title: 'Is a ‘Large-Scale Killing’ of White Farmers Underway in South Africa?',
  },
  {
    id: 'kellogg',
    claim:
      "Kellogg's Corn Flakes were originally created in an effort to discourage American consumers from masturbating.",
    title: 'Were Kellogg’s Corn Flakes Created as an ‘Anti-Masturbatory Morning Meal’?',
  },
  {
    id: 'aldi',
    claim: 'ALDI offers free food to homeless people at their stores after 4 PM on Christmas Eve.',
    title: 'Is ALDI Offering Homeless People Free Food on Christmas Eve?',
  },
  {
    id: 'draft',
    claim:
      'The U.S. Army is sending text messages informing people they have been selected for a military draft.',
    title: 'Is the U.S. Army Sending Texts About a Military Draft?',
  },
];

const QUERIES = [
  'Farmers are being killed in South Africa',
  'Aldi gives free food to the homeless on Christmas Eve',
  'Army texts about the military draft are fake',
  'Guantanamo prisoners released by Obama went back to terrorism',
  'Charlotte protesters arrested came from out of state',
];

function answers(index: LexicalIndex): { id: string; score: number }[][] {
  return QUERIES.map((q) =>
    lexicalSearch(index, analyseText(q).terms, 3).map((c) => ({ id: c.id, score: c.score })),
  );
}

describe('lexicalSearch', () => {
  it('ranks first the fact-check whose words the query shares', () => {
    const index = buildIndex(FACT_CHECKS);
    expect(answers(index).map((a) => a[0]?.id)).toEqual(['3', 'aldi', 'draft', '0', '1']);
  });

  it('returns nothing for words no fact-check has, and nothing from an empty index', () => {
    expect(lexicalSearch(buildIndex(FACT_CHECKS), analyseText('quantum chromodynamics').terms, 5)).toEqual(
      [],
    );
    expect(lexicalSearch(buildIndex([]), analyseText('South Africa').terms, 5)).toEqual([]);
  });

  it('returns at most k candidates, best first', () => {
    const found = lexicalSearch(
      buildIndex(FACT_CHECKS),
      analyseText('President Obama white farmers').terms,
      2,
    );
    expect(found.map((c) => c.id)).toEqual(['3', '0']);
    expect(found[0]?.score).toBeGreaterThan(found[1]?.score ?? 0);
  });
});

describe('updating the index', () => {
  it('answers after adding fact-checks exactly as an index built with them from the start', () => {
    const grown = addToIndex(buildIndex(FACT_CHECKS.slice(0, 3)), FACT_CHECKS.slice(3));
    expect(answers(grown)).toEqual(answers(buildIndex(FACT_CHECKS)));
  });

  it('answers after removing fact-checks exactly as an index built without them', () => {
    const shrunk = removeFromIndex(buildIndex(FACT_CHECKS), ['aldi', '0', 'not-there']);
    const rebuilt = buildIndex(FACT_CHECKS.filter((f) => f.id !== 'aldi' && f.id !== '0'));
    expect(answers(shrunk)).toEqual(answers(rebuilt));
    expect(shrunk.ids).not.toContain('aldi');
  });

  it('replaces a fact-check added again under the same id (a feed refresh), keeping one copy', () => {
    const corrected = { id: 'aldi', claim: 'Lidl sells cheap bread.', title: 'Lidl Bread' };
    const index = addToIndex(buildIndex(FACT_CHECKS), [corrected]);
    expect(index.ids.filter((id) => id === 'aldi')).toHaveLength(1);
    expect(
      lexicalSearch(index, analyseText('Aldi free food homeless').terms, 5).map((c) => c.id),
    ).not.toContain('aldi');
    expect(lexicalSearch(index, analyseText('Lidl bread').terms, 1)[0]?.id).toBe('aldi');
  });

  it('leaves the original index unchanged (updates return a new index)', () => {
    const index = buildIndex(FACT_CHECKS);
    const before = answers(index);
    addToIndex(index, [{ id: 'x', claim: 'South Africa farmers', title: '' }]);
    removeFromIndex(index, ['3']);
    expect(answers(index)).toEqual(before);
  });
});

describe('storing the index', () => {
  it('loads from its stored form, after a structured clone as IndexedDB makes, and answers the same', () => {
    const index = buildIndex(FACT_CHECKS);
    const loaded = loadIndex(structuredClone(storeIndex(index)));
    expect(loaded.kind).toBe('ok');
    if (loaded.kind === 'ok') expect(answers(loaded.index)).toEqual(answers(index));
  });

  it('refuses a damaged stored index with a reason, rather than answering from it', () => {
    const stored = storeIndex(buildIndex(FACT_CHECKS));
    expect(loadIndex(null)).toEqual({ kind: 'invalid', reason: 'not an object' });
    expect(loadIndex({ ...stored, version: 99 })).toMatchObject({ kind: 'invalid', reason: /version 99/ });
    expect(loadIndex({ ...stored, ids: stored.ids.slice(1) })).toMatchObject({ kind: 'invalid' });
    const outOfRange = stored.postingDoc.slice();
    outOfRange[0] = 1_000_000;
    expect(loadIndex({ ...stored, postingDoc: outOfRange })).toMatchObject({
      kind: 'invalid',
      reason: /out of range/,
    });
    expect(loadIndex({ ...stored, postingDoc: Array.from(stored.postingDoc) })).toMatchObject({
      kind: 'invalid',
    });
  });
});
