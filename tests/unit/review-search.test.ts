import { describe, expect, it } from 'vitest';
import type { Claim } from '../../src/core/model';
import { parseQuery } from '../../src/core/search/query';
import { SearchIndex } from '../../src/core/search/search-index';
import { fold, siteOf, wordsOf } from '../../src/core/search/text';
import { claimId, makeClaim } from './support/claims';

let n = 0;
function claim(overrides: Partial<Claim> = {}): Claim {
  n += 1;
  return makeClaim({
    id: claimId(n),
    url: 'https://www.bbc.co.uk/news/world-1',
    title: 'No messaging app is reliable – Kremlin',
    pageKey: 'bbc.co.uk/news/world-1',
    quote: { type: 'TextQuoteSelector', exact: 'Digital Rights Act (DSA)', prefix: '', suffix: '' },
    position: { type: 'TextPositionSelector', start: 10, end: 34 },
    verdict: 'false',
    correction: 'The DSA is the Digital Services Act.',
    tags: ['EU'],
    created: 1_700_000_000_000 + n,
    updated: 1_700_000_000_000 + n,
    ...overrides,
  });
}

function ids(index: SearchIndex, typed: string): string[] {
  const hits = index.search(parseQuery(typed));
  const out: string[] = [];
  for (const slot of index.ordered('oldest')) {
    if (hits && hits.count[slot] !== hits.need) continue;
    out.push(index.at(slot)!.claim.id);
  }
  return out;
}

describe('search words', () => {
  it('folds case, accents and compatibility forms so "Élysée" and "elysee" are one word', () => {
    expect(fold('Élysée ﬁnance')).toBe('elysee finance');
    expect(wordsOf('L’Élysée dément: «Macron» a dit 42%')).toEqual([
      'l',
      'elysee',
      'dement',
      'macron',
      'a',
      'dit',
      '42',
    ]);
  });

  it('names a site by its host without www, and nothing for a non-web address', () => {
    expect(siteOf('https://www.lemonde.fr/a?b=1')).toBe('lemonde.fr');
    expect(siteOf('file:///home/x.html')).toBe('');
    expect(siteOf('not a url')).toBe('');
  });

  it('treats the last word as a prefix while it is being typed, and as a whole word after a space', () => {
    expect(parseQuery('digital serv')).toEqual({ words: ['digital', 'serv'], lastIsPrefix: true });
    expect(parseQuery('digital serv ')).toEqual({ words: ['digital', 'serv'], lastIsPrefix: false });
    expect(parseQuery('  ,. ')).toEqual({ words: [], lastIsPrefix: false });
  });
});

