// "Try it here": a made-up news paragraph in which the reader selects a sentence (mouse, or Shift
// and the arrow keys), flags it — the "Flag the selection" button, Alt+Shift+F, or the shortcut's
// and context menu's `tab/flag-selection` from the background — fills in the real claim editor,
// and sees the sentence highlighted as a news page shows it (content.css's highlights, painted
// with the CSS Custom Highlight API as the content script paints them). Nothing is saved: the
// marks live in this page until it closes.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../core/i18n/translate';
import { type Paint, paintOf } from '../core/model';
import { readTabRequest } from '../messages';
import { onRuntimeMessage, runtimeId } from '../runtime-messaging';
import { ClaimEditor, type ClaimEditorResult } from '../ui/claim-editor';
import { KeysText } from './keys-text';
import { isFlagShortcut, moveFor, moveSelection, readSelection, type Span } from './practice-selection';

interface Mark extends Span {
  paint: Paint;
}

type Status = { kind: 'hint' | 'done'; text: string } | null;

export function Practice() {
  const paragraph = useRef<HTMLParagraphElement>(null);
  const flagButton = useRef<HTMLButtonElement>(null);
  const [marks, setMarks] = useState<Mark[]>([]);
  const [editing, setEditing] = useState<{ span: Span; quote: string } | null>(null);
  const [status, setStatus] = useState<Status>(null);
  // The keyboard shortcut and the background's message arrive outside Preact's events.
  const editingNow = useRef(editing);
  editingNow.current = editing;

  const flag = useCallback(() => {
    const text = paragraph.current;
    // One claim at a time, as on a news page: the open editor keeps its quote.
    if (!text || editingNow.current) return;
    const read = readSelection(text, window.getSelection());
    if (read.kind === 'span') {
      setStatus(null);
      setEditing({ span: read.span, quote: read.quote });
    } else {
      const hint = read.kind === 'none' ? 'welcome_practice_no_selection' : 'welcome_practice_outside';
      setStatus({ kind: 'hint', text: t(hint) });
    }
  }, []);

  useEffect(() => {
    // Content scripts do not run on extension pages, so the page answers Alt+Shift+F itself
    // (the key press reaches the page where the browser does not take it for the shortcut)...
    const onKey = (event: KeyboardEvent) => {
      if (!isFlagShortcut(event)) return;
      event.preventDefault();
      flag();
    };
    document.addEventListener('keydown', onKey);
    // ...and the request the background sends the active tab for the shortcut and the menu.
    const stop = onRuntimeMessage((message, sender) => {
      const read = readTabRequest(message, sender, runtimeId() ?? '');
      if (read.kind !== 'request' || read.type !== 'tab/flag-selection') return undefined;
      flag();
      return Promise.resolve({ ok: true, value: null });
    });
    return () => {
      document.removeEventListener('keydown', onKey);
      stop();
    };
  }, [flag]);

  // The marks, painted as the content script paints claims: one highlight per verdict's paint.
  useEffect(() => {
    const text = paragraph.current?.firstChild;
    if (!(text instanceof Text)) return;
    const byPaint = new Map<Paint, Range[]>();
    for (const mark of marks) {
      const range = document.createRange();
      range.setStart(text, mark.start);
      range.setEnd(text, mark.end);
      byPaint.set(mark.paint, [...(byPaint.get(mark.paint) ?? []), range]);
    }
    for (const [paint, ranges] of byPaint) CSS.highlights.set(`factmark-${paint}`, new Highlight(...ranges));
    return () => {
      for (const paint of byPaint.keys()) CSS.highlights.delete(`factmark-${paint}`);
    };
  }, [marks]);

  function onParagraphKey(event: KeyboardEvent) {
    const text = paragraph.current;
    const move = text && moveFor(event, getComputedStyle(text).direction === 'rtl');
    const selection = window.getSelection();
    if (!move || !selection || !text) return;
    event.preventDefault();
    moveSelection(text, selection, move);
  }

  async function save(fields: ClaimEditorResult) {
    if (!editing) return;
    const mark: Mark = { ...editing.span, paint: paintOf(fields.verdict) };
    // A sentence flagged again shows its latest verdict.
    setMarks((all) => [...all.filter((m) => m.end <= mark.start || m.start >= mark.end), mark]);
    // The selection would hide the highlight under it.
    window.getSelection()?.removeAllRanges();
    flagButton.current?.focus();
    setEditing(null);
    setStatus({ kind: 'done', text: t('welcome_practice_flagged') });
  }

  function cancel() {
    flagButton.current?.focus();
    setEditing(null);
  }

  function clear() {
    flagButton.current?.focus();
    setMarks([]);
    setStatus({ kind: 'done', text: t('welcome_practice_cleared') });
  }

  return (
    <section class="card practice" aria-labelledby="practice-heading">
      <h2 id="practice-heading">{t('welcome_practice_heading')}</h2>
      <p>
        <KeysText text={t('welcome_practice_intro')} />
      </p>
      <p class="practice-note">{t('welcome_practice_not_saved')}</p>
      <figure class="practice-article">
        <figcaption>{t('welcome_practice_caption')}</figcaption>
        <p
          ref={paragraph}
          id="practice-text"
          class="practice-text"
          // biome-ignore lint/a11y/noNoninteractiveTabindex: focusable so the keyboard can select in it (practice-selection.ts).
          tabIndex={0}
          aria-describedby="practice-keys"
          onKeyDown={onParagraphKey}
        >
          {t('welcome_practice_text')}
        </p>
      </figure>
      <p id="practice-keys" class="hint">
        <KeysText text={t('welcome_practice_keyboard')} />
      </p>
      <div class="practice-actions">
        <button
          ref={flagButton}
          type="button"
          class="button primary"
          // Pressing the button must not take the selection it is about to flag.
          onMouseDown={(event) => event.preventDefault()}
          onClick={flag}
        >
          {t('welcome_practice_flag')}
        </button>
        {marks.length > 0 && (
          <button type="button" class="button" onClick={clear}>
            {t('welcome_practice_clear')}
          </button>
        )}
      </div>
      {/* Always in the page, so screen readers hear each new message in it. */}
      <p role="status" class={status?.kind === 'done' ? 'status done' : 'status'}>
        {status?.text ?? ''}
      </p>
      {editing && (
        <div class="practice-editor">
          <h3 id="practice-editor-heading">{t('welcome_practice_editor_heading')}</h3>
          <p class="hint">{t('welcome_practice_fact')}</p>
          <ClaimEditor idPrefix="practice" quote={editing.quote} onSave={save} onCancel={cancel} />
        </div>
      )}
    </section>
  );
}
