// Correction lists in the database: a list and its rules are written together in one
// transaction (a new copy replaces the old rules whole, so a page never sees half a list), a list
// is switched on or off (its rules with it: see enabledRules), removed with its rules, or marked
// with why its last refresh failed — leaving its rules untouched. A refresh's write reads the list
// again inside its transaction, so the reader's switch and removal during a fetch win.
import * as v from 'valibot';
import { describeIssues } from '../core/claim-schema';
import type { FactCheckDraft } from '../core/factchecks/fact-check';
import { t } from '../core/i18n/translate';
import type { ListSummary } from '../core/lists/list-summary';
import {
  type CorrectionList,
  type Rule,
  type RuleDraft,
  RuleDraftSchema,
  ruleDraftOf,
  sameDraft,
} from '../core/rule';
import { checkFactChecks, replaceFactChecks } from './fact-checks';
import type { FactmarkDb } from './schema';

/**
 * Stores a list and its new rules in place of its old ones. Every draft is checked first: one bad
 * draft stores nothing. What the reader set stays (see replaceRules); a list already stored keeps
 * its on/off switch, which only the reader changes.
 */
export async function storeList(
  db: FactmarkDb,
  list: CorrectionList,
  drafts: readonly RuleDraft[],
  now = Date.now(),
): Promise<ListSummary> {
  const checked = checkDrafts(drafts);
  return db.transaction('rw', db.lists, db.rules, db.factChecks, async () => {
    const current = await db.lists.get(list.id);
    return writeList(db, current ? { ...list, enabled: current.enabled } : list, checked, now);
  });
}

/**
 * Stores a refreshed copy of a list, as storeList, unless the reader removed the list while it
 * was being fetched: then nothing is written and the answer is undefined. The list is read again
 * inside the write, so a switch flipped during the fetch is not undone by the copy read before it.
 */
export async function storeRefreshedList(
  db: FactmarkDb,
  list: CorrectionList,
  drafts: readonly RuleDraft[],
  now = Date.now(),
): Promise<ListSummary | undefined> {
  const checked = checkDrafts(drafts);
  return db.transaction('rw', db.lists, db.rules, db.factChecks, async () => {
    const current = await db.lists.get(list.id);
    if (!current) return undefined;
    return writeList(db, { ...list, enabled: current.enabled }, checked, now);
  });
}

/**
 * Records what a refresh learnt without new rules (fetched date, validators, error) on the list as
 * it is now; undefined when the reader removed it meanwhile. The reader's switch stays as it is.
 */
export async function storeRefreshedRecord(
  db: FactmarkDb,
  list: CorrectionList,
): Promise<ListSummary | undefined> {
  return changeList(db, list.id, (current) => ({ ...list, enabled: current.enabled }));
}

/**
 * Stores a fact-check feed and its fact-checks in place of its old ones, as storeList does for a
 * phrase list (one bad fact-check stores nothing; a feed already stored keeps its switch). With
 * `refreshed`, a feed the reader removed during the fetch is not written back: undefined.
 */
export async function storeFeed(
  db: FactmarkDb,
  list: CorrectionList,
  drafts: readonly FactCheckDraft[],
  {
    refreshed = false,
    now = Date.now(),
    onProgress,
  }: { refreshed?: boolean; now?: number; onProgress?: (done: number, total: number) => void } = {},
): Promise<ListSummary | undefined> {
  const checked = checkFactChecks(drafts);
  return db.transaction('rw', db.lists, db.rules, db.factChecks, async () => {
    const current = await db.lists.get(list.id);
    if (refreshed && !current) return undefined;
    // A phrase list whose address now serves a feed: its rules go, those the reader edited stay as theirs.
    const old = await db.rules.where('listId').equals(list.id).toArray();
    const { adopted, dropped } = replaceRules(list.id, old, [], now);
    await db.rules.bulkDelete(dropped);
    await db.rules.bulkPut(adopted);
    const count = await replaceFactChecks(db, list.id, checked, onProgress);
    const stored: CorrectionList = {
      ...list,
      kind: 'fact-checks',
      stored: now,
      enabled: current ? current.enabled : list.enabled,
    };
    await db.lists.put(stored);
    return { ...stored, rules: 0, factChecks: count };
  });
}

function checkDrafts(drafts: readonly RuleDraft[]): RuleDraft[] {
  return drafts.map((draft, i) => {
    const parsed = v.safeParse(RuleDraftSchema, draft);
    if (!parsed.success)
      throw new Error(t('list_rule_invalid', { number: i + 1, problem: describeIssues(parsed.issues) }));
    return parsed.output;
  });
}

/** Inside a transaction on lists and rules: the list's record and its rules, replaced. */
async function writeList(
  db: FactmarkDb,
  list: CorrectionList,
  drafts: readonly RuleDraft[],
  now: number,
): Promise<ListSummary> {
  const old = await db.rules.where('listId').equals(list.id).toArray();
  const { rules, adopted, dropped } = replaceRules(list.id, old, drafts, now);
  await db.rules.bulkDelete(dropped);
  await db.rules.bulkPut([...rules, ...adopted]);
  // A feed whose address now serves a phrase list: its fact-checks go.
  await db.factChecks.where('listId').equals(list.id).delete();
  const { stored: _stored, ...rest } = list;
  const stored: CorrectionList = { ...rest, kind: 'rules' };
  await db.lists.put(stored);
  return { ...stored, rules: rules.length, factChecks: 0 };
}

