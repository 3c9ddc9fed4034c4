// The review page: every saved note, searchable as you type, filtered, sorted and grouped by the
// view in the URL; edit inline, delete with undo, act on a selection; export, import, storage.
// Single edits and deletes go through the background (which tells tabs to repaint); bulk writes
// go straight to the database in one transaction, then `claims/changed` tells the tabs.
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { editDraft } from '../core/claim-schema';
import { isolate } from '../core/i18n/reader-text';
import { plural, t } from '../core/i18n/translate';
import type { Claim, ClaimFields } from '../core/model';
import { parseQuery } from '../core/search/query';
import type { SearchIndex } from '../core/search/search-index';
import { type Row, selectClaims } from '../core/search/select';
import { siteOf } from '../core/search/text';
import { DEFAULT_VIEW, isFiltered, type ReviewView, searchFromView } from '../core/search/view-state';
import { deleteClaims, restoreClaims, tagClaims } from '../db/queries';
import type { FactmarkDb } from '../db/schema';
import { isQuotaError, STORAGE_FULL } from '../db/storage-errors';
import { request } from '../request';
import { BulkBar } from './bulk-bar';
import { ClaimList } from './claim-list';
import { ExportPanel, type ExportScope } from './export-panel';
import { FilterPanel } from './filter-panel';
import { ImportPanel } from './import-panel';
import { latinKey } from './keys';
import { openClaim } from './open-claim';
import { ProgressBar } from './progress-bar';
import { RulesPanel } from './rules-panel';
import { StoragePanel } from './storage-panel';
import { Toast, type ToastMessage } from './toast';
import { messageOf, useClaimFeed } from './use-claim-feed';
import { type RelatedFactChecks, useRelatedFactChecks } from './use-related';
import { useUrlView } from './use-url-view';

/** Every filter off; the search words are the search box's to clear. */
const { q: _q, ...NO_FILTERS } = DEFAULT_VIEW;

const NOTHING = { claims: [] as Claim[], rows: [] as Row[] };

