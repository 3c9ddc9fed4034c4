// Acronyms spelt out with the wrong name: flagged with the official name and its source; right
// names, in any of their usual spellings and forms, left alone.
import { describe, expect, it } from 'vitest';
import { ACRONYMS, checkAcronyms } from '../../src/core/acronyms';
import { fixturePageText } from './support/page-text';

describe('checkAcronyms', () => {
  it('flags "Digital Rights Act (DSA)" on the seed article, with the official name and source', () => {
    const text = fixturePageText('seed-article.html');
    const findings = checkAcronyms(text);
    expect(findings).toHaveLength(1);
    const [finding] = findings;
    expect(text.slice(finding?.start, finding?.end)).toBe('Digital Rights Act (DSA)');
    expect(finding).toMatchObject({
      acronym: 'DSA',
      found: 'Digital Rights Act',
      expected: 'Digital Services Act',
      source: 'https://eur-lex.europa.eu/eli/reg/2022/2065/oj',
      correction: 'The DSA is the Digital Services Act.',
    });
  });

  it('flags the expansion when it follows the acronym in brackets', () => {
    const text = 'Under the DSA (Digital Rights Act), platforms must act.';
    expect(checkAcronyms(text)).toMatchObject([
      { start: text.indexOf('DSA'), end: text.indexOf(')') + 1, expected: 'Digital Services Act' },
    ]);
  });

  it.each([
    'the bloc’s Digital Services Act (DSA) and',
    "the EU's Digital Services Act (DSA) applies",
    'the Digital Services Act’s (DSA) rules',
    'both Digital Services Acts (DSAs)',
    'the DIGITAL SERVICES ACT (DSA)',
    'the North Atlantic Treaty Organisation (NATO)',
    'the World Health Organisation (WHO)',
    'Organisation for Economic Cooperation and Development (OECD)',
    'United Nations Educational, Scientific and Cultural Organisation (UNESCO)',
    'the UN Refugee Agency (UNHCR)',
    'the European Court of Human Rights (ECHR)',
    'the International Cricket Council (ICC)',
    'the International Chamber of Commerce (ICC)',
    'the Court of Justice (CJEU)',
    'the European Public Prosecutor’s Office (EPPO)',
    'Conseil Européen pour la Recherche Nucléaire (CERN)',
    'the DSA (Digital Services Act)',
  ])('does not flag a correct name: %s', (text) => {
    expect(checkAcronyms(text)).toEqual([]);
  });

  it('leaves alone words beside an acronym that are not an attempt at its name', () => {
    expect(checkAcronyms('said Tedros Ghebreyesus (WHO) on Monday, and NATO (which met today)')).toEqual([]);
    expect(checkAcronyms('the Indian Premier League (ICC) and the weather (DSA)')).toEqual([]);
  });

  it('flags a wrong name that shares words with the right one', () => {
    expect(checkAcronyms('judges at the International Criminal Tribunal (ICC) ruled')).toMatchObject([
      { found: 'International Criminal Tribunal', expected: 'International Criminal Court' },
    ]);
    expect(checkAcronyms('the European Central Banking Authority (ECB)')).toMatchObject([
      { expected: 'European Central Bank' },
    ]);
  });

  it('finds nothing to flag on real news pages', () => {
    for (const page of ['bbc-1.html', 'wapo-1.html', 'lemonde-1.html', 'qq.html', 'rtl-1.html']) {
      expect(checkAcronyms(fixturePageText(page))).toEqual([]);
    }
  });
});

describe('the acronym table', () => {
  it('has at least 60 entries, each with an official https source', () => {
    expect(ACRONYMS.length).toBeGreaterThanOrEqual(60);
    for (const entry of ACRONYMS) expect(entry.source).toMatch(/^https:\/\/[a-z0-9.-]+\.[a-z]+\//);
  });

  it('names each acronym once', () => {
    const acronyms = ACRONYMS.map((entry) => entry.acronym.toUpperCase());
    expect(new Set(acronyms).size).toBe(acronyms.length);
  });

  it('accepts every official name and alias it lists', () => {
    for (const { acronym, name, aliases = [] } of ACRONYMS) {
      for (const written of [name, ...aliases])
        expect(checkAcronyms(`the ${written} (${acronym})`)).toEqual([]);
    }
  });
});
