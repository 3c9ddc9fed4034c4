// Frozen copies of every released schema of the `factmark` database, exactly as each release
// declared it, so that upgrade tests write their fixtures the way that release did. Never edit an
// entry: when src/db/schema.ts gains a version, add its declaration here (and a fixture in
// tests/fixtures/db/) — tests/unit/db-upgrade.test.ts fails until both exist.
import { Dexie } from 'dexie';

/** One release's `version().stores()` declarations, oldest first, as its openDb() made them. */
export type SchemaDeclaration = ReadonlyArray<{ version: number; stores: Readonly<Record<string, string>> }>;

const V1_CLAIMS = 'id, pageKey, canonicalKey, updated, *tags, verdict';

export const OLD_SCHEMAS: Readonly<Record<number, SchemaDeclaration>> = {
  // Release with schema 1: claims only.
  1: [{ version: 1, stores: { claims: V1_CLAIMS } }],
  // Release with schema 2: settings added.
  2: [
    { version: 1, stores: { claims: V1_CLAIMS } },
    { version: 2, stores: { claims: V1_CLAIMS, settings: 'key' } },
  ],
  // Release with schema 3: the reader's rules and correction lists.
  3: [
    { version: 1, stores: { claims: V1_CLAIMS } },
    { version: 2, stores: { claims: V1_CLAIMS, settings: 'key' } },
    {
      version: 3,
      stores: { claims: V1_CLAIMS, settings: 'key', rules: 'id, listId, updated', lists: 'id' },
    },
  ],
  // Release with schema 4: fact-check feeds' fact-checks, their index and "Not the same claim".
  4: [
    { version: 1, stores: { claims: V1_CLAIMS } },
    { version: 2, stores: { claims: V1_CLAIMS, settings: 'key' } },
    {
      version: 3,
      stores: { claims: V1_CLAIMS, settings: 'key', rules: 'id, listId, updated', lists: 'id' },
    },
    {
      version: 4,
      stores: {
        claims: V1_CLAIMS,
        settings: 'key',
        rules: 'id, listId, updated',
        lists: 'id',
        factChecks: 'id, listId, url',
        factCheckIndex: 'key',
        dismissals: 'key, pageKey',
      },
    },
  ],
  // Release with schema 5: claims no longer indexed by tag and verdict.
  5: [
    { version: 1, stores: { claims: V1_CLAIMS } },
    { version: 2, stores: { claims: V1_CLAIMS, settings: 'key' } },
    {
      version: 3,
      stores: { claims: V1_CLAIMS, settings: 'key', rules: 'id, listId, updated', lists: 'id' },
    },
    {
      version: 4,
      stores: {
        claims: V1_CLAIMS,
        settings: 'key',
        rules: 'id, listId, updated',
        lists: 'id',
        factChecks: 'id, listId, url',
        factCheckIndex: 'key',
        dismissals: 'key, pageKey',
      },
    },
    {
      version: 5,
      stores: {
        claims: 'id, pageKey, canonicalKey, updated',
        settings: 'key',
        rules: 'id, listId, updated',
        lists: 'id',
        factChecks: 'id, listId, url',
        factCheckIndex: 'key',
        dismissals: 'key, pageKey',
      },
    },
  ],
};

/** A database opened the way the release with schema `version` opened it. */
export function openAsRelease(version: number, name: string): Dexie {
  const declaration = OLD_SCHEMAS[version];
  if (!declaration) throw new Error(`no frozen schema for version ${version}: add it to old-schemas.ts`);
  const db = new Dexie(name);
  for (const step of declaration) db.version(step.version).stores({ ...step.stores });
  return db;
}
