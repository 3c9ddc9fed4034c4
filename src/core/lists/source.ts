// Where a list or fact-check feed came from — a subscribed address or an imported file — and what
// that makes it called in messages and, when the file names no title, in the list of lists. Pure.
import { t } from '../i18n/translate';
import { RULE_LIMITS } from '../rule';

export interface ListSource {
  /** Where a subscribed list was fetched from. */
  url?: string;
  /** The name of an imported file. */
  fileName?: string;
}

/** How a message names the input as its subject: "The file “checks.csv”", "The list at that address". */
export function sourceName(source: ListSource): string {
  if (source.fileName) return t('list_source_file', { file: source.fileName.slice(0, 100) });
  if (source.url) return t('list_source_address');
  return t('list_source_plain');
}

/**
 * Where a message's records were, inside a sentence: "in the file “checks.csv”". A phrase of its
 * own rather than the subject lower-cased, so each language words it (and keeps the file's name
 * as written).
 */
export function sourcePlace(source: ListSource): string {
  if (source.fileName) return t('list_source_in_file', { file: source.fileName.slice(0, 100) });
  if (source.url) return t('list_source_in_address');
  return t('list_source_in_plain');
}

/** A title for a list or feed that names none: its file's name, else its address's host. */
export function titleFromSource(source: ListSource): string {
  if (source.fileName) {
    return source.fileName.replace(/\.(json|jsonld|jsonl|ndjson|csv)$/i, '').slice(0, RULE_LIMITS.title);
  }
  if (source.url) {
    try {
      return t('feed_title_from_host', { host: new URL(source.url).hostname.replace(/^www\./, '') });
    } catch {
      // Fall through to the generic title.
    }
  }
  return t('feed_title_default');
}
