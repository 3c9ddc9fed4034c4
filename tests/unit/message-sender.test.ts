// Who may talk to whom. The background answers only this extension's own contexts, and gives a
// content script (which runs in the web page's renderer) only the requests its page needs; a
// content script answers tab requests only from this extension. The `sender` objects below are
// what Chromium and Firefox pass to runtime.onMessage listeners.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CONTENT_SCRIPT_REQUESTS, dispatch, makeHandlers } from '../../src/background/handlers';
import { senderOf } from '../../src/background/sender';
import { type FactmarkDb, openDb } from '../../src/db/schema';
import { isRequestType, type RequestType, readTabRequest, requestTypes } from '../../src/messages';
import { recordFigure } from '../support/reliability';
import { makeDraft } from './support/claims';
import { NO_EFFECTS } from './support/no-effects';

const OWN = {
  id: 'factmark@factmark.example',
  baseUrl: 'moz-extension://6f1c1b8e-6a44-4d5e-9c1e-0f0d6c1b2a3e/',
};
const CHROME_OWN = {
  id: 'abcdefghijklmnopabcdefghijklmnop',
  baseUrl: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/',
};

const ARTICLE = 'https://www.bbc.co.uk/news/articles/c1';
const fromContentScript = { id: OWN.id, url: ARTICLE, tab: { id: 12 } };
const fromPopup = { id: OWN.id, url: `${OWN.baseUrl}popup.html` };
const fromReviewTab = { id: OWN.id, url: `${OWN.baseUrl}review.html`, tab: { id: 3 } };

const draft = makeDraft({ url: ARTICLE, title: 'Article' });
const rule = {
  phrase: 'Digital Rights Act',
  matchCase: false,
  verdict: 'false',
  correction: '',
  note: '',
  sources: [],
};

describe('the background’s sender check', () => {
  it('refuses messages from another extension, or with no extension id at all', () => {
    expect(senderOf({ id: 'other@example.org', url: ARTICLE, tab: { id: 1 } }, OWN)).toBeNull();
    expect(senderOf({ id: CHROME_OWN.id, url: `${CHROME_OWN.baseUrl}popup.html` }, OWN)).toBeNull();
    expect(senderOf({ url: ARTICLE, tab: { id: 1 } }, OWN)).toBeNull();
    expect(senderOf({}, OWN)).toBeNull();
  });

  it('knows the popup and the review page (even in a tab) as extension pages, in both browsers', () => {
    expect(senderOf(fromPopup, OWN)).toEqual({ context: 'extension' });
    expect(senderOf(fromReviewTab, OWN)).toEqual({ context: 'extension', tabId: 3 });
    expect(senderOf({ id: CHROME_OWN.id, url: `${CHROME_OWN.baseUrl}review.html` }, CHROME_OWN)).toEqual({
      context: 'extension',
    });
  });

  it('knows a content script by its web page address, and an address that only looks like ours as a page', () => {
    expect(senderOf(fromContentScript, OWN)).toEqual({ context: 'content', tabId: 12 });
    // A page whose address contains our base URL is still a page.
    expect(senderOf({ id: OWN.id, url: `https://evil.example/?${OWN.baseUrl}` }, OWN)).toEqual({
      context: 'content',
    });
    // No address at all: the less trusted kind.
    expect(senderOf({ id: OWN.id }, OWN)).toEqual({ context: 'content' });
  });

  it('knows which frame of its tab a content script speaks from', () => {
    expect(senderOf({ ...fromContentScript, frameId: 4 }, OWN)).toEqual({
      context: 'content',
      tabId: 12,
      frameId: 4,
    });
  });
});

