// Writes an import: previews it against what is stored (new / already there / updated), then
// writes every valid record in one transaction — all of it, or nothing. The file was read and
// validated by core/formats (parseImport); this module only plans against the database and
// writes. Extension pages only.
import { type ClaimRecord, type ImportPlan, planImport } from '../core/formats';
import type { Claim } from '../core/model';
import type { FactmarkDb } from './schema';

/** Records per bulk read or write: small enough to report progress, large enough to be quick. */
const CHUNK = 2_000;

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
    for (let at = 0; at < total; at += CHUNK) {
      await db.claims.bulkPut(plan.toWrite.slice(at, at + CHUNK));
      onProgress({ phase: 'writing', done: Math.min(at + CHUNK, total), total });
    }
    return plan;
  });
}

/** The stored claims that share an id with a record. */
async function storedById(
  db: FactmarkDb,
  records: readonly ClaimRecord[],
  onProgress: (done: number) => void = () => {},
): Promise<Map<string, Claim>> {
  const stored = new Map<string, Claim>();
  for (let at = 0; at < records.length; at += CHUNK) {
    const ids = records.slice(at, at + CHUNK).map((record) => record.claim.id);
    for (const claim of await db.claims.bulkGet(ids)) if (claim) stored.set(claim.id, claim);
    onProgress(Math.min(at + CHUNK, records.length));
  }
  return stored;
}

// Kept here for callers that found it with the import code; it lives with the other storage errors.
export { isQuotaError } from './storage-errors';
