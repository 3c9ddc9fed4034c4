// The Dexie database: one per extension origin, opened by the background and extension pages
// only (never from a content script, where IndexedDB would belong to the page's origin).
// Every schema change is a new version() line; old versions stay so old databases upgrade.
import { Dexie, type EntityTable } from 'dexie';
import type { Claim } from '../core/model';
import type { CorrectionList, Rule } from '../core/rule';

/** One setting: a key (e.g. `detection.enabled`) and its value, checked when read (src/db/settings.ts). */
export interface SettingRow {
  key: string;
  value: unknown;
}

export type FactmarkDb = Dexie & {
  claims: EntityTable<Claim, 'id'>;
  settings: EntityTable<SettingRow, 'key'>;
  rules: EntityTable<Rule, 'id'>;
  lists: EntityTable<CorrectionList, 'id'>;
};

export const DB_NAME = 'factmark';

export function openDb(name = DB_NAME): FactmarkDb {
  const db = new Dexie(name) as FactmarkDb;
  // v1: claims by page (own URL and canonical), by update time, tag and verdict.
  db.version(1).stores({
    claims: 'id, pageKey, canonicalKey, updated, *tags, verdict',
  });
  // v2: settings, one row a key (claim-detection switches and sensitivity).
  db.version(2).stores({
    claims: 'id, pageKey, canonicalKey, updated, *tags, verdict',
    settings: 'key',
  });
  // v3: the reader's phrase rules (by list, by update time) and correction lists.
  db.version(3).stores({
    claims: 'id, pageKey, canonicalKey, updated, *tags, verdict',
    settings: 'key',
    rules: 'id, listId, updated',
    lists: 'id',
  });
  return db;
}
