// The in-page UI, rendered into the closed shadow root: the "Flag claim" button beside a
// selection, the editor dialog, and the card that shows a highlighted claim.
import type { ComponentChildren, RefObject } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { languageAttributes } from '../core/i18n/page-language';
import { isolate } from '../core/i18n/reader-text';
import { t } from '../core/i18n/translate';
import type { PageCorrection } from '../core/match/page-correction';
import type { Claim } from '../core/model';
import type { UiState } from '../core/page-ui/ui-state';
import type { RuleDetails } from '../core/rule';
import { ClaimEditor, type ClaimEditorResult } from '../ui/claim-editor';
import { ClaimView, SourceLinks, VerdictBadge, Words } from '../ui/claim-view';
import { FactCheckPanel, notTheSameClaim } from '../ui/fact-check-view';
import { type Announcement, LiveRegion } from '../ui/live-region';

export interface UiActions {
  flag(): void;
  save(fields: ClaimEditorResult): Promise<void>;
  edit(claim: Claim): void;
  remove(claim: Claim): Promise<void>;
  close(): void;
  /** The pointer is over the card (keep it open) or has left it. */
  hoverCard(inside: boolean): void;
  /** Open the editor on the check-worthy sentence under the pointer. */
  flagMark(): void;
  /** The rule behind a correction's highlight (for its card); undefined when it is gone. */
  ruleDetails(id: string): Promise<RuleDetails | undefined>;
  /** Open the review page at its rules and lists, where corrections are edited and switched off. */
  manageCorrections(): void;
  /** "Not the same claim": never mark this fact-check on this page again; its marks go at once. */
  dismissFactCheck(id: string): Promise<void>;
}

/**
 * The whole UI: the surface the state shows, and beside it a polite live region that outlives
 * every surface. Screen readers hear what just happened ("Claim saved") after the editor or card
 * that did it has closed; the region is in the root from the first time the UI shows (saving or
 * deleting always comes later), since a region added with its text already in it is not read.
 *
 * Each surface (the button, the dialog, a card, the live region) is a top element of the shadow
 * root and carries the messages' `lang` and `dir` itself: the page's own never reach it, so Arabic
 * lays it out right to left on any page. Only its inner layout flips; where it sits stays put.
 */
export function PageUiRoot({
  state,
  actions,
  announcement,
}: {
  state: UiState;
  actions: UiActions;
  announcement: Announcement;
}) {
  return (
    <>
      <PageUi state={state} actions={actions} />
      <LiveRegion said={announcement} class="fm-live visually-hidden" {...languageAttributes()} />
    </>
  );
}

export function PageUi({ state, actions }: { state: UiState; actions: UiActions }) {
  switch (state.kind) {
    case 'idle':
      return null;
    case 'button':
      return <FlagButton x={state.x} y={state.y} onFlag={actions.flag} />;
    case 'editor':
      return (
        <div
          class="fm-dialog"
          role="dialog"
          aria-modal="true"
          aria-label={state.claim ? t('page_editor_title_edit') : t('page_editor_title_new')}
          {...languageAttributes()}
        >
          <h2 class="fm-title">{state.claim ? t('page_editor_title_edit') : t('page_editor_title_new')}</h2>
          <ClaimEditor
            quote={state.quote}
            {...(state.claim ? { initial: state.claim } : { phrase: state.quote })}
            suggestions={state.suggestions}
            onSave={actions.save}
            onCancel={actions.close}
          />
        </div>
      );
    case 'card':
      return <Card state={state} actions={actions} />;
    case 'mark':
      return <MarkCard state={state} actions={actions} />;
    case 'correction':
      return <CorrectionCard state={state} actions={actions} />;
    case 'factcheck':
      return <FactCheckCard state={state} actions={actions} />;
  }
}

/** A sentence that says what a subscribed fact-check checked: the fact-check, and "Not the same claim". */
function FactCheckCard({
  state,
  actions,
}: {
  state: Extract<UiState, { kind: 'factcheck' }>;
  actions: UiActions;
}) {
  const [error, setError] = useState('');
  const id = state.mark.factCheck.id;
  useEffect(() => setError(''), [id]);
  return (
    <FloatingCard label={t('page_factcheck_title')} height={280} state={state} actions={actions}>
      <FactCheckPanel
        mark={state.mark}
        error={error}
        as="unsearchable"
        onNotTheSame={() => void notTheSameClaim(id, actions.dismissFactCheck, actions.close, setError)}
        onClose={actions.close}
      />
    </FloatingCard>
  );
}

/**
 * A card beside the pointer (above it when there is no room below for `height`): kept open while
 * the pointer is over it, closed by Escape, focused when pinned (clicked rather than hovered).
 */
