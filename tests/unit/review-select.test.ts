import { describe, expect, it } from 'vitest';
import type { Claim } from '../../src/core/model';
import { SearchIndex } from '../../src/core/search/search-index';
import { selectClaims } from '../../src/core/search/select';
import { DEFAULT_VIEW, type ReviewView } from '../../src/core/search/view-state';
import { claimId, makeClaim } from './support/claims';

let n = 0;
function claim(overrides: Partial<Claim> = {}): Claim {
  n += 1;
  return makeClaim({
    id: claimId(n),
    url: 'https://www.bbc.co.uk/news/world-1',
    title: 'Messaging apps',
    pageKey: 'bbc.co.uk/news/world-1',
    quote: { type: 'TextQuoteSelector', exact: `Quote number ${n}`, prefix: '', suffix: '' },
    position: { type: 'TextPositionSelector', start: 10, end: 34 },
    verdict: 'false',
    created: new Date(2024, 5, n).getTime(),
    updated: new Date(2024, 5, n).getTime(),
    ...overrides,
  });
}

const bbc = claim({ correction: 'It is the Digital Services Act.', tags: ['EU'] });
const bbcSport = claim({
  url: 'https://sport.bbc.co.uk/football/1',
  pageKey: 'sport.bbc.co.uk/football/1',
  verdict: 'misleading',
  tags: ['sport', 'eu'],
});
const lemonde = claim({
  url: 'https://www.lemonde.fr/a',
  pageKey: 'lemonde.fr/a',
  canonicalKey: 'lemonde.fr/canonical',
  title: 'Le Monde',
  verdict: null,
  found: false,
  checked: 1,
});
const lemondeAmp = claim({
  url: 'https://amp.lemonde.fr/a',
  pageKey: 'amp.lemonde.fr/a',
  canonicalKey: 'lemonde.fr/canonical',
  title: '',
  verdict: 'accurate',
  found: true,
});
const index = new SearchIndex([bbc, bbcSport, lemonde, lemondeAmp]);
const pick = (view: Partial<ReviewView>) =>
  selectClaims(index, { ...DEFAULT_VIEW, ...view }).claims.map((c) => c.id);

describe('selecting what the review page lists', () => {
  it('lists every claim newest first by default', () => {
    expect(pick({})).toEqual([lemondeAmp.id, lemonde.id, bbcSport.id, bbc.id]);
  });

  it('filters by verdict, "note" meaning no verdict', () => {
    expect(pick({ verdicts: ['note', 'misleading'] })).toEqual([lemonde.id, bbcSport.id]);
  });

  it('filters by site, subdomains included', () => {
    expect(pick({ site: 'bbc.co.uk' })).toEqual([bbcSport.id, bbc.id]);
    expect(pick({ site: 'sport.bbc.co.uk' })).toEqual([bbcSport.id]);
    expect(pick({ site: 'co.uk.evil' })).toEqual([]);
  });

  it('filters by tag, case-insensitively', () => {
    expect(pick({ tag: 'EU' })).toEqual([bbcSport.id, bbc.id]);
  });

  it('filters by a date range of whole days', () => {
    expect(pick({ from: '2024-06-02', to: '2024-06-03' })).toEqual([lemonde.id, bbcSport.id]);
  });

  it('filters to claims with a related fact-check, as the background answered', () => {
    const checked = new Set([bbc.id, lemonde.id]);
    const related = (c: Claim) => checked.has(c.id);
    const view = { ...DEFAULT_VIEW, factChecked: true };
    expect(selectClaims(index, view, related).claims.map((c) => c.id)).toEqual([lemonde.id, bbc.id]);
    expect(selectClaims(index, { ...view, site: 'bbc.co.uk' }, related).claims.map((c) => c.id)).toEqual([
      bbc.id,
    ]);
    // Without the filter, what the background said changes nothing.
    expect(selectClaims(index, DEFAULT_VIEW, related).claims).toHaveLength(4);
  });

  it('filters to claims with a correction, and to claims not found on their page', () => {
    expect(pick({ hasCorrection: true })).toEqual([bbc.id]);
    expect(pick({ notFound: true })).toEqual([lemonde.id]);
  });

  it('combines search words with filters', () => {
    expect(pick({ q: 'quote', verdicts: ['false'] })).toEqual([bbc.id]);
    expect(pick({ q: 'digital services', site: 'lemonde.fr' })).toEqual([]);
  });

  it('groups claims under their page, a canonical page gathering its copies, titled by the first with a title', () => {
    const { rows } = selectClaims(index, { ...DEFAULT_VIEW, group: true });
    expect(
      rows.map((row) => (row.kind === 'page' ? `page:${row.key}:${row.count}:${row.title}` : row.claim.id)),
    ).toEqual([
      'page:lemonde.fr/canonical:2:Le Monde',
      lemondeAmp.id,
      lemonde.id,
      'page:sport.bbc.co.uk/football/1:1:Messaging apps',
      bbcSport.id,
      'page:bbc.co.uk/news/world-1:1:Messaging apps',
      bbc.id,
    ]);
  });
});
