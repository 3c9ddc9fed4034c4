// What the in-page UI shows, as a pure state machine: the Flag button beside a selection, the
// editor, a saved claim's card, a correction's card, a fact-check's card and a check-worthy mark's
// card. The content script turns DOM events into UiEvents and renders the state it gets back, so
// every rule of who replaces whom is here, tested in Node.
//
// `R` is the page's own handle on what the reader selected or pointed at (a DOM Range); the state
// machine only keeps it and compares it, never reads it.
import type { FactCheckMark, FactCheckSuggestion } from '../factchecks/fact-check-mark';
import type { PageCorrection } from '../match/page-correction';
import type { Claim } from '../model';

/** Where a card opens: at the pointer; pinned when clicked rather than hovered. */
interface CardPlace {
  x: number;
  y: number;
  pinned: boolean;
}

export type UiState<R = unknown> =
  | { kind: 'idle' }
  /** A selection is pending: the Flag button beside it. */
  | { kind: 'button'; x: number; y: number }
  /**
   * `claim` when editing one; otherwise a new claim from `selection`, which may also be saved as a
   * rule, with the fact-checks close to its quote once they are known.
   */
  | { kind: 'editor'; quote: string; claim?: Claim; selection?: R; suggestions?: FactCheckSuggestion[] }
  | ({ kind: 'card'; claim: Claim } & CardPlace)
  | ({ kind: 'correction'; correction: PageCorrection } & CardPlace)
  /** A sentence a subscribed fact-check checked before. */
  | ({ kind: 'factcheck'; mark: FactCheckMark; target: R } & CardPlace)
  /** The pointer is over a check-worthy sentence: why, and "Flag claim" for it (never pinned). */
  | { kind: 'mark'; reasons: string[]; text: string; target: R; x: number; y: number };

/** What is highlighted under the pointer, most specific first (as the content script found it). */
export type UiHit<R = unknown> =
  | { kind: 'claim'; claim: Claim }
  | { kind: 'correction'; correction: PageCorrection }
  | { kind: 'factcheck'; mark: FactCheckMark; target: R }
  | { kind: 'mark'; reasons: string[]; text: string; target: R };

export type UiEvent<R = unknown> =
  /** The reader let go of a selection (`at`: where its Flag button goes), or of none. */
  | { type: 'selection-done'; at: { x: number; y: number } | null }
  /** The selection went away (a click elsewhere, the page removed it). */
  | { type: 'selection-cleared' }
  | { type: 'escape' }
  /** The pointer rests over `hit` (or over nothing highlighted) at x, y. */
  | { type: 'hover'; hit: UiHit<R> | null; x: number; y: number }
  /** The pointer entered (inside) or left one of our cards. */
  | { type: 'card-hover'; inside: boolean }
  /** The hover card's grace period after the pointer left it ran out. */
  | { type: 'hide-timer' }
  /** A click on the page (not on our UI, not ending a selection) over `hit` or nothing. */
  | { type: 'click'; hit: UiHit<R> | null; x: number; y: number }
  /** Flag a selection (the button, the context menu, the shortcut, a mark's "Flag claim"). */
  | { type: 'flag'; quote: string; selection: R }
  /** The fact-checks close to a quote arrived. */
  | { type: 'suggestions'; quote: string; suggestions: FactCheckSuggestion[] }
  | { type: 'edit'; claim: Claim }
  /** The claim saved but its rule did not: the editor stays open on the saved claim. */
  | { type: 'saved-claim-only'; claim: Claim }
  | { type: 'saved' }
  | { type: 'close' }
  /** The page's claims were fetched again: an open card follows its claim, or closes if it is gone. */
  | { type: 'claims-refreshed'; claimById: (id: string) => Claim | undefined };

/** What to do with the hover card's grace timer. */
export type TimerCommand = 'keep' | 'cancel' | 'hide-soon';

export interface UiStep<R = unknown> {
  state: UiState<R>;
  timer: TimerCommand;
}

/** How long a hover card stays after the pointer leaves it and its highlight. */
export const HIDE_AFTER_MS = 300;

/** A card that may be pinned: a claim's, a correction's or a fact-check's. */
export function isCard<R>(
  state: UiState<R>,
): state is Extract<UiState<R>, { kind: 'card' | 'correction' | 'factcheck' }> {
  return state.kind === 'card' || state.kind === 'correction' || state.kind === 'factcheck';
}

