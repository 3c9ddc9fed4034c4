// The Dexie database: one per extension origin, opened by the background and extension pages
// only (never from a content script, where IndexedDB would belong to the page's origin).
// Every schema change is a new version() line; old versions stay so old databases upgrade.
import { Dexie, type EntityTable } from 'dexie';
import type { FactCheck } from '../core/factchecks/fact-check';
import type { StoredIndex } from '../core/factchecks/index-storage';
import type { Claim } from '../core/model';
import type { CorrectionList, Rule } from '../core/rule';

/** One setting: a key (e.g. `detection.enabled`) and its value, checked when read (src/db/settings.ts). */
export interface SettingRow {
  key: string;
  value: unknown;
}

/** The lexical index over the enabled feeds' fact-checks, as last built (one row). */
export interface FactCheckIndexRow {
  key: 'lexical';
  /** Which feed copies it was built from: list id → the time its fact-checks were stored. */
  built: Record<string, number>;
  index: StoredIndex;
}

/** "Not the same claim": a fact-check the reader said a page does not repeat. */
export interface DismissalRow {
  /** `${pageKey} ${factCheckId}`. */
  key: string;
  pageKey: string;
  factCheckId: string;
  created: number;
}

export type FactmarkDb = Dexie & {
  claims: EntityTable<Claim, 'id'>;
  settings: EntityTable<SettingRow, 'key'>;
  rules: EntityTable<Rule, 'id'>;
  lists: EntityTable<CorrectionList, 'id'>;
  factChecks: EntityTable<FactCheck, 'id'>;
  factCheckIndex: EntityTable<FactCheckIndexRow, 'key'>;
  dismissals: EntityTable<DismissalRow, 'key'>;
};

const DB_NAME = 'factmark';

export function openDb(name = DB_NAME): FactmarkDb {
  const db = new Dexie(name) as FactmarkDb;
  // v1: claims by page (own URL and canonical), by update time, tag and verdict (see v5).
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
  // v4: feeds' fact-checks (by feed and by address), their lexical index, "Not the same claim".
  db.version(4).stores({
    claims: 'id, pageKey, canonicalKey, updated, *tags, verdict',
    settings: 'key',
    rules: 'id, listId, updated',
    lists: 'id',
    factChecks: 'id, listId, url',
    factCheckIndex: 'key',
    dismissals: 'key, pageKey',
  });
  // v5: claims no longer indexed by tag and verdict. Nothing looked them up (the review page
  // filters its own in-memory index), and keeping them up to date made every write slower:
  // importing 100,000 notes spent about a quarter of its IndexedDB time on them (issue 11).
  db.version(5).stores({
    claims: 'id, pageKey, canonicalKey, updated',
    settings: 'key',
    rules: 'id, listId, updated',
    lists: 'id',
    factChecks: 'id, listId, url',
    factCheckIndex: 'key',
    dismissals: 'key, pageKey',
  });
  return db;
}
