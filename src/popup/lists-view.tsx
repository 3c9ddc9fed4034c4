// The "Lists" view: correction lists and fact-check feeds the reader subscribed to by address or
// imported from a file, each with its rule (or fact-check) count, source, when it was last fetched
// or why that failed, Refresh, an on/off switch and Remove (with a confirm step). Used by the popup and the review page's Rules & lists
// panel. Writes go through the background, which tells every tab to repaint; a file is imported
// on the page itself (see importFile), then the background is told.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { FACT_CHECK_LIMITS } from '../core/factchecks/fact-check';
import { listName } from '../core/lists/list-name';
import type { ListStored, ListSummary } from '../core/lists/list-summary';
import { checkListUrl, originPattern, patternCovers } from '../core/lists/subscription';
import { importListFile } from '../db/import-list';
import { type FactmarkDb, openDb } from '../db/schema';
import { request } from '../request';
import { ProgressBar } from '../review/progress-bar';
import { type HeadingLevel, ListHeading, listContents, plural } from './list-contents';
import { readFileText } from './read-file';

type Load =
  | { kind: 'loading' }
  | { kind: 'error'; message: string }
  | { kind: 'ready'; lists: ListSummary[] };

const message = (failure: unknown) => (failure instanceof Error ? failure.message : String(failure));

/** "Imported “Title”: 12 rules" (a feed: "12,345 fact-checks") and, when some were left out, the first reason. */
function storedText(verb: string, { list, invalid }: ListStored): string {
  const head = `${verb} “${listName(list)}”: ${listContents(list)}.`;
  const [first] = invalid;
  if (!first) return head;
  return `${head} ${plural(invalid.length, 'record was', 'records were')} left out (record ${first.record}, ${first.field}: ${first.reason}).`;
}

export interface ListsViewProps {
  /** The page's connection to the extension's database (the popup opens one to import, then closes it). */
  db?: FactmarkDb;
  onChanged?(): void;
  /**
   * The view's heading level: 1 in the popup, where it is the page's heading; deeper where the
   * view sits under a heading of the page's own (the review page's Rules & lists panel).
   */
  headingLevel?: HeadingLevel;
}

