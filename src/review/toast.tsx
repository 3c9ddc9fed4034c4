// The message after an action — "Deleted 3 notes. Undo" — announced to screen readers, with an
// Undo button (also Ctrl+Z) while the action can be reversed; errors are announced as alerts.
//
// Both live regions are always in the page, so a message put into one is announced (a region
// added together with its text, or one whose role changes as the text arrives, often is not);
// each new message is a new element, so "Saved." after "Saved." is announced again.
import { useEffect, useRef } from 'preact/hooks';
import { t } from '../core/i18n/translate';

export interface ToastMessage {
  text: string;
  kind: 'info' | 'error';
  undo?: () => Promise<void>;
}

const SHOWN_FOR = 12_000;

export function Toast({ toast, onClose }: { toast: ToastMessage | null; onClose(): void }) {
  const serial = useRef({ toast: null as ToastMessage | null, n: 0 });
  if (serial.current.toast !== toast) serial.current = { toast, n: serial.current.n + 1 };

  useEffect(() => {
    if (!toast) return;
    const timer = setTimeout(onClose, toast.kind === 'error' ? SHOWN_FOR * 2 : SHOWN_FOR);
    return () => clearTimeout(timer);
  }, [toast, onClose]);

  const shown = toast && (
    <div key={serial.current.n} class={`toast ${toast.kind}`}>
      <span>{toast.text}</span>
      {toast.undo && (
        <button type="button" onClick={() => void toast.undo?.()} aria-keyshortcuts="Control+Z">
          {t('review_undo')}
        </button>
      )}
      <button type="button" class="close" aria-label={t('review_dismiss')} onClick={onClose}>
        ×
      </button>
    </div>
  );
  return (
    <div class="toast-region">
      <div role="status" aria-live="polite">
        {toast?.kind === 'info' && shown}
      </div>
      <div role="alert">{toast?.kind === 'error' && shown}</div>
    </div>
  );
}
