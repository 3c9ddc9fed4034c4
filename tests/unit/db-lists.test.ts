import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { parseCorrectionList } from '../../src/core/lists';
import type { CorrectionList, RuleDraft } from '../../src/core/rule';
import {
  allLists,
  deleteList,
  recordListError,
  setListEnabled,
  storeList,
  storeRefreshedList,
  updateListRecord,
} from '../../src/db/lists';
import { allRules, enabledRules, saveRule, setRuleEnabled, useListVersion } from '../../src/db/rules';
import { freshDbPerTest } from './support/fresh-db';
import { listFile } from './support/list-files';

const LIST_TEXT = listFile('e2e-corrections.json');

const db = freshDbPerTest('factmark-lists');

const rule = (phrase: string, extra: Partial<RuleDraft> = {}): RuleDraft => ({
  phrase,
  matchCase: false,
  verdict: 'false',
  correction: `Not “${phrase}”.`,
  note: '',
  sources: [],
  ...extra,
});
const list = (extra: Partial<CorrectionList> = {}): CorrectionList => ({
  id: '6f1c2a34-5b6d-4e7f-8a9b-0c1d2e3f4a5b',
  title: 'Desk corrections',
  url: 'https://lists.example.org/desk.json',
  enabled: true,
  ...extra,
});
const phrasesFor = async () => (await enabledRules(db())).map((r) => r.phrase);

describe('correction lists in the database', () => {
  it('stores a parsed list file with its rules, tagged with the list', async () => {
    const parsed = parseCorrectionList(LIST_TEXT, { fileName: 'e2e-corrections.json' });
    if (parsed.kind !== 'ok') throw new Error(parsed.error);
    const stored = await storeList(db(), list({ title: parsed.list.title }), parsed.list.rules, 1000);
    expect(stored).toMatchObject({ title: 'E2E desk corrections', rules: 1 });
    const [only] = await db().rules.toArray();
    expect(only).toMatchObject({
      phrase: "the president's face",
      listId: list().id,
      enabled: true,
      created: 1000,
    });
    expect(await allLists(db())).toEqual([
      { ...list({ title: 'E2E desk corrections' }), kind: 'rules', rules: 1, factChecks: 0 },
    ]);
  });

  it('replaces a list’s rules whole with a new copy, keeping a rule the reader switched off off', async () => {
    await storeList(db(), list(), [rule('old phrase'), rule('kept phrase')], 1000);
    const kept = (await db().rules.toArray()).find((r) => r.phrase === 'kept phrase')!;
    await setRuleEnabled(db(), kept.id, false);
    await storeList(db(), list(), [rule('kept phrase'), rule('new phrase')], 2000);
    const rules = await db().rules.where('listId').equals(list().id).toArray();
    expect(rules.map((r) => r.phrase).sort()).toEqual(['kept phrase', 'new phrase']);
    expect(rules.find((r) => r.phrase === 'kept phrase')).toMatchObject({
      id: kept.id,
      enabled: false,
      created: 1000,
    });
    expect(await phrasesFor()).toEqual(['new phrase']);
  });

  it('stores nothing when one rule of a new copy is invalid, and the previous copy stays', async () => {
    await storeList(db(), list(), [rule('old phrase')], 1000);
    await expect(
      storeList(db(), list({ title: 'Changed' }), [rule('fine phrase'), rule('x')], 2000),
    ).rejects.toThrow('Rule 2 of the list: phrase: must be at least 2');
    expect(await phrasesFor()).toEqual(['old phrase']);
    expect((await allLists(db()))[0]).toMatchObject({ title: 'Desk corrections', rules: 1 });
  });

  it('switching a list off stops its rules applying, and on again brings them back', async () => {
    await saveRule(db(), rule('my own phrase'), 500);
    await storeList(db(), list(), [rule('list phrase')], 1000);
    expect((await phrasesFor()).sort()).toEqual(['list phrase', 'my own phrase']);
    expect(await setListEnabled(db(), list().id, false)).toMatchObject({ enabled: false, rules: 1 });
    expect(await phrasesFor()).toEqual(['my own phrase']);
    await setListEnabled(db(), list().id, true);
    expect((await phrasesFor()).sort()).toEqual(['list phrase', 'my own phrase']);
  });

  it('records a refresh error on the list without touching its rules', async () => {
    await storeList(db(), list({ fetched: 1000 }), [rule('list phrase')], 1000);
    const failed = await recordListError(
      db(),
      list().id,
      'Could not reach it: the previous copy stays in force.',
    );
    expect(failed).toMatchObject({
      error: 'Could not reach it: the previous copy stays in force.',
      fetched: 1000,
      rules: 1,
    });
    expect(await phrasesFor()).toEqual(['list phrase']);
    const fresh = await updateListRecord(db(), list({ fetched: 3000 }));
    expect(fresh?.error).toBeUndefined();
    expect(fresh?.fetched).toBe(3000);
  });

  it('removes a list with its rules only, leaving the reader’s own and other lists’ rules', async () => {
    await saveRule(db(), rule('my own phrase'));
    await storeList(db(), list(), [rule('list phrase')]);
    const other = list({
      id: '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
      title: 'Other',
      url: 'https://other.example/l.json',
    });
    await storeList(db(), other, [rule('other phrase')]);
    expect(await deleteList(db(), list().id)).toBe(true);
    expect(await deleteList(db(), list().id)).toBe(false);
    expect((await phrasesFor()).sort()).toEqual(['my own phrase', 'other phrase']);
    expect((await allLists(db())).map((l) => l.title)).toEqual(['Other']);
  });

  it('answers for an unknown list without writing anything', async () => {
    expect(await setListEnabled(db(), list().id, false)).toBeUndefined();
    expect(await recordListError(db(), list().id, 'x')).toBeUndefined();
    expect(await db().lists.count()).toBe(0);
  });
});