export function ReviewApp({ db }: { db: FactmarkDb }) {
  const feed = useClaimFeed(db);
  const [view, changeView, replaceView] = useUrlView();
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [toast, setToast] = useState<ToastMessage | null>(null);
  const [exportScope, setExportScope] = useState<ExportScope>('all');
  const [dropped, setDropped] = useState<File | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const search = useRef<HTMLInputElement>(null);
  const exportHeading = useRef<HTMLHeadingElement>(null);

  const query = useMemo(() => parseQuery(view.q), [view.q]);
  const ready = feed.phase === 'ready';
  // Until every claim is loaded, the unfiltered newest-first view shows the newest few at once.
  const firstScreen = !ready && !isFiltered(view) && view.sort === 'newest' && !view.group;
  // Without the "has a related fact-check" filter, the view is known at once and its notes are
  // asked about first; with it, every note is asked about and the view follows the answers.
  const unchecked = useMemo(() => {
    if (ready && !view.factChecked) return selectClaims(feed.index, view);
    if (!firstScreen) return NOTHING;
    return {
      claims: feed.recent,
      rows: feed.recent.map((claim): Row => ({ kind: 'claim', claim, site: siteOf(claim.url) })),
    };
  }, [feed.version, feed.recent, ready, firstScreen, view]);
  const everyClaim = useCallback(() => selectClaims(feed.index, DEFAULT_VIEW).claims, [feed.index]);
  const related = useRelatedFactChecks(
    db,
    unchecked.claims,
    everyClaim,
    ready && view.factChecked,
    feed.version,
  );
  const selection = useMemo(
    () =>
      ready && view.factChecked
        ? selectClaims(feed.index, view, (claim) => related.get(claim.id) !== null)
        : unchecked,
    [unchecked, related.version, feed.version, ready, view],
  );
  const checkingFactChecks = view.factChecked && (!ready || !related.complete) && !related.error;
  const facets = useMemo(
    () => (ready ? feed.index.facets() : { sites: [], tags: [] }),
    [feed.version, ready],
  );

  // The filters do not change as the reader types a search: not re-rendered on each keystroke.
  const filterKey = searchFromView({ ...view, q: '' });
  const filterPanel = useMemo(
    () => (
      <FilterPanel
        view={view}
        sites={facets.sites}
        tags={facets.tags}
        onChange={changeView}
        onClear={() => changeView({ ...NO_FILTERS, sort: view.sort, group: view.group })}
      />
    ),
    [filterKey, facets, changeView, replaceView],
  );

  const total = ready ? feed.index.size : feed.total;
  const shown = selection.claims.length;

  // Screen readers hear the result count once typing pauses, not on every keystroke.
  useEffect(() => {
    if (!ready) return;
    const timer = setTimeout(
      () =>
        setAnnouncement(isFiltered(view) ? plural('review_count_filtered_announce', total, { shown }) : ''),
      600,
    );
    return () => clearTimeout(timer);
  }, [shown, total, ready, view]);

  // Claims deleted elsewhere leave the selection.
  useEffect(() => {
    if (!ready) return;
    setSelected((current) => {
      const kept = [...current].filter((id) => feed.index.get(id));
      return kept.length === current.size ? current : new Set(kept);
    });
  }, [feed.version, ready, feed.index]);

  const notifyChanged = useCallback(() => request('claims/changed', {}).catch(() => null), []);
  const closeToast = useCallback(() => setToast(null), []);
  const fail = useCallback((error: unknown) => {
    setToast({
      kind: 'error',
      text: isQuotaError(error)
        ? t('review_nothing_changed_full', { reason: STORAGE_FULL })
        : messageOf(error),
    });
  }, []);

  // `/` focuses the search box; Ctrl+Z undoes the last delete or tag while its message shows.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement;
      const typing = target.closest('input, textarea, select, [contenteditable="true"]') !== null;
      if (event.key === '/' && !typing && !event.ctrlKey && !event.metaKey && !event.altKey) {
        event.preventDefault();
        search.current?.focus();
        search.current?.select();
      } else if (latinKey(event) === 'z' && (event.ctrlKey || event.metaKey) && !typing && toast?.undo) {
        event.preventDefault();
        void toast.undo();
      }
    };
    addEventListener('keydown', onKey);
    return () => removeEventListener('keydown', onKey);
  }, [toast]);

  function select(ids: readonly string[], on: boolean) {
    setSelected((current) => {
      const next = new Set(current);
      for (const id of ids) on ? next.add(id) : next.delete(id);
      return next;
    });
  }

  async function save(claim: Claim, fields: ClaimFields) {
    await request('claims/save', editDraft(claim, fields));
    setToast({ kind: 'info', text: t('review_saved') });
  }

  async function removeOne(claim: Claim) {
    try {
      await request('claims/delete', { id: claim.id });
      select([claim.id], false);
      setToast({
        kind: 'info',
        text: t('review_deleted_one', { quote: isolate(clip(claim.quote.exact, 40)) }),
        undo: async () => {
          try {
            await restoreClaims(db, [claim]);
            await notifyChanged();
            setToast({ kind: 'info', text: t('review_restored') });
          } catch (error) {
            fail(error);
          }
        },
      });
    } catch (error) {
      fail(error);
    }
  }

  async function removeSelected() {
    try {
      const deleted = await deleteClaims(db, [...selected]);
      await notifyChanged();
      setSelected(new Set());
      setToast({
        kind: 'info',
        text: plural('review_deleted_count', deleted.length),
        undo: async () => {
          try {
            await restoreClaims(db, deleted);
            await notifyChanged();
            setSelected(new Set(deleted.map((claim) => claim.id)));
            setToast({ kind: 'info', text: plural('review_restored_count', deleted.length) });
          } catch (error) {
            fail(error);
          }
        },
      });
    } catch (error) {
      fail(error);
    }
  }

  async function tagSelected(tag: string) {
    try {
      const before = (await db.claims.bulkGet([...selected])).filter((claim): claim is Claim =>
        Boolean(claim),
      );
      const outcome = await tagClaims(db, [...selected], tag);
      await notifyChanged();
      const parts = [plural('review_tagged', outcome.tagged, { tag: isolate(tag) })];
      if (outcome.already) parts.push(plural('review_tag_already', outcome.already));
      if (outcome.full) parts.push(plural('review_tag_full', outcome.full));
      setToast({
        kind: 'info',
        text: tagOutcome(parts),
        undo: outcome.tagged
          ? async () => {
              try {
                await restoreClaims(db, before);
                await notifyChanged();
                setToast({ kind: 'info', text: t('review_tag_undone') });
              } catch (error) {
                fail(error);
              }
            }
          : undefined,
      });
    } catch (error) {
      fail(error);
    }
  }

  async function open(claim: Claim) {
    try {
      const outcome = await openClaim(claim);
      if (outcome === 'not-found') {
        setToast({ kind: 'info', text: t('review_open_not_found') });
      }
    } catch (error) {
      fail(error);
    }
  }

  function claimsOf(scope: ExportScope): readonly Claim[] {
    if (scope === 'view') return selection.claims;
    if (scope === 'selected') {
      const inView = selection.claims.filter((claim) => selected.has(claim.id));
      const listed = new Set(inView.map((claim) => claim.id));
      const others = [...selected].flatMap((id) => {
        const doc = listed.has(id) ? undefined : feed.index.get(id);
        return doc ? [doc.claim] : [];
      });
      return [...inView, ...others];
    }
    return selectClaims(feed.index, DEFAULT_VIEW).claims;
  }

  const allInViewSelected = shown > 0 && selection.claims.every((claim) => selected.has(claim.id));
  const empty =
    feed.phase === 'failed'
      ? t('review_load_failed', { error: feed.error })
      : !ready
        ? t('review_loading')
        : total === 0
          ? t('review_empty')
          : view.factChecked && shown === 0
            ? factCheckedEmpty(related, checkingFactChecks, () => unfilteredCount(feed.index, view))
            : t('review_no_match');

  return (
    // Files dropped anywhere on the page go to the import panel (whose file input is the
    // keyboard's way to the same thing).
    // biome-ignore lint/a11y/noStaticElementInteractions: a drop target for files, not a control
    <div
      class="app"
      onDragOver={(event) => {
        if (event.dataTransfer?.types.includes('Files')) event.preventDefault();
      }}
      onDrop={(event) => {
        const file = event.dataTransfer?.files[0];
        if (!file) return;
        event.preventDefault();
        setDropped(file);
      }}
    >
      <header class="top">
        <h1>
          <img src="icons/icon-32.png" alt="" width={24} height={24} />
          {t('extension_name')} <span>{t('review_heading')}</span>
        </h1>
        <search class="search">
          <label class="visually-hidden" for="q">
            {t('review_search_label')}
          </label>
          <input
            id="q"
            ref={search}
            type="search"
            value={view.q}
            placeholder={t('review_search_placeholder')}
            aria-keyshortcuts="/"
            aria-describedby="count"
            autocomplete="off"
            spellcheck={false}
            onInput={(event) => changeView({ q: event.currentTarget.value })}
            onKeyDown={(event) => {
              if (event.key === 'Escape' && view.q) {
                event.preventDefault();
                changeView({ q: '' });
              } else if (event.key === 'ArrowDown' || (event.key === 'Enter' && !event.isComposing)) {
                const row = document.querySelector<HTMLElement>('.list .row[tabindex="0"]');
                if (row) {
                  event.preventDefault();
                  row.focus();
                }
              }
            }}
          />
          <kbd title={t('review_search_key_hint')}>/</kbd>
        </search>
        <p id="count" class="count">
          {ready || firstScreen
            ? isFiltered(view)
              ? plural('review_count_filtered', total, { shown })
              : plural('review_count', total)
            : ''}
        </p>
      </header>
      <aside class="side" aria-label={t('review_side_label')}>
        {filterPanel}
        <ExportPanel
          ready={ready}
          scope={exportScope}
          onScope={setExportScope}
          claimsOf={claimsOf}
          counts={{ all: total, view: shown, selected: selected.size }}
          headingRef={exportHeading}
        />
        <ImportPanel
          db={db}
          dropped={dropped}
          onDroppedTaken={() => setDropped(null)}
          onImported={() => void notifyChanged()}
        />
        <StoragePanel version={feed.version} />
        <RulesPanel db={db} />
        <section class="panel keys" aria-labelledby="keys-heading">
          <h2 id="keys-heading">{t('review_keys_heading')}</h2>
          <dl>
            <dt>
              <kbd>/</kbd>
            </dt>
            <dd>{t('review_keys_search')}</dd>
            <dt>
              <kbd>↑</kbd> <kbd>↓</kbd>
            </dt>
            <dd>{t('review_keys_move')}</dd>
            <dt>
              <kbd>{t('review_key_enter')}</kbd>
            </dt>
            <dd>{t('review_keys_open')}</dd>
            <dt>
              <kbd>{t('review_key_space')}</kbd>
            </dt>
            <dd>{t('review_keys_select')}</dd>
            <dt>
              <kbd>{t('review_key_e')}</kbd>
            </dt>
            <dd>{t('review_keys_edit')}</dd>
            <dt>
              <kbd>{t('review_key_delete')}</kbd>
            </dt>
            <dd>{t('review_keys_delete')}</dd>
          </dl>
        </section>
      </aside>
      <main class="main">
        <BulkBar
          selected={selected.size}
          inView={shown}
          allInViewSelected={allInViewSelected}
          disabled={!ready}
          onSelectView={(on) =>
            select(
              selection.claims.map((claim) => claim.id),
              on,
            )
          }
          onClear={() => setSelected(new Set())}
          onTag={tagSelected}
          onDelete={() => void removeSelected()}
          onExport={() => {
            setExportScope('selected');
            exportHeading.current?.focus();
          }}
        />
        {!ready && feed.phase !== 'failed' && (
          <ProgressBar label={t('review_loading')} done={feed.loaded} total={feed.total} />
        )}
        {ready && checkingFactChecks && (
          <ProgressBar label={t('review_checking')} done={related.checked} total={related.total} />
        )}
        <ClaimList
          rows={selection.rows}
          query={query}
          selected={selected}
          related={related.get}
          busy={!ready || checkingFactChecks}
          resetKey={searchFromView(view)}
          grouped={view.group}
          empty={empty}
          onSelect={select}
          onOpen={(claim) => void open(claim)}
          onSave={save}
          onDelete={(claim) => void removeOne(claim)}
        />
      </main>
      <Toast toast={toast} onClose={closeToast} />
      <p class="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
    </div>
  );
}

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** The tagging message: its one to three clauses, punctuated as the language does. */
function tagOutcome([first = '', second, third]: readonly string[]): string {
  if (third !== undefined) return t('review_tag_outcome_3', { first, second: second ?? '', third });
  if (second !== undefined) return t('review_tag_outcome_2', { first, second });
  return t('review_tag_outcome_1', { first });
}

/** Why the "has a related fact-check" filter shows nothing, and what to do. */
function factCheckedEmpty(related: RelatedFactChecks, checking: boolean, otherwise: () => number): string {
  if (related.error) return t('review_check_failed', { error: related.error });
  if (checking) return t('review_checking');
  if (otherwise() === 0) return t('review_no_match');
  return t('review_no_fact_checked');
}

/** How many notes the view would show without its "has a related fact-check" filter. */
function unfilteredCount(index: SearchIndex, view: ReviewView): number {
  return selectClaims(index, { ...view, factChecked: false }).claims.length;
}
