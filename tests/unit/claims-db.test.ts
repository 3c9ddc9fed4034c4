import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { ClaimDraft } from '../../src/core/model';
import { claimsForPage, deleteClaim, saveClaim } from '../../src/db/claims';
import { freshDbPerTest } from './support/fresh-db';

const seed = 'http://127.0.0.1:8080/seed-article.html';

function draft(overrides: Partial<ClaimDraft> = {}): ClaimDraft {
  return {
    url: seed,
    title: 'No messaging app is reliable – Kremlin',
    quote: {
      type: 'TextQuoteSelector',
      exact: 'Digital Rights Act (DSA)',
      prefix: 'under the EU’s ',
      suffix: ', which obliges',
    },
    position: { type: 'TextPositionSelector', start: 1200, end: 1224 },
    verdict: 'false',
    correction: 'The DSA is the Digital Services Act.',
    note: '',
    sources: ['https://digital-strategy.ec.europa.eu/en/policies/digital-services-act-package'],
    tags: ['EU', 'law'],
    ...overrides,
  };
}

const db = freshDbPerTest('factmark-test', { open: true });

describe('claims database', () => {
  it('saves a new claim with an id, page key and times', async () => {
    const claim = await saveClaim(db(), draft(), 1000);
    expect(claim.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(claim.pageKey).toBe('127.0.0.1:8080/seed-article.html');
    expect(claim.created).toBe(1000);
    expect(await db().claims.get(claim.id)).toEqual(claim);
  });

  it('updates the fields of an existing claim, keeping its anchor and creation time', async () => {
    const claim = await saveClaim(db(), draft(), 1000);
    const updated = await saveClaim(
      db(),
      draft({
        id: claim.id,
        verdict: 'misleading',
        note: 'Checked again',
        position: { type: 'TextPositionSelector', start: 1, end: 2 },
      }),
      2000,
    );
    expect(updated).toMatchObject({
      id: claim.id,
      verdict: 'misleading',
      note: 'Checked again',
      created: 1000,
      updated: 2000,
    });
    expect(updated.position).toEqual(claim.position);
    expect(await db().claims.count()).toBe(1);
  });

  it('deletes a claim, and says when there was nothing to delete', async () => {
    const claim = await saveClaim(db(), draft());
    expect(await deleteClaim(db(), claim.id)).toEqual(claim);
    expect(await db().claims.get(claim.id)).toBeUndefined();
    expect(await deleteClaim(db(), claim.id)).toBeUndefined();
  });

  it('finds a page’s claims behind tracking parameters and a fragment', async () => {
    const claim = await saveClaim(db(), draft());
    const found = await claimsForPage(db(), `${seed}?utm_source=newsletter#top`);
    expect(found.map((c) => c.id)).toEqual([claim.id]);
  });

  it('finds claims flagged on another URL of the same article through its canonical URL', async () => {
    const claim = await saveClaim(
      db(),
      draft({ url: 'https://m.example.com/story?id=7', canonical: 'https://example.com/story' }),
    );
    const found = await claimsForPage(db(), 'https://amp.example.com/story.amp', 'https://example.com/story');
    expect(found.map((c) => c.id)).toEqual([claim.id]);
    // …and on the canonical page itself, which declares no canonical of its own.
    expect(await claimsForPage(db(), 'https://example.com/story')).toHaveLength(1);
  });

  it('does not return other pages’ claims', async () => {
    await saveClaim(db(), draft());
    await saveClaim(db(), draft({ url: 'http://127.0.0.1:8080/other.html' }));
    expect(await claimsForPage(db(), seed)).toHaveLength(1);
  });

  it('lists a page’s claims oldest first', async () => {
    const first = await saveClaim(db(), draft(), 1);
    const second = await saveClaim(db(), draft(), 2);
    expect((await claimsForPage(db(), seed)).map((c) => c.id)).toEqual([first.id, second.id]);
  });
});