describe('what a content script may ask the background', () => {
  let db: FactmarkDb;
  let handlers: ReturnType<typeof makeHandlers>;
  let repaints = 0;
  let n = 0;

  beforeEach(() => {
    db = openDb(`factmark-sender-${n++}`);
    repaints = 0;
    handlers = makeHandlers(db, { ...NO_EFFECTS, claimsChanged: () => repaints++ });
  });
  afterEach(async () => {
    await db.delete();
  });

  const send = (type: RequestType, payload: unknown, raw: Parameters<typeof senderOf>[0]) => {
    const sender = senderOf(raw, OWN);
    if (!sender) throw new Error('not our sender');
    return dispatch(handlers, { factmark: 1, type, payload }, sender);
  };

  it('saves, reads back and deletes claims on its own page, as the editor and card do', async () => {
    const saved = await send('claims/save', draft, fromContentScript);
    expect(saved).toMatchObject({ ok: true, value: { quote: { exact: 'Digital Rights Act (DSA)' } } });
    const page = await send('claims/for-page', { url: ARTICLE }, fromContentScript);
    expect(page).toMatchObject({ ok: true, value: [{ correction: 'Digital Services Act' }] });
    const id = (saved as { value: { id: string } }).value.id;
    expect(await send('claims/delete', { id }, fromContentScript)).toEqual({
      ok: true,
      value: { deleted: true },
    });
  });

  it('cannot list every rule, change settings, delete rules or make every tab repaint', async () => {
    const made = await send('rules/save', rule, fromPopup);
    if (!made.ok) throw new Error(made.error);
    const id = (made.value as { id: string }).id;
    repaints = 0;
    for (const [type, payload] of [
      ['rules/list', {}],
      ['rules/delete', { id }],
      ['settings/set', { enabled: false }],
      ['claims/changed', {}],
    ] as const) {
      const reply = await send(type, payload, fromContentScript);
      expect(reply).toEqual({
        ok: false,
        error: `${type} is only available to Factmark's own pages, not to a web page.`,
      });
    }
    expect(repaints).toBe(0);
    expect(await db.rules.count()).toBe(1);
    expect(await db.settings.count()).toBe(0);
    const refused = requestTypes((spec) => spec.from === 'extension');
    recordFigure({
      guarantee: 'A web page cannot use the extension’s own requests',
      figure: `${refused.length} of ${requestTypes().length} request types refused to content scripts; other extensions and id-less senders refused`,
      held: true,
    });
    // The same requests from the popup work.
    expect(await send('rules/list', {}, fromPopup)).toMatchObject({
      ok: true,
      value: [{ phrase: 'Digital Rights Act' }],
    });
    expect(await send('settings/set', { enabled: false }, fromPopup)).toMatchObject({
      ok: true,
      value: { enabled: false },
    });
  });

  it('lists exactly the requests a content script sends today, and refuses types it does not know', () => {
    expect([...CONTENT_SCRIPT_REQUESTS].sort()).toEqual([
      'claims/delete',
      'claims/for-page',
      'claims/save',
      'claims/seen',
      'corrections/find',
      'detect/score',
      'factchecks/dismiss',
      'factchecks/match',
      'factchecks/suggest',
      'page/frames-report',
      'page/report',
      'review/open-rules',
      'rules/get',
      'rules/save',
      'settings/get',
    ]);
    for (const type of CONTENT_SCRIPT_REQUESTS) expect(isRequestType(type)).toBe(true);
  });

  it('cannot save a claim for a javascript:, data: or file: address', async () => {
    for (const url of ['javascript:alert(1)', 'data:text/html,<b>x</b>', 'file:///etc/passwd']) {
      const reply = await send('claims/save', { ...draft, url }, fromContentScript);
      expect(reply).toEqual({
        ok: false,
        error: 'invalid claims/save: url: must be an http or https address',
      });
      const canonical = await send('claims/save', { ...draft, canonical: url }, fromPopup);
      expect(canonical).toEqual({
        ok: false,
        error: 'invalid claims/save: canonical: must be an http or https address',
      });
    }
    expect(await db.claims.count()).toBe(0);
  });
});

describe('the content script’s check of tab requests', () => {
  const reveal = { factmark: 1, type: 'tab/reveal', payload: { id: '00000000-0000-4000-8000-000000000001' } };

  it('answers a tab request from this extension (background or popup)', () => {
    expect(readTabRequest(reveal, { id: OWN.id }, OWN.id)).toEqual({
      kind: 'request',
      type: 'tab/reveal',
      payload: reveal.payload,
    });
    expect(
      readTabRequest({ factmark: 1, type: 'tab/status', payload: {} }, { id: OWN.id }, OWN.id),
    ).toMatchObject({
      kind: 'request',
      type: 'tab/status',
    });
  });

  it('ignores the same request forged by another extension, or with no sender id', () => {
    expect(readTabRequest(reveal, { id: 'other@example.org' }, OWN.id)).toEqual({ kind: 'ignore' });
    expect(readTabRequest(reveal, {}, OWN.id)).toEqual({ kind: 'ignore' });
  });

  it('ignores what is not a tab request, and refuses a tab request with a bad payload', () => {
    for (const message of [
      null,
      'tab/status',
      {},
      { factmark: 1, type: 'claims/save', payload: {} },
      { type: 'tab/status' },
    ]) {
      expect(readTabRequest(message, { id: OWN.id }, OWN.id)).toEqual({ kind: 'ignore' });
    }
    expect(
      readTabRequest({ factmark: 1, type: 'tab/reveal', payload: { id: 'x' } }, { id: OWN.id }, OWN.id),
    ).toEqual({
      kind: 'invalid',
      error: 'invalid tab/reveal',
    });
    expect(readTabRequest({ factmark: 1, type: '__proto__', payload: {} }, { id: OWN.id }, OWN.id)).toEqual({
      kind: 'ignore',
    });
  });

  it('refuses a reveal that would wait longer than two minutes, and a frame report for the top frame', () => {
    const tab = (type: string, payload: unknown) =>
      readTabRequest({ factmark: 1, type, payload }, { id: OWN.id }, OWN.id);
    expect(tab('tab/reveal', { ...reveal.payload, within: 60_000 })).toMatchObject({ kind: 'request' });
    expect(tab('tab/reveal', { ...reveal.payload, within: 120_001 })).toEqual({
      kind: 'invalid',
      error: 'invalid tab/reveal',
    });
    const report = { frameId: 4, frame: 'https://news.example/embed.html', found: [reveal.payload.id] };
    expect(tab('tab/frame-report', report)).toMatchObject({ kind: 'request', payload: report });
    expect(tab('tab/frame-report', { ...report, frameId: 0 })).toEqual({
      kind: 'invalid',
      error: 'invalid tab/frame-report',
    });
  });
});
