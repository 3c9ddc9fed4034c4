// Importing a correction list file: its text read as a phrase list or a fact-check feed and stored
// whole, or nothing stored (the previous copy stays). One function for every place a file is
// imported: the background's `lists/import` and the extension pages, which import a feed
// themselves on their own connection to the extension's database rather than send up to 256 MB
// of text in a message. The caller then tells the background (rulesChanged or factchecks/changed).

import { t } from '../core/i18n/translate';
import { parseCorrectionList } from '../core/lists';
import type { ListStored } from '../core/lists/list-summary';
import type { CorrectionList } from '../core/rule';
import { fileListByTitle, storeFeed, storeList } from './lists';
import type { FactmarkDb } from './schema';

/** Invalid records kept in the answer: enough to say what was wrong, not a copy of a bad file. */
const INVALID_KEPT = 100;

/**
 * Parses a list file and stores it. Importing a file again updates the list it made before (same
 * title): its rules or fact-checks, keeping its switch. A feed comes back with kind 'fact-checks'.
 * Throws, with what to do, when the file cannot be read; nothing is stored then. `onProgress` follows a feed's fact-checks being written.
 */
export async function importListFile(
  db: FactmarkDb,
  text: string,
  name: string,
  onProgress?: (done: number, total: number) => void,
): Promise<ListStored> {
  const parsed = parseCorrectionList(text, { fileName: name || 'list.json' });
  if (parsed.kind === 'invalid') throw new Error(t('import_list_nothing_imported', { error: parsed.error }));
  const { title, rules, factChecks } = parsed.list;
  const previous = await fileListByTitle(db, title);
  const list: CorrectionList = previous
    ? { ...previous, title, fetched: Date.now() }
    : { id: crypto.randomUUID(), title, enabled: true, fetched: Date.now() };
  const invalid = parsed.invalid.slice(0, INVALID_KEPT);
  if (parsed.list.kind === 'rules') return { list: await storeList(db, list, rules), invalid };
  const stored = await storeFeed(db, list, factChecks, { onProgress });
  // storeFeed answers undefined only for a refresh of a removed feed, never for an import.
  if (!stored) throw new Error(t('import_list_feed_not_stored'));
  return { list: stored, invalid };
}
