// Where a list or fact-check feed came from — a subscribed address or an imported file — and what
// that makes it called in messages and, when the file names no title, in the list of lists. Pure.
import { RULE_LIMITS } from '../rule';

export interface ListSource {
  /** Where a subscribed list was fetched from. */
  url?: string;
  /** The name of an imported file. */
  fileName?: string;
}

/** How a message names the input: "The file “checks.csv”", "The list at that address". */
export function sourceName(source: ListSource): string {
  if (source.fileName) return `The file “${source.fileName.slice(0, 100)}”`;
  if (source.url) return 'The list at that address';
  return 'The list';
}

/** A title for a list or feed that names none: its file's name, else its address's host. */
export function titleFromSource(source: ListSource): string {
  if (source.fileName) {
    return source.fileName.replace(/\.(json|jsonld|jsonl|ndjson|csv)$/i, '').slice(0, RULE_LIMITS.title);
  }
  if (source.url) {
    try {
      return `Fact-checks from ${new URL(source.url).hostname.replace(/^www\./, '')}`;
    } catch {
      // Fall through to the generic title.
    }
  }
  return 'Fact-checks';
}