function FloatingCard({
  label,
  height,
  state,
  actions,
  children,
}: {
  label: string;
  height: number;
  state: { x: number; y: number; pinned: boolean };
  actions: UiActions;
  children: ComponentChildren;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state.pinned) ref.current?.focus();
  }, [state.pinned]);
  const place = (width: number, tall: number) => besidePointer(state.x, state.y, width, tall);
  useKeptInView(ref, place, [state.x, state.y]);
  const { left, top } = place(CARD_WIDTH, height);
  return (
    <div
      ref={ref}
      class="fm-card"
      role="dialog"
      aria-label={label}
      tabIndex={-1}
      style={{ left: `${left}px`, top: `${top}px` }}
      {...languageAttributes()}
      onMouseEnter={() => actions.hoverCard(true)}
      onMouseLeave={() => actions.hoverCard(false)}
      onKeyDown={(e) => {
        if (e.key === 'Escape') actions.close();
      }}
    >
      {children}
    </div>
  );
}

/** A card's width (page-ui.css): where it goes is worked out from it before it is measured. */
const CARD_WIDTH = 360;
const MARK_CARD_WIDTH = 280;

/** Where a card `width` by `height` goes: below the pointer (above it when there is no room), in view. */
function besidePointer(x: number, y: number, width: number, height: number): { left: number; top: number } {
  const left = Math.max(8, Math.min(x, window.innerWidth - width - 8));
  const below = y + 16;
  const top = below + height > window.innerHeight ? Math.max(8, y - height - 16) : below;
  return { left, top };
}

/**
 * Moves a surface to `place(width, height)` by the size it really has, now and whenever that
 * changes: its words are longer in some languages than in others (and a rule's card grows when
 * the rule arrives), and a button or card that ran off the edge of the window would cut them off.
 * The style Preact sets from the estimate stays until then; it sets it again only when the
 * pointer moves, and this runs again after it.
 */
function useKeptInView(
  ref: RefObject<HTMLElement>,
  place: (width: number, height: number) => { left: number; top: number },
  deps: readonly unknown[],
): void {
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const move = () => {
      const { left, top } = place(element.offsetWidth, element.offsetHeight);
      element.style.left = `${left}px`;
      element.style.top = `${top}px`;
    };
    move();
    const observer = new ResizeObserver(move);
    observer.observe(element);
    return () => observer.disconnect();
  }, deps);
}

/** A correction that applies on every page (built-in check, rule or list): read-only. */
function CorrectionCard({
  state,
  actions,
}: {
  state: Extract<UiState, { kind: 'correction' }>;
  actions: UiActions;
}) {
  const { correction } = state;
  return (
    <FloatingCard label={t('page_card_correction')} height={200} state={state} actions={actions}>
      {correction.ruleId ? (
        <RuleCorrection correction={correction} ruleId={correction.ruleId} actions={actions} />
      ) : (
        <div class="fm-claim">
          <VerdictBadge claim={correction} />
          <blockquote class="fm-quote">{correction.quote}</blockquote>
          <p class="fm-correction">
            <strong>{t('page_correction_label')}</strong> {correction.correction}
          </p>
          <SourceLinks sources={correction.sources} />
          <p class="fm-origin">{correction.origin}</p>
        </div>
      )}
      <div class="fm-actions">
        <button type="button" onClick={actions.manageCorrections}>
          {t('page_manage_corrections')}
        </button>
        <button type="button" aria-label={t('page_close')} onClick={actions.close}>
          ×
        </button>
      </div>
    </FloatingCard>
  );
}

/** A rule's match: the matched text at once, the rule's correction and sources once fetched. */
function RuleCorrection({
  correction,
  ruleId,
  actions,
}: {
  correction: PageCorrection;
  ruleId: string;
  actions: UiActions;
}) {
  const [rule, setRule] = useState<RuleDetails | 'loading' | 'gone' | 'failed'>('loading');
  useEffect(() => {
    let live = true;
    setRule('loading');
    actions.ruleDetails(ruleId).then(
      (found) => live && setRule(found ?? 'gone'),
      () => live && setRule('failed'),
    );
    return () => {
      live = false;
    };
  }, [ruleId, actions]);
  return (
    <div class="fm-claim">
      <VerdictBadge claim={correction} />
      <blockquote class="fm-quote">{correction.quote}</blockquote>
      {rule === 'loading' && <p class="fm-origin">{t('page_rule_loading')}</p>}
      {rule === 'gone' && <p class="fm-origin">{t('page_rule_deleted')}</p>}
      {rule === 'failed' && <p class="fm-origin">{t('page_rule_failed')}</p>}
      {typeof rule === 'object' && (
        <>
          {rule.correction && (
            <p class="fm-correction">
              <strong>{t('page_correction_label')}</strong> <Words text={rule.correction} as="unsearchable" />
            </p>
          )}
          {rule.note && (
            <p class="fm-note">
              <Words text={rule.note} as="unsearchable" />
            </p>
          )}
          <SourceLinks sources={rule.sources} as="unsearchable" />
          <p class="fm-origin">{ruleOrigin(rule)}</p>
        </>
      )}
    </div>
  );
}

