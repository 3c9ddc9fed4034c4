import { describe, expect, it } from 'vitest';
import {
  DEFAULT_VIEW,
  endOfDay,
  isDay,
  isFiltered,
  type ReviewView,
  searchFromView,
  startOfDay,
  viewFromSearch,
} from '../../src/core/search/view-state';

describe('review view in the page URL', () => {
  it('reads the default view from an empty query string, and writes it as empty', () => {
    expect(viewFromSearch('')).toEqual(DEFAULT_VIEW);
    expect(searchFromView(DEFAULT_VIEW)).toBe('');
    expect(isFiltered(DEFAULT_VIEW)).toBe(false);
  });

  it('round-trips every filter, so a bookmarked view opens the same', () => {
    const view: ReviewView = {
      q: 'digital serv',
      verdicts: ['false', 'note'],
      site: 'bbc.co.uk',
      tag: 'EU law',
      from: '2024-01-31',
      to: '2024-12-01',
      hasCorrection: true,
      notFound: true,
      factChecked: true,
      sort: 'verdict',
      group: true,
    };
    const search = searchFromView(view);
    expect(search).toBe(
      '?q=digital+serv&verdict=false%2Cnote&site=bbc.co.uk&tag=EU+law&from=2024-01-31&to=2024-12-01&correction=1&missing=1&factchecked=1&sort=verdict&group=page',
    );
    expect(viewFromSearch(search)).toEqual(view);
    expect(isFiltered(view)).toBe(true);
  });

  it('ignores what it does not know instead of failing: bad verdicts, sorts and dates', () => {
    const view = viewFromSearch(
      '?verdict=pants-on-fire,false,false&sort=random&from=2024-02-30&to=yesterday&x=1',
    );
    expect(view).toEqual({ ...DEFAULT_VIEW, verdicts: ['false'] });
  });

  it('keeps verdicts in their usual order whatever order the URL lists them', () => {
    expect(viewFromSearch('?verdict=note,accurate,false').verdicts).toEqual(['false', 'accurate', 'note']);
  });

  it('bounds what it reads from the URL', () => {
    expect(viewFromSearch(`?q=${'a'.repeat(5_000)}`).q.length).toBe(500);
  });

  it('reads days as whole local days', () => {
    expect(isDay('2024-02-29')).toBe(true);
    expect(isDay('2023-02-29')).toBe(false);
    expect(startOfDay('2024-03-05')).toBe(new Date(2024, 2, 5).getTime());
    expect(endOfDay('2024-03-05')).toBe(new Date(2024, 2, 6).getTime() - 1);
    expect(startOfDay('')).toBeNull();
  });
});
