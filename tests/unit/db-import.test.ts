import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { exportBackup, parseImport } from '../../src/core/formats';
import type { Claim } from '../../src/core/model';
import { type ImportProgress, isQuotaError, previewImport, writeImport } from '../../src/db/import';
import { claimId, makeClaim } from './support/claims';
import { freshDbPerTest } from './support/fresh-db';

const db = freshDbPerTest('factmark-import', { open: true });

function claim(i: number, overrides: Partial<Claim> = {}): Claim {
  return makeClaim({
    id: claimId(i),
    url: `https://www.bbc.co.uk/news/${i}`,
    title: `Article ${i}`,
    pageKey: `bbc.co.uk/news/${i}`,
    quote: { type: 'TextQuoteSelector', exact: `Claim ${i}`, prefix: 'before ', suffix: ' after' },
    position: { type: 'TextPositionSelector', start: 10, end: 17 },
    verdict: 'false',
    created: 1_700_000_000_000,
    updated: 1_700_000_000_000,
    ...overrides,
  });
}

function records(text: string) {
  const read = parseImport(text);
  if (read.kind !== 'ok') throw new Error(read.error);
  return read;
}

describe('importing into the database', () => {
  it('previews how many records are new without writing anything', async () => {
    await db().claims.add(claim(1));
    const file = exportBackup([claim(1), claim(2), claim(3)], new Date());
    const plan = await previewImport(db(), records(file).records);
    expect(plan).toMatchObject({ new: 2, alreadyThere: 1, updated: 0 });
    expect(await db().claims.count()).toBe(1);
  });

  it('writes the new and changed records, and importing the same file again changes nothing', async () => {
    await db().claims.add(claim(1));
    const file = exportBackup([claim(1, { note: 'edited elsewhere' }), claim(2)], new Date());
    const progress: string[] = [];
    const plan = await writeImport(db(), records(file).records, (p) =>
      progress.push(`${p.phase} ${p.done}/${p.total}`),
    );
    expect(plan).toMatchObject({ new: 1, updated: 1, alreadyThere: 0 });
    expect(progress).toEqual(['checking 2/2', 'writing 0/2', 'writing 2/2']);
    expect((await db().claims.get(claim(1).id))?.note).toBe('edited elsewhere');

    const again = await writeImport(db(), records(file).records);
    expect(again).toMatchObject({ new: 0, updated: 0, alreadyThere: 2 });
    expect(await db().claims.count()).toBe(2);
  });

  it('lists invalid records by number and field, and imports the valid ones', async () => {
    const file = JSON.parse(exportBackup([claim(1), claim(2)], new Date()));
    file.claims[1].sources = ['javascript:alert(1)'];
    const read = records(JSON.stringify(file));
    expect(read.invalid).toEqual([
      { record: 2, field: 'sources.0', reason: expect.stringContaining('http') },
    ]);
    await writeImport(db(), read.records);
    expect(await db().claims.count()).toBe(1);
  });

  it('compares a large import with what is stored: new, changed and unchanged records, counted alike', async () => {
    const many = Array.from({ length: 5_000 }, (_, i) => claim(i + 1));
    await db().claims.bulkAdd([claim(7), claim(4_321, { note: 'older note' }), claim(9_999)]);
    const read = records(exportBackup(many, new Date()));
    const progress: ImportProgress[] = [];
    expect(await previewImport(db(), read.records)).toMatchObject({
      new: 4_998,
      updated: 1,
      alreadyThere: 1,
    });
    const plan = await writeImport(db(), read.records, (p) => progress.push(p));
    expect(plan).toMatchObject({ new: 4_998, updated: 1, alreadyThere: 1 });
    expect(await db().claims.count()).toBe(5_001);
    expect((await db().claims.get(claim(4_321).id))?.note).toBe('');
    const writing = progress.filter((p) => p.phase === 'writing').map((p) => p.done);
    expect(writing).toEqual([0, 2_000, 4_000, 4_999]);
    expect(progress.filter((p) => p.phase === 'checking').at(-1)).toEqual({
      phase: 'checking',
      done: 5_000,
      total: 5_000,
    });
  });

  it('writes nothing at all when the write fails part-way (one transaction)', async () => {
    const many = Array.from({ length: 5_000 }, (_, i) => claim(i + 1));
    const read = records(exportBackup(many, new Date()));
    await expect(
      writeImport(db(), read.records, (p) => {
        if (p.phase === 'writing' && p.done >= 2_000)
          throw new DOMException('The disk is full', 'QuotaExceededError');
      }),
    ).rejects.toSatisfy(isQuotaError);
    expect(await db().claims.count()).toBe(0);
  });
});

describe('recognising a full disk', () => {
  it('recognises the platform error, and Dexie errors that wrap it', () => {
    expect(isQuotaError(new DOMException('x', 'QuotaExceededError'))).toBe(true);
    expect(isQuotaError({ name: 'AbortError', inner: { name: 'QuotaExceededError' } })).toBe(true);
    expect(isQuotaError({ name: 'BulkError', failures: [{ name: 'QuotaExceededError' }] })).toBe(true);
    expect(isQuotaError({ name: 'BulkError', failures: { 3: { name: 'QuotaExceededError' } } })).toBe(true);
    expect(isQuotaError(new Error('Quota exceeded'))).toBe(true);
    expect(isQuotaError(new Error('Constraint failed'))).toBe(false);
    expect(isQuotaError(null)).toBe(false);
  });
});