/** A list rule's stable key: its phrase and case as the list wrote them, whatever the reader edited. */
const listKey = (rule: RuleDraft) => `${rule.phrase}\n${rule.matchCase}`;

/**
 * A list's new rules from its new drafts and its stored rules. A rule keeps its id, creation time
 * and switch across copies (same phrase and case in the list). A rule the reader edited keeps
 * their edit over the list's new version, until the list says the same as the reader. A rule the
 * reader edited that the new copy no longer has becomes the reader's own rule (`adopted`): it
 * holds the reader's words, which a list changing must not throw away. The rest of the old rules
 * are `dropped`.
 */
function replaceRules(
  listId: string,
  old: readonly Rule[],
  drafts: readonly RuleDraft[],
  now: number,
): { rules: Rule[]; adopted: Rule[]; dropped: string[] } {
  const before = new Map(old.map((rule) => [listKey(rule.listVersion ?? rule), rule]));
  const rules = drafts.map((draft): Rule => {
    const previous = before.get(listKey(draft));
    // A list that repeats a phrase gets a second rule, not a second write of the first.
    before.delete(listKey(draft));
    const kept = {
      id: previous?.id ?? crypto.randomUUID(),
      listId,
      enabled: previous?.enabled ?? true,
      created: previous?.created ?? now,
      updated: now,
    };
    if (previous?.listVersion && !sameDraft(previous, draft)) {
      return { ...ruleDraftOf(previous), ...kept, listVersion: ruleDraftOf(draft) };
    }
    return { ...ruleDraftOf(draft), ...kept };
  });
  const left = [...before.values()];
  const adopted = left
    .filter((rule) => rule.listVersion)
    .map(({ listVersion: _list, ...rule }): Rule => ({ ...rule, listId: null, updated: now }));
  const dropped = left.filter((rule) => !rule.listVersion).map((rule) => rule.id);
  return { rules, adopted, dropped };
}

/** Replaces a list's record (fetched date, validators, error) without touching its rules. */
export async function updateListRecord(
  db: FactmarkDb,
  list: CorrectionList,
): Promise<ListSummary | undefined> {
  return changeList(db, list.id, () => list);
}

/** Changes a list's record as it is inside the write; undefined when there is no such list. */
async function changeList(
  db: FactmarkDb,
  id: string,
  change: (current: CorrectionList) => CorrectionList,
): Promise<ListSummary | undefined> {
  return db.transaction('rw', db.lists, db.rules, db.factChecks, async () => {
    const current = await db.lists.get(id);
    if (!current) return undefined;
    const list = change(current);
    await db.lists.put(list);
    return {
      ...list,
      rules: await db.rules.where('listId').equals(id).count(),
      factChecks: await db.factChecks.where('listId').equals(id).count(),
    };
  });
}

/** Notes why the last refresh failed; the list's rules stay in force. */
export async function recordListError(
  db: FactmarkDb,
  id: string,
  error: string,
): Promise<ListSummary | undefined> {
  return changeList(db, id, (list) => ({ ...list, error }));
}

/** Switches a list on or off; its rules apply only while it is on. */
export async function setListEnabled(
  db: FactmarkDb,
  id: string,
  enabled: boolean,
): Promise<ListSummary | undefined> {
  return changeList(db, id, (list) => ({ ...list, enabled }));
}

/** Removes a list and every rule or fact-check that came from it. */
export async function deleteList(db: FactmarkDb, id: string): Promise<boolean> {
  return db.transaction('rw', db.lists, db.rules, db.factChecks, async () => {
    if (!(await db.lists.get(id))) return false;
    await db.rules.where('listId').equals(id).delete();
    await db.factChecks.where('listId').equals(id).delete();
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

/** Every list with its rule (or fact-check) count, by title. */
export async function allLists(db: FactmarkDb): Promise<ListSummary[]> {
  return db.transaction('r', db.lists, db.rules, db.factChecks, async () => {
    const lists = await db.lists.toArray();
    const counts = new Map<string, number>();
    await db.rules
      .where('listId')
      .anyOf(lists.map((list) => list.id))
      .each((rule) => {
        if (rule.listId) counts.set(rule.listId, (counts.get(rule.listId) ?? 0) + 1);
      });
    const feeds = lists.filter((list) => list.kind === 'fact-checks');
    const factChecks = await Promise.all(
      feeds.map((list) => db.factChecks.where('listId').equals(list.id).count()),
    );
    const feedCounts = new Map(feeds.map((list, i) => [list.id, factChecks[i] ?? 0]));
    return lists
      .map((list) => ({ ...list, rules: counts.get(list.id) ?? 0, factChecks: feedCounts.get(list.id) ?? 0 }))
      .sort((a, b) => a.title.localeCompare(b.title) || (a.id < b.id ? -1 : 1));
  });
}
