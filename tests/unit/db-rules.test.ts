import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { RuleDraft } from '../../src/core/rule';
import { allRules, deleteRule, enabledRules, rulesById, saveRule, setRuleEnabled } from '../../src/db/rules';
import { freshDbPerTest } from './support/fresh-db';

const db = freshDbPerTest('factmark-rules');

const draft: RuleDraft = {
  phrase: 'Digital Rights Act',
  matchCase: false,
  verdict: 'false',
  correction: 'It is the Digital Services Act.',
  note: '',
  sources: ['https://eur-lex.europa.eu/eli/reg/2022/2065/oj'],
};

describe('rules in the database', () => {
  it('saves a new rule as the reader’s own, switched on, with an id and times', async () => {
    const rule = await saveRule(db(), draft, 1000);
    expect(rule).toMatchObject({ ...draft, listId: null, enabled: true, created: 1000, updated: 1000 });
    expect(rule.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(await db().rules.get(rule.id)).toEqual(rule);
  });

  it('trims the phrase and rejects one that is too short, saying why, and saves nothing', async () => {
    expect((await saveRule(db(), { ...draft, phrase: '  two words  ' })).phrase).toBe('two words');
    await expect(saveRule(db(), { ...draft, phrase: ' x ' })).rejects.toThrow('phrase: must be at least 2');
    await expect(saveRule(db(), { ...draft, sources: ['javascript:alert(1)'] })).rejects.toThrow(
      'sources.0: must be an http or https address',
    );
    expect(await db().rules.count()).toBe(1);
  });

  it('updates a rule’s fields, keeping when it was made and whether it is on', async () => {
    const rule = await saveRule(db(), draft, 1000);
    await setRuleEnabled(db(), rule.id, false, 1500);
    const updated = await saveRule(db(), { ...draft, id: rule.id, phrase: 'Digital Rights Law' }, 2000);
    expect(updated).toMatchObject({
      id: rule.id,
      phrase: 'Digital Rights Law',
      enabled: false,
      created: 1000,
      updated: 2000,
    });
    expect(await db().rules.count()).toBe(1);
  });

  it('lists every rule newest first, and only the enabled ones for pages', async () => {
    const first = await saveRule(db(), draft, 1000);
    const second = await saveRule(db(), { ...draft, phrase: 'second phrase' }, 2000);
    await setRuleEnabled(db(), first.id, false, 3000);
    expect((await allRules(db())).map((r) => r.id)).toEqual([second.id, first.id]);
    expect((await enabledRules(db())).map((r) => r.id)).toEqual([second.id]);
    expect((await rulesById(db(), [first.id, 'unknown'])).map((r) => r.id)).toEqual([first.id]);
  });

  it('deletes a rule, and says so only when there was one', async () => {
    const rule = await saveRule(db(), draft);
    expect(await deleteRule(db(), rule.id)).toBe(true);
    expect(await deleteRule(db(), rule.id)).toBe(false);
    expect(await setRuleEnabled(db(), rule.id, true)).toBeUndefined();
    expect(await allRules(db())).toEqual([]);
  });
});
