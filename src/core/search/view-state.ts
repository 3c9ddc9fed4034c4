// What the review page shows — search words, filters, sort, grouping — and its round trip
// through the page's query string, so a view can be bookmarked and shared between tabs. Pure:
// bad or unknown parameters fall back to defaults, never throw.
import { t } from '../i18n/translate';
import { type Paint, VERDICTS } from '../model';

export const SORTS = ['newest', 'oldest', 'site', 'verdict'] as const;
export type Sort = (typeof SORTS)[number];

/** What each sort is called: getters, so each read is in the messages' language. */
export const SORT_LABELS: Record<Sort, string> = Object.freeze({
  get newest() {
    return t('sort_newest');
  },
  get oldest() {
    return t('sort_oldest');
  },
  get site() {
    return t('sort_site');
  },
  get verdict() {
    return t('sort_verdict');
  },
});

/** Every verdict, and "note" for claims saved without one. */
export const PAINTS: readonly Paint[] = [...VERDICTS, 'note'];

export interface ReviewView {
  /** What was typed in the search box, as typed. */
  q: string;
  /** Only these verdicts (empty: any). */
  verdicts: Paint[];
  /** Only this site or its subdomains ('' : any). */
  site: string;
  /** Only claims with this tag, case-insensitive ('' : any). */
  tag: string;
  /** Last changed on or after this day, YYYY-MM-DD ('' : no bound). */
  from: string;
  /** Last changed on or before this day, YYYY-MM-DD ('' : no bound). */
  to: string;
  hasCorrection: boolean;
  /** Only claims the page's content script last reported as not found on their page. */
  notFound: boolean;
  /** Only claims a subscribed fact-check is related to (asked of the background: see selectClaims). */
  factChecked: boolean;
  sort: Sort;
  /** Group claims under their page. */
  group: boolean;
}

export const DEFAULT_VIEW: ReviewView = {
  q: '',
  verdicts: [],
  site: '',
  tag: '',
  from: '',
  to: '',
  hasCorrection: false,
  notFound: false,
  factChecked: false,
  sort: 'newest',
  group: false,
};

const MAX_PARAM = 500;

/** Reads a view from a query string ("?q=…&verdict=false,misleading&sort=site"). */
export function viewFromSearch(search: string): ReviewView {
  const params = new URLSearchParams(search);
  const text = (name: string) => (params.get(name) ?? '').slice(0, MAX_PARAM);
  const verdicts = text('verdict')
    .split(',')
    .filter((word): word is Paint => (PAINTS as readonly string[]).includes(word));
  const sort = text('sort');
  return {
    q: text('q'),
    verdicts: PAINTS.filter((paint) => verdicts.includes(paint)),
    site: text('site').trim().toLowerCase(),
    tag: text('tag').trim(),
    from: isDay(text('from')) ? text('from') : '',
    to: isDay(text('to')) ? text('to') : '',
    hasCorrection: params.get('correction') === '1',
    notFound: params.get('missing') === '1',
    factChecked: params.get('factchecked') === '1',
    sort: (SORTS as readonly string[]).includes(sort) ? (sort as Sort) : 'newest',
    group: params.get('group') === 'page',
  };
}

/** The query string for a view ('' for the default view); only what differs from the default. */
export function searchFromView(view: ReviewView): string {
  const params = new URLSearchParams();
  if (view.q) params.set('q', view.q);
  if (view.verdicts.length > 0)
    params.set('verdict', PAINTS.filter((p) => view.verdicts.includes(p)).join(','));
  if (view.site) params.set('site', view.site);
  if (view.tag) params.set('tag', view.tag);
  if (isDay(view.from)) params.set('from', view.from);
  if (isDay(view.to)) params.set('to', view.to);
  if (view.hasCorrection) params.set('correction', '1');
  if (view.notFound) params.set('missing', '1');
  if (view.factChecked) params.set('factchecked', '1');
  if (view.sort !== 'newest') params.set('sort', view.sort);
  if (view.group) params.set('group', 'page');
  const query = params.toString();
  return query ? `?${query}` : '';
}

/** True when the view narrows the list (search words or any filter). */
export function isFiltered(view: ReviewView): boolean {
  return (
    view.q.trim() !== '' ||
    view.verdicts.length > 0 ||
    view.site !== '' ||
    view.tag !== '' ||
    view.from !== '' ||
    view.to !== '' ||
    view.hasCorrection ||
    view.notFound ||
    view.factChecked
  );
}

/** A calendar day written YYYY-MM-DD that exists. */
export function isDay(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(year, month - 1, day);
  return date.getFullYear() === year && date.getMonth() === month - 1 && date.getDate() === day;
}

/** The first millisecond of a day in local time, or null when the text is not a day. */
export function startOfDay(text: string): number | null {
  if (!isDay(text)) return null;
  const [year, month, day] = text.split('-').map(Number) as [number, number, number];
  return new Date(year, month - 1, day).getTime();
}

/** The last millisecond of a day in local time, or null when the text is not a day. */
export function endOfDay(text: string): number | null {
  if (!isDay(text)) return null;
  const [year, month, day] = text.split('-').map(Number) as [number, number, number];
  return new Date(year, month - 1, day + 1).getTime() - 1;
}