describe('the reader’s edits to a list’s rules', () => {
  const listRule = async (phrase: string) => {
    const found = (await db().rules.toArray()).find((r) => r.phrase === phrase);
    if (!found) throw new Error(`no rule “${phrase}”`);
    return found;
  };
  const edit = async (phrase: string, change: Partial<RuleDraft>) => {
    const {
      id,
      listId: _l,
      enabled: _e,
      created: _c,
      updated: _u,
      listVersion: _v,
      ...fields
    } = await listRule(phrase);
    return saveRule(db(), { ...fields, ...change, id }, 1500);
  };

  it('keeps the reader’s edit over the list’s new version when the list is refreshed', async () => {
    await storeList(db(), list(), [rule('the minister said', { correction: 'List v1.' })], 1000);
    const edited = await edit('the minister said', { correction: 'My own correction.' });
    expect(edited.listVersion).toMatchObject({ phrase: 'the minister said', correction: 'List v1.' });

    await storeRefreshedList(db(), list(), [rule('the minister said', { correction: 'List v2.' })], 2000);
    const after = await listRule('the minister said');
    expect(after).toMatchObject({ id: edited.id, correction: 'My own correction.', listId: list().id });
    expect(after.listVersion).toMatchObject({ correction: 'List v2.' });
    expect((await enabledRules(db())).map((r) => r.correction)).toEqual(['My own correction.']);
  });

  it('follows an edited phrase by the list’s phrase, so the edit survives a refresh', async () => {
    await storeList(db(), list(), [rule('the minister said')], 1000);
    const edited = await edit('the minister said', { phrase: 'the minister claimed' });
    await storeRefreshedList(db(), list(), [rule('the minister said', { note: 'v2' })], 2000);
    expect(await db().rules.count()).toBe(1);
    expect(await listRule('the minister claimed')).toMatchObject({
      id: edited.id,
      listVersion: { phrase: 'the minister said', note: 'v2' },
    });
  });

  it('is not an edit to switch a list’s rule off, nor to save the list’s own words', async () => {
    await storeList(db(), list(), [rule('the minister said')], 1000);
    const { id } = await listRule('the minister said');
    await saveRule(db(), { ...rule('the minister said'), id, enabled: false }, 1500);
    expect((await listRule('the minister said')).listVersion).toBeUndefined();
  });

  it('goes back to the list’s version on request, and follows the list again', async () => {
    await storeList(db(), list(), [rule('the minister said', { correction: 'List v1.' })], 1000);
    const edited = await edit('the minister said', { correction: 'Mine.' });
    const back = await useListVersion(db(), edited.id, 1800);
    expect(back).toMatchObject({ correction: 'List v1.', updated: 1800 });
    expect(back?.listVersion).toBeUndefined();
    await storeRefreshedList(db(), list(), [rule('the minister said', { correction: 'List v2.' })], 2000);
    expect(await listRule('the minister said')).toMatchObject({ correction: 'List v2.' });
  });

  it('ends the override once the list says what the reader wrote', async () => {
    await storeList(db(), list(), [rule('the minister said', { correction: 'List v1.' })], 1000);
    await edit('the minister said', { correction: 'Fixed.' });
    await storeRefreshedList(db(), list(), [rule('the minister said', { correction: 'Fixed.' })], 2000);
    expect((await listRule('the minister said')).listVersion).toBeUndefined();
  });

  it('makes an edited rule the reader’s own when the list drops its phrase; unedited ones go', async () => {
    await storeList(db(), list(), [rule('the minister said'), rule('untouched phrase')], 1000);
    const edited = await edit('the minister said', { note: 'My note.' });
    await storeRefreshedList(db(), list(), [rule('a new phrase')], 2000);
    const own = await listRule('the minister said');
    expect(own).toMatchObject({ id: edited.id, listId: null, note: 'My note.' });
    expect(own.listVersion).toBeUndefined();
    expect((await db().rules.toArray()).map((r) => r.phrase).sort()).toEqual([
      'a new phrase',
      'the minister said',
    ]);
    // Removing the list later leaves the reader's rule alone.
    await deleteList(db(), list().id);
    expect((await enabledRules(db())).map((r) => r.phrase)).toEqual(['the minister said']);
  });

  it('names a rule’s list by its title, or its address’s host when it has none', async () => {
    await storeList(db(), list(), [rule('titled phrase')], 1000);
    const untitled = list({
      id: '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
      title: '',
      url: 'https://fact.example/l.json',
    });
    await storeList(db(), untitled, [rule('untitled phrase')], 1000);
    const names = Object.fromEntries((await allRules(db())).map((r) => [r.phrase, r.listTitle]));
    expect(names).toEqual({ 'titled phrase': 'Desk corrections', 'untitled phrase': 'fact.example' });
  });
});

describe('a refresh against the list as it is now', () => {
  it('stores nothing for a list removed meanwhile, and keeps the reader’s switch', async () => {
    await storeList(db(), list(), [rule('list phrase')], 1000);
    await setListEnabled(db(), list().id, false);
    // The refresh read the list while it was on.
    expect(await storeRefreshedList(db(), list({ enabled: true }), [rule('new phrase')], 2000)).toMatchObject(
      {
        enabled: false,
        rules: 1,
      },
    );
    expect(await phrasesFor()).toEqual([]);
    await deleteList(db(), list().id);
    expect(await storeRefreshedList(db(), list(), [rule('new phrase')], 3000)).toBeUndefined();
    expect(await db().lists.count()).toBe(0);
    expect(await db().rules.count()).toBe(0);
  });
});
