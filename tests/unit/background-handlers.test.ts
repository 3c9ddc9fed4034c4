import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch, makeHandlers } from '../../src/background/handlers';
import type { CorrectionFinding } from '../../src/core/match/find-corrections';
import { type FactmarkDb, openDb } from '../../src/db/schema';
import { makeDraft } from './support/claims';

let db: FactmarkDb;
/** Every notice that makes tabs repaint or check their text again. */
let changes = 0;
/** The scope of each "check your text again" notice (rules, settings). */
let rechecks: string[] = [];
/** The page keys of each repaint request (undefined: every page). */
let repainted: (string[] | undefined)[] = [];
let rulesOpened = 0;
let badges: [number, number][] = [];
let frameReports: [number, unknown][] = [];
let reportsAsked: number[] = [];
let handlers: ReturnType<typeof makeHandlers>;
let n = 0;

beforeEach(async () => {
  db = openDb(`factmark-handlers-${n++}`);
  changes = 0;
  rechecks = [];
  repainted = [];
  rulesOpened = 0;
  badges = [];
  frameReports = [];
  reportsAsked = [];
  handlers = makeHandlers(db, {
    claimsChanged: (pageKeys) => {
      changes++;
      repainted.push(pageKeys);
    },
    recheckPages: (scope) => {
      changes++;
      rechecks.push(scope);
    },
    setBadge: (tab, count) => badges.push([tab, count]),
    frameReport: (tab, report) => frameReports.push([tab, report]),
    askFramesToReport: (tab) => reportsAsked.push(tab),
    openRules: async () => {
      rulesOpened++;
    },
  });
});
afterEach(async () => {
  await db.delete();
});

const draft = makeDraft();

describe('background message handlers', () => {
  it('saves a valid claim, answers with it, and tells the tabs to repaint', async () => {
    const reply = await dispatch(handlers, { factmark: 1, type: 'claims/save', payload: draft }, {});
    expect(reply).toMatchObject({ ok: true, value: { quote: { exact: 'Digital Rights Act (DSA)' } } });
    expect(changes).toBe(1);
  });

  it('rejects a source that is not http or https, saying which field, and saves nothing', async () => {
    const reply = await dispatch(
      handlers,
      { factmark: 1, type: 'claims/save', payload: { ...draft, sources: ['javascript:alert(1)'] } },
      {},
    );
    expect(reply).toEqual({
      ok: false,
      error: expect.stringContaining('sources.0: must be an http or https address'),
    });
    expect(await db.claims.count()).toBe(0);
  });

  it('rejects unknown verdicts, unknown fields and oversized notes', async () => {
    for (const payload of [
      { ...draft, verdict: 'pants-on-fire' },
      { ...draft, extra: 1 },
      { ...draft, note: 'x'.repeat(20_001) },
    ]) {
      const reply = await dispatch(handlers, { factmark: 1, type: 'claims/save', payload }, {});
      expect(reply.ok).toBe(false);
    }
    expect(await db.claims.count()).toBe(0);
  });

  it('answers unknown or malformed messages with an error instead of throwing', async () => {
    for (const message of [
      null,
      42,
      'claims/save',
      {},
      { type: '__proto__' },
      { type: 'claims/delete', payload: { id: 'x' } },
    ]) {
      const reply = await dispatch(handlers, message, {});
      expect(reply.ok).toBe(false);
    }
  });

  it('sets the badge of the tab that reported its count', async () => {
    await dispatch(handlers, { factmark: 1, type: 'page/report', payload: { total: 3 } }, { tabId: 7 });
    expect(badges).toEqual([[7, 3]]);
  });

  it('passes a same-origin frame’s found claims on to its top frame, and leaves the badge alone', async () => {
    const id = '00000000-0000-4000-8000-000000000001';
    const report = { total: 2, found: [id], frame: 'https://news.example/embed.html' };
    await dispatch(handlers, { factmark: 1, type: 'page/report', payload: report }, { tabId: 7, frameId: 3 });
    expect(badges).toEqual([]);
    expect(frameReports).toEqual([
      [7, { frameId: 3, frame: 'https://news.example/embed.html', found: [id] }],
    ]);
  });

  it('asks the frames of the reporting tab to report again when its top frame starts', async () => {
    await dispatch(
      handlers,
      { factmark: 1, type: 'page/frames-report', payload: {} },
      { tabId: 7, frameId: 0 },
    );
    expect(reportsAsked).toEqual([7]);
  });

  it('asks only the pages showing a saved or deleted claim to repaint: its page and its canonical page', async () => {
    const payload = {
      ...draft,
      url: 'https://news.example/story?utm_source=x',
      canonical: 'https://news.example/s/1',
    };
    const saved = await dispatch(handlers, { factmark: 1, type: 'claims/save', payload }, {});
    if (!saved.ok) throw new Error(saved.error);
    const { id } = saved.value as { id: string };
    await dispatch(handlers, { factmark: 1, type: 'claims/delete', payload: { id } }, {});
    expect(repainted).toEqual([
      ['news.example/story', 'news.example/s/1'],
      ['news.example/story', 'news.example/s/1'],
    ]);
    // Deleting it again changes nothing, so no page repaints.
    await dispatch(handlers, { factmark: 1, type: 'claims/delete', payload: { id } }, {});
    expect(repainted).toHaveLength(2);
  });

  it('returns the page’s claims and deletes one', async () => {
    const saved = await dispatch(handlers, { factmark: 1, type: 'claims/save', payload: draft }, {});
    if (!saved.ok) throw new Error(saved.error);
    const { id } = saved.value as { id: string };
    const page = await dispatch(
      handlers,
      { factmark: 1, type: 'claims/for-page', payload: { url: draft.url } },
      {},
    );
    expect(page).toMatchObject({ ok: true, value: [{ id }] });
    expect(await dispatch(handlers, { factmark: 1, type: 'claims/delete', payload: { id } }, {})).toEqual({
      ok: true,
      value: { deleted: true },
    });
  });
});

