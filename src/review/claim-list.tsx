// The review list, virtualised: only the rows in view (and the focused one) are in the DOM,
// absolutely placed at offsets computed from measured heights (an estimate until a row has been
// seen). An ARIA feed of articles with roving focus: arrows, Home/End and Page keys move, Enter
// opens, Delete deletes, Space selects, E edits.

import { memo } from 'preact/compat';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { t } from '../core/i18n/translate';
import type { Claim, ClaimFields } from '../core/model';
import type { SearchQuery } from '../core/search/query';
import type { Row } from '../core/search/select';
import type { RelatedFactCheck } from '../messages';
import { ClaimRow, type ClaimRowProps } from './claim-row';
import { latinKey } from './keys';
import { PageRow } from './page-row';
import { RowOffsets } from './row-offsets';

export interface ClaimListProps {
  rows: readonly Row[];
  query: SearchQuery;
  selected: ReadonlySet<string>;
  /** Each note's related fact-check, as far as known. */
  related(id: string): RelatedFactCheck | null;
  busy: boolean;
  /** Changes when the reader changes the view (search, filters, sort): the list starts at the top. */
  resetKey: string;
  /** Rows are grouped under page headings (so a claim need not repeat its page's title). */
  grouped: boolean;
  /** Shown instead of the list when it has no rows. */
  empty: string;
  onSelect(ids: readonly string[], selected: boolean): void;
  onOpen(claim: Claim): void;
  onSave(claim: Claim, fields: ClaimFields): Promise<void>;
  onDelete(claim: Claim): void;
}

const ESTIMATE = { claim: 150, page: 52 } as const;
const OVERSCAN_PX = 600;
const GAP = 8;

const SHOWN_PROPS = [
  'claim',
  'site',
  'related',
  'query',
  'selected',
  'editing',
  'showTitle',
  'active',
  'position',
  'setSize',
  'top',
] as const satisfies readonly (keyof ClaimRowProps)[];

/**
 * A claim row re-renders only when what it shows changes — not on every scroll frame because its
 * handlers are new closures. Those handlers act on the row's claim and position, both compared.
 */
const SteadyClaimRow = memo(ClaimRow, (before: ClaimRowProps, after: ClaimRowProps) =>
  SHOWN_PROPS.every((name) => before[name] === after[name]),
);
function rowKey(row: Row): string {
  return row.kind === 'page' ? `page:${row.key}` : row.claim.id;
}

