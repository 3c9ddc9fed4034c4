// Writes an import: previews it against what is stored (new / already there / updated), then
// writes every valid record in one transaction — all of it, or nothing. The file was read and
// validated by core/formats (parseImport); this module only plans against the database and
// writes. Extension pages only.
import { type ClaimRecord, type ImportPlan, planImport } from '../core/formats';
import type { Claim } from '../core/model';
import type { FactmarkDb } from './schema';

/** Records per bulk read or write: small enough to report progress, large enough to be quick. */
const CHUNK = 2_000;

/**
 * Chunks sent to the database before the first of them is waited for. Waiting for each chunk
 * before sending the next left the database idle while this page serialised the next one, and
 * this page idle while the database wrote: in Chromium, 100,000 claims took about 7 s longer to
 * write that way. More than a few queued gains nothing and keeps the page from painting.
 */
const CHUNKS_QUEUED = 4;

export interface ImportProgress {
  phase: 'checking' | 'writing';
  done: number;
  total: number;
}

/** What importing these records would do, without writing anything. */
export async function previewImport(db: FactmarkDb, records: readonly ClaimRecord[]): Promise<ImportPlan> {
  return db.transaction('r', db.claims, async () => planImport(records, await storedById(db, records)));
}

/**
 * Plans again against the database as it is now and writes the plan in one read-write
 * transaction. If anything fails (the disk is full, the browser closes) the transaction is
 * aborted and nothing is written; the error is thrown for the caller to explain.
 */
export async function writeImport(
  db: FactmarkDb,
  records: readonly ClaimRecord[],
  onProgress: (progress: ImportProgress) => void = () => {},
): Promise<ImportPlan> {
  return db.transaction('rw', db.claims, async () => {
    const stored = await storedById(db, records, (done) =>
      onProgress({ phase: 'checking', done, total: records.length }),
    );
    const plan = planImport(records, stored);
    const total = plan.toWrite.length;
    onProgress({ phase: 'writing', done: 0, total });
    let done = 0;
    const queued: Promise<void>[] = [];
    for (let at = 0; at < total; at += CHUNK) {
      const chunk = plan.toWrite.slice(at, at + CHUNK);
      const written = db.claims.bulkPut(chunk).then(() => {
        done += chunk.length;
        onProgress({ phase: 'writing', done, total });
      });
      // A failure is thrown by the wait below, or aborts the transaction before it is reached.
      written.catch(() => {});
      queued.push(written);
      if (queued.length >= CHUNKS_QUEUED) await queued.shift();
    }
    for (const written of queued) await written;
    return plan;
  });
}

/** The stored claims that share an id with a record. */
async function storedById(
  db: FactmarkDb,
  records: readonly ClaimRecord[],
  onProgress: (done: number) => void = () => {},
): Promise<Map<string, Claim>> {
  const ids = records.map((record) => record.claim.id);
  // A get is one request per record. For more than a chunk of them, reading every stored id in
  // one request and then getting only the claims that exist is quicker (100,000 gets took 2.5 s
  // in Chromium, the ids of 100,000 stored claims 0.7 s), and a new backup reads nothing more.
  const wanted = ids.length > CHUNK ? await storedIds(db, ids) : ids;
  const skipped = ids.length - wanted.length;
  if (skipped > 0) onProgress(skipped);
  const stored = new Map<string, Claim>();
  for (let at = 0; at < wanted.length; at += CHUNK) {
    for (const claim of await db.claims.bulkGet(wanted.slice(at, at + CHUNK))) {
      if (claim) stored.set(claim.id, claim);
    }
    onProgress(skipped + Math.min(at + CHUNK, wanted.length));
  }
  return stored;
}

/** Those of `ids` that are stored. */
async function storedIds(db: FactmarkDb, ids: readonly string[]): Promise<string[]> {
  const all = new Set(await db.claims.toCollection().primaryKeys());
  return ids.filter((id) => all.has(id));
}

// Kept here for callers that found it with the import code; it lives with the other storage errors.
export { isQuotaError } from './storage-errors';
