// One policy for every address Factmark keeps: http and https, no user name or password. Each
// refused address goes through every way in — saving a claim, each import format, each list
// format, subscribing, the editor's sources field — and none of them lets it through; a plain
// https address goes through all of them, so the checks are not simply refusing everything.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch, makeHandlers } from '../../src/background/handlers';
import { makeListHandlers } from '../../src/background/list-handlers';
import { parseSources } from '../../src/core/claim-input';
import { BACKUP_FORMAT, parseImport } from '../../src/core/formats';
import { parseCorrectionList } from '../../src/core/lists';
import { checkListUrl } from '../../src/core/lists/subscription';
import { isWebUrl } from '../../src/core/url/web-address';
import { type FactmarkDb, openDb } from '../../src/db/schema';
import { makeClaim, makeDraft } from './support/claims';
import { NO_EFFECTS } from './support/no-effects';

const PAGE = 'https://news.example/story';

/** Addresses no claim, source or list may have, and the reason a reader is given. */
const REFUSED: [what: string, address: string, reason: RegExp][] = [
  ['a file: page', 'file:///home/reader/story.html', /must be an http or https address/],
  ['a javascript: address', 'javascript:alert(document.cookie)', /must be an http or https address/],
  ['a data: address', 'data:text/html,<p>story</p>', /must be an http or https address/],
  [
    'an extension page',
    'chrome-extension://abcdefghijklmnopabcdefghijklmnop/review.html',
    /must be an http or https address/,
  ],
  ['an about: page', 'about:blank', /must be an http or https address/],
  ['an ftp: address', 'ftp://files.example/story.txt', /must be an http or https address/],
  ['http with a user name and password', 'http://reader:secret@news.example/story', /user name or password/],
  ['https with a user name', 'https://reader@news.example/story', /user name or password/],
];

/** The same cases plus the address every entry point accepts. */
const CASES: [what: string, address: string, reason: RegExp | null][] = [
  ...REFUSED,
  ['a plain https page (accepted)', PAGE, null],
];

const QUOTE = { type: 'TextQuoteSelector', exact: 'the Digital Rights Act', prefix: '', suffix: '' };

const backupFile = (change: Record<string, unknown>) =>
  JSON.stringify({
    format: BACKUP_FORMAT,
    version: 1,
    exported: '2024-05-02T14:00:00.000Z',
    claims: [{ ...makeClaim({ url: PAGE, pageKey: 'news.example/story' }), ...change }],
  });

const annotationFile = (source: unknown, bodies: unknown[] = []) =>
  JSON.stringify({
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    type: 'Annotation',
    body: bodies,
    target: { source, selector: QUOTE },
  });

const claimReviewFile = (appearance: string, citation?: string) =>
  JSON.stringify({
    '@context': 'https://schema.org',
    '@type': 'ClaimReview',
    claimReviewed: 'the Digital Rights Act',
    reviewRating: { '@type': 'Rating', alternateName: 'False' },
    itemReviewed: { '@type': 'Claim', appearance: { '@type': 'CreativeWork', url: appearance } },
    ...(citation ? { citation: [citation] } : {}),
  });

/** A feed of two fact-checks of one claim: the first's article at `article`, the second's at SECOND. */
const SECOND = 'https://checks.example/digital-rights-act';
const claimReviewFeed = (article: string) =>
  JSON.stringify(
    [article, SECOND].map((url) => ({
      '@context': 'https://schema.org',
      '@type': 'ClaimReview',
      claimReviewed: 'the Digital Rights Act',
      reviewRating: { '@type': 'Rating', alternateName: 'False' },
      url,
    })),
  );

/** What an import made of a one-record file: the refusal's field and reason, or "imported". */
function imported(text: string): { field: string; reason: string } | 'imported' {
  const result = parseImport(text);
  if (result.kind !== 'ok') throw new Error(result.error);
  const [refused] = result.invalid;
  if (refused) return { field: refused.field, reason: refused.reason };
  expect(result.records).toHaveLength(1);
  return 'imported';
}

const expectImport = (text: string, field: string, reason: RegExp | null) =>
  expect(imported(text)).toEqual(reason ? { field, reason: expect.stringMatching(reason) } : 'imported');