describe('background handlers for the review page', () => {
  it('tells the tabs to repaint when an extension page says it changed claims itself', async () => {
    const reply = await dispatch(handlers, { factmark: 1, type: 'claims/changed', payload: {} }, {});
    expect(reply).toEqual({ ok: true, value: null });
    expect(changes).toBe(1);
  });

  it('records which claims were found on their page without changing when they were updated', async () => {
    const first = await dispatch(handlers, { factmark: 1, type: 'claims/save', payload: draft }, {});
    const second = await dispatch(
      handlers,
      {
        factmark: 1,
        type: 'claims/save',
        payload: { ...draft, position: { ...draft.position, start: 40, end: 60 } },
      },
      {},
    );
    if (!first.ok || !second.ok) throw new Error('save failed');
    const a = first.value as { id: string; updated: number };
    const b = second.value as { id: string; updated: number };
    changes = 0;
    const reply = await dispatch(
      handlers,
      {
        factmark: 1,
        type: 'claims/seen',
        payload: { found: [a.id], missing: [b.id, '00000000-0000-4000-8000-000000000000'] },
      },
      {},
    );
    expect(reply).toEqual({ ok: true, value: { updated: 2 } });
    expect(await db.claims.get(a.id)).toMatchObject({ found: true, updated: a.updated });
    expect(await db.claims.get(b.id)).toMatchObject({ found: false, updated: b.updated });
    expect((await db.claims.get(b.id))?.checked).toEqual(expect.any(Number));
    expect(changes).toBe(0);
  });

  it('refuses a seen report with ids that are not claim ids', async () => {
    const reply = await dispatch(
      handlers,
      { factmark: 1, type: 'claims/seen', payload: { found: ['<script>'], missing: [] } },
      {},
    );
    expect(reply.ok).toBe(false);
  });
});

describe('opening the rules from a correction card', () => {
  it('opens the review page at its rules when a content script asks, and accepts nothing else', async () => {
    const ask = (payload: unknown) =>
      dispatch(
        handlers,
        { factmark: 1, type: 'review/open-rules', payload },
        { tabId: 3, context: 'content' },
      );
    expect(await ask({})).toEqual({ ok: true, value: null });
    expect(rulesOpened).toBe(1);
    expect(await ask({ url: 'https://evil.example/' })).toMatchObject({ ok: false });
    expect(rulesOpened).toBe(1);
  });
});

describe('settings messages', () => {
  it('answer the detection settings for a site, with defaults', async () => {
    const reply = await dispatch(
      handlers,
      { factmark: 1, type: 'settings/get', payload: { host: 'news.example' } },
      {},
    );
    expect(reply).toEqual({
      ok: true,
      value: { enabled: true, global: true, site: null, sensitivity: 'fewer', builtIn: true },
    });
  });

  it('save a change, answer the new settings, and tell the tabs to repaint', async () => {
    const reply = await dispatch(
      handlers,
      {
        factmark: 1,
        type: 'settings/set',
        payload: { host: 'news.example', site: false, sensitivity: 'more' },
      },
      {},
    );
    expect(reply).toEqual({
      ok: true,
      value: { enabled: false, global: true, site: false, sensitivity: 'more', builtIn: true },
    });
    // Tabs check their text again with the new settings; none re-indexes or re-fetches its claims.
    expect(rechecks).toEqual(['settings']);
    expect(repainted).toEqual([]);
  });

  it('reject unknown sensitivities, unknown fields, bad host names and a site switch without a host', async () => {
    for (const payload of [
      { sensitivity: 'all' },
      { enabled: true, extra: 1 },
      { host: 'a/b', site: false },
      { host: '', site: false },
      { site: false },
      { enabled: 'yes' },
    ]) {
      const reply = await dispatch(handlers, { factmark: 1, type: 'settings/set', payload }, {});
      expect(reply, JSON.stringify(payload)).toMatchObject({
        ok: false,
        error: expect.stringContaining('invalid settings/set'),
      });
    }
    expect(changes).toBe(0);
    expect(await db.settings.count()).toBe(0);
  });
});

