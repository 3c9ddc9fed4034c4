// A new, empty Factmark database (fake-indexeddb) for every test of the calling scope, deleted
// after it, so no test sees another's writes. The importing test file loads 'fake-indexeddb/auto'.
import { afterEach, beforeEach } from 'vitest';
import { type FactmarkDb, openDb } from '../../../src/db/schema';

/**
 * Registers the beforeEach/afterEach and returns the current test's database. Databases are named
 * `${name}-0`, `${name}-1`, …; with `open`, each is opened before the test (else on first use).
 */
export function freshDbPerTest(name: string, { open = false } = {}): () => FactmarkDb {
  let db: FactmarkDb | undefined;
  let n = 0;
  beforeEach(async () => {
    db = openDb(`${name}-${n++}`);
    if (open) await db.open();
  });
  afterEach(async () => {
    await db?.delete();
  });
  return () => {
    if (!db) throw new Error('the test database is used outside a test (it exists from beforeEach on)');
    return db;
  };
}