describe.each(CASES)('%s', (_what, address, reason) => {
  it(reason ? 'is not a web address' : 'is a web address', () => {
    expect(isWebUrl(address)).toBe(reason === null);
  });

  describe('saving a claim', () => {
    let db: FactmarkDb;
    let n = 0;
    beforeEach(() => {
      db = openDb(`factmark-address-policy-${n++}`);
    });
    afterEach(async () => {
      await db.delete();
    });

    it.each([
      ['url', { url: address }],
      ['canonical', { url: PAGE, canonical: address }],
      ['sources.0', { url: PAGE, sources: [address] }],
    ])('as its %s', async (field, change) => {
      const handlers = makeHandlers(db, NO_EFFECTS);
      const message = { factmark: 1, type: 'claims/save', payload: makeDraft(change) };
      const reply = await dispatch(handlers, message, { context: 'extension' });
      if (reason) {
        expect(reply).toEqual({
          ok: false,
          error: expect.stringMatching(`^invalid claims/save: ${field}: `),
        });
        expect(reply).toEqual({ ok: false, error: expect.stringMatching(reason) });
        expect(await db.claims.count()).toBe(0);
      } else {
        expect(reply).toMatchObject({ ok: true });
        expect(await db.claims.count()).toBe(1);
      }
    });
  });

  describe('importing', () => {
    it('a backup with it as the page, the canonical page or a source', () => {
      expectImport(backupFile({ url: address }), 'url', reason);
      expectImport(backupFile({ canonical: address }), 'canonical', reason);
      expectImport(backupFile({ sources: [address] }), 'sources.0', reason);
    });

    it('a Web Annotation with it as the target, its canonical page or a linked source', () => {
      expectImport(annotationFile(address), 'url', reason);
      expectImport(annotationFile({ id: PAGE, canonical: address }), 'canonical', reason);
      const link = { type: 'SpecificResource', purpose: 'linking', source: address };
      expectImport(annotationFile(PAGE, [link]), 'sources.0', reason);
    });

    it('a Hypothesis export with it as the page', () => {
      const hypothesis = { uri: address, target: [{ source: address, selector: [QUOTE] }], text: 'note' };
      expectImport(JSON.stringify([hypothesis]), 'url', reason);
    });

    it('a ClaimReview with it as where the claim appeared, or as a citation', () => {
      expectImport(claimReviewFile(address), 'url', reason);
      expectImport(claimReviewFile(PAGE, address), 'sources.0', reason);
    });
  });

  describe('correction lists', () => {
    let n = 0;
    const list = (rule: Record<string, unknown>, header: Record<string, unknown> = {}) =>
      JSON.stringify({
        format: 'factmark-corrections',
        version: 1,
        title: 'Desk corrections',
        ...header,
        rules: [{ phrase: 'Digital Rights Act', ...rule }, { phrase: 'a second phrase' }],
      });

    it('refuse a Factmark list rule with it as a source, naming the rule', () => {
      const result = parseCorrectionList(list({ sources: [address] }));
      if (result.kind !== 'ok') throw new Error(result.error);
      expect(result.invalid).toEqual(
        reason ? [{ record: 1, field: 'sources.0', reason: expect.stringMatching(reason) }] : [],
      );
    });

    it('refuse a Factmark list with it as its homepage', () => {
      expect(parseCorrectionList(list({}, { homepage: address }))).toMatchObject(
        reason ? { kind: 'invalid', error: expect.stringMatching(reason) } : { kind: 'ok' },
      );
    });

    it('leave a ClaimReview feed’s fact-check with it as its article out, keeping the others', () => {
      const result = parseCorrectionList(claimReviewFeed(address));
      expect(result).toMatchObject({ kind: 'ok', list: { kind: 'fact-checks' } });
      if (result.kind !== 'ok') return;
      expect(result.list.factChecks.map((factCheck) => factCheck.url)).toEqual(
        reason ? [SECOND] : [address, SECOND],
      );
      expect(result.invalid).toEqual(
        reason ? [{ record: 1, field: 'url', reason: expect.stringMatching(reason) }] : [],
      );
    });

    it('refuse it as a list address, before anything is fetched or stored', async () => {
      expect(checkListUrl(address).ok).toBe(reason === null);
      const db = openDb(`factmark-address-policy-subscribe-${n++}`);
      const fetched: string[] = [];
      const handlers = makeListHandlers(db, {
        rulesChanged: () => {},
        fetch: async (url) => {
          fetched.push(String(url));
          return new Response(list({}), { status: 200 });
        },
      });
      const subscribing = handlers['lists/subscribe']({ url: address });
      if (reason) {
        await expect(subscribing).rejects.toThrow(/http and https addresses only|user name and password/);
        expect(fetched).toEqual([]);
        expect(await db.lists.count()).toBe(0);
      } else {
        await subscribing;
        expect(fetched).toEqual([address]);
        expect(await db.lists.count()).toBe(1);
      }
      await db.delete();
    });
  });

  it('is refused as a source typed in the editor', () => {
    expect(parseSources(address)).toEqual(
      reason ? { ok: false, error: expect.stringMatching(/^Source 1 /) } : { ok: true, value: [address] },
    );
  });
});
