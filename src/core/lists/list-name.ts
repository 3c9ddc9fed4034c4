// What a correction list is called wherever the reader sees it: its title, or, for a list with
// no title, the host of its address. Never its id, which means nothing to a reader.
import { t } from '../i18n/translate';
import type { CorrectionList } from '../rule';

export function listName(list: Pick<CorrectionList, 'title' | 'url'>): string {
  const title = list.title.trim();
  if (title !== '') return title;
  if (list.url) {
    try {
      return new URL(list.url).host;
    } catch {
      // A stored address is checked when subscribed; an unreadable one falls through.
    }
  }
  return t('list_untitled');
}
