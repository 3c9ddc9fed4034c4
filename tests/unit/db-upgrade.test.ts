// Schema upgrades keep every record: a database written by each released schema (the fixtures in
// tests/fixtures/db/, written here through that release's frozen declaration) opens with the
// current src/db/schema.ts with every record equal, field for field, and the current code reads it.
// Claims' anchors in the fixtures were taken from the real corpus pages in real Chromium.
import 'fake-indexeddb/auto';
import { readdirSync, readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import type { Dexie, Table } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { type Claim, VERDICTS } from '../../src/core/model';
import { claimsForPage, saveClaim } from '../../src/db/claims';
import { allRules, saveRule } from '../../src/db/rules';
import { type FactmarkDb, openDb } from '../../src/db/schema';
import { detectionSettings } from '../../src/db/settings';
import { recordFigure } from '../support/reliability';
import { OLD_SCHEMAS, openAsRelease } from './support/old-schemas';

const FIXTURES = new URL('../fixtures/db/', import.meta.url);

interface Fixture {
  version: number;
  tables: Record<string, Record<string, unknown>[]>;
}

const fixtures: Fixture[] = readdirSync(FIXTURES)
  .filter((file) => /^v\d+\.json$/.test(file))
  .map((file) => JSON.parse(readFileSync(new URL(file, FIXTURES), 'utf8')) as Fixture)
  .sort((a, b) => a.version - b.version);

const opened: Dexie[] = [];
let n = 0;
const freshName = () => `factmark-upgrade-${n++}`;

afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await db.delete();
  }
});

/** Writes the fixture the way its release did: that release's schema, then closes the database. */
async function writeAsRelease(fixture: Fixture, name: string): Promise<void> {
  const old = openAsRelease(fixture.version, name);
  await old.open();
  await old.transaction('rw', old.tables, async () => {
    for (const [table, rows] of Object.entries(fixture.tables)) await old.table(table).bulkAdd(rows);
  });
  old.close();
}

async function openCurrent(name: string): Promise<FactmarkDb> {
  const db = openDb(name);
  opened.push(db);
  await db.open();
  return db;
}

const byId = (rows: Record<string, unknown>[], key: string) =>
  [...rows].sort((a, b) => String(a[key]).localeCompare(String(b[key])));

/** Every table of the fixture, read back from `db` (sorted by primary key). */
async function readBack(db: Dexie, fixture: Fixture): Promise<Record<string, Record<string, unknown>[]>> {
  const back: Record<string, Record<string, unknown>[]> = {};
  for (const name of Object.keys(fixture.tables)) {
    const table = db.table(name) as Table<Record<string, unknown>>;
    back[name] = byId(await table.toArray(), table.schema.primKey.name);
  }
  return back;
}

function expected(fixture: Fixture, db: Dexie): Record<string, Record<string, unknown>[]> {
  return Object.fromEntries(
    Object.entries(fixture.tables).map(([name, rows]) => [
      name,
      byId(rows, db.table(name).schema.primKey.name),
    ]),
  );
}

/** A schema as data: table names, primary keys and indexes (as declared), sorted. */
function shapeOf(db: Dexie): string[] {
  return db.tables
    .map(
      (t) => `${t.name}: ${[t.schema.primKey.src, ...t.schema.indexes.map((i) => i.src).sort()].join(', ')}`,
    )
    .sort();
}

const recordCount = (fixture: Fixture) =>
  Object.values(fixture.tables).reduce((sum, rows) => sum + rows.length, 0);

describe('fixtures of every released schema', () => {
  it('exist for every version up to the current one, each with its frozen declaration', async () => {
    const current = await openCurrent(freshName());
    const versions = fixtures.map((fixture) => fixture.version);
    const wanted = Array.from({ length: current.verno }, (_, i) => i + 1);
    // A new version() line in src/db/schema.ts fails here until tests/fixtures/db/v<N>.json and
    // its frozen declaration in tests/unit/support/old-schemas.ts are added.
    expect(versions, 'a fixture database (tests/fixtures/db/v<N>.json) for every schema version').toEqual(
      wanted,
    );
    expect(Object.keys(OLD_SCHEMAS).map(Number)).toEqual(wanted);
  });

  it('freeze the current schema exactly as src/db/schema.ts declares it', async () => {
    const current = await openCurrent(freshName());
    const frozen = openAsRelease(current.verno, freshName());
    opened.push(frozen);
    await frozen.open();
    // Changing an existing version's stores in place would skip the upgrade of old databases.
    expect(shapeOf(frozen)).toEqual(shapeOf(current));
  });

  it('cover every verdict, a note without one, long notes, and text in several scripts and directions', () => {
    const claims = fixtures.flatMap((fixture) => fixture.tables.claims ?? []);
    const verdicts = new Set(claims.map((claim) => claim.verdict));
    expect([...VERDICTS, null].filter((verdict) => !verdicts.has(verdict))).toEqual([]);
    const text = JSON.stringify(claims);
    expect(claims.some((claim) => String(claim.note).length > 3_000)).toBe(true);
    for (const script of [
      /\p{Script=Arabic}/u,
      /\p{Script=Hebrew}/u,
      /\p{Script=Han}/u,
      /\p{Extended_Pictographic}/u,
    ])
      expect(text).toMatch(script);
  });
});

