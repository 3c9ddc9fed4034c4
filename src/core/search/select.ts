// From the index and a view to what the review page lists: the claims that match the search
// words and every filter, in the view's order, optionally grouped under their page. Pure.
import type { Claim } from '../model';
import { parseQuery } from './query';
import type { IndexedClaim, SearchIndex } from './search-index';
import { fold } from './text';
import { endOfDay, type ReviewView, startOfDay } from './view-state';

/** A row of the list: a page heading (when grouping) or a claim. */
export type Row =
  | { kind: 'page'; key: string; title: string; url: string; site: string; count: number }
  | { kind: 'claim'; claim: Claim; site: string };

export interface Selection {
  /** Matching claims, in order (without page headings). */
  claims: Claim[];
  /** What the list shows: claims, with page headings first in each group when grouping. */
  rows: Row[];
}

/** A claim filter built once per view, so the per-claim check is cheap. */
function filterOf(view: ReviewView): (doc: IndexedClaim) => boolean {
  const verdicts = view.verdicts.length > 0 ? new Set(view.verdicts) : null;
  const site = view.site.trim().toLowerCase();
  const tag = view.tag.trim() ? fold(view.tag.trim()) : '';
  const from = startOfDay(view.from);
  const to = endOfDay(view.to);
  return (doc) => {
    const { claim } = doc;
    if (verdicts && !verdicts.has(doc.paint)) return false;
    if (site && doc.site !== site && !doc.site.endsWith(`.${site}`)) return false;
    if (tag && !doc.tags.includes(tag)) return false;
    if (from !== null && claim.updated < from) return false;
    if (to !== null && claim.updated > to) return false;
    if (view.hasCorrection && claim.correction.trim() === '') return false;
    if (view.notFound && claim.found !== false) return false;
    return true;
  };
}

/**
 * The claims the view shows. `factChecked` answers whether a claim has a related fact-check (known
 * only to the background); without it, the view's "has a related fact-check" filter lets every
 * claim through.
 */
export function selectClaims(
  index: SearchIndex,
  view: ReviewView,
  factChecked?: (claim: Claim) => boolean,
): Selection {
  const hits = index.search(parseQuery(view.q));
  const filtered = filterOf(view);
  const passes =
    view.factChecked && factChecked
      ? (doc: IndexedClaim) => filtered(doc) && factChecked(doc.claim)
      : filtered;
  const matched: IndexedClaim[] = [];
  const claims: Claim[] = [];
  const rows: Row[] = [];
  for (const slot of index.ordered(view.sort)) {
    if (hits && hits.count[slot] !== hits.need) continue;
    const doc = index.at(slot);
    if (!doc || !passes(doc)) continue;
    claims.push(doc.claim);
    if (view.group) matched.push(doc);
    else rows.push(claimRow(doc));
  }
  return { claims, rows: view.group ? groupByPage(matched) : rows };
}

/**
 * Claims under a heading for their page; pages in the order their first claim appears, claims
 * in their order within each page.
 */
function groupByPage(docs: readonly IndexedClaim[]): Row[] {
  const groups = new Map<string, IndexedClaim[]>();
  for (const doc of docs) {
    const group = groups.get(doc.page);
    if (group) group.push(doc);
    else groups.set(doc.page, [doc]);
  }
  const rows: Row[] = [];
  for (const [key, group] of groups) {
    const first = group[0]!;
    const titled = group.find((doc) => doc.claim.title.trim() !== '') ?? first;
    rows.push({
      kind: 'page',
      key,
      title: titled.claim.title,
      url: first.claim.url,
      site: first.site,
      count: group.length,
    });
    for (const doc of group) rows.push(claimRow(doc));
  }
  return rows;
}

function claimRow(doc: IndexedClaim): Row {
  return doc.row;
}
