// The toolbar popup: "This page" — this page's claims with a count; click one to scroll the page
// to it; edit and delete in place; not-found claims are listed and marked — and "Rules", the
// reader's phrase rules (rules-view.tsx).
import { useCallback, useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { editDraft } from '../core/claim-schema';
import type { DetectionSettings } from '../core/detect/detection-settings';
import type { Claim, ClaimFields } from '../core/model';
import type { DetectionStatus, PageStatus } from '../messages';
import { request } from '../request';
import { ClaimEditor } from '../ui/claim-editor';
import { ClaimView } from '../ui/claim-view';
import { describeFactChecked } from './fact-checked-status';
import { ListsView } from './lists-view';
import { askTab, PageUnreachable, targetTabId } from './page-link';
import { RulesView } from './rules-view';

type Load =
  | { kind: 'loading' }
  | { kind: 'unreachable'; message: string }
  | { kind: 'error'; message: string }
  | { kind: 'ready'; tabId: number; status: PageStatus };

type View = 'page' | 'rules' | 'lists';

export function PopupApp() {
  const [view, setView] = useState<View>('page');
  const tab = (value: View, label: string) => (
    <button
      type="button"
      role="tab"
      id={`tab-${value}`}
      aria-selected={view === value}
      aria-controls="view"
      class={view === value ? 'view-tab selected' : 'view-tab'}
      onClick={() => setView(value)}
    >
      {label}
    </button>
  );
  return (
    <>
      <div class="view-tabs" role="tablist" aria-label="Views">
        {tab('page', 'This page')}
        {tab('rules', 'Rules')}
        {tab('lists', 'Lists')}
      </div>
      <div id="view" role="tabpanel" aria-labelledby={`tab-${view}`}>
        {view === 'page' ? <PageView /> : view === 'rules' ? <RulesView /> : <ListsView />}
      </div>
    </>
  );
}

function PageView() {
  const [load, setLoad] = useState<Load>({ kind: 'loading' });
  const [editing, setEditing] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [error, setError] = useState('');

  const refresh = useCallback(async () => {
    const tabId = await targetTabId();
    if (tabId === null) return setLoad({ kind: 'unreachable', message: 'No page is open in this window.' });
    try {
      const status = await askTab(tabId, 'tab/status', {});
      setLoad({ kind: 'ready', tabId, status });
    } catch (failure) {
      const message = failure instanceof Error ? failure.message : String(failure);
      setLoad(
        failure instanceof PageUnreachable ? { kind: 'unreachable', message } : { kind: 'error', message },
      );
    }
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh]);
  /** Settings changed or the page is still being read: ask the page again in a moment. */
  const refreshSoon = useCallback(() => void setTimeout(() => void refresh(), 300), [refresh]);

  // Every state has the view's heading, the popup's one level-one heading.
  if (load.kind === 'loading') {
    return (
      <>
        <h1 class="visually-hidden">This page</h1>
        <p class="empty">Loading…</p>
      </>
    );
  }
  if (load.kind === 'unreachable') {
    return (
      <section class="empty">
        <AllNotesButton />
        <h1>Factmark</h1>
        <p>{load.message}</p>
        <p>It works on web pages (http and https); browser pages and extension stores are off limits.</p>
      </section>
    );
  }
  if (load.kind === 'error') {
    return (
      <>
        <h1 class="visually-hidden">This page</h1>
        <p class="error" role="alert">
          {load.message}
        </p>
      </>
    );
  }

  const { tabId, status } = load;
  const count = status.claims.length;

  // The background tells the page to repaint after a save or delete (only pages showing that
  // claim); the popup updates its own list from the answer instead of asking the page again.
  const showClaims = (claims: typeof status.claims) =>
    setLoad({ kind: 'ready', tabId, status: { ...status, claims } });

  async function save(claim: Claim, fields: ClaimFields) {
    const saved = await request('claims/save', editDraft(claim, fields));
    setEditing(null);
    showClaims(
      status.claims.map((entry) => (entry.claim.id === saved.id ? { ...entry, claim: saved } : entry)),
    );
  }

  async function remove(claim: Claim) {
    setError('');
    try {
      await request('claims/delete', { id: claim.id });
      setConfirming(null);
      showClaims(status.claims.filter((entry) => entry.claim.id !== claim.id));
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    }
  }

  return (
    <>
      <header>
        <AllNotesButton />
        <h1>
          {count === 0
            ? 'No claims on this page'
            : `${count} ${count === 1 ? 'claim' : 'claims'} on this page`}
        </h1>
        <p class="page-title" title={status.url}>
          {status.title}
        </p>
      </header>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <DetectionSection
        url={status.url}
        {...(status.detection ? { status: status.detection } : {})}
        factChecked={describeFactChecked(status.factChecked)}
        onChanged={refreshSoon}
      />
      {count === 0 ? (
        <p class="empty">
          Select text on the page and press <strong>Flag claim</strong> (or <kbd>Alt</kbd>+<kbd>Shift</kbd>+
          <kbd>F</kbd>) to add a verdict, a correction and sources.
        </p>
      ) : (
        <ul class="claims" aria-label="Claims on this page">
          {status.claims.map(({ claim, found }) => (
            <li key={claim.id} class={found ? 'claim' : 'claim not-found'}>
              {editing === claim.id ? (
                <ClaimEditor
                  idPrefix={`edit-${claim.id}`}
                  quote={claim.quote.exact}
                  initial={claim}
                  onSave={(fields) => save(claim, fields)}
                  onCancel={() => setEditing(null)}
                />
              ) : (
                <>
                  <ClaimView
                    claim={claim}
                    quote={
                      <button
                        type="button"
                        class="reveal fm-quote"
                        disabled={!found}
                        title={found ? 'Show on the page' : 'Not found on this page'}
                        onClick={() =>
                          void askTab(tabId, 'tab/reveal', { id: claim.id }, { allFrames: true }).catch(
                            () => undefined,
                          )
                        }
                      >
                        {claim.quote.exact}
                      </button>
                    }
                  />
                  {!found && <p class="not-found-label">Not found on this page</p>}
                  <div class="actions">
                    <button type="button" onClick={() => setEditing(claim.id)}>
                      Edit
                    </button>
                    <button
                      type="button"
                      class={confirming === claim.id ? 'danger' : ''}
                      onClick={() => (confirming === claim.id ? void remove(claim) : setConfirming(claim.id))}
                    >
                      {confirming === claim.id ? 'Confirm delete' : 'Delete'}
                    </button>
                  </div>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** Opens the review page (the extension's options page) with every saved note. */
function AllNotesButton() {
  return (
    <button
      type="button"
      class="all-notes"
      title="Search, edit, export and import every saved note (Alt+Shift+R)"
      onClick={() => {
        void browser.runtime
          .openOptionsPage()
          .then(() => window.close())
          .catch(() => undefined);
      }}
    >
      All notes
    </button>
  );
}

/**
 * Check-worthy sentence marks: this site's switch, the global switch and the sensitivity, saved
 * through the background (which tells the tabs to repaint); and why nothing is marked, if so.
 */
function DetectionSection({
  url,
  status,
  factChecked,
  onChanged,
}: {
  url: string;
  status?: DetectionStatus;
  /** The line about sentences fact-checked before, if any. */
  factChecked: string | null;
  onChanged(): void;
}) {
  const host = hostOf(url);
  const [settings, setSettings] = useState<DetectionSettings | null>(null);
  const [error, setError] = useState('');

  useEffect(() => {
    void request('settings/get', host ? { host } : {}).then(setSettings, (failure: unknown) =>
      setError(failure instanceof Error ? failure.message : String(failure)),
    );
  }, [host]);

  // The page is still being read: ask it again shortly.
  useEffect(() => {
    if (status?.kind !== 'working') return;
    const timer = setTimeout(onChanged, 400);
    return () => clearTimeout(timer);
  }, [status, onChanged]);

  async function change(update: {
    enabled?: boolean;
    sensitivity?: 'fewer' | 'more';
    site?: boolean;
    builtIn?: boolean;
  }) {
    setError('');
    try {
      setSettings(await request('settings/set', { ...update, ...(host ? { host } : {}) }));
      onChanged();
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    }
  }

  return (
    <section class="detection" aria-labelledby="detection-title">
      <h2 id="detection-title">Checks on this page</h2>
      {settings && (
        <>
          {host && (
            <label class="switch">
              <input
                type="checkbox"
                role="switch"
                checked={settings.enabled}
                aria-checked={settings.enabled}
                onChange={() => void change({ site: !settings.enabled })}
              />
              Mark check-worthy sentences on this site
            </label>
          )}
          <label class="switch">
            <input
              type="checkbox"
              role="switch"
              checked={settings.global}
              aria-checked={settings.global}
              onChange={() => void change({ enabled: !settings.global })}
            />
            Mark check-worthy sentences on all sites
          </label>
          <fieldset class="sensitivity">
            <legend>How many sentences to mark</legend>
            {(['fewer', 'more'] as const).map((value) => (
              <label key={value}>
                <input
                  type="radio"
                  name="sensitivity"
                  value={value}
                  checked={settings.sensitivity === value}
                  onChange={() => void change({ sensitivity: value })}
                />
                {value === 'fewer' ? 'Fewer' : 'More'}
              </label>
            ))}
          </fieldset>
          <label class="switch">
            <input
              type="checkbox"
              role="switch"
              checked={settings.builtIn}
              aria-checked={settings.builtIn}
              onChange={() => void change({ builtIn: !settings.builtIn })}
            />
            Flag acronyms given the wrong name (built-in check)
          </label>
        </>
      )}
      {status && <p class="detection-status">{describeDetection(status)}</p>}
      {factChecked && <p class="detection-status">{factChecked}</p>}
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}

function describeDetection(status: DetectionStatus): string {
  switch (status.kind) {
    case 'off':
      return 'Claim detection: off for this page.';
    case 'working':
      return 'Claim detection: reading the page…';
    case 'not-available':
      return status.reason === 'language'
        ? "Claim detection: not available for this page's language"
        : 'Claim detection: no article text found on this page.';
    case 'on':
      return status.marked === 1
        ? 'Claim detection: 1 sentence marked as worth checking.'
        : `Claim detection: ${status.marked} sentences marked as worth checking.`;
  }
}

function hostOf(url: string): string | null {
  try {
    const { protocol, hostname } = new URL(url);
    return (protocol === 'http:' || protocol === 'https:') && hostname ? hostname : null;
  } catch {
    return null;
  }
}
