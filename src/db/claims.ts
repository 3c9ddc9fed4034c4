// Claim queries and writes. Callers pass validated drafts; this module stamps ids, keys and
// times, and answers the per-page query.
import { t } from '../core/i18n/translate';
import type { Claim, ClaimDraft } from '../core/model';
import { normaliseClaim, readerFields } from '../core/normalise-claim';
import { pageKey, pageKeys } from '../core/url/page-key';
import type { FactmarkDb } from './schema';

/** Saves a new claim, or updates the fields of an existing one (its anchor stays as flagged). */
export async function saveClaim(db: FactmarkDb, draft: ClaimDraft, now = Date.now()): Promise<Claim> {
  return db.transaction('rw', db.claims, async () => {
    const existing = draft.id ? await db.claims.get(draft.id) : undefined;
    if (existing) {
      const updated: Claim = { ...existing, ...readerFields(draft), updated: now };
      await db.claims.put(updated);
      return updated;
    }
    if (!pageKey(draft.url)) throw new Error(t('claim_not_page_address', { url: draft.url }));
    const { id, ...fields } = draft;
    const claim = normaliseClaim({ ...fields, id: id ?? crypto.randomUUID(), created: now, updated: now });
    await db.claims.add(claim);
    return claim;
  });
}

/**
 * Every claim flagged on this page: stored under its URL, or its canonical URL, or flagged on
 * another URL that declared the same canonical. Oldest first, so highlights paint stably.
 */
export async function claimsForPage(db: FactmarkDb, url: string, canonical?: string): Promise<Claim[]> {
  const keys = pageKeys(url, canonical);
  if (keys.length === 0) return [];
  const [byPage, byCanonical] = await Promise.all([
    db.claims.where('pageKey').anyOf(keys).toArray(),
    db.claims.where('canonicalKey').anyOf(keys).toArray(),
  ]);
  const unique = new Map<string, Claim>();
  for (const claim of [...byPage, ...byCanonical]) unique.set(claim.id, claim);
  return [...unique.values()].sort((a, b) => a.created - b.created);
}

/** Deletes a claim; the claim it deleted (whose page must repaint), or undefined if there was none. */
export async function deleteClaim(db: FactmarkDb, id: string): Promise<Claim | undefined> {
  return db.transaction('rw', db.claims, async () => {
    const existing = await db.claims.get(id);
    if (existing) await db.claims.delete(id);
    return existing;
  });
}

/**
 * Records whether claims were found on their page when last anchored, and when; `updated` stays
 * as it is (being looked at is not an edit). Unknown ids are skipped. Answers how many changed.
 */
export async function markSeen(
  db: FactmarkDb,
  found: readonly string[],
  missing: readonly string[],
  now = Date.now(),
): Promise<number> {
  const missingSet = new Set(missing);
  const ids = [...new Set([...found, ...missing])];
  if (ids.length === 0) return 0;
  return db.transaction('rw', db.claims, async () => {
    const stored = await db.claims.bulkGet(ids);
    const changed: Claim[] = [];
    for (const claim of stored) {
      if (!claim) continue;
      // An id reported both ways counts as missing: never claim a highlight that may be wrong.
      changed.push({ ...claim, found: !missingSet.has(claim.id), checked: now });
    }
    await db.claims.bulkPut(changed);
    return changed.length;
  });
}
