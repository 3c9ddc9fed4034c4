// A page session, in a real browser, with the background played by a stand-in for the extension
// API (the messages it answers are the protocol's own shapes): the session paints the page's
// saved claim, answers the popup's status request, and its end takes back everything it made —
// highlights, the <factmark-ui> host, its message listener — whether dispose() is called or its
// extension is gone (an orphaned script after an update ends at the page's next change).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

/** A runtime.onMessage listener as the browser calls it: true means the answer comes later. */
type Listener = (
  message: unknown,
  sender: { id?: string },
  sendResponse: (reply: unknown) => void,
) => boolean;

const listeners = new Set<Listener>();
const replies = new Map<string, (payload: unknown) => unknown>();
const sent: string[] = [];
const runtime = {
  id: 'factmark-test',
  sendMessage: async (message: { type: string; payload: unknown }) => {
    sent.push(message.type);
    const reply = replies.get(message.type);
    if (!reply) return { ok: false, error: `no ${message.type}` };
    try {
      return { ok: true, value: reply(message.payload) };
    } catch (error) {
      return { ok: false, error: (error as Error).message };
    }
  },
  onMessage: {
    addListener: (listener: Listener) => listeners.add(listener),
    removeListener: (listener: Listener) => listeners.delete(listener),
  },
};

/** Sends a message to the session's listener as the browser would: its answer, or undefined if it left it. */
function ask(message: unknown, sender: { id?: string }): Promise<unknown> | undefined {
  const [listener] = listeners;
  let answer!: (reply: unknown) => void;
  const reply = new Promise<unknown>((resolve) => {
    answer = resolve;
  });
  return listener?.(message, sender, answer) ? reply : undefined;
}

import { startPageSession } from '../../src/content/page-session';
import { compileRules } from '../../src/core/match';
import {
  correctionMargin,
  findCorrections,
  type RuleSet,
  type TextWindow,
} from '../../src/core/match/find-corrections';
import type { Claim } from '../../src/core/model';

const QUOTE = 'approved the budget by nine votes to two';

function savedClaim(): Claim {
  return {
    id: '00000000-0000-4000-8000-000000000001',
    url: location.href,
    title: document.title,
    pageKey: 'test',
    quote: { type: 'TextQuoteSelector', exact: QUOTE, prefix: 'The council ', suffix: ', after' },
    position: { type: 'TextPositionSelector', start: 12, end: 12 + QUOTE.length },
    verdict: 'false',
    correction: 'Seven votes to four.',
    note: '',
    sources: [],
    tags: [],
    created: 0,
    updated: 0,
  };
}

/** The texts under Factmark's highlights in this page, by highlight name. */
function painted(): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [name, highlight] of CSS.highlights)
    if (name.startsWith('factmark-')) out[name] = [...highlight].map((range) => range.toString());
  return out;
}

/** The background's answer to `corrections/find`, with these rules (as the extension's own code finds them). */
function useRules(rules: RuleSet): void {
  replies.set('corrections/find', (payload) => {
    const { windows, builtIn } = payload as { windows: TextWindow[]; builtIn: boolean };
    return { findings: findCorrections(windows, rules, builtIn), margin: correctionMargin(rules, builtIn) };
  });
}

const uiHosts = () => document.querySelectorAll('factmark-ui').length;

/** The extension as a content script sees it: `chrome.runtime` (its id is set while it runs). */
const extension = globalThis as { chrome?: { runtime?: Partial<typeof runtime> } };

beforeEach(() => {
  Object.defineProperty(globalThis, 'chrome', {
    value: { runtime },
    configurable: true,
    writable: true,
  });
  document.body.innerHTML = `<article><h1>Council budget</h1>
    <p>The council ${QUOTE}, after a long debate.</p><p>The mayor spoke.</p></article>`;
  replies.set('claims/for-page', () => [savedClaim()]);
  useRules({ ids: [], verdicts: [], compiled: compileRules([]) });
  replies.set('settings/get', () => ({
    enabled: false,
    global: false,
    site: null,
    sensitivity: 'fewer',
    builtIn: true,
  }));
  replies.set('factchecks/match', () => ({ marks: [] }));
  replies.set('claims/seen', () => ({ updated: 0 }));
  replies.set('page/report', () => null);
  replies.set('page/frames-report', () => null);
});

afterEach(() => {
  listeners.clear();
  sent.length = 0;
  document.body.replaceChildren();
  CSS.highlights.clear();
});

