// What a failed database write means for the reader. Browsers report a full disk (or the
// extension's exhausted storage quota) as a QuotaExceededError; Dexie often hands it on wrapped —
// an AbortError whose `inner` is the quota error, or a BulkError listing it in `failures` — so
// every place that shows a write's error asks here, and the reader always reads the same advice.
import { t } from '../core/i18n/translate';

/**
 * The English wording of the full-storage advice, as tests compare it. What a reader is shown is
 * `storageFullText()` (or a whole message such as `storage_full_nothing_saved`), in their language.
 */
export const STORAGE_FULL =
  "Your browser's storage for Factmark is full. Free space or export and delete old notes, then try again.";

/** What the reader is told whenever storage is full; every write that hit it was undone. */
export function storageFullText(): string {
  return t('storage_full');
}

/**
 * True when an error means the disk (or the browser's quota for the extension) is full: the
 * platform's QuotaExceededError, or a Dexie error wrapping one (`inner`, or a bulk write's
 * `failures`).
 */
export function isQuotaError(error: unknown, depth = 0): boolean {
  if (depth > 5 || typeof error !== 'object' || error === null) return false;
  const { name, message, inner, failures } = error as {
    name?: unknown;
    message?: unknown;
    inner?: unknown;
    failures?: unknown;
  };
  if (name === 'QuotaExceededError') return true;
  if (typeof message === 'string' && /quota ?exceeded|disk is full|not enough (disk )?space/i.test(message))
    return true;
  if (isQuotaError(inner, depth + 1)) return true;
  const list = Array.isArray(failures)
    ? failures
    : failures && typeof failures === 'object'
      ? Object.values(failures)
      : [];
  return list.some((failure) => isQuotaError(failure, depth + 1));
}

/** The message to show for a failed storage operation: the full-storage advice, or the error's own text. */
export function storageErrorText(error: unknown): string {
  if (isQuotaError(error)) return storageFullText();
  return error instanceof Error && error.message ? error.message : t('storage_error_generic');
}