describe('rule messages', () => {
  const rule = {
    phrase: 'Digital Rights Act',
    matchCase: false,
    verdict: 'false',
    correction: 'It is the Digital Services Act.',
    note: '',
    sources: ['https://eur-lex.europa.eu/eli/reg/2022/2065/oj'],
  };
  const send = (type: string, payload: unknown) => dispatch(handlers, { factmark: 1, type, payload }, {});
  async function saved(payload: unknown): Promise<{ id: string }> {
    const reply = await send('rules/save', payload);
    if (!reply.ok) throw new Error(reply.error);
    return reply.value as { id: string };
  }
  const PAGE_TEXT = 'Under the digital rights  act, platforms…';
  /** What a page gets back for its text (one window, at offset 100 of the whole text). */
  async function findings(text = PAGE_TEXT, builtIn = false) {
    const reply = await send('corrections/find', { windows: [{ start: 100, text }], builtIn });
    if (!reply.ok) throw new Error(reply.error);
    return (reply.value as { findings: CorrectionFinding[] }).findings;
  }
  const ruleFindings = async () =>
    (await findings()).flatMap((f) => (f.kind === 'rule' ? [{ ruleId: f.ruleId, verdict: f.verdict }] : []));

  it('save a rule, switched on, and tell the tabs to check their text again for rules (no re-index)', async () => {
    const reply = await send('rules/save', rule);
    expect(reply).toMatchObject({ ok: true, value: { ...rule, listId: null, enabled: true } });
    expect(rechecks).toEqual(['rules']);
    expect(repainted).toEqual([]);
  });

  it('reject a phrase too short, a bad source and unknown fields, saving nothing', async () => {
    for (const payload of [
      { ...rule, phrase: 'x' },
      { ...rule, sources: ['ftp://example.org'] },
      { ...rule, listId: 'x' },
      { ...rule, id: 'not-a-uuid' },
    ]) {
      const reply = await send('rules/save', payload);
      expect(reply.ok, JSON.stringify(payload)).toBe(false);
    }
    expect(await db.rules.count()).toBe(0);
    expect(changes).toBe(0);
  });

  it("find the enabled rules in a page's text: where, which rule and its verdict", async () => {
    const { id } = await saved(rule);
    const found = await findings();
    expect(found).toEqual([{ kind: 'rule', start: 110, end: 129, ruleId: id, verdict: 'false' }]);
    expect(PAGE_TEXT.slice(110 - 100, 129 - 100)).toBe('digital rights  act');
  });

  it('find a wrongly spelt-out acronym only when the built-in check is on', async () => {
    const text = 'Under the Digital Rights Act (DSA), platforms must act.';
    expect(await findings(text, false)).toEqual([]);
    const [acronym] = await findings(text, true);
    expect(acronym).toMatchObject({ kind: 'acronym', acronym: 'DSA', expected: 'Digital Services Act' });
    expect(text.slice((acronym?.start ?? 0) - 100, (acronym?.end ?? 0) - 100)).toBe(
      'Digital Rights Act (DSA)',
    );
  });

  it('compile again after a rule is switched off, edited or deleted', async () => {
    const { id } = await saved(rule);
    expect(await ruleFindings()).toEqual([{ ruleId: id, verdict: 'false' }]);
    await saved({ ...rule, id, enabled: false });
    expect(await ruleFindings()).toEqual([]);
    await saved({ ...rule, id, enabled: true, verdict: null });
    expect(await ruleFindings()).toEqual([{ ruleId: id, verdict: null }]);
    expect(await send('rules/delete', { id })).toEqual({ ok: true, value: { deleted: true } });
    expect(await ruleFindings()).toEqual([]);
    expect(changes).toBe(4);
  });

  it('list every rule and answer the ones asked for by id', async () => {
    const a = await saved(rule);
    const b = await saved({ ...rule, phrase: 'second phrase' });
    const list = await send('rules/list', {});
    expect(list).toMatchObject({
      ok: true,
      value: expect.arrayContaining([
        {
          ...rule,
          id: a.id,
          listId: null,
          enabled: true,
          created: expect.any(Number),
          updated: expect.any(Number),
        },
      ]),
    });
    expect((list as { value: unknown[] }).value).toHaveLength(2);
    expect(await send('rules/get', { ids: [b.id] })).toMatchObject({
      ok: true,
      value: [{ id: b.id, phrase: 'second phrase' }],
    });
  });
});