describe('a page session', () => {
  it("paints the page's saved claim and answers the popup's status request", async () => {
    const session = startPageSession({ isTop: true, pageHost: location.hostname });
    await vi.waitFor(() => expect(painted()['factmark-false']).toEqual([QUOTE]), { timeout: 10_000 });
    expect(uiHosts()).toBe(1);
    expect(listeners.size).toBe(1);
    const reply = (await ask({ factmark: 1, type: 'tab/status', payload: {} }, { id: runtime.id })) as {
      ok: boolean;
      value: { claims: { found: boolean }[] };
    };
    expect(reply.ok).toBe(true);
    expect(reply.value.claims.map((c) => c.found)).toEqual([true]);
    // A message from anyone else is not answered.
    expect(ask({ factmark: 1, type: 'tab/status', payload: {} }, { id: 'someone-else' })).toBeUndefined();
    session.dispose();
  });

  it('on dispose() leaves no highlight, no UI host and no message listener, and is safe to call twice', async () => {
    const session = startPageSession({ isTop: true, pageHost: location.hostname });
    await vi.waitFor(() => expect(painted()['factmark-false']).toEqual([QUOTE]), { timeout: 10_000 });
    session.dispose();
    expect(session.signal.aborted).toBe(true);
    expect(painted()).toEqual({});
    expect(uiHosts()).toBe(0);
    expect(listeners.size).toBe(0);
    session.dispose();
    expect(uiHosts()).toBe(0);
  });

  it('checks the text again for a rule change without fetching the claims or indexing the page again', async () => {
    const session = startPageSession({ isTop: true, pageHost: location.hostname });
    await vi.waitFor(() => expect(painted()['factmark-false']).toEqual([QUOTE]), { timeout: 10_000 });
    await vi.waitFor(() => expect(sent).toContain('factchecks/match'), { timeout: 10_000 });
    // A page load reads its settings once.
    expect(sent.filter((type) => type === 'settings/get')).toHaveLength(1);
    useRules({
      ids: ['rule-1'],
      verdicts: ['misleading'],
      compiled: compileRules([{ phrase: 'long debate' }]),
    });
    const asked = sent.length;
    const reply = await ask(
      { factmark: 1, type: 'tab/refresh', payload: { scope: 'rules' } },
      { id: runtime.id },
    );
    expect(reply).toEqual({ ok: true, value: null });
    expect(painted()['factmark-misleading']).toEqual(['long debate']);
    expect(painted()['factmark-false']).toEqual([QUOTE]);
    const since = sent.slice(asked);
    expect(since).toContain('corrections/find');
    expect(since).not.toContain('claims/for-page');
    session.dispose();
  });

  it('asks the background to check the text again when it could not answer, and paints what it finds', async () => {
    useRules({
      ids: ['rule-1'],
      verdicts: ['misleading'],
      compiled: compileRules([{ phrase: 'long debate' }]),
    });
    const answer = replies.get('corrections/find');
    let asked = 0;
    replies.set('corrections/find', (payload) => {
      asked++;
      if (asked === 1) throw new Error('The worker is starting again.');
      return answer?.(payload);
    });
    const session = startPageSession({ isTop: true, pageHost: location.hostname });
    await vi.waitFor(() => expect(painted()['factmark-misleading']).toEqual(['long debate']), {
      timeout: 10_000,
    });
    expect(asked).toBe(2);
    expect(painted()['factmark-false']).toEqual([QUOTE]);
    session.dispose();
  });

  it('ends by itself at the next page change once its extension is gone (reloaded or updated)', async () => {
    const session = startPageSession({ isTop: true, pageHost: location.hostname });
    await vi.waitFor(() => expect(painted()['factmark-false']).toEqual([QUOTE]), { timeout: 10_000 });
    // The load's refresh has run to its end (matching the sentences is its last request).
    await vi.waitFor(() => expect(sent).toContain('factchecks/match'), { timeout: 10_000 });
    extension.chrome = { runtime: { onMessage: runtime.onMessage } }; // an orphaned script: no id
    const asked = sent.length;
    const more = document.createElement('p');
    more.textContent = `Later: the council ${QUOTE}.`;
    document.querySelector('article')!.append(more);
    await vi.waitFor(() => expect(session.signal.aborted).toBe(true), { timeout: 10_000 });
    expect(painted()).toEqual({});
    expect(uiHosts()).toBe(0);
    // It asked the background for nothing more: the change was not handled, the session ended.
    expect(sent.slice(asked)).toEqual([]);
  });
});