describe('SearchIndex', () => {
  const dsa = claim();
  const elysee = claim({
    url: 'https://www.lemonde.fr/politique/article',
    pageKey: 'lemonde.fr/politique/article',
    title: 'L’Élysée dément',
    quote: { type: 'TextQuoteSelector', exact: 'Le président a été réélu en 2020', prefix: '', suffix: '' },
    correction: 'Réélu en 2022.',
    note: 'Voir le Conseil constitutionnel',
    tags: ['Politique', 'élections'],
    verdict: 'misleading',
  });
  const note = claim({
    verdict: null,
    quote: { type: 'TextQuoteSelector', exact: 'Telegram is not safe', prefix: '', suffix: '' },
    correction: '',
    note: 'Check the figures later',
    tags: [],
  });

  it('finds claims by words of the quote, correction, note, tags, page title and site', () => {
    const index = new SearchIndex([dsa, elysee, note]);
    expect(ids(index, 'rights act ')).toEqual([dsa.id]);
    expect(ids(index, 'services ')).toEqual([dsa.id]);
    expect(ids(index, 'conseil ')).toEqual([elysee.id]);
    expect(ids(index, 'elections ')).toEqual([elysee.id]);
    expect(ids(index, 'kremlin ')).toEqual([dsa.id, note.id]);
    expect(ids(index, 'lemonde ')).toEqual([elysee.id]);
  });

  it('matches regardless of case and accents, the last word as a prefix', () => {
    const index = new SearchIndex([dsa, elysee, note]);
    expect(ids(index, 'REELU')).toEqual([elysee.id]);
    expect(ids(index, 'élysée dem')).toEqual([elysee.id]);
    expect(ids(index, 'fig')).toEqual([note.id]);
    expect(ids(index, 'fig ')).toEqual([]);
  });

  it('needs every word to match', () => {
    const index = new SearchIndex([dsa, elysee, note]);
    expect(ids(index, 'digital kremlin')).toEqual([dsa.id]);
    expect(ids(index, 'digital elysee')).toEqual([]);
    expect(ids(index, 'nonexistent digital')).toEqual([]);
  });

  it('answers null (everything) for an empty search', () => {
    expect(new SearchIndex([dsa]).search(parseQuery('  '))).toBeNull();
  });

  it('follows edits and deletions: the old words no longer find the claim', () => {
    const index = new SearchIndex([dsa, elysee]);
    index.upsert([{ ...dsa, correction: 'Now about the Fediverse', updated: dsa.updated + 1 }]);
    expect(ids(index, 'services ')).toEqual([]);
    expect(ids(index, 'fedi')).toEqual([dsa.id]);
    expect(index.size).toBe(2);
    index.remove([elysee.id]);
    expect(ids(index, 'conseil')).toEqual([]);
    expect(index.size).toBe(1);
    expect(index.get(elysee.id)).toBeUndefined();
  });

  it('finds words added one claim at a time as prefixes too (the sorted word list stays sorted)', () => {
    const index = new SearchIndex();
    for (const word of ['zebra', 'apple', 'mango', 'applesauce']) {
      index.upsert([claim({ note: word, title: '', tags: [], correction: '', url: 'https://x.test/' })]);
    }
    expect(ids(index, 'app').length).toBe(2);
    expect(ids(index, 'zeb').length).toBe(1);
    expect(ids(index, 'm').length).toBe(1);
  });

  it('compacts after many removals and keeps answering the same', () => {
    const many = Array.from({ length: 3_000 }, (_, i) => claim({ note: i % 2 ? 'odd one' : 'even one' }));
    const index = new SearchIndex(many);
    index.remove(many.slice(0, 2_500).map((c) => c.id));
    expect(index.size).toBe(500);
    expect(ids(index, 'odd').length).toBe(250);
    expect(index.ordered('newest').length).toBe(500);
  });

  it('sorts newest first, oldest first, by site, and by verdict with notes last', () => {
    const index = new SearchIndex([dsa, elysee, note]);
    const order = (sort: 'newest' | 'oldest' | 'site' | 'verdict') =>
      [...index.ordered(sort)].map((slot) => index.at(slot)!.claim.id);
    expect(order('newest')).toEqual([note.id, elysee.id, dsa.id]);
    expect(order('oldest')).toEqual([dsa.id, elysee.id, note.id]);
    expect(order('site')).toEqual([note.id, dsa.id, elysee.id]);
    expect(order('verdict')).toEqual([dsa.id, elysee.id, note.id]);
  });

  it('counts sites and tags for suggestions, tags case-insensitively', () => {
    const index = new SearchIndex([dsa, elysee, note, claim({ tags: ['eu'] })]);
    const { sites, tags } = index.facets();
    expect(sites[0]).toEqual(['bbc.co.uk', 3]);
    expect(tags[0]).toEqual(['EU', 2]);
  });

  // How fast a keystroke is answered is measured by the review benchmark (`node bench/run.mjs review`).
  it('answers each keystroke over 100,000 claims with exactly the claims holding every typed word', () => {
    const words = ['minister', 'budget', 'election', 'climate', 'vaccine', 'border', 'inflation', 'court'];
    const big = Array.from({ length: 100_000 }, (_, i) =>
      claim({
        id: `00000000-0000-4000-9000-${String(i).padStart(12, '0')}`,
        quote: {
          type: 'TextQuoteSelector',
          exact: `The ${words[i % 8]} said ${i} people ${words[(i * 7) % 8]} in ${2000 + (i % 25)}`,
          prefix: '',
          suffix: '',
        },
        note: i % 100 === 0 ? 'rare needle' : '',
        url: `https://site${i % 500}.example/article/${i}`,
      }),
    );
    const index = new SearchIndex(big);
    const quoted = (test: (quote: string) => boolean) => big.filter((c) => test(c.quote.exact)).length;
    const expected: Record<string, number> = {
      needle: 1_000,
      // "budget" and a word starting "co": only "court" in these quotes.
      'budget co': quoted((q) => q.includes(' budget ') && q.includes(' court ')),
      // "budget" and a word starting "c": "climate" or "court".
      'budget c': quoted((q) => q.includes(' budget ') && (q.includes(' climate ') || q.includes(' court '))),
      bud: quoted((q) => q.includes(' budget ')),
    };
    for (const [typed, count] of Object.entries(expected)) {
      const hits = index.search(parseQuery(typed));
      let found = 0;
      for (const slot of index.ordered('newest')) if (!hits || hits.count[slot] === hits.need) found++;
      expect({ typed, found }).toEqual({ typed, found: count });
    }
  });
});

describe('SearchIndex rows', () => {
  it('lists the same row object for a claim in every search, so a keystroke allocates no rows', async () => {
    const { selectClaims } = await import('../../src/core/search/select');
    const { DEFAULT_VIEW } = await import('../../src/core/search/view-state');
    const index = new SearchIndex([claim(), claim({ note: 'needle' })]);
    const all = selectClaims(index, DEFAULT_VIEW).rows;
    const found = selectClaims(index, { ...DEFAULT_VIEW, q: 'need' }).rows;
    expect(found).toHaveLength(1);
    expect(all).toContain(found[0]);
    expect(found[0]).toMatchObject({ kind: 'claim', site: 'bbc.co.uk' });
  });
});
