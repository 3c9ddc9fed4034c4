// One page's Factmark, from start to dispose(): it indexes the page's text, fetches and paints
// its claims and the reader's rules, offers "Flag claim" on a selection, shows a card over a
// highlight and answers the popup. It owns every listener, observer, timer, highlight and the UI
// host it made; dispose() (one AbortSignal) takes them all back, so a content script whose
// extension was reloaded or updated leaves nothing behind.
import { render } from 'preact';
import { describeRange } from '../core/anchor';
import { editDraft } from '../core/claim-schema';
import type { DetectionSettings } from '../core/detect/detection-settings';
import { t } from '../core/i18n/translate';
import type { Claim, ClaimFields } from '../core/model';
import {
  HIDE_AFTER_MS,
  isCard,
  isHoverHeld,
  type UiEvent,
  type UiHit,
  type UiState,
  uiReducer,
} from '../core/page-ui/ui-state';
import { concernsPage } from '../core/url/page-key';
import {
  REVEAL_WAIT_MS,
  type RecheckScope,
  readTabRequest,
  type TabRequests,
  type TabRequestType,
} from '../messages';
import { request } from '../request';
import { type MessageSender, onRuntimeMessage, runtimeId } from '../runtime-messaging';
import screenReaderCss from '../styles/screen-reader.css';
import tokensCss from '../styles/tokens.css';
import verdictsCss from '../styles/verdicts.css';
import type { ClaimEditorResult } from '../ui/claim-editor';
import { nextAnnouncement, SILENT } from '../ui/live-region';
import { sharedArticle } from './article-body';
import { CheckWorthy, nextSlice } from './checkworthy';
import { extensionGone } from './extension-context';
import type { FrameChoice } from './frame-choice';
import { Highlighter } from './highlighter';
import { LiveText } from './live-text';
import { PageClaims, pageDocument } from './page-claims';
import { PageCorrections } from './page-corrections';
import { PageFactChecks } from './page-factchecks';
import { readPageIdentity } from './page-identity';
import { PageUiRoot, type UiActions } from './page-ui';
import pageUiCss from './page-ui.css';
import { buttonPosition, selectedRange } from './selection';
import { styleShadowRoot } from './shadow-styles';
import { Cancelled, Slicer } from './slices';
import { TextIndex } from './text-index';
import { createUiHost } from './ui-host';
import { watchPage } from './watch';

/** How long to wait before asking the background to check the text again, at first and at most. */
const CORRECTIONS_RETRY_MS = { first: 1_000, most: 60_000 };
/**
 * How long an announcement ("Claim saved") stays in the live region: long enough to be read, then
 * gone, so a screen reader's reading of the page later does not come across it.
 */
const ANNOUNCEMENT_MS = 5_000;

/** Which frame this is: the top frame speaks for the tab; whose site settings apply. */
export type PageSessionOptions = FrameChoice;

export interface PageSession {
  /** Aborts when the session ends. */
  readonly signal: AbortSignal;
  /** Ends the session: stops observing, removes its listeners, highlights and UI. Idempotent. */
  dispose(): void;
}