describe('opening a database written by an earlier release', () => {
  for (const fixture of fixtures) {
    it(`keeps every record written with schema v${fixture.version}, field for field`, async () => {
      const name = freshName();
      await writeAsRelease(fixture, name);
      const db = await openCurrent(name);

      expect(db.verno).toBe(OLD_SCHEMAS[fixtures.at(-1)?.version ?? 0]?.at(-1)?.version);
      const back = await readBack(db, fixture);
      const want = expected(fixture, db);
      recordFigure({
        guarantee: 'A database from each released schema opens in the current one with every record intact',
        figure: `schema v${fixture.version} → v${db.verno}: ${recordCount(fixture)} records (${Object.keys(fixture.tables).join(', ')}), deep-equal after the upgrade`,
        held: isDeepStrictEqual(back, want),
      });
      expect(back).toEqual(want);
      for (const [table, rows] of Object.entries(fixture.tables))
        expect(await db.table(table).count()).toBe(rows.length);
    });
  }

  it('finds upgraded claims through every index the current code queries', async () => {
    const [v1] = fixtures;
    if (!v1) throw new Error('no v1 fixture');
    const name = freshName();
    await writeAsRelease(v1, name);
    const db = await openCurrent(name);
    for (const claim of v1.tables.claims ?? []) {
      const found = await claimsForPage(db, String(claim.url), claim.canonical as string | undefined);
      expect(found.map((c) => c.id)).toContain(claim.id);
    }
    expect(await db.claims.orderBy('updated').last()).toMatchObject({ title: 'RTL Test' });
    // Only those: an index nothing reads is kept up to date on every write for nothing (v5 dropped
    // the ones by tag and verdict; the review page filters its own in-memory index).
    expect(db.claims.schema.indexes.map((index) => index.name).sort()).toEqual([
      'canonicalKey',
      'pageKey',
      'updated',
    ]);
  });

  it('reads settings saved by the v2 release as the reader left them, and defaults for the rest', async () => {
    const v2 = fixtures.find((fixture) => fixture.version === 2);
    if (!v2) throw new Error('no v2 fixture');
    const name = freshName();
    await writeAsRelease(v2, name);
    const db = await openCurrent(name);
    expect(await detectionSettings(db, 'www.nytimes.com')).toEqual({
      enabled: false,
      global: true,
      site: false,
      sensitivity: 'more',
      builtIn: true,
    });
  });

  it('lets the reader save rules and claims right after upgrading a v1 database', async () => {
    const [v1] = fixtures;
    if (!v1) throw new Error('no v1 fixture');
    const name = freshName();
    await writeAsRelease(v1, name);
    const db = await openCurrent(name);
    expect(await allRules(db)).toEqual([]);
    await saveRule(db, {
      phrase: 'Digital Rights Act',
      matchCase: false,
      verdict: 'false',
      correction: 'Digital Services Act',
      note: '',
      sources: [],
    });
    const first = v1.tables.claims?.[0] as unknown as Claim;
    const edited = await saveClaim(db, { ...first, note: 'Edited after the upgrade.' });
    expect(edited).toEqual({ ...first, note: 'Edited after the upgrade.', updated: edited.updated });
    expect(await db.rules.count()).toBe(1);
    expect(await db.claims.count()).toBe(v1.tables.claims?.length);
  });

  it('keeps every record when a reader updated through each release in turn (v1 → v2 → v3 …)', async () => {
    const [v1] = fixtures;
    if (!v1) throw new Error('no v1 fixture');
    const name = freshName();
    await writeAsRelease(v1, name);
    for (const release of Object.keys(OLD_SCHEMAS).map(Number).slice(1)) {
      const step = openAsRelease(release, name);
      await step.open();
      step.close();
    }
    const db = await openCurrent(name);
    expect(await readBack(db, v1)).toEqual(expected(v1, db));
  });
});
