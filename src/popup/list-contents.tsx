// What a correction list holds, as the Lists view (popup and review page) says it: a phrase
// list's rules ("12 rules"), a fact-check feed's fact-checks ("12,345 fact-checks") with a small
// "Fact-check feed" label beside its title. Text only.
import { plural, t } from '../core/i18n/translate';
import type { ListSummary } from '../core/lists/list-summary';

/** A heading's level, for a view shown both as a page of its own and inside another page. */
export type HeadingLevel = 1 | 2 | 3;

const isFeed = (list: Pick<ListSummary, 'kind'>) => list.kind === 'fact-checks';

/** "12 rules" or, for a feed, "12,345 fact-checks". */
export function listContents(list: Pick<ListSummary, 'kind' | 'rules' | 'factChecks'>): string {
  return isFeed(list)
    ? plural('popup_list_fact_checks', list.factChecks)
    : plural('popup_list_rules', list.rules);
}

/** The list's line in the view: its name, the feed label when it is one, what it holds. */
export function ListHeading({ name, list }: { name: string; list: ListSummary }) {
  return (
    <p class="list-title">
      {/* dir: the list's own name keeps its order inside a sentence in the other direction. */}
      <strong dir="auto">{name}</strong>
      {isFeed(list) && <span class="list-kind"> {t('popup_list_kind_feed')}</span>} — {listContents(list)}
    </p>
  );
}
