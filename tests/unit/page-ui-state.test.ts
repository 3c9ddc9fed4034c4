// The in-page UI's state machine (src/core/page-ui/ui-state.ts): what the reader sees after each
// thing they do — select, hover, click, flag, save, press Escape — and when a hover card goes.
// Targets stand in for the DOM ranges the content script passes (compared by identity only).
import { describe, expect, it } from 'vitest';
import type { PageCorrection } from '../../src/core/match/page-correction';
import { type UiEvent, type UiHit, type UiState, uiReducer } from '../../src/core/page-ui/ui-state';
import { claimId, makeClaim } from './support/claims';
import { makeMark } from './support/fact-checks';

type Target = { sentence: string };
const sentenceA: Target = { sentence: 'A' };
const sentenceB: Target = { sentence: 'B' };
const selection: Target = { sentence: 'selected' };

const claim = makeClaim({
  id: claimId(1),
  quote: { type: 'TextQuoteSelector', exact: 'killing at least 19', prefix: '', suffix: '' },
});
const otherClaim = makeClaim({ id: claimId(2) });
const correction: PageCorrection = {
  id: 'builtin:dsa',
  quote: 'Digital Rights Act (DSA)',
  verdict: 'false',
  correction: 'The DSA is the Digital Services Act.',
  sources: [],
  origin: 'Built-in check',
};
const factCheckMark = makeMark();

const hits = {
  claim: { kind: 'claim', claim } as UiHit<Target>,
  correction: { kind: 'correction', correction } as UiHit<Target>,
  factcheck: { kind: 'factcheck', mark: factCheckMark, target: sentenceA } as UiHit<Target>,
  mark: {
    kind: 'mark',
    reasons: ['a number'],
    text: 'Sales rose 40% in 2024.',
    target: sentenceA,
  } as UiHit<Target>,
};

/** Runs events from `state` and returns the last step (state and timer command). */
function run(state: UiState<Target>, ...events: UiEvent<Target>[]) {
  let step = { state, timer: 'keep' as const } as ReturnType<typeof uiReducer<Target>>;
  for (const event of events) step = uiReducer(step.state, event);
  return step;
}

const idle: UiState<Target> = { kind: 'idle' };
const hover = (hit: UiHit<Target> | null, x = 10, y = 20): UiEvent<Target> => ({ type: 'hover', hit, x, y });
const click = (hit: UiHit<Target> | null, x = 10, y = 20): UiEvent<Target> => ({ type: 'click', hit, x, y });
const flag: UiEvent<Target> = { type: 'flag', quote: 'killing at least 19', selection };
const button: UiState<Target> = { kind: 'button', x: 100, y: 200 };

describe('a selection pending', () => {
  it('shows the Flag button where the reader let go, and hides it when they let go of nothing', () => {
    expect(run(idle, { type: 'selection-done', at: { x: 100, y: 200 } }).state).toEqual(button);
    expect(run(button, { type: 'selection-done', at: null }).state).toEqual(idle);
  });

  it('hides the Flag button when the selection goes away, and nothing else', () => {
    expect(run(button, { type: 'selection-cleared' }).state).toEqual(idle);
    const card = run(idle, click(hits.claim)).state;
    expect(run(card, { type: 'selection-cleared' }).state).toBe(card);
  });

  it('opens no hover card under the Flag button, whatever the pointer passes over', () => {
    for (const hit of Object.values(hits)) expect(run(button, hover(hit)).state).toBe(button);
  });

  it('replaces a hover card with the Flag button when text is selected', () => {
    expect(run(idle, hover(hits.claim), { type: 'selection-done', at: { x: 100, y: 200 } }).state).toEqual(
      button,
    );
  });
});

describe('hover cards', () => {
  it('shows the card of a saved claim, a correction, a fact-checked sentence or a check-worthy mark, unpinned, at the pointer', () => {
    expect(run(idle, hover(hits.claim, 5, 6)).state).toEqual({
      kind: 'card',
      claim,
      x: 5,
      y: 6,
      pinned: false,
    });
    expect(run(idle, hover(hits.correction)).state).toMatchObject({
      kind: 'correction',
      correction,
      pinned: false,
    });
    expect(run(idle, hover(hits.factcheck)).state).toMatchObject({
      kind: 'factcheck',
      mark: factCheckMark,
      pinned: false,
    });
    expect(run(idle, hover(hits.mark)).state).toEqual({
      kind: 'mark',
      reasons: ['a number'],
      text: 'Sales rose 40% in 2024.',
      target: sentenceA,
      x: 10,
      y: 20,
    });
  });

  it('keeps the card in place while the pointer moves over the same highlight, and moves to the next one', () => {
    const first = run(idle, hover(hits.mark, 10, 20)).state;
    expect(run(first, hover(hits.mark, 30, 20))).toEqual({ state: first, timer: 'cancel' });
    const next = run(first, hover({ ...hits.mark, target: sentenceB } as UiHit<Target>)).state;
    expect(next).toMatchObject({ kind: 'mark', target: sentenceB });
    const card = run(idle, hover(hits.claim)).state;
    expect(run(card, hover({ kind: 'claim', claim: otherClaim })).state).toMatchObject({
      claim: otherClaim,
    });
  });

  it('hides a card a moment after the pointer leaves it, and keeps it if the pointer comes back first', () => {
    const card = run(idle, hover(hits.claim)).state;
    expect(run(card, hover(null))).toEqual({ state: card, timer: 'hide-soon' });
    expect(run(card, hover(null), { type: 'card-hover', inside: true })).toEqual({
      state: card,
      timer: 'cancel',
    });
    expect(run(card, hover(null), { type: 'hide-timer' }).state).toEqual(idle);
    expect(run(card, { type: 'card-hover', inside: false })).toEqual({ state: card, timer: 'hide-soon' });
  });
});

