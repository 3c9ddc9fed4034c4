// The reader's phrase rules: stored, updated, switched on and off, deleted. Drafts are checked
// with RuleDraftSchema here too, so no caller can store a rule the matcher would choke on.
// Stamps ids and times; matching is core/match, the message handlers are background/handlers.ts.
import * as v from 'valibot';
import { describeIssues } from '../core/claim-schema';
import { listName } from '../core/lists/list-name';
import {
  type Rule,
  type RuleDetails,
  type RuleDraft,
  RuleDraftSchema,
  ruleDraftOf,
  sameDraft,
} from '../core/rule';
import type { FactmarkDb } from './schema';

/** A draft to save: a new rule (no id, or an unknown one) or new fields for an existing rule. */
export interface RuleSave extends RuleDraft {
  id?: string;
  /** Defaults to on for a new rule, and to the rule's current state for an update. */
  enabled?: boolean;
}

/**
 * Saves a new rule, or updates an existing one's fields (its list and creation time stay). New
 * fields for a list's rule are the reader's override: the list's version is kept beside them
 * (listVersion) so refreshes update it without undoing the edit. Saving the list's own fields
 * again ends the override.
 */
export async function saveRule(db: FactmarkDb, save: RuleSave, now = Date.now()): Promise<Rule> {
  const { id, enabled, ...fields } = save;
  const parsed = v.safeParse(RuleDraftSchema, fields);
  if (!parsed.success) throw new Error(describeIssues(parsed.issues));
  const draft = parsed.output;
  return db.transaction('rw', db.rules, async () => {
    const existing = id ? await db.rules.get(id) : undefined;
    const rule: Rule = existing
      ? withOverride(
          {
            ...existing,
            ...draft,
            sources: [...draft.sources],
            enabled: enabled ?? existing.enabled,
            updated: now,
          },
          existing.listId === null ? undefined : (existing.listVersion ?? ruleDraftOf(existing)),
        )
      : {
          id: id ?? crypto.randomUUID(),
          ...draft,
          sources: [...draft.sources],
          listId: null,
          enabled: enabled ?? true,
          created: now,
          updated: now,
        };
    await db.rules.put(rule);
    return rule;
  });
}

/** The rule with the list's version kept beside it, or without one when the fields are the list's. */
function withOverride(rule: Rule, listVersion: RuleDraft | undefined): Rule {
  const { listVersion: _old, ...fields } = rule;
  return listVersion && !sameDraft(fields, listVersion) ? { ...fields, listVersion } : fields;
}

/**
 * Drops the reader's edit of a list's rule: it says what the list says again. Undefined when there
 * is no such rule; a rule with no edit is returned as it is.
 */
export async function useListVersion(
  db: FactmarkDb,
  id: string,
  now = Date.now(),
): Promise<Rule | undefined> {
  return db.transaction('rw', db.rules, async () => {
    const existing = await db.rules.get(id);
    if (!existing?.listVersion) return existing;
    const { listVersion, ...rest } = existing;
    const rule: Rule = { ...rest, ...ruleDraftOf(listVersion), updated: now };
    await db.rules.put(rule);
    return rule;
  });
}

/** Switches a rule on or off; undefined when there is no such rule. */
export async function setRuleEnabled(
  db: FactmarkDb,
  id: string,
  enabled: boolean,
  now = Date.now(),
): Promise<Rule | undefined> {
  return db.transaction('rw', db.rules, async () => {
    const existing = await db.rules.get(id);
    if (!existing) return undefined;
    const rule: Rule = { ...existing, enabled, updated: now };
    await db.rules.put(rule);
    return rule;
  });
}

export async function deleteRule(db: FactmarkDb, id: string): Promise<boolean> {
  return db.transaction('rw', db.rules, async () => {
    if (!(await db.rules.get(id))) return false;
    await db.rules.delete(id);
    return true;
  });
}

/**
 * Every rule with its list's name, newest first (by when it was made, so editing one does not
 * reorder the list).
 */
export async function allRules(db: FactmarkDb): Promise<RuleDetails[]> {
  const rules = await db.rules.toArray();
  return withListNames(
    db,
    rules.sort((a, b) => b.created - a.created || (a.id < b.id ? -1 : 1)),
  );
}

/** The rules that apply to pages: switched on (and their list too), oldest first (a stable order to compile in). */
export async function enabledRules(db: FactmarkDb): Promise<Rule[]> {
  // A switched-off correction list switches off every rule that came from it.
  const listsOff = new Set((await db.lists.filter((list) => !list.enabled).toArray()).map((list) => list.id));
  const rules = await db.rules
    .filter((rule) => rule.enabled && !(rule.listId !== null && listsOff.has(rule.listId)))
    .toArray();
  return rules.sort((a, b) => a.created - b.created || (a.id < b.id ? -1 : 1));
}

/** The rules with these ids, in that order, with their lists' names; unknown ids are skipped. */
export async function rulesById(db: FactmarkDb, ids: readonly string[]): Promise<RuleDetails[]> {
  const rules = (await db.rules.bulkGet([...ids])).filter((rule): rule is Rule => rule !== undefined);
  return withListNames(db, rules);
}

async function withListNames(db: FactmarkDb, rules: Rule[]): Promise<RuleDetails[]> {
  const listIds = [...new Set(rules.flatMap((rule) => (rule.listId ? [rule.listId] : [])))];
  const lists = listIds.length > 0 ? await db.lists.bulkGet(listIds) : [];
  const names = new Map(lists.flatMap((list) => (list ? [[list.id, listName(list)] as const] : [])));
  return rules.map((rule) => {
    const listTitle = rule.listId ? names.get(rule.listId) : undefined;
    return listTitle === undefined ? rule : { ...rule, listTitle };
  });
}
