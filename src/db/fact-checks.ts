// Fact-checks in the database: a feed's fact-checks are replaced whole inside the caller's list
// transaction (src/db/lists.ts), so a page never matches half a feed; read back by id for the
// re-ranker and the card; and the reader's "Not the same claim", kept per page for good.
import * as v from 'valibot';
import { describeIssues } from '../core/claim-schema';
import {
  type FactCheck,
  type FactCheckDraft,
  FactCheckDraftSchema,
  factCheckId,
} from '../core/factchecks/fact-check';
import { t } from '../core/i18n/translate';
import { pageKey } from '../core/url/page-key';
import type { FactmarkDb } from './schema';

/** Checks every draft first: one bad draft stores nothing (the caller's transaction aborts). */
export function checkFactChecks(drafts: readonly FactCheckDraft[]): FactCheckDraft[] {
  return drafts.map((draft, i) => {
    const parsed = v.safeParse(FactCheckDraftSchema, draft);
    if (!parsed.success)
      throw new Error(
        t('feed_fact_check_invalid', { number: i + 1, problem: describeIssues(parsed.issues) }),
      );
    return parsed.output;
  });
}

/** How many fact-checks one bulkAdd writes: small enough for a progress bar to move. */
const WRITE_CHUNK = 5_000;

/**
 * Inside a transaction on factChecks: the feed's fact-checks, replaced. Answers how many are
 * stored. Written in chunks within the caller's one transaction, telling `onProgress` after each.
 */
export async function replaceFactChecks(
  db: FactmarkDb,
  listId: string,
  drafts: readonly FactCheckDraft[],
  onProgress?: (done: number, total: number) => void,
): Promise<number> {
  const byId = new Map<string, FactCheck>();
  for (const draft of drafts) {
    const id = factCheckId(listId, draft);
    // The same address and claim twice (the feed readers refuse that already) is one fact-check.
    if (!byId.has(id)) byId.set(id, { ...draft, id, listId });
  }
  await db.factChecks.where('listId').equals(listId).delete();
  const all = [...byId.values()];
  for (let start = 0; start < all.length; start += WRITE_CHUNK) {
    await db.factChecks.bulkAdd(all.slice(start, start + WRITE_CHUNK));
    onProgress?.(Math.min(start + WRITE_CHUNK, all.length), all.length);
  }
  return byId.size;
}

/** The stored fact-checks with these ids (missing ones left out). */
export async function factChecksById(
  db: FactmarkDb,
  ids: readonly string[],
): Promise<Map<string, FactCheck>> {
  const found = await db.factChecks.bulkGet([...ids]);
  const byId = new Map<string, FactCheck>();
  for (const factCheck of found) if (factCheck) byId.set(factCheck.id, factCheck);
  return byId;
}

/** The enabled feeds' fact-checks whose article is at one of these addresses (exact, as stored). */
export async function factChecksAtUrls(db: FactmarkDb, urls: readonly string[]): Promise<FactCheck[]> {
  if (urls.length === 0) return [];
  return db.transaction('r', db.lists, db.factChecks, async () => {
    const found = await db.factChecks
      .where('url')
      .anyOf([...urls])
      .toArray();
    const lists = await db.lists.bulkGet([...new Set(found.map((fc) => fc.listId))]);
    const on = new Set(lists.flatMap((list) => (list?.enabled ? [list.id] : [])));
    return found.filter((fc) => on.has(fc.listId));
  });
}

/** Every fact-check of one feed. */
export async function factChecksOf(db: FactmarkDb, listId: string): Promise<FactCheck[]> {
  return db.factChecks.where('listId').equals(listId).toArray();
}

/** "Not the same claim": this fact-check is never marked on this page again. */
export async function dismissFactCheck(
  db: FactmarkDb,
  url: string,
  id: string,
  now = Date.now(),
): Promise<void> {
  const key = pageKey(url);
  if (!key) throw new Error(t('dismiss_no_address'));
  await db.dismissals.put({ key: `${key} ${id}`, pageKey: key, factCheckId: id, created: now });
}

/** The fact-checks the reader dismissed on this page. */
export async function dismissedOn(db: FactmarkDb, url: string): Promise<Set<string>> {
  const key = pageKey(url);
  if (!key) return new Set();
  const rows = await db.dismissals.where('pageKey').equals(key).toArray();
  return new Set(rows.map((row) => row.factCheckId));
}
