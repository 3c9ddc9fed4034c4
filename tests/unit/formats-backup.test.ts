// The Factmark backup: export → fresh database → import gives back exactly the same claims, for
// any claims a reader could have made (property-based, fast-check).
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exportBackup, parseImport, planImport, uuidV5 } from '../../src/core/formats';
import { type Claim, VERDICTS } from '../../src/core/model';
import { pageKey } from '../../src/core/url/page-key';
import { claimFromFields } from './support/claims';

const text = (maxLength: number, minLength = 0) => fc.string({ unit: 'binary', minLength, maxLength });
const webUrl = fc.webUrl({ withQueryParameters: true, withFragments: true });

/** Any claim the database could hold: every field within its limits, any characters. */
const claimArb: fc.Arbitrary<Claim> = fc
  .record({
    id: fc.uuid(),
    url: webUrl,
    canonical: fc.option(webUrl, { nil: undefined }),
    title: text(100),
    exact: text(300, 1).filter((s) => s.length <= 5_000),
    prefix: text(32),
    suffix: text(32),
    start: fc.nat({ max: 1_000_000 }),
    length: fc.integer({ min: 1, max: 10_000 }),
    verdict: fc.constantFrom(...VERDICTS, null),
    correction: text(200),
    note: text(200),
    sources: fc.array(webUrl, { maxLength: 4 }),
    tags: fc.uniqueArray(
      text(20, 1)
        .map((tag) => tag.trim())
        .filter((tag) => tag.length > 0),
      { maxLength: 5 },
    ),
    created: fc.integer({ min: 0, max: 4_102_444_800_000 }),
    age: fc.nat({ max: 1e10 }),
  })
  .map((fields) => claimFromFields(fields, (url) => pageKey(url)!));

const claimsArb = fc.uniqueArray(claimArb, { selector: (claim) => claim.id, maxLength: 12 });
const NOW = new Date('2024-03-05T10:00:00Z');

describe('Factmark backup', () => {
  it('round-trips any claims: export, import into an empty database, identical data', () => {
    fc.assert(
      fc.property(claimsArb, (claims) => {
        const result = parseImport(exportBackup(claims, NOW));
        if (result.kind !== 'ok') throw new Error(result.error);
        expect(result.format).toBe('factmark-backup');
        expect(result.invalid).toEqual([]);
        const plan = planImport(result.records, new Set());
        expect(plan.new).toBe(claims.length);
        expect(JSON.stringify(plan.toWrite)).toBe(JSON.stringify(claims));
      }),
      { numRuns: 150 },
    );
  });

  it('changes nothing when the same backup is imported again', () => {
    fc.assert(
      fc.property(claimsArb, (claims) => {
        const result = parseImport(exportBackup(claims, NOW));
        if (result.kind !== 'ok') throw new Error(result.error);
        const plan = planImport(result.records, new Map(claims.map((claim) => [claim.id, claim])));
        expect(plan).toEqual({ toWrite: [], new: 0, updated: 0, alreadyThere: claims.length });
      }),
      { numRuns: 50 },
    );
  });

  it('writes the versioned envelope', () => {
    const backup = JSON.parse(exportBackup([], NOW));
    expect(backup).toEqual({
      format: 'factmark-backup',
      version: 1,
      exported: '2024-03-05T10:00:00.000Z',
      claims: [],
    });
  });

  it('counts a claim edited since the backup as an update, and writes the backup’s version', () => {
    const [claim] = fc.sample(claimArb, { numRuns: 1, seed: 7 });
    const stored = { ...claim!, note: 'edited since', updated: claim!.updated + 1 };
    const result = parseImport(exportBackup([claim!], NOW));
    if (result.kind !== 'ok') throw new Error(result.error);
    const plan = planImport(result.records, (id) => (id === stored.id ? stored : undefined));
    expect(plan).toMatchObject({ new: 0, updated: 1, alreadyThere: 0, toWrite: [claim] });
  });

  it('refuses a backup from a newer Factmark, saying so', () => {
    const result = parseImport(JSON.stringify({ format: 'factmark-backup', version: 2, claims: [] }));
    expect(result).toEqual({ kind: 'invalid', error: expect.stringMatching(/newer Factmark.*version 2/) });
  });
});

describe('name-based ids for foreign records', () => {
  it('computes RFC 4122 version 5 UUIDs (the RFC’s DNS example)', () => {
    expect(uuidV5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe(
      '2ed6657d-e927-568b-95e1-2665a8aea6a2',
    );
  });

  it('matches a reference SHA-1 for any text, including names longer than one SHA-1 block', () => {
    const ns = '3f0c8a52-6d1e-4b7a-9c2f-5e8d7a1b4c60';
    const reference = (name: string) => {
      const hash = createHash('sha1')
        .update(Buffer.concat([Buffer.from(ns.replace(/-/g, ''), 'hex'), Buffer.from(name, 'utf8')]))
        .digest();
      hash[6] = (hash[6]! & 0x0f) | 0x50;
      hash[8] = (hash[8]! & 0x3f) | 0x80;
      const hex = hash.subarray(0, 16).toString('hex');
      return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
    };
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (name) => {
        expect(uuidV5(name, ns)).toBe(reference(name));
        expect(uuidV5(name)).toBe(uuidV5(name));
      }),
      { numRuns: 300 },
    );
  });
});