/** Starts Factmark on this document. */
export function startPageSession({ isTop, pageHost }: PageSessionOptions): PageSession {
  const controller = new AbortController();
  const { signal } = controller;
  const dispose = () => controller.abort();
  /**
   * An entry point of the session (an event, a batch of page changes): does nothing once the
   * session ended, and ends it instead when the extension is gone.
   */
  const guard =
    <A extends unknown[]>(handle: (...args: A) => void) =>
    (...args: A): void => {
      if (signal.aborted) return;
      if (extensionGone()) dispose();
      else handle(...args);
    };
  const listen = { signal };
  const highlighter = new Highlighter();
  const live = new LiveText(() => document.body);
  const claims = new PageClaims(() => live.current, highlighter, isTop ? 'top' : 'frame');
  // Check-worthy sentence marks, by the settings for this site. Settings are read once per
  // refresh (the first starts below, before anything reads them) and shared by detection and
  // built-in corrections.
  let settings: Promise<DetectionSettings>;
  const checkworthy = new CheckWorthy(
    highlighter,
    () => settings,
    async (sentences) => (await request('detect/score', { sentences })).scores,
  );
  // Sentences fact-checked before (subscribed feeds): whatever the language or detection switch.
  const factChecks = new PageFactChecks(highlighter, () => readPageIdentity(pageDocument()).url, request);
  const corrections = new PageCorrections(highlighter, () => live.current);
  const warn = (error: unknown) => {
    if (!(error instanceof Cancelled)) console.warn('Factmark:', error);
  };

  // Two clocks: a full refresh (load, navigation, the reader's data changed) supersedes
  // everything; a text change supersedes only the re-scan of the change before it.
  let fullRun = 0;
  let changeRun = 0;
  /** A full refresh has started and not finished: the page is not indexed and painted in full yet. */
  let fullPending = false;

  /**
   * Everything painted, afresh: saved claims (fetched again when asked; otherwise the last ones),
   * the whole text indexed again in slices and checked for corrections, marks.
   */
  async function refreshPage(fetchClaims: boolean): Promise<void> {
    const run = ++fullRun;
    fullPending = true;
    const slicer = new Slicer(() => signal.aborted || run !== fullRun);
    settings = request('settings/get', { host: pageHost });
    if (fetchClaims) {
      // The reader's feeds or dismissals may have changed: match the sentences again.
      factChecks.forget();
      await claims.load();
    }
    const { builtIn } = await settings;
    slicer.check();
    const edits = await live.rebuild(slicer);
    claims.reset();
    corrections.reset(builtIn);
    // Changes that came during the build were patched in; the full scan covers them.
    if (edits === null) return void refreshPage(false).catch(warn);
    await rescan(slicer);
    if (run === fullRun) fullPending = false;
  }

  /**
   * The rules (or lists, fact-checks) or the settings changed: check the text again, without
   * indexing it again or fetching the claims. A full refresh still under way may have read the
   * settings before the change: it starts over instead.
   */
  async function recheck(scope: RecheckScope): Promise<void> {
    if (fullPending) return refreshPage(true);
    const slicer = changeSlicer();
    settings = request('settings/get', { host: pageHost });
    if (scope === 'rules') {
      // The background checks with the rules as they are now: the whole text is checked again.
      factChecks.forget();
    }
    const { builtIn } = await settings;
    slicer.check();
    corrections.reset(builtIn);
    await rescan(slicer);
  }

  // The background finds corrections: when it cannot answer (a worker starting again, say), the
  // text is checked again after a while, waiting longer each time, until it does.
  let correctionsRetry: ReturnType<typeof setTimeout> | undefined;
  let retryAfterMs = CORRECTIONS_RETRY_MS.first;
  async function checkCorrections(slicer: Slicer): Promise<void> {
    clearTimeout(correctionsRetry);
    if (await corrections.scan(slicer)) {
      retryAfterMs = CORRECTIONS_RETRY_MS.first;
      return;
    }
    correctionsRetry = setTimeout(guard(scheduleRescan), retryAfterMs);
    retryAfterMs = Math.min(retryAfterMs * 2, CORRECTIONS_RETRY_MS.most);
  }

  /** Anchors what is missing, checks the edited text, then the marks: all in slices. */
  async function rescan(slicer: Slicer): Promise<void> {
    await claims.anchor(slicer);
    await checkCorrections(slicer);
    // One read of the article body's sentences feeds both kinds of sentence marks. It takes idle
    // slices: work superseded (or a session ended) meanwhile sends nothing to be scored or matched.
    const read = sharedArticle(document, live.current, nextSlice);
    const article = async () => {
      const text = await read();
      slicer.check();
      return text;
    };
    await Promise.all([checkworthy.refresh(article), factChecks.refresh(article)]);
  }

  /** The page's text changed: patch the index, move what was found, re-scan only the edits. */
  function textChanged(records: MutationRecord[]): void {
    if (live.isBuilding) {
      live.patch(records); // kept for the build's end
      return;
    }
    const edits = live.patch(records);
    if (edits === null) return void refreshPage(false).catch(warn);
    claims.edited(edits);
    corrections.edited(edits);
    if (edits.length > 0) scheduleRescan();
  }

  /** A clock for work after a change: superseded by the next change or any full refresh. */
  function changeSlicer(): Slicer {
    const run = ++changeRun;
    const full = fullRun;
    return new Slicer(() => signal.aborted || run !== changeRun || full !== fullRun);
  }

  function scheduleRescan(): void {
    void rescan(changeSlicer()).catch(warn);
  }

  /** Brings the index up to date at once (before reading a selection's offsets). */
  function flushChanges(): TextIndex {
    if (live.isBuilding) return TextIndex.build(document.body);
    const edits = live.flush();
    if (edits === null) return TextIndex.build(document.body);
    claims.edited(edits);
    corrections.edited(edits);
    if (edits.length > 0) scheduleRescan();
    return live.current;
  }

  // The same design tokens, verdict badges and screen-reader-only text as the popup and the
  // review page (their design.css), then the in-page UI's own styles.
  const { host, root } = createUiHost(
    `${tokensCss}\n${verdictsCss}\n${screenReaderCss}\n${pageUiCss}`,
    signal,
  );

  // The UI's state machine (src/core/page-ui/ui-state.ts): DOM events become UiEvents; what the
  // reducer returns is rendered, and its timer command applied.
  let state: UiState<Range> = { kind: 'idle' };
  let hideTimer: ReturnType<typeof setTimeout> | undefined;
  /** The highlight the keyboard moved to last, and where focus was before its first move. */
  let stepped: Range | undefined;
  let focusBefore: Element | null = null;
  /** What the live region says now (see PageUiRoot); silent between announcements. */
  let announcement = SILENT;
  let announcementTimer: ReturnType<typeof setTimeout> | undefined;

  const renderUi = () => {
    if (signal.aborted) return;
    render(<PageUiRoot state={state} actions={actions} announcement={announcement} />, root());
  };

  const dispatch = (event: UiEvent<Range>) => {
    if (signal.aborted) return;
    const step = uiReducer(state, event);
    if (step.timer !== 'keep') clearTimeout(hideTimer);
    if (step.timer === 'hide-soon')
      hideTimer = setTimeout(() => dispatch({ type: 'hide-timer' }), HIDE_AFTER_MS);
    if (step.state === state) return;
    const wasCard = isCard(state);
    state = step.state;
    renderUi();
    if (wasCard && !isCard(state)) {
      // The keyboard's card closed: Escape (or its Close button) gives focus back where it was.
      const before = focusBefore;
      focusBefore = null;
      if ((event.type === 'escape' || event.type === 'close') && before instanceof HTMLElement)
        before.focus({ preventScroll: true });
    }
  };

  /**
   * Tells screen readers what was just done, through the polite live region that stays in the UI
   * when the editor or card that did it closes; emptied again after a while.
   */
  const announce = (text: string) => {
    clearTimeout(announcementTimer);
    announcement = nextAnnouncement(announcement, text);
    renderUi();
    announcementTimer = setTimeout(() => {
      announcement = { ...announcement, text: '' };
      renderUi();
    }, ANNOUNCEMENT_MS);
  };

  /** Opens the editor on the selection (or the one it is open on), and fetches close fact-checks. */
  const openEditorOnSelection = () => {
    const range = selectedRange() ?? (state.kind === 'editor' ? state.selection : undefined);
    if (range) flag(range, range.toString());
  };

  /**
   * The editor for a new claim, at once; the fact-checks close to its quote join it when they
   * come (if it is still open on that quote). A failure only means no suggestions.
   */
  const flag = (selection: Range, text: string) => {
    const quote = text.replace(/\s+/g, ' ').trim();
    dispatch({ type: 'flag', quote, selection });
    request('factchecks/suggest', { text: quote.slice(0, 5_000) }).then(
      ({ suggestions }) => dispatch({ type: 'suggestions', quote, suggestions }),
      warn,
    );
  };

  const actions: UiActions = {
    flag: openEditorOnSelection,
    async save({ rule, ...fields }: ClaimEditorResult) {
      if (state.kind !== 'editor') return;
      const { claim: editing, selection } = state;
      const saved = editing ? await saveEdit(editing, fields) : await saveNew(selection, fields);
      if (rule && !editing) {
        try {
          await request('rules/save', {
            phrase: rule.phrase,
            matchCase: rule.matchCase,
            verdict: fields.verdict,
            correction: fields.correction,
            note: fields.note,
            sources: fields.sources,
          });
        } catch (error) {
          // The claim is saved: keep the editor open on it (so Save again does not save it twice)
          // and say why the rule was not.
          claims.upsert(saved);
          scheduleRescan();
          dispatch({ type: 'saved-claim-only', claim: saved });
          throw new Error(
            t('page_error_rule_not_saved', { error: error instanceof Error ? error.message : String(error) }),
          );
        }
      }
      claims.upsert(saved);
      scheduleRescan();
      window.getSelection()?.removeAllRanges();
      dispatch({ type: 'saved' });
      announce(
        t(
          editing
            ? 'page_announce_changes_saved'
            : rule
              ? 'page_announce_claim_and_rule_saved'
              : 'page_announce_claim_saved',
        ),
      );
    },
    edit(claim) {
      dispatch({ type: 'edit', claim });
    },
    async remove(claim) {
      await request('claims/delete', { id: claim.id });
      claims.remove(claim.id);
      dispatch({ type: 'close' });
      announce(t('page_announce_claim_deleted'));
    },
    close() {
      dispatch({ type: 'close' });
    },
    hoverCard(inside) {
      dispatch({ type: 'card-hover', inside });
    },
    manageCorrections() {
      dispatch({ type: 'close' });
      request('review/open-rules', {}).catch(warn);
    },
    async ruleDetails(id) {
      const [rule] = await request('rules/get', { ids: [id] });
      return rule;
    },
    flagMark() {
      if (state.kind === 'mark') flag(state.target.cloneRange(), state.text);
    },
    async dismissFactCheck(id) {
      await factChecks.dismiss(id);
    },
  };

  async function saveNew(range: Range | undefined, fields: ClaimFields): Promise<Claim> {
    if (!range) throw new Error(t('page_error_selection_gone'));
    const index = flushChanges();
    const offsets = index.offsetsOf(range);
    const anchor = offsets && describeRange(index.text, offsets.start, offsets.end);
    if (!anchor) throw new Error(t('page_error_not_page_text'));
    const { url, canonical, title } = readPageIdentity(pageDocument());
    return request('claims/save', { url, ...(canonical ? { canonical } : {}), title, ...anchor, ...fields });
  }

  const saveEdit = (claim: Claim, fields: ClaimFields): Promise<Claim> =>
    request('claims/save', editDraft(claim, fields));

  // Selection: offer the flag button where the reader let go.
  const onSelectionDone = (event: Event) => {
    if (event.composedPath().includes(host) || state.kind === 'editor') return;
    // After the selection settles; the editor may have opened meanwhile (Alt+Shift+F is let go
    // after the shortcut acts), and the reducer leaves an open editor alone.
    setTimeout(() => {
      const range = selectedRange();
      dispatch({ type: 'selection-done', at: range ? buttonPosition(range) : null });
    }, 0);
  };
  document.addEventListener('mouseup', guard(onSelectionDone), { capture: true, signal });
  document.addEventListener(
    'keyup',
    guard((event: KeyboardEvent) => {
      if (event.key === 'Escape') dispatch({ type: 'escape' });
      else if (event.shiftKey || event.key === 'Shift') onSelectionDone(event);
    }),
    listen,
  );
  document.addEventListener(
    'selectionchange',
    guard(() => {
      if (state.kind === 'button' && !selectedRange()) dispatch({ type: 'selection-cleared' });
    }),
    listen,
  );

  // Hover and click on a highlight: the card. The pointer is read at each move; the page is
  // hit-tested once a frame, at its latest point.
  let frame = 0;
  let pointer = { x: 0, y: 0, onUi: false };
  document.addEventListener(
    'mousemove',
    guard((event: MouseEvent) => {
      // Read now: composedPath() is empty once the event's dispatch is over.
      pointer = { x: event.clientX, y: event.clientY, onUi: event.composedPath().includes(host) };
      if (frame || isHoverHeld(state)) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        // Asked again: a tap or a quick click on the Flag button moves the pointer and clicks
        // before this frame, and its editor is open by now.
        if (pointer.onUi || isHoverHeld(state)) return;
        const { x, y } = pointer;
        dispatch({ type: 'hover', hit: hitAt(x, y, { marks: true }), x, y });
      });
    }),
    { passive: true, signal },
  );
  document.addEventListener(
    'click',
    guard((event: MouseEvent) => {
      if (event.composedPath().includes(host)) return;
      if (window.getSelection()?.isCollapsed === false) return;
      const { clientX: x, clientY: y } = event;
      dispatch({ type: 'click', hit: hitAt(x, y, { marks: false }), x, y });
    }),
    listen,
  );

  /**
   * What is highlighted under a viewport point: a saved claim, else a correction, else a
   * fact-checked sentence, else (on hover) a check-worthy mark.
   */
  function hitAt(x: number, y: number, { marks }: { marks: boolean }): UiHit<Range> | null {
    for (const id of highlighter.claimsAt(x, y)) {
      const hit = paintedHit(id);
      if (hit) return hit;
    }
    const factChecked = factChecks.at(x, y);
    if (factChecked) return { kind: 'factcheck', mark: factChecked.mark, target: factChecked.range };
    const mark = marks ? checkworthy.at(x, y) : undefined;
    return mark ? { kind: 'mark', reasons: mark.reasons, text: mark.text, target: mark.range } : null;
  }

  /** A painted claim's or correction's card content, by its id. */
  function paintedHit(id: string): UiHit<Range> | null {
    const claim = claims.get(id);
    if (claim) return { kind: 'claim', claim };
    const correction = corrections.get(id);
    return correction ? { kind: 'correction', correction } : null;
  }

  /**
   * The keyboard's way through the highlights: opens the card of the claim or correction after
   * (or before) the one it opened last, round the page, pinned and focused. Where focus was before
   * a card opened this way is kept: Escape or Close returns it there.
   */
  function stepHighlight(direction: 'next' | 'previous'): boolean {
    // The reader is writing a claim: the editor keeps its place (and its focus).
    if (state.kind === 'editor') return false;
    const order = highlighter.inReadingOrder();
    const at = stepped ? order.findIndex((entry) => entry.range === stepped) : -1;
    const step = direction === 'next' ? 1 : -1;
    const first = step === 1 ? 0 : order.length - 1;
    const entry = order[at === -1 ? first : (at + step + order.length) % order.length];
    const hit = entry && paintedHit(entry.id);
    if (!entry || !hit) return false;
    if (!isCard(state)) focusBefore = document.activeElement;
    stepped = entry.range;
    entry.range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
    const box = entry.range.getClientRects()[0];
    dispatch({ type: 'click', hit, x: box?.left ?? 0, y: box?.bottom ?? 0 });
    return true;
  }

  // Requests from the background (context menu, shortcut, database changes) and the popup.
  const handlers: {
    [K in TabRequestType]: (payload: TabRequests[K]['req']) => Promise<TabRequests[K]['res']>;
  } = {
    'tab/flag-selection': async () => {
      openEditorOnSelection();
      return null;
    },
    'tab/refresh': async ({ pageKeys, scope }) => {
      const superseded = (error: unknown) => {
        if (!(error instanceof Cancelled)) throw error;
      };
      if (scope) {
        await recheck(scope).catch(superseded);
        return null;
      }
      // A claim saved or deleted on another page: nothing here changed.
      const { url, canonical } = readPageIdentity(pageDocument());
      if (!concernsPage(pageKeys, url, canonical)) return null;
      // Superseded by a newer refresh: that one paints. Any other failure is the answer.
      await refreshPage(true).catch(superseded);
      dispatch({ type: 'claims-refreshed', claimById: (id) => claims.get(id) });
      return null;
    },
    'tab/status': async () => ({
      ...claims.status(),
      detection: checkworthy.status(),
      factChecked: factChecks.status(),
    }),
    // Asked as soon as the page has a content script: the claim may be found only once the page
    // has loaded, been indexed, or re-rendered. Every frame waits; the one that finds it answers.
    'tab/reveal': async ({ id, within }) => {
      const range = await claims.whenAnchored(id, AbortSignal.timeout(within ?? REVEAL_WAIT_MS));
      if (!range) return { found: false };
      range.startContainer.parentElement?.scrollIntoView({ block: 'center', behavior: 'smooth' });
      highlighter.pulse(id);
      return { found: true };
    },
    'tab/step-highlight': async ({ direction }) => ({ found: stepHighlight(direction) }),
    'tab/frame-report': async ({ frameId, frame, found }) => {
      claims.frameReport(frameId, frame, found);
      return null;
    },
    'tab/report-found': async () => {
      claims.reportAgain();
      return null;
    },
  };

  /** Requests only the top frame answers, and ones only the other frames do. */
  const topOnly: ReadonlySet<TabRequestType> = new Set<TabRequestType>([
    'tab/status',
    'tab/frame-report',
    'tab/step-highlight',
  ]);
  const framesOnly: ReadonlySet<TabRequestType> = new Set<TabRequestType>(['tab/report-found']);

  const onMessage = (message: unknown, sender: MessageSender) => {
    if (signal.aborted) return undefined;
    const read = readTabRequest(message, sender, runtimeId() ?? '');
    if (read.kind === 'ignore') return undefined;
    if (read.kind === 'invalid') return Promise.resolve({ ok: false, error: read.error });
    // The tab's status is answered by the top frame alone (a message to the tab reaches every
    // frame, and the first answer wins); it includes what the frames reported.
    if ((isTop ? framesOnly : topOnly).has(read.type)) return undefined;
    const handler = handlers[read.type] as (payload: unknown) => Promise<unknown>;
    return handler(read.payload).then(
      (value) => ({ ok: true, value }),
      (error: unknown) => ({ ok: false, error: error instanceof Error ? error.message : String(error) }),
    );
  };
  const stopListening = onRuntimeMessage(onMessage);

  // Corrections and detection after the claims: they read the text index their repaint built.
  void refreshPage(true).catch(warn);
  // Text that arrives later is painted too; a same-tab navigation brings that page's claims.
  live.onShadowRoot = styleShadowRoot;
  live.watch = watchPage(document.body, {
    textChanged: guard(textChanged),
    navigated: guard(() => void refreshPage(true).catch(warn)),
  });
  if (isTop) {
    // Frames that reported before this frame listened report again.
    void request('page/frames-report', {}).catch(warn);
  } else {
    // A frame that navigates or is removed no longer counts for the tab.
    window.addEventListener(
      'pagehide',
      guard(() => claims.leave()),
      listen,
    );
    window.addEventListener(
      'pageshow',
      guard((event: PageTransitionEvent) => {
        if (event.persisted) claims.reportAgain();
      }),
      listen,
    );
  }

  signal.addEventListener(
    'abort',
    () => {
      live.watch?.stop();
      cancelAnimationFrame(frame);
      clearTimeout(hideTimer);
      clearTimeout(correctionsRetry);
      clearTimeout(announcementTimer);
      render(null, root());
      highlighter.dispose();
      try {
        stopListening();
      } catch {
        // An orphaned script's runtime may be gone already; it calls nothing then.
      }
    },
    { once: true },
  );
  return { signal, dispose };
}
