// Fetching subscribed correction lists: subscribe to an address, refresh one list or all of them
// (conditional requests: a 304 keeps the copy), with a time limit and a size cap. What a response
// means is decided in core/lists/subscription.ts; storing is src/db/lists.ts. `fetch` comes in as
// a parameter so this runs in Node tests against a real local server.

import { t } from '../core/i18n/translate';
import {
  checkListUrl,
  conditionalHeaders,
  type FetchOutcome,
  LIST_FETCH_TIMEOUT_MS,
  LIST_MAX_BYTES,
  listName,
  nextListState,
} from '../core/lists';
import type { ListStored } from '../core/lists/list-summary';
import type { CorrectionList } from '../core/rule';
import { listByUrl, storeFeed, storeList, storeRefreshedList, storeRefreshedRecord } from '../db/lists';
import type { FactmarkDb } from '../db/schema';

export type Fetch = (url: string, init: RequestInit) => Promise<Response>;

/** Fetches a list's address once; never throws. */
export async function fetchList(
  fetcher: Fetch,
  url: string,
  headers: Record<string, string> = {},
  timeoutMs = LIST_FETCH_TIMEOUT_MS,
  maxBytes = LIST_MAX_BYTES,
): Promise<FetchOutcome> {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), timeoutMs);
  try {
    // no-cache: the browser's HTTP cache must not answer for the server; credentials stay home.
    const response = await fetcher(url, {
      headers,
      signal: abort.signal,
      cache: 'no-store',
      credentials: 'omit',
      redirect: 'follow',
    });
    const base = {
      status: response.status,
      etag: response.headers.get('ETag'),
      lastModified: response.headers.get('Last-Modified'),
    };
    if (response.status === 304 || !response.ok) {
      await response.body?.cancel().catch(() => undefined);
      return { kind: 'response', ...base, text: '' };
    }
    const declared = Number(response.headers.get('Content-Length') ?? '0');
    if (declared > maxBytes) {
      await response.body?.cancel().catch(() => undefined);
      return { kind: 'too-large' };
    }
    const text = await readCapped(response, maxBytes);
    return text === null ? { kind: 'too-large' } : { kind: 'response', ...base, text };
  } catch (error) {
    // A browser's own fetch error (error.message) is in its words; the others are Factmark's.
    const reason = abort.signal.aborted
      ? t('list_fetch_timeout', { seconds: Math.max(1, Math.round(timeoutMs / 1000)) })
      : error instanceof Error
        ? error.message
        : t('list_fetch_network');
    return { kind: 'unreachable', reason };
  } finally {
    clearTimeout(timer);
  }
}

/** The body as text, or null once it passes the size cap (the rest is not read). */
async function readCapped(response: Response, maxBytes: number): Promise<string | null> {
  if (!response.body) return response.text();
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let bytes = 0;
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    if (bytes > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    text += decoder.decode(value, { stream: true });
  }
  return text + decoder.decode();
}

export function makeListFetcher(db: FactmarkDb, fetcher: Fetch, now: () => number = Date.now) {
  /**
   * Fetches a stored list again; the previous copy stays when anything goes wrong. Undefined when
   * the reader removed the list during the fetch (nothing is written then). The switch is read
   * again when the result is stored, so switching the list off during the fetch keeps it off.
   */
  async function refresh(list: CorrectionList): Promise<ListStored | undefined> {
    if (!list.url) throw new Error(t('list_error_from_file', { name: listName(list) }));
    const outcome = await fetchList(fetcher, list.url, conditionalHeaders(list));
    const update = nextListState(list, outcome, now());
    if (update.kind === 'replace') {
      const stored =
        update.listKind === 'fact-checks'
          ? await storeFeed(db, update.list, update.factChecks, { refreshed: true, now: now() })
          : await storeRefreshedList(db, update.list, update.rules, now());
      return stored && { list: stored, invalid: update.invalid };
    }
    const stored = await storeRefreshedRecord(db, update.list);
    return stored && { list: stored, invalid: [] };
  }

  /**
   * Subscribes to a list by address (an address already subscribed to is refreshed instead). A
   * first fetch that fails stores nothing and says why.
   */
  async function subscribe(raw: string): Promise<ListStored> {
    const checked = checkListUrl(raw);
    if (!checked.ok) throw new Error(checked.error);
    const existing = await listByUrl(db, checked.url);
    if (existing) {
      const refreshed = await refresh(existing);
      if (!refreshed) throw new Error(t('list_removed_while_fetching'));
      return refreshed;
    }
    const draft: CorrectionList = {
      id: crypto.randomUUID(),
      title: checked.url,
      url: checked.url,
      enabled: true,
    };
    const outcome = await fetchList(fetcher, checked.url);
    const update = nextListState(draft, outcome, now(), { subscribing: true });
    // Nothing to keep in force yet: say what went wrong (worded for a first fetch), and store nothing.
    if (update.kind === 'keep') throw new Error(update.list.error ?? t('list_error_unreadable'));
    const stored =
      update.listKind === 'fact-checks'
        ? await storeFeed(db, update.list, update.factChecks, { now: now() })
        : await storeList(db, update.list, update.rules, now());
    if (!stored) throw new Error(t('list_removed_while_storing'));
    return { list: stored, invalid: update.invalid };
  }

  return { subscribe, refresh };
}
