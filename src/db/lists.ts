// Correction lists in the database: a list and its rules are written together in one
// transaction (a new copy replaces the old rules whole, so a page never sees half a list), a list
// is switched on or off (its rules with it: see enabledRules), removed with its rules, or marked
// with why its last refresh failed — leaving its rules untouched.
import * as v from 'valibot';
import { describeIssues } from '../core/claim-schema';
import type { InvalidRecord } from '../core/lists';
import { type CorrectionList, type Rule, type RuleDraft, RuleDraftSchema } from '../core/rule';
import type { FactmarkDb } from './schema';

/** A list just stored, with the records of its file that were left out. */
export interface ListStored {
  list: ListSummary;
  invalid: InvalidRecord[];
}

/** A list as the popup and review page show it: with how many rules it holds. */
export interface ListSummary extends CorrectionList {
  rules: number;
}

/**
 * Stores a list and its new rules in place of its old ones. Every draft is checked first: one bad
 * draft stores nothing. A rule the reader switched off stays off in the new copy (same phrase).
 */
export async function storeList(
  db: FactmarkDb,
  list: CorrectionList,
  drafts: readonly RuleDraft[],
  now = Date.now(),
): Promise<ListSummary> {
  const checked: RuleDraft[] = drafts.map((draft, i) => {
    const parsed = v.safeParse(RuleDraftSchema, draft);
    if (!parsed.success) throw new Error(`Rule ${i + 1} of the list: ${describeIssues(parsed.issues)}`);
    return parsed.output;
  });
  return db.transaction('rw', db.lists, db.rules, async () => {
    const old = await db.rules.where('listId').equals(list.id).toArray();
    const before = new Map(old.map((rule) => [`${rule.phrase}\n${rule.matchCase}`, rule]));
    const rules: Rule[] = checked.map((draft) => {
      const previous = before.get(`${draft.phrase}\n${draft.matchCase}`);
      return {
        ...draft,
        sources: [...draft.sources],
        id: previous?.id ?? crypto.randomUUID(),
        listId: list.id,
        enabled: previous?.enabled ?? true,
        created: previous?.created ?? now,
        updated: now,
      };
    });
    const keep = new Set(rules.map((rule) => rule.id));
    await db.rules.bulkDelete(old.filter((rule) => !keep.has(rule.id)).map((rule) => rule.id));
    await db.rules.bulkPut(rules);
    await db.lists.put(list);
    return { ...list, rules: rules.length };
  });
}

/** Replaces a list's record (fetched date, validators, error) without touching its rules. */
export async function updateListRecord(
  db: FactmarkDb,
  list: CorrectionList,
): Promise<ListSummary | undefined> {
  return db.transaction('rw', db.lists, db.rules, async () => {
    if (!(await db.lists.get(list.id))) return undefined;
    await db.lists.put(list);
    return { ...list, rules: await db.rules.where('listId').equals(list.id).count() };
  });
}

/** Notes why the last refresh failed; the list's rules stay in force. */
export async function recordListError(
  db: FactmarkDb,
  id: string,
  error: string,
): Promise<ListSummary | undefined> {
  const list = await db.lists.get(id);
  return list ? updateListRecord(db, { ...list, error }) : undefined;
}

/** Switches a list on or off; its rules apply only while it is on. */
export async function setListEnabled(
  db: FactmarkDb,
  id: string,
  enabled: boolean,
): Promise<ListSummary | undefined> {
  const list = await db.lists.get(id);
  return list ? updateListRecord(db, { ...list, enabled }) : undefined;
}

/** Removes a list and every rule that came from it. */
export async function deleteList(db: FactmarkDb, id: string): Promise<boolean> {
  return db.transaction('rw', db.lists, db.rules, async () => {
    if (!(await db.lists.get(id))) return false;
    await db.rules.where('listId').equals(id).delete();
    await db.lists.delete(id);
    return true;
  });
}

export async function getList(db: FactmarkDb, id: string): Promise<CorrectionList | undefined> {
  return db.lists.get(id);
}

/** The list subscribed to at this address, if any (so subscribing twice refreshes instead). */
export async function listByUrl(db: FactmarkDb, url: string): Promise<CorrectionList | undefined> {
  return db.lists.filter((list) => list.url === url).first();
}

/** The list imported from a file under this title, if any (so importing it again updates it). */
export async function fileListByTitle(db: FactmarkDb, title: string): Promise<CorrectionList | undefined> {
  return db.lists.filter((list) => list.url === undefined && list.title === title).first();
}

/** Every list with its rule count, by title. */
export async function allLists(db: FactmarkDb): Promise<ListSummary[]> {
  return db.transaction('r', db.lists, db.rules, async () => {
    const lists = await db.lists.toArray();
    const counts = new Map<string, number>();
    await db.rules
      .where('listId')
      .anyOf(lists.map((list) => list.id))
      .each((rule) => {
        if (rule.listId) counts.set(rule.listId, (counts.get(rule.listId) ?? 0) + 1);
      });
    return lists
      .map((list) => ({ ...list, rules: counts.get(list.id) ?? 0 }))
      .sort((a, b) => a.title.localeCompare(b.title) || (a.id < b.id ? -1 : 1));
  });
}
