// The in-page UI, rendered into the closed shadow root: the "Flag claim" button beside a
// selection, the editor dialog, and the card that shows a highlighted claim.
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { PageCorrection } from '../core/match/page-correction';
import type { Claim } from '../core/model';
import type { UiState } from '../core/page-ui/ui-state';
import type { RuleDetails } from '../core/rule';
import { ClaimEditor, type ClaimEditorResult } from '../ui/claim-editor';
import { ClaimView, SourceLinks, VerdictBadge, Words } from '../ui/claim-view';
import { FactCheckPanel, notTheSameClaim } from '../ui/fact-check-view';

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
          aria-label={state.claim ? 'Edit claim' : 'Flag claim'}
        >
          <h2 class="fm-title">{state.claim ? 'Edit claim' : 'Flag claim'}</h2>
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
    <FloatingCard label="Fact-checked before" height={280} state={state} actions={actions}>
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
  const left = Math.max(8, Math.min(state.x, window.innerWidth - 368));
  const below = state.y + 16;
  const top = below + height > window.innerHeight ? Math.max(8, state.y - height - 16) : below;
  return (
    <div
      ref={ref}
      class="fm-card"
      role="dialog"
      aria-label={label}
      tabIndex={-1}
      style={{ left: `${left}px`, top: `${top}px` }}
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
    <FloatingCard label="Correction" height={200} state={state} actions={actions}>
      {correction.ruleId ? (
        <RuleCorrection correction={correction} ruleId={correction.ruleId} actions={actions} />
      ) : (
        <div class="fm-claim">
          <VerdictBadge claim={correction} />
          <blockquote class="fm-quote">{correction.quote}</blockquote>
          <p class="fm-correction">
            <strong>Correction: </strong>
            {correction.correction}
          </p>
          <SourceLinks sources={correction.sources} />
          <p class="fm-origin">{correction.origin}</p>
        </div>
      )}
      <div class="fm-actions">
        <button type="button" onClick={actions.manageCorrections}>
          Manage corrections
        </button>
        <button type="button" aria-label="Close" onClick={actions.close}>
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
      {rule === 'loading' && <p class="fm-origin">Loading…</p>}
      {rule === 'gone' && <p class="fm-origin">This rule was deleted.</p>}
      {rule === 'failed' && <p class="fm-origin">Could not load this rule. Reload the page.</p>}
      {typeof rule === 'object' && (
        <>
          {rule.correction && (
            <p class="fm-correction">
              <strong>Correction: </strong>
              <Words text={rule.correction} as="unsearchable" />
            </p>
          )}
          {rule.note && (
            <p class="fm-note">
              <Words text={rule.note} as="unsearchable" />
            </p>
          )}
          <SourceLinks sources={rule.sources} as="unsearchable" />
          <p class="fm-origin">
            {rule.listId
              ? `List: ${rule.listTitle ?? 'a correction list'}${rule.listVersion ? ' (edited by you)' : ''}`
              : `Rule: “${rule.phrase}”`}
          </p>
        </>
      )}
    </div>
  );
}

function MarkCard({ state, actions }: { state: Extract<UiState, { kind: 'mark' }>; actions: UiActions }) {
  const left = Math.max(8, Math.min(state.x, window.innerWidth - 288));
  const below = state.y + 16;
  const top = below + 90 > window.innerHeight ? Math.max(8, state.y - 100) : below;
  return (
    <div
      class="fm-card fm-mark-card"
      role="dialog"
      aria-label="Worth checking"
      style={{ left: `${left}px`, top: `${top}px` }}
      onMouseEnter={() => actions.hoverCard(true)}
      onMouseLeave={() => actions.hoverCard(false)}
      onKeyDown={(e) => {
        if (e.key === 'Escape') actions.close();
      }}
    >
      <p class="fm-mark-why">
        <strong>Worth checking:</strong> {state.reasons.join(' · ')}
      </p>
      <div class="fm-actions">
        <button type="button" aria-label="Flag claim" onClick={actions.flagMark}>
          <span aria-hidden="true">⚑</span> Flag claim
        </button>
      </div>
    </div>
  );
}

function FlagButton({ x, y, onFlag }: { x: number; y: number; onFlag(): void }) {
  return (
    <button
      type="button"
      class="fm-flag"
      aria-label="Flag claim"
      title="Flag claim (Alt+Shift+F)"
      style={{ left: `${x}px`, top: `${y}px` }}
      // Keep the page's selection: a mousedown on a button would otherwise clear it.
      onMouseDown={(e) => e.preventDefault()}
      onClick={onFlag}
    >
      <span aria-hidden="true">⚑</span> Flag claim
    </button>
  );
}

function Card({ state, actions }: { state: Extract<UiState, { kind: 'card' }>; actions: UiActions }) {
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState('');
  useEffect(() => setConfirming(false), [state.claim.id]);

  return (
    <FloatingCard label="Claim" height={260} state={state} actions={actions}>
      {/* The reader's words, kept out of the page's window.find() (see Words). */}
      <ClaimView claim={state.claim} as="unsearchable" />
      {error && (
        <p class="fm-error" role="alert">
          {error}
        </p>
      )}
      <div class="fm-actions">
        <button type="button" onClick={() => actions.edit(state.claim)}>
          Edit
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
          {confirming ? 'Confirm delete' : 'Delete'}
        </button>
        <button type="button" aria-label="Close" onClick={actions.close}>
          ×
        </button>
      </div>
    </FloatingCard>
  );
}