export function ClaimList(props: ClaimListProps) {
  const { rows, query, selected } = props;
  const scroller = useRef<HTMLDivElement>(null);
  const heights = useRef(new Map<string, number>());
  const [, setMeasured] = useState(0);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(800);
  // The focused row, by key, so it stays the same note when rows above it come and go; its
  // index is the fallback when the note itself leaves the list (deleted: focus the next one).
  const [active, setActiveState] = useState<{ key: string | null; index: number }>({ key: null, index: 0 });
  const [editing, setEditing] = useState<string | null>(null);
  const focusWanted = useRef(false);
  const elements = useRef(new Map<string, HTMLElement>());

  // Where every row starts: built once per list (measured heights where known, else estimates),
  // then each newly measured row updates it in O(log n) rather than a pass over every row.
  const offsets = useMemo(
    () =>
      new RowOffsets(rows.length, (i) => {
        const row = rows[i]!;
        return (heights.current.get(rowKey(row)) ?? ESTIMATE[row.kind]) + GAP;
      }),
    [rows],
  );
  const offsetsNow = useRef({ offsets, rows });
  offsetsNow.current = { offsets, rows };

  const activeIndex = Math.min(indexOfActive(rows, active), Math.max(rows.length - 1, 0));
  function setActive(index: number) {
    const row = rows[index];
    setActiveState({ key: row ? rowKey(row) : null, index });
  }
  const first = offsets.indexAt(scrollTop - OVERSCAN_PX);
  const last = Math.min(rows.length, offsets.indexAt(scrollTop + viewport + OVERSCAN_PX) + 1);
  const shown: number[] = [];
  if (activeIndex < first && rows.length > 0) shown.push(activeIndex);
  for (let i = first; i < last; i++) shown.push(i);
  if (activeIndex >= last && rows.length > 0) shown.push(activeIndex);

  // Measure rendered rows; a row above the fold that changes height keeps the view in place.
  const observer = useMemo(
    () =>
      new ResizeObserver((entries) => {
        let changed = false;
        let shift = 0;
        const top = scroller.current?.scrollTop ?? 0;
        for (const entry of entries) {
          const element = entry.target as HTMLElement;
          const key = element.dataset.key;
          if (!key) continue;
          const height = entry.borderBoxSize[0]?.blockSize ?? element.offsetHeight;
          const before = heights.current.get(key);
          if (before === height) continue;
          heights.current.set(key, height);
          const { offsets: layout, rows: listed } = offsetsNow.current;
          const index = Number(element.dataset.index);
          const row = listed[index];
          if (!row || rowKey(row) !== key) continue;
          const offset = layout.offsetOf(index);
          const delta = layout.setHeight(index, height + GAP);
          if (delta === 0) continue;
          changed = true;
          if (offset + layout.heightOf(index) - delta <= top) shift += delta;
        }
        if (changed) {
          if (shift !== 0 && scroller.current) scroller.current.scrollTop += shift;
          setMeasured((m) => m + 1);
        }
      }),
    [],
  );
  useEffect(() => () => observer.disconnect(), [observer]);

  useLayoutEffect(() => {
    const element = scroller.current;
    if (!element) return;
    const resize = new ResizeObserver(() => setViewport(element.clientHeight));
    resize.observe(element);
    return () => resize.disconnect();
  }, []);

  // A new view (search, filter, sort) starts at the top; live changes to the data keep the place.
  useEffect(() => {
    setActiveState({ key: null, index: 0 });
    if (scroller.current) scroller.current.scrollTop = 0;
    setScrollTop(0);
  }, [props.resetKey]);

  // After a keyboard move: bring the active row into view, then focus it once it is rendered.
  useLayoutEffect(() => {
    if (!focusWanted.current) return;
    const element = scroller.current;
    const row = rows[activeIndex];
    if (!element || !row) return;
    const top = offsets.offsetOf(activeIndex);
    const bottom = offsets.offsetOf(activeIndex + 1) - GAP;
    if (top < element.scrollTop) element.scrollTop = top;
    else if (bottom > element.scrollTop + element.clientHeight)
      element.scrollTop = bottom - element.clientHeight;
    const target = elements.current.get(rowKey(row));
    if (target) {
      focusWanted.current = false;
      target.focus({ preventScroll: true });
    }
  });

  function moveTo(index: number) {
    if (rows.length === 0) return;
    focusWanted.current = true;
    setActive(Math.max(0, Math.min(rows.length - 1, index)));
  }

  function rowsPerPage(): number {
    return Math.max(1, Math.floor(viewport / ESTIMATE.claim));
  }

  function onKeyDown(event: KeyboardEvent) {
    const target = event.target as HTMLElement;
    // Keys typed in a control inside a row (the editor, a button) belong to that control.
    if (!target.classList.contains('row')) return;
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const row = rows[activeIndex];
    const claim = row?.kind === 'claim' ? row.claim : null;
    const handled = (() => {
      switch (latinKey(event)) {
        case 'ArrowDown':
        case 'j':
          moveTo(activeIndex + 1);
          return true;
        case 'ArrowUp':
        case 'k':
          moveTo(activeIndex - 1);
          return true;
        case 'Home':
          moveTo(0);
          return true;
        case 'End':
          moveTo(rows.length - 1);
          return true;
        case 'PageDown':
          moveTo(activeIndex + rowsPerPage());
          return true;
        case 'PageUp':
          moveTo(activeIndex - rowsPerPage());
          return true;
        case 'Enter':
          if (claim) props.onOpen(claim);
          else if (row?.kind === 'page') window.open(row.url, '_blank', 'noopener,noreferrer');
          return Boolean(row);
        case 'Delete':
        case 'Backspace':
          if (claim) {
            focusWanted.current = true;
            setActiveState({ key: null, index: activeIndex });
            props.onDelete(claim);
          }
          return Boolean(claim);
        case ' ':
          if (claim) props.onSelect([claim.id], !selected.has(claim.id));
          return Boolean(claim);
        case 'e':
        case 'E':
        case 'F2':
          if (claim) setEditing(claim.id);
          return Boolean(claim);
        default:
          return false;
      }
    })();
    if (handled) event.preventDefault();
  }

  function stopEditing() {
    focusWanted.current = true;
    setEditing(null);
  }

  if (rows.length === 0) {
    return (
      <div class="list empty-list" aria-busy={props.busy}>
        <p>{props.empty}</p>
      </div>
    );
  }

  return (
    <div ref={scroller} class="list" onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}>
      <div
        class="list-inner"
        onKeyDown={onKeyDown}
        role="feed"
        aria-label={t('review_list_label')}
        aria-busy={props.busy}
        style={{ height: `${offsets.total}px` }}
      >
        {shown.map((i) => {
          const row = rows[i]!;
          const key = rowKey(row);
          const top = offsets.offsetOf(i);
          const rowRef = (element: HTMLElement | null) => {
            const previous = elements.current.get(key);
            if (previous && previous !== element) observer.unobserve(previous);
            if (!element && previous) observer.unobserve(previous);
            if (element) {
              element.dataset.key = key;
              element.dataset.index = String(i);
              elements.current.set(key, element);
              observer.observe(element);
            } else elements.current.delete(key);
          };
          const common = {
            active: i === activeIndex,
            position: i + 1,
            setSize: rows.length,
            top,
            rowRef,
            onFocus: () => setActive(i),
          };
          if (row.kind === 'page') {
            return (
              <PageRow
                key={key}
                {...common}
                title={row.title}
                url={row.url}
                site={row.site}
                count={row.count}
                query={query}
              />
            );
          }
          const claim = row.claim;
          return (
            <SteadyClaimRow
              key={key}
              {...common}
              claim={claim}
              site={row.site}
              related={props.related(claim.id)}
              query={query}
              selected={selected.has(claim.id)}
              editing={editing === claim.id}
              showTitle={!props.grouped}
              onSelect={(on) => props.onSelect([claim.id], on)}
              onOpen={() => props.onOpen(claim)}
              onEdit={() => setEditing(claim.id)}
              onSave={async (fields) => {
                await props.onSave(claim, fields);
                stopEditing();
              }}
              onCancelEdit={stopEditing}
              onDelete={() => {
                focusWanted.current = true;
                setActiveState({ key: null, index: i });
                props.onDelete(claim);
              }}
            />
          );
        })}
      </div>
    </div>
  );
}

/** Where the active row is now: usually where it was; else found by key; else its old place. */
function indexOfActive(rows: readonly Row[], active: { key: string | null; index: number }): number {
  if (active.key === null) return active.index;
  const there = rows[active.index];
  if (there && rowKey(there) === active.key) return active.index;
  const found = rows.findIndex((row) => rowKey(row) === active.key);
  return found === -1 ? active.index : found;
}
