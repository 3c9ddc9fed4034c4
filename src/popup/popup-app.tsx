// The toolbar popup: "This page" — this page's claims with a count; click one to scroll the page
// to it; edit and delete in place (announced to screen readers); not-found claims are listed and
// marked — "Rules", the reader's phrase rules (rules-view.tsx), and "Lists" (lists-view.tsx). The
// header's buttons lead out of the popup: All notes (the review page) and the welcome guide.
import { useCallback, useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { editDraft } from '../core/claim-schema';
import type { DetectionSettings } from '../core/detect/detection-settings';
import { WELCOME_PAGE } from '../core/first-run';
import { plural, t } from '../core/i18n/translate';
import type { Claim, ClaimFields } from '../core/model';
import type { DetectionStatus, PageStatus } from '../messages';
import { request } from '../request';
import { ClaimEditor } from '../ui/claim-editor';
import { ClaimView } from '../ui/claim-view';
import { richText } from '../ui/rich-text';
import { useAnnouncer } from './announcer';
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
      <div class="view-tabs" role="tablist" aria-label={t('popup_views_label')}>
        {tab('page', t('popup_tab_page'))}
        {tab('rules', t('popup_tab_rules'))}
        {tab('lists', t('popup_tab_lists'))}
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
  const { announce, region } = useAnnouncer();

  const refresh = useCallback(async () => {
    const tabId = await targetTabId();
    if (tabId === null) return setLoad({ kind: 'unreachable', message: t('popup_no_page_open') });
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
        <h1 class="visually-hidden">{t('popup_page_heading')}</h1>
        <p class="empty">{t('popup_loading')}</p>
      </>
    );
  }
  if (load.kind === 'unreachable') {
    return (
      <section class="empty">
        <PopupMenu />
        <h1>{t('extension_name')}</h1>
        <p>{load.message}</p>
        <p>{t('popup_unreachable_hint')}</p>
      </section>
    );
  }
  if (load.kind === 'error') {
    return (
      <>
        <h1 class="visually-hidden">{t('popup_page_heading')}</h1>
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
    announce(t('popup_claim_saved'));
  }

  async function remove(claim: Claim) {
    setError('');
    try {
      await request('claims/delete', { id: claim.id });
      setConfirming(null);
      showClaims(status.claims.filter((entry) => entry.claim.id !== claim.id));
      announce(t('popup_claim_deleted'));
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    }
  }

  return (
    <>
      <header>
        <PopupMenu />
        <h1>{count === 0 ? t('popup_page_no_claims') : plural('popup_page_claims', count)}</h1>
        <p class="page-title" title={status.url} dir="auto">
          {status.title}
        </p>
      </header>
      {region}
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
          {richText('popup_page_empty', {
            button: <strong>{t('popup_page_empty_flag_button')}</strong>,
            keys: (
              <span dir="ltr">
                <kbd>Alt</kbd>+<kbd>{t('popup_key_shift')}</kbd>+<kbd>F</kbd>
              </span>
            ),
          })}
        </p>
      ) : (
        <ul class="claims" aria-label={t('popup_claims_label')}>
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
                        dir="auto"
                        disabled={!found}
                        title={found ? t('popup_reveal_title') : t('popup_not_found')}
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
                  {!found && <p class="not-found-label">{t('popup_not_found')}</p>}
                  <div class="actions">
                    <button type="button" onClick={() => setEditing(claim.id)}>
                      {t('popup_edit')}
                    </button>
                    <button
                      type="button"
                      class={confirming === claim.id ? 'danger' : ''}
                      onClick={() => (confirming === claim.id ? void remove(claim) : setConfirming(claim.id))}
                    >
                      {confirming === claim.id ? t('popup_confirm_delete') : t('popup_delete')}
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

/** The header's ways out of the popup: every saved note, and the welcome guide. */
function PopupMenu() {
  return (
    <div class="popup-menu">
      <AllNotesButton />
      <WelcomeGuideButton />
    </div>
  );
}

/** Opens the review page (the extension's options page) with every saved note. */
function AllNotesButton() {
  return (
    <button
      type="button"
      class="all-notes"
      title={t('popup_all_notes_title')}
      onClick={() => {
        void browser.runtime
          .openOptionsPage()
          .then(() => window.close())
          .catch(() => undefined);
      }}
    >
      {t('popup_all_notes')}
    </button>
  );
}

/** Opens the welcome guide (the page first-run.ts opens on install) in a new tab, then closes the popup. */
function WelcomeGuideButton() {
  return (
    <button
      type="button"
      class="welcome-guide"
      onClick={() => {
        void browser.tabs
          .create({ url: browser.runtime.getURL(WELCOME_PAGE) })
          .then(() => window.close())
          .catch(() => undefined);
      }}
    >
      {t('popup_welcome_guide')}
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
      <h2 id="detection-title">{t('popup_detection_heading')}</h2>
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
              {t('popup_detection_site')}
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
            {t('popup_detection_all_sites')}
          </label>
          <fieldset class="sensitivity">
            <legend>{t('popup_detection_sensitivity')}</legend>
            {(['fewer', 'more'] as const).map((value) => (
              <label key={value}>
                <input
                  type="radio"
                  name="sensitivity"
                  value={value}
                  checked={settings.sensitivity === value}
                  onChange={() => void change({ sensitivity: value })}
                />
                {value === 'fewer' ? t('popup_detection_fewer') : t('popup_detection_more')}
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
            {t('popup_detection_builtin')}
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
      return t('popup_detection_off');
    case 'working':
      return t('popup_detection_working');
    case 'not-available':
      return status.reason === 'language' ? t('popup_detection_language') : t('popup_detection_no_text');
    case 'on':
      return plural('popup_detection_marked', status.marked);
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
