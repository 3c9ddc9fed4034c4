// The message after an action — "Deleted 3 notes. Undo" — announced to screen readers, with an
// Undo button (also Ctrl+Z) while the action can be reversed; errors are announced as alerts.
import { useEffect } from 'preact/hooks';

export interface ToastMessage {
  text: string;
  kind: 'info' | 'error';
  undo?: () => Promise<void>;
}

const SHOWN_FOR = 12_000;

export function Toast({ toast, onClose }: { toast: ToastMessage | null; onClose(): void }) {
  useEffect(() => {
    if (!toast) return;
    const timer = setTimeout(onClose, toast.kind === 'error' ? SHOWN_FOR * 2 : SHOWN_FOR);
    return () => clearTimeout(timer);
  }, [toast, onClose]);

  return (
    <div class="toast-region" role={toast?.kind === 'error' ? 'alert' : 'status'} aria-live="polite">
      {toast && (
        <div class={`toast ${toast.kind}`}>
          <span>{toast.text}</span>
          {toast.undo && (
            <button type="button" onClick={() => void toast.undo?.()} aria-keyshortcuts="Control+Z">
              Undo
            </button>
          )}
          <button type="button" class="close" aria-label="Dismiss" onClick={onClose}>
            ×
          </button>
        </div>
      )}
    </div>
  );
}