/** Where a rule's correction comes from: the reader's rule (its phrase), or a list. */
function ruleOrigin(rule: RuleDetails): string {
  if (!rule.listId) return t('page_origin_rule', { phrase: isolate(rule.phrase) });
  if (rule.listTitle === undefined)
    return t(rule.listVersion ? 'page_origin_list_untitled_edited' : 'page_origin_list_untitled');
  return t(rule.listVersion ? 'page_origin_list_edited' : 'page_origin_list', {
    list: isolate(rule.listTitle),
  });
}

function MarkCard({ state, actions }: { state: Extract<UiState, { kind: 'mark' }>; actions: UiActions }) {
  const ref = useRef<HTMLDivElement>(null);
  const place = (width: number, height: number) => besidePointer(state.x, state.y, width, height);
  useKeptInView(ref, place, [state.x, state.y]);
  const { left, top } = place(MARK_CARD_WIDTH, 90);
  return (
    <div
      ref={ref}
      class="fm-card fm-mark-card"
      role="dialog"
      aria-label={t('page_mark_card')}
      style={{ left: `${left}px`, top: `${top}px` }}
      {...languageAttributes()}
      onMouseEnter={() => actions.hoverCard(true)}
      onMouseLeave={() => actions.hoverCard(false)}
      onKeyDown={(e) => {
        if (e.key === 'Escape') actions.close();
      }}
    >
      <p class="fm-mark-why">
        <strong>{t('page_mark_why')}</strong> {state.reasons.join(' · ')}
      </p>
      <div class="fm-actions">
        <button type="button" aria-label={t('page_flag_button')} onClick={actions.flagMark}>
          <span aria-hidden="true">⚑</span> {t('page_flag_button')}
        </button>
      </div>
    </div>
  );
}

/** The shortcut that flags the selection (manifest.json's default for flag-claim). */
const FLAG_SHORTCUT = 'Alt+Shift+F';

function FlagButton({ x, y, onFlag }: { x: number; y: number; onFlag(): void }) {
  const ref = useRef<HTMLButtonElement>(null);
  // Its label is longer in German or French than in English: the whole button stays in view.
  const place = (width: number) => ({
    left: Math.max(4, Math.min(x, window.innerWidth - width - 4)),
    top: y,
  });
  useKeptInView(ref, place, [x, y]);
  return (
    <button
      ref={ref}
      type="button"
      class="fm-flag"
      aria-label={t('page_flag_button')}
      title={t('page_flag_button_title', { shortcut: FLAG_SHORTCUT })}
      style={{ left: `${x}px`, top: `${y}px` }}
      {...languageAttributes()}
      // Keep the page's selection: a mousedown on a button would otherwise clear it.
      onMouseDown={(e) => e.preventDefault()}
      onClick={onFlag}
    >
      <span aria-hidden="true">⚑</span> {t('page_flag_button')}
    </button>
  );
}

function Card({ state, actions }: { state: Extract<UiState, { kind: 'card' }>; actions: UiActions }) {
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState('');
  useEffect(() => setConfirming(false), [state.claim.id]);

  return (
    <FloatingCard label={t('page_card_claim')} height={260} state={state} actions={actions}>
      {/* The reader's words, kept out of the page's window.find() (see Words). */}
      <ClaimView claim={state.claim} as="unsearchable" />
      {error && (
        <p class="fm-error" role="alert">
          {error}
        </p>
      )}
      <div class="fm-actions">
        <button type="button" onClick={() => actions.edit(state.claim)}>
          {t('page_card_edit')}
        </button>
        <button
          type="button"
          class={confirming ? 'fm-danger' : ''}
          onClick={() => {
            if (!confirming) return setConfirming(true);
            actions
              .remove(state.claim)
              .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
          }}
        >
          {confirming ? t('page_card_confirm_delete') : t('page_card_delete')}
        </button>
        <button type="button" aria-label={t('page_close')} onClick={actions.close}>
          ×
        </button>
      </div>
    </FloatingCard>
  );
}
