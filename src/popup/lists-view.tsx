// The "Lists" view: correction lists and fact-check feeds the reader subscribed to by address or
// imported from a file, each with its rule (or fact-check) count, source, when it was last fetched
// or why that failed, Refresh, an on/off switch and Remove (with a confirm step). Used by the popup and the review page's Rules & lists
// panel. Writes go through the background, which tells every tab to repaint; a file is imported
// on the page itself (see importFile), then the background is told.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { FACT_CHECK_LIMITS } from '../core/factchecks/fact-check';
import { isolate } from '../core/i18n/reader-text';
import { formatDate, plural, t } from '../core/i18n/translate';
import { listName } from '../core/lists/list-name';
import type { ListStored, ListSummary } from '../core/lists/list-summary';
import { checkListUrl, originPattern, patternCovers } from '../core/lists/subscription';
import { importListFile } from '../db/import-list';
import { type FactmarkDb, openDb } from '../db/schema';
import { request } from '../request';
import { ProgressBar } from '../review/progress-bar';
import { type HeadingLevel, ListHeading, listContents } from './list-contents';
import { readFileText } from './read-file';

type Load =
  | { kind: 'loading' }
  | { kind: 'error'; message: string }
  | { kind: 'ready'; lists: ListSummary[] };

const message = (failure: unknown) => (failure instanceof Error ? failure.message : String(failure));

/**
 * "Imported “Title”: 12 rules." (a feed: "12,345 fact-checks") and, when some were left out, a
 * second sentence with the first reason.
 */
function storedText(
  how: 'popup_lists_subscribed' | 'popup_lists_imported',
  { list, invalid }: ListStored,
): string {
  const head = t(how, { name: isolate(listName(list)), contents: listContents(list) });
  const [first] = invalid;
  if (!first) return head;
  const leftOut = plural('popup_lists_left_out', invalid.length, {
    record: first.record,
    field: isolate(first.field),
    reason: first.reason,
  });
  return `${head} ${leftOut}`;
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
        throw new Error(t('popup_lists_permission', { host: isolate(new URL(checked.url).host) }));
      }
      const stored = await request('lists/subscribe', { url: checked.url });
      setAddress('');
      return storedText('popup_lists_subscribed', stored);
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
        throw new Error(t('popup_lists_too_large', { file: isolate(file.name) }));
      }
      const name = file.name.slice(0, 255);
      const reading = t('popup_lists_reading', { file: isolate(name) });
      setProgress({ label: reading, done: 0, total: file.size });
      const text = await readFileText(file, (done, total) => setProgress({ label: reading, done, total }));
      setProgress({ label: t('popup_lists_reading_lists', { file: isolate(name) }) });
      // Let the bar repaint before the (synchronous) parse of a possibly large file.
      await new Promise((resolve) => setTimeout(resolve, 0));
      const ownDb = db ?? openDb();
      try {
        const stored = await importListFile(ownDb, text, name, (done, total) =>
          setProgress({ label: t('popup_lists_storing'), done, total }),
        );
        await request('factchecks/changed', {}).catch(() => undefined);
        return storedText('popup_lists_imported', stored);
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
          ? plural('popup_lists_heading', load.lists.length)
          : t('popup_lists_title')}
      </Heading>
      <form class="list-subscribe" onSubmit={subscribe} noValidate>
        <label for="list-url">{t('popup_lists_subscribe_label')}</label>
        <div class="list-subscribe-row">
          <input
            id="list-url"
            type="url"
            inputMode="url"
            dir="ltr"
            placeholder="https://example.org/corrections.json"
            value={address}
            onInput={(e) => setAddress(e.currentTarget.value)}
          />
          <button type="submit" disabled={busy !== ''}>
            {busy === 'subscribe' ? t('popup_lists_subscribing') : t('popup_lists_subscribe')}
          </button>
        </div>
      </form>
      <p class="list-import">
        <label for="list-file">{t('popup_lists_import_label')}</label>{' '}
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
      {!progress && busy === 'subscribe' && <ProgressBar label={t('popup_lists_subscribing_progress')} />}
      {/* Always there, so what is put in it is read out: a region inserted with its text often is not. */}
      <div role="status" aria-live="polite">
        {status && <p class="status">{status}</p>}
      </div>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {load.kind === 'loading' && <p class="empty">{t('popup_loading')}</p>}
      {load.kind === 'error' && (
        <p class="error" role="alert">
          {load.message}
        </p>
      )}
      {load.kind === 'ready' && load.lists.length === 0 && <p class="empty">{t('popup_lists_empty')}</p>}
      {load.kind === 'ready' && load.lists.length > 0 && (
        <ul class="claims lists" aria-label={t('popup_lists_title')}>
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
                    <a href={list.url} target="_blank" rel="noopener noreferrer" dir="ltr">
                      {list.url}
                    </a>
                  ) : (
                    t('popup_lists_from_file')
                  )}
                </p>
                {list.fetched !== undefined && (
                  <p class="list-fetched">
                    {t(list.url ? 'popup_lists_last_fetched' : 'popup_lists_imported_at', {
                      date: formatDate(list.fetched, true),
                    })}
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
                      aria-label={t('popup_lists_switch_label', { name })}
                      onChange={() =>
                        void run('switch', async () => {
                          await request('lists/set-enabled', { id: list.id, enabled: !list.enabled });
                          return undefined;
                        })
                      }
                    />
                    {t('popup_switch_on')}
                  </label>
                  {list.url && (
                    <button
                      type="button"
                      disabled={busy !== ''}
                      aria-label={t('popup_lists_refresh_label', { name })}
                      onClick={() =>
                        void run(`refresh ${list.id}`, async () => {
                          const lists = await request('lists/refresh', { id: list.id });
                          const now = lists.find((item) => item.id === list.id);
                          // Removed while it was fetched: the removal stands and nothing was stored.
                          if (!now) return t('popup_lists_removed_during_refresh', { name: isolate(name) });
                          return now.error
                            ? undefined
                            : t('popup_lists_refreshed', { name: isolate(listName(now)) });
                        })
                      }
                    >
                      {busy === `refresh ${list.id}` ? t('popup_lists_refreshing') : t('popup_lists_refresh')}
                    </button>
                  )}
                  <button
                    type="button"
                    class={confirming === list.id ? 'danger' : ''}
                    aria-label={t(
                      confirming === list.id
                        ? 'popup_lists_confirm_remove_label'
                        : 'popup_lists_remove_label',
                      { name },
                    )}
                    onKeyDown={(e) => e.key === 'Escape' && setConfirming(null)}
                    onBlur={() => confirming === list.id && setConfirming(null)}
                    onClick={() =>
                      confirming === list.id
                        ? void run('remove', async () => {
                            setConfirming(null);
                            await request('lists/delete', { id: list.id });
                            return t('popup_lists_removed', {
                              name: isolate(name),
                              contents: listContents(list),
                            });
                          })
                        : setConfirming(list.id)
                    }
                  >
                    {confirming === list.id ? t('popup_lists_confirm_remove') : t('popup_lists_remove')}
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