/**
 * No hover card over the editor, a pinned card or a selection's Flag button: it would take their
 * place (the button sits on the line below the selection, often a mark or a claim).
 */
export function isHoverHeld<R>(state: UiState<R>): boolean {
  return state.kind === 'editor' || state.kind === 'button' || (isCard(state) && state.pinned);
}

/** Shown only while the pointer is over it or its highlight. */
function isTransient<R>(state: UiState<R>): boolean {
  return state.kind === 'mark' || (isCard(state) && !state.pinned);
}

const IDLE: UiState<never> = { kind: 'idle' };

export function uiReducer<R>(state: UiState<R>, event: UiEvent<R>): UiStep<R> {
  const stay: UiStep<R> = { state, timer: 'keep' };
  const to = (next: UiState<R>, timer: TimerCommand = 'keep'): UiStep<R> => ({
    state: next,
    // A card's pending auto-hide never closes the editor opened from it.
    timer: next.kind === 'editor' || next.kind === 'idle' ? 'cancel' : timer,
  });
  switch (event.type) {
    case 'selection-done':
      if (state.kind === 'editor') return stay;
      if (event.at) return to({ kind: 'button', ...event.at });
      return state.kind === 'button' ? to(IDLE) : stay;
    case 'selection-cleared':
      return state.kind === 'button' ? to(IDLE) : stay;
    case 'escape':
      return state.kind === 'idle' || state.kind === 'editor' ? stay : to(IDLE);
    case 'hover':
      if (isHoverHeld(state)) return stay;
      if (event.hit === null) return isTransient(state) ? { state, timer: 'hide-soon' } : stay;
      if (shows(state, event.hit)) return { state, timer: 'cancel' };
      return to(cardFor(event.hit, { x: event.x, y: event.y, pinned: false }), 'cancel');
    case 'card-hover':
      if (event.inside) return { state, timer: 'cancel' };
      return isTransient(state) ? { state, timer: 'hide-soon' } : { state, timer: 'cancel' };
    case 'hide-timer':
      return isTransient(state) ? to(IDLE) : stay;
    case 'click': {
      if (state.kind === 'editor') return stay;
      // A check-worthy mark's card comes on hover; a click on it pins nothing.
      if (event.hit && event.hit.kind !== 'mark') {
        return to(cardFor(event.hit, { x: event.x, y: event.y, pinned: true }), 'cancel');
      }
      return isCard(state) ? to(IDLE) : stay;
    }
    case 'flag':
      return to({ kind: 'editor', quote: event.quote, selection: event.selection });
    case 'suggestions':
      if (
        state.kind !== 'editor' ||
        state.claim ||
        state.quote !== event.quote ||
        event.suggestions.length === 0
      ) {
        return stay;
      }
      return to({ ...state, suggestions: event.suggestions });
    case 'edit':
      return to({ kind: 'editor', quote: event.claim.quote.exact, claim: event.claim });
    case 'saved-claim-only':
      return to({ kind: 'editor', quote: event.claim.quote.exact, claim: event.claim });
    case 'saved':
    case 'close':
      return to(IDLE);
    case 'claims-refreshed': {
      if (state.kind !== 'card') return stay;
      const fresh = event.claimById(state.claim.id);
      return to(fresh ? { ...state, claim: fresh } : IDLE);
    }
  }
}

/** Whether the state already shows this hit (so a move over it changes nothing). */
function shows<R>(state: UiState<R>, hit: UiHit<R>): boolean {
  switch (hit.kind) {
    case 'claim':
      return state.kind === 'card' && state.claim.id === hit.claim.id;
    case 'correction':
      return state.kind === 'correction' && state.correction.id === hit.correction.id;
    case 'factcheck':
      return state.kind === 'factcheck' && state.target === hit.target;
    case 'mark':
      return state.kind === 'mark' && state.target === hit.target;
  }
}

function cardFor<R>(hit: UiHit<R>, place: CardPlace): UiState<R> {
  switch (hit.kind) {
    case 'claim':
      return { kind: 'card', claim: hit.claim, ...place };
    case 'correction':
      return { kind: 'correction', correction: hit.correction, ...place };
    case 'factcheck':
      return { kind: 'factcheck', mark: hit.mark, target: hit.target, ...place };
    case 'mark':
      return {
        kind: 'mark',
        reasons: hit.reasons,
        text: hit.text,
        target: hit.target,
        x: place.x,
        y: place.y,
      };
  }
}
