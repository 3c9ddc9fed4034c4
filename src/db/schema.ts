// The Dexie database: one per extension origin, opened by the background and extension pages
// only (never from a content script, where IndexedDB would belong to the page's origin).
// Every schema change is a new version() line; old versions stay so old databases upgrade.
import { Dexie, type EntityTable } from 'dexie';
import type { Claim } from '../core/model';

export type FactmarkDb = Dexie & { claims: EntityTable<Claim, 'id'> };

export const DB_NAME = 'factmark';

export function openDb(name = DB_NAME): FactmarkDb {
  const db = new Dexie(name) as FactmarkDb;
  // v1: claims by page (own URL and canonical), by update time, tag and verdict.
  db.version(1).stores({
    claims: 'id, pageKey, canonicalKey, updated, *tags, verdict',
  });
  return db;
}
