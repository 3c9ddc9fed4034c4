import 'fake-indexeddb/auto';
import { Dexie, type ObservabilitySet } from 'dexie';
import { describe, expect, it } from 'vitest';
import type { Claim } from '../../src/core/model';
import { claimChanges } from '../../src/db/changes';
import { deleteClaims, loadAllClaims, recentClaims, restoreClaims, tagClaims } from '../../src/db/queries';
import { claimId, makeClaim } from './support/claims';
import { freshDbPerTest } from './support/fresh-db';

const db = freshDbPerTest('factmark-queries', { open: true });

function claim(i: number, overrides: Partial<Claim> = {}): Claim {
  return makeClaim({
    id: claimId(i),
    url: `https://example.com/${i}`,
    title: `Article ${i}`,
    pageKey: `example.com/${i}`,
    quote: { type: 'TextQuoteSelector', exact: `Claim ${i}`, prefix: '', suffix: '' },
    verdict: 'false',
    created: 1_000 + i,
    updated: 1_000 + i,
    ...overrides,
  });
}

describe('review page queries', () => {
  it('reads the newest claims first for the first screen', async () => {
    await db().claims.bulkAdd([claim(1), claim(3), claim(2)]);
    expect((await recentClaims(db(), 2)).map((c) => c.updated)).toEqual([1_003, 1_002]);
  });

  it('reads every claim in chunks, none twice', async () => {
    await db().claims.bulkAdd(Array.from({ length: 23 }, (_, i) => claim(i + 1)));
    const chunks: number[] = [];
    const seen = new Set<string>();
    const total = await loadAllClaims(
      db(),
      (claims) => {
        chunks.push(claims.length);
        for (const c of claims) seen.add(c.id);
      },
      10,
    );
    expect(total).toBe(23);
    expect(chunks).toEqual([10, 10, 3]);
    expect(seen.size).toBe(23);
  });

  it('deletes many claims in one go and restores them exactly (undo)', async () => {
    const stored = [claim(1, { found: false, checked: 5 }), claim(2), claim(3)];
    await db().claims.bulkAdd(stored);
    const deleted = await deleteClaims(db(), [stored[0]!.id, stored[2]!.id, claim(99).id]);
    expect(deleted.map((c) => c.id)).toEqual([stored[0]!.id, stored[2]!.id]);
    expect(await db().claims.count()).toBe(1);
    await restoreClaims(db(), deleted);
    expect(await db().claims.get(stored[0]!.id)).toEqual(stored[0]);
    expect(await db().claims.count()).toBe(3);
  });

  it('adds a tag to many claims, skipping those that have it in any case', async () => {
    await db().claims.bulkAdd([
      claim(1, { tags: ['eu'] }),
      claim(2),
      claim(3, { tags: Array.from({ length: 50 }, (_, i) => `t${i}`) }),
    ]);
    const outcome = await tagClaims(db(), [claim(1).id, claim(2).id, claim(3).id], 'EU', 9_999);
    expect(outcome).toEqual({ tagged: 1, already: 1, full: 1 });
    expect(await db().claims.get(claim(2).id)).toMatchObject({ tags: ['EU'], updated: 9_999 });
    expect((await db().claims.get(claim(1).id))?.updated).toBe(1_001);
  });
});

describe('which claims changed, from Dexie’s change notice', () => {
  it('names the claims written, changed and deleted', async () => {
    const notices: ObservabilitySet[] = [];
    const listen = (parts: ObservabilitySet) => notices.push(parts);
    Dexie.on('storagemutated', listen);
    try {
      await db().claims.bulkAdd([claim(1), claim(2)]);
      await db().claims.delete(claim(1).id);
    } finally {
      Dexie.on('storagemutated').unsubscribe(listen);
    }
    const changed = notices.map((parts) => claimChanges(parts, db().name));
    expect(changed).toEqual([
      { kind: 'ids', ids: expect.arrayContaining([claim(1).id, claim(2).id]) },
      { kind: 'ids', ids: [claim(1).id] },
    ]);
  });

  it('asks for everything when a range was cleared, and ignores other databases', async () => {
    const notices: ObservabilitySet[] = [];
    const listen = (parts: ObservabilitySet) => notices.push(parts);
    Dexie.on('storagemutated', listen);
    try {
      await db().claims.bulkAdd([claim(1)]);
      await db().claims.clear();
    } finally {
      Dexie.on('storagemutated').unsubscribe(listen);
    }
    expect(claimChanges(notices[1]!, db().name)).toEqual({ kind: 'all' });
    expect(claimChanges(notices[1]!, 'another-db')).toEqual({ kind: 'none' });
    expect(claimChanges({ all: { d: 0 } }, db().name)).toEqual({ kind: 'all' });
  });
});
