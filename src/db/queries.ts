// Reads and bulk writes of the review page: the newest claims for a first screen, every claim in
// chunks, and bulk delete / restore / tag in one transaction each. Extension pages only; after
// a bulk write the caller sends `claims/changed` so open tabs repaint.
import { LIMITS } from '../core/claim-schema';
import type { Claim } from '../core/model';
import type { FactmarkDb } from './schema';

/** The most recently changed claims, newest first: enough to fill the first screen. */
export async function recentClaims(db: FactmarkDb, limit: number): Promise<Claim[]> {
  return db.claims.orderBy('updated').reverse().limit(limit).toArray();
}

/**
 * Every claim, read in primary-key order a chunk at a time, so a large database neither blocks
 * the page in one long read nor hides how far loading has got.
 */
export async function loadAllClaims(
  db: FactmarkDb,
  onChunk: (claims: Claim[]) => void,
  chunk = 5_000,
): Promise<number> {
  let last: string | undefined;
  let total = 0;
  for (;;) {
    const from = last;
    const claims = await (from === undefined
      ? db.claims.orderBy(':id').limit(chunk).toArray()
      : db.claims.where(':id').above(from).limit(chunk).toArray());
    if (claims.length === 0) return total;
    total += claims.length;
    onChunk(claims);
    last = claims[claims.length - 1]!.id;
    if (claims.length < chunk) return total;
  }
}

/** Deletes claims in one transaction; answers the claims deleted, so they can be restored. */
export async function deleteClaims(db: FactmarkDb, ids: readonly string[]): Promise<Claim[]> {
  return db.transaction('rw', db.claims, async () => {
    const stored = (await db.claims.bulkGet([...ids])).filter((claim): claim is Claim => claim !== undefined);
    await db.claims.bulkDelete(stored.map((claim) => claim.id));
    return stored;
  });
}

/** Puts deleted claims back exactly as they were (undo). */
export async function restoreClaims(db: FactmarkDb, claims: readonly Claim[]): Promise<void> {
  await db.transaction('rw', db.claims, async () => {
    await db.claims.bulkPut([...claims]);
  });
}

export interface TagOutcome {
  /** Claims that got the tag. */
  tagged: number;
  /** Claims that had it already. */
  already: number;
  /** Claims that have as many tags as a claim may have. */
  full: number;
}

/** Adds a tag to claims (unless they have it, in any case), in one transaction. */
export async function tagClaims(
  db: FactmarkDb,
  ids: readonly string[],
  tag: string,
  now = Date.now(),
): Promise<TagOutcome> {
  const wanted = tag.toLowerCase();
  return db.transaction('rw', db.claims, async () => {
    const outcome: TagOutcome = { tagged: 0, already: 0, full: 0 };
    const changed: Claim[] = [];
    for (const claim of await db.claims.bulkGet([...ids])) {
      if (!claim) continue;
      if (claim.tags.some((existing) => existing.toLowerCase() === wanted)) outcome.already += 1;
      else if (claim.tags.length >= LIMITS.tags) outcome.full += 1;
      else changed.push({ ...claim, tags: [...claim.tags, tag], updated: now });
    }
    await db.claims.bulkPut(changed);
    outcome.tagged = changed.length;
    return outcome;
  });
}