export function ListsView({ db, onChanged, headingLevel = 1 }: ListsViewProps = {}) {
  const Heading = `h${headingLevel}` as const;
  const [load, setLoad] = useState<Load>({ kind: 'loading' });
  const [progress, setProgress] = useState<{ label: string; done?: number; total?: number } | null>(null);
  const [address, setAddress] = useState('');
  const [busy, setBusy] = useState('');
  const [status, setStatus] = useState('');
  const [error, setError] = useState('');
  const [confirming, setConfirming] = useState<string | null>(null);

  const refresh = useCallback(async () => {
    try {
      setLoad({ kind: 'ready', lists: await request('lists/list', {}) });
    } catch (failure) {
      setLoad({ kind: 'error', message: message(failure) });
    }
  }, []);
  useEffect(() => {
    void refresh();
  }, [refresh]);
  // The host patterns already granted (the content script's pages, earlier subscriptions), read
  // ahead: the click that subscribes can then tell at once whether it must ask, since a request
  // has to start before its first await to count as the reader's gesture.
  const granted = useRef<string[]>([]);
  useEffect(() => {
    void browser.permissions
      .getAll()
      .then(({ origins = [] }) => {
        granted.current = origins;
      })
      .catch(() => undefined);
  }, []);

  async function run(label: string, action: () => Promise<string | undefined>) {
    setError('');
    setStatus('');
    setBusy(label);
    try {
      const done = await action();
      if (done) setStatus(done);
    } catch (failure) {
      setError(message(failure));
    } finally {
      setBusy('');
      await refresh();
      onChanged?.();
    }
  }

  function subscribe(event: Event) {
    event.preventDefault();
    const checked = checkListUrl(address);
    if (!checked.ok) {
      setStatus('');
      return setError(checked.error);
    }
    // Asked here, inside the click or Enter itself: browsers allow the request only in a user
    // gesture, which ends at the first await.
    const covered = granted.current.some((pattern) => patternCovers(pattern, checked.url));
    const allowed = covered || browser.permissions.request({ origins: [originPattern(checked.url)] });
    void run('subscribe', async () => {
      if (!(await allowed)) {
        throw new Error(
          `Factmark needs your permission to read ${new URL(checked.url).host} to subscribe to this list. Subscribe again and choose Allow.`,
        );
      }
      const stored = await request('lists/subscribe', { url: checked.url });
      setAddress('');
      return storedText('Subscribed to', stored);
    });
  }

  // A file is imported here, on this page's own connection to the extension's database: a feed
  // may be 256 MB of text, too much to send the background in a message. The background is then
  // told, so it compiles rules and indexes fact-checks again and open tabs repaint.
  function importFile(input: HTMLInputElement) {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    void run('import', async () => {
      // Bytes are at least characters: a file over the cap in bytes may still fit, one far over cannot.
      if (file.size > FACT_CHECK_LIMITS.feedChars * 4) {
        throw new Error(
          `“${file.name}” is too large for a correction list or feed. Split it into smaller files.`,
        );
      }
      const name = file.name.slice(0, 255);
      setProgress({ label: `Reading ${name}…`, done: 0, total: file.size });
      const text = await readFileText(file, (done, total) =>
        setProgress({ label: `Reading ${name}…`, done, total }),
      );
      setProgress({ label: `Reading the lists in ${name}…` });
      // Let the bar repaint before the (synchronous) parse of a possibly large file.
      await new Promise((resolve) => setTimeout(resolve, 0));
      const ownDb = db ?? openDb();
      try {
        const stored = await importListFile(ownDb, text, name, (done, total) =>
          setProgress({ label: 'Storing fact-checks…', done, total }),
        );
        await request('factchecks/changed', {}).catch(() => undefined);
        return storedText('Imported', stored);
      } finally {
        setProgress(null);
        if (!db) ownDb.close();
      }
    });
  }

  return (
    <section aria-labelledby="lists-title" class="lists-view">
      <Heading id="lists-title">
        {load.kind === 'ready' && load.lists.length > 0
          ? plural(load.lists.length, 'correction list', 'correction lists')
          : 'Correction lists'}
      </Heading>
      <form class="list-subscribe" onSubmit={subscribe} noValidate>
        <label for="list-url">Subscribe to a list by address</label>
        <div class="list-subscribe-row">
          <input
            id="list-url"
            type="url"
            inputMode="url"
            placeholder="https://example.org/corrections.json"
            value={address}
            onInput={(e) => setAddress(e.currentTarget.value)}
          />
          <button type="submit" disabled={busy !== ''}>
            {busy === 'subscribe' ? 'Subscribing…' : 'Subscribe'}
          </button>
        </div>
      </form>
      <p class="list-import">
        <label for="list-file">Import a list file</label>{' '}
        <input
          id="list-file"
          type="file"
          accept=".json,.jsonld,.jsonl,.ndjson,.csv,application/json,application/ld+json,text/csv"
          disabled={busy !== ''}
          onChange={(e) => importFile(e.currentTarget)}
        />
      </p>
      {progress && <ProgressBar {...progress} />}
      {/* A feed of 100,000 fact-checks takes seconds to fetch, read, store and index. */}
      {!progress && busy === 'subscribe' && (
        <ProgressBar label="Subscribing: fetching, reading and storing…" />
      )}
      {status && (
        <p class="status" role="status">
          {status}
        </p>
      )}
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {load.kind === 'loading' && <p class="empty">Loading…</p>}
      {load.kind === 'error' && (
        <p class="error" role="alert">
          {load.message}
        </p>
      )}
      {load.kind === 'ready' && load.lists.length === 0 && (
        <p class="empty">
          No correction lists yet. Subscribe to a list or a fact-check feed by its address, or import a
          Factmark list (JSON) or a fact-check feed (ClaimReview JSON-LD, a DataFeed, JSON Lines, Fact Check
          Tools JSON or CSV).
        </p>
      )}
      {load.kind === 'ready' && load.lists.length > 0 && (
        <ul class="claims lists" aria-label="Correction lists">
          {load.lists.map((list) => {
            const name = listName(list);
            return (
              <li
                key={list.id}
                class={list.enabled ? 'claim correction-list' : 'claim correction-list disabled'}
              >
                <ListHeading name={name} list={list} />
                <p class="list-source">
                  {list.url ? (
                    <a href={list.url} target="_blank" rel="noopener noreferrer">
                      {list.url}
                    </a>
                  ) : (
                    'Imported from a file'
                  )}
                </p>
                {list.fetched !== undefined && (
                  <p class="list-fetched">
                    {list.url ? 'Last fetched' : 'Imported'} {new Date(list.fetched).toLocaleString()}
                  </p>
                )}
                {list.error && <p class="error list-error">{list.error}</p>}
                <div class="actions">
                  <label class="switch">
                    <input
                      type="checkbox"
                      role="switch"
                      checked={list.enabled}
                      aria-checked={list.enabled}
                      aria-label={`List on: ${name}`}
                      onChange={() =>
                        void run('switch', async () => {
                          await request('lists/set-enabled', { id: list.id, enabled: !list.enabled });
                          return undefined;
                        })
                      }
                    />
                    On
                  </label>
                  {list.url && (
                    <button
                      type="button"
                      disabled={busy !== ''}
                      aria-label={`Refresh ${name}`}
                      onClick={() =>
                        void run(`refresh ${list.id}`, async () => {
                          const lists = await request('lists/refresh', { id: list.id });
                          const now = lists.find((item) => item.id === list.id);
                          // Removed while it was fetched: the removal stands and nothing was stored.
                          if (!now) return `“${name}” was removed, so its refresh was not stored.`;
                          return now.error ? undefined : `Refreshed “${listName(now)}”.`;
                        })
                      }
                    >
                      {busy === `refresh ${list.id}` ? 'Refreshing…' : 'Refresh'}
                    </button>
                  )}
                  <button
                    type="button"
                    class={confirming === list.id ? 'danger' : ''}
                    aria-label={confirming === list.id ? `Confirm remove ${name}` : `Remove ${name}`}
                    onKeyDown={(e) => e.key === 'Escape' && setConfirming(null)}
                    onBlur={() => confirming === list.id && setConfirming(null)}
                    onClick={() =>
                      confirming === list.id
                        ? void run('remove', async () => {
                            setConfirming(null);
                            await request('lists/delete', { id: list.id });
                            return `Removed “${name}” and its ${listContents(list)}.`;
                          })
                        : setConfirming(list.id)
                    }
                  >
                    {confirming === list.id ? 'Confirm remove' : 'Remove'}
                  </button>
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
