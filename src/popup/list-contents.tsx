// What a correction list holds, as the Lists view (popup and review page) says it: a phrase
// list's rules ("12 rules"), a fact-check feed's fact-checks ("12,345 fact-checks") with a small
// "Fact-check feed" label beside its title. Text only.
import type { ListSummary } from '../core/lists/list-summary';

/** A heading's level, for a view shown both as a page of its own and inside another page. */
export type HeadingLevel = 1 | 2 | 3;

export const plural = (n: number, one: string, many: string) =>
  `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

const isFeed = (list: Pick<ListSummary, 'kind'>) => list.kind === 'fact-checks';

/** "12 rules" or, for a feed, "12,345 fact-checks". */
export function listContents(list: Pick<ListSummary, 'kind' | 'rules' | 'factChecks'>): string {
  return isFeed(list)
    ? plural(list.factChecks, 'fact-check', 'fact-checks')
    : plural(list.rules, 'rule', 'rules');
}

/** The list's line in the view: its name, the feed label when it is one, what it holds. */
export function ListHeading({ name, list }: { name: string; list: ListSummary }) {
  return (
    <p class="list-title">
      <strong>{name}</strong>
      {isFeed(list) && <span class="list-kind"> Fact-check feed</span>} — {listContents(list)}
    </p>
  );
}