describe('pinned cards', () => {
  it('pins the card of the claim, correction or fact-checked sentence a click lands on', () => {
    expect(run(idle, click(hits.claim)).state).toMatchObject({ kind: 'card', pinned: true });
    expect(run(idle, click(hits.correction)).state).toMatchObject({ kind: 'correction', pinned: true });
    expect(run(idle, click(hits.factcheck)).state).toMatchObject({ kind: 'factcheck', pinned: true });
  });

  it('turns a hover card into a pinned one when clicked, which then survives the pointer leaving', () => {
    const pinned = run(idle, hover(hits.claim), click(hits.claim)).state;
    expect(pinned).toMatchObject({ kind: 'card', pinned: true });
    expect(run(pinned, hover(null), { type: 'hide-timer' }).state).toBe(pinned);
    expect(run(pinned, { type: 'card-hover', inside: false }).state).toBe(pinned);
  });

  it('opens no hover card over a pinned one', () => {
    const pinned = run(idle, click(hits.correction)).state;
    expect(run(pinned, hover(hits.claim)).state).toBe(pinned);
  });

  it('closes a card on a click elsewhere or Escape; a click on a check-worthy mark pins nothing', () => {
    const pinned = run(idle, click(hits.claim)).state;
    expect(run(pinned, click(null)).state).toEqual(idle);
    expect(run(pinned, { type: 'escape' }).state).toEqual(idle);
    expect(run(idle, click(hits.mark)).state).toEqual(idle);
  });

  it("follows a card's claim when the page's claims are fetched again, and closes when it was deleted", () => {
    const pinned = run(idle, click(hits.claim)).state;
    const edited = { ...claim, correction: 'At least 19 people were killed.' };
    expect(run(pinned, { type: 'claims-refreshed', claimById: () => edited }).state).toMatchObject({
      claim: edited,
      pinned: true,
    });
    expect(run(pinned, { type: 'claims-refreshed', claimById: () => undefined }).state).toEqual(idle);
  });
});

describe('the editor', () => {
  it('opens on the flagged selection, from the button or a mark, and keeps the selection for the save', () => {
    expect(run(button, flag).state).toEqual({ kind: 'editor', quote: 'killing at least 19', selection });
    expect(run(idle, hover(hits.mark), flag).state).toMatchObject({ kind: 'editor', selection });
  });

  it("stays open whatever the pointer, a click, a selection, Escape or an earlier card's timer does", () => {
    const editor = run(idle, hover(hits.mark), hover(null), flag);
    expect(editor.timer).toBe('cancel');
    for (const event of [
      hover(hits.claim),
      click(hits.claim),
      click(null),
      { type: 'selection-done', at: { x: 1, y: 2 } },
      { type: 'selection-cleared' },
      { type: 'escape' },
      { type: 'hide-timer' },
      { type: 'card-hover', inside: false },
    ] as UiEvent<Target>[]) {
      expect(run(editor.state, event).state, event.type).toBe(editor.state);
    }
  });

  it('shows the fact-checks close to its quote when they arrive, and ignores ones for another quote', () => {
    const editor = run(button, flag).state;
    const suggestions = [{ factCheck: factCheckMark.factCheck, score: 0.8 }];
    expect(
      run(editor, { type: 'suggestions', quote: 'killing at least 19', suggestions }).state,
    ).toMatchObject({
      suggestions,
    });
    expect(run(editor, { type: 'suggestions', quote: 'another quote', suggestions }).state).toBe(editor);
    expect(run(idle, { type: 'suggestions', quote: 'killing at least 19', suggestions }).state).toBe(idle);
  });

  it('opens on a saved claim from its card, and closes once it is saved or cancelled', () => {
    const editing = run(idle, click(hits.claim), { type: 'edit', claim }).state;
    expect(editing).toEqual({ kind: 'editor', quote: 'killing at least 19', claim });
    expect(run(editing, { type: 'saved' }).state).toEqual(idle);
    expect(run(editing, { type: 'close' }).state).toEqual(idle);
  });

  it('stays open on the saved claim when its rule could not be saved, so Save again edits it', () => {
    const editor = run(button, flag, { type: 'saved-claim-only', claim }).state;
    expect(editor).toEqual({ kind: 'editor', quote: 'killing at least 19', claim });
  });
});
