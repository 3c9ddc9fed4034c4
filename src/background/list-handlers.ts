// Handlers for the correction-list requests (lists/*), merged into the background's dispatch table
// by makeHandlers (handlers.ts). Every change to a list's rules calls `rulesChanged`, which drops
// the compiled rules and tells open tabs to repaint. Only extension pages may send these.
import { t } from '../core/i18n/translate';
import type { CorrectionList } from '../core/rule';
import { importListFile } from '../db/import-list';
import { allLists, deleteList, getList, setListEnabled } from '../db/lists';
import type { FactmarkDb } from '../db/schema';
import type { Requests } from '../messages';
import { type Fetch, makeListFetcher } from './lists';

type ListRequest = Extract<keyof Requests, `lists/${string}`>;

export interface ListEffects {
  rulesChanged(): void;
  /** Defaults to the global fetch. */
  fetch?: Fetch;
}

export function makeListHandlers(
  db: FactmarkDb,
  effects: ListEffects,
): { [K in ListRequest]: (payload: Requests[K]['req']) => Promise<Requests[K]['res']> } {
  const lists = makeListFetcher(db, effects.fetch ?? ((url, init) => fetch(url, init)));
  return {
    'lists/list': async () => allLists(db),
    'lists/import': async ({ text, name }) => {
      const stored = await importListFile(db, text, name);
      effects.rulesChanged();
      return stored;
    },
    'lists/subscribe': async ({ url }) => {
      const stored = await lists.subscribe(url);
      effects.rulesChanged();
      return { ...stored, invalid: stored.invalid.slice(0, 100) };
    },
    'lists/refresh': async ({ id }) => {
      const targets = id
        ? [await getList(db, id)].filter((list): list is CorrectionList => list !== undefined)
        : (await allLists(db)).flatMap(({ rules: _count, ...list }) => (list.url ? [list] : []));
      if (id && targets.length === 0) throw new Error(t('list_removed'));
      // One at a time: a worker refreshing many lists at once would hold every body in memory. A
      // list removed during its fetch is left out of the answer, which the views take as removed.
      for (const list of targets) await lists.refresh(list);
      // The 6-hourly alarm with nothing subscribed should not make every tab repaint.
      if (targets.length > 0) effects.rulesChanged();
      return allLists(db);
    },
    'lists/set-enabled': async ({ id, enabled }) => {
      const list = await setListEnabled(db, id, enabled);
      if (!list) throw new Error(t('list_removed'));
      effects.rulesChanged();
      return list;
    },
    'lists/delete': async ({ id }) => {
      const deleted = await deleteList(db, id);
      if (deleted) effects.rulesChanged();
      return { deleted };
    },
  };
}
