// The protocol's request table (src/messages.ts): every request to the background is described
// once — payload schema, answer, who may send it, read or write, time-out — and the background's
// checks and the sender's retries follow from that one description.
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, expectTypeOf, it, vi } from 'vitest';
import { CONTENT_SCRIPT_REQUESTS, makeHandlers } from '../../src/background/handlers';
import type { Claim } from '../../src/core/model';
import type { RuleDetails } from '../../src/core/rule';
import { openDb } from '../../src/db/schema';
import {
  LIST_TIMEOUT_MS,
  REQUEST_TIMEOUT_MS,
  REQUESTS,
  type Requests,
  requestTypes,
  TAB_REQUESTS,
  type TabRequests,
} from '../../src/messages';
import { NO_ANSWER, ORPHANED, request } from '../../src/request';
import { NO_EFFECTS } from './support/no-effects';

const sendMessage = vi.fn<(message: unknown) => Promise<unknown>>();

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

describe('the request table', () => {
  it('describes every request with its payload schema, its answer, who may send it, whether it writes, and how long to wait', () => {
    for (const type of requestTypes()) {
      const spec = REQUESTS[type];
      expect(spec.payload.kind, type).toBe('schema');
      expect(spec.answer.description.trim(), type).not.toBe('');
      expect(['content', 'extension'], type).toContain(spec.from);
      expect(['read', 'write'], type).toContain(spec.effect);
      expect([REQUEST_TIMEOUT_MS, LIST_TIMEOUT_MS], type).toContain(spec.timeoutMs);
    }
    for (const spec of Object.values(TAB_REQUESTS)) {
      expect(spec.payload.kind).toBe('schema');
      expect(spec.answer.description.trim()).not.toBe('');
    }
  });

  it('has a background handler for every request, and no handler for a request it does not describe', () => {
    const handlers = makeHandlers(openDb('request-table'), NO_EFFECTS);
    expect(Object.keys(handlers).sort()).toEqual(requestTypes().sort());
  });

  it("gives content scripts exactly the requests marked 'content'", () => {
    expect([...CONTENT_SCRIPT_REQUESTS].sort()).toEqual(
      requestTypes((spec) => spec.from === 'content').sort(),
    );
    // Fetching, importing or deleting lists, and settings changes, belong to Factmark's own pages.
    for (const type of [
      'lists/subscribe',
      'lists/import',
      'lists/delete',
      'settings/set',
      'rules/list',
    ] as const) {
      expect(REQUESTS[type].from, type).toBe('extension');
    }
  });

  it('types each payload and answer from the table', () => {
    expectTypeOf<Requests['claims/for-page']['req']>().toEqualTypeOf<{ url: string; canonical?: string }>();
    expectTypeOf<Requests['claims/for-page']['res']>().toEqualTypeOf<Claim[]>();
    expectTypeOf<Requests['rules/get']['res']>().toEqualTypeOf<RuleDetails[]>();
    expectTypeOf<TabRequests['tab/reveal']['res']>().toEqualTypeOf<{ found: boolean }>();
  });

  it('does not depend on the database or on browser APIs', () => {
    const seen = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      const source = readFileSync(file, 'utf8');
      for (const [, specifier] of source.matchAll(/^(?:import|export)[^'";]*?from '([^']+)'/gm)) {
        if (specifier === undefined) continue;
        expect(
          ['webextension-polyfill', 'dexie'],
          `${relative(ROOT, file)} imports ${specifier}`,
        ).not.toContain(specifier);
        if (!specifier.startsWith('.')) continue;
        const target = resolveModule(join(dirname(file), specifier));
        expect(relative(ROOT, target), `${relative(ROOT, file)} imports ${specifier}`).not.toMatch(
          /^src\/db\//,
        );
        visit(target);
      }
    };
    visit(join(ROOT, 'src/messages.ts'));
    expect(seen.size).toBeGreaterThan(5);
  });
});

describe('a request whose answer never comes (the worker stopped)', () => {
  beforeEach(() => {
    sendMessage.mockReset();
    // The browser's own runtime, as a content script or extension page has it.
    vi.stubGlobal('chrome', { runtime: { id: 'factmark', sendMessage } });
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('asks again once for a read, and answers with the second reply', async () => {
    sendMessage.mockResolvedValueOnce(undefined).mockResolvedValueOnce({ ok: true, value: [] });
    await expect(request('rules/list', {})).resolves.toEqual([]);
    expect(sendMessage).toHaveBeenCalledTimes(2);
  });

  it('never sends a write twice: it says it may not have been done', async () => {
    sendMessage.mockResolvedValue(undefined);
    await expect(request('claims/delete', { id: '0b1c6a8e-2f4d-4c6b-9a51-3d2e1f0a9b8c' })).rejects.toThrow(
      NO_ANSWER,
    );
    expect(sendMessage).toHaveBeenCalledTimes(1);
  });

  it('says to reload the page when the extension is gone from under it (an orphaned content script)', async () => {
    vi.stubGlobal('chrome', {});
    await expect(request('rules/list', {})).rejects.toThrow(ORPHANED);
    vi.stubGlobal('chrome', {
      runtime: { sendMessage: () => Promise.reject(new Error('Extension context invalidated.')) },
    });
    await expect(request('claims/delete', { id: '0b1c6a8e-2f4d-4c6b-9a51-3d2e1f0a9b8c' })).rejects.toThrow(
      ORPHANED,
    );
  });
});

/** A relative import's file: the path as written, or with .ts/.tsx, or its index. */
function resolveModule(path: string): string {
  for (const candidate of [path, `${path}.ts`, `${path}.tsx`, join(path, 'index.ts')]) {
    try {
      if (readFileSync(resolve(candidate)) && /\.(ts|tsx|json)$/.test(candidate)) return resolve(candidate);
    } catch {
      // not this one
    }
  }
  throw new Error(`cannot resolve ${path}`);
}
