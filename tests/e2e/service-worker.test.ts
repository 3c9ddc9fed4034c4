// Chrome stops an extension's service worker whenever it likes — idle after 30 s, or in the middle
// of work. In real Chromium with the built extension, the worker is stopped through the DevTools
// protocol (ServiceWorker.stopAllWorkers, the same stop Chrome performs) and:
//   - after a stop while idle, flagging a claim on a news page still saves it (the worker restarts);
//   - a review-page save whose request the stopped worker never answered says so, keeps the
//     reader's draft, and saving again works — one record, not two;
//   - a 5,000-claim write (claims/seen, one transaction) cut off by a stop is in the database
//     whole or not at all;
//   - an import cut off by closing the review page that writes it is, too.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { BrowserContext, CDPSession, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportBackup } from '../../src/core/formats';
import type { Claim } from '../../src/core/model';
import { recordFigure } from '../support/reliability';
import { hasBuiltExtension, patience, type TestPage, waitFor } from './support/browsers';
import {
  chromiumContexts as contexts,
  openPlaywrightExtensionPage,
  playwrightPage,
  readStoredClaims as readClaims,
  type StoredClaimRecord as StoredClaim,
} from './support/extension-pages';
import { flagClaim, waitForHighlight } from './support/page-actions';
import { FIXTURE_PAGES, useBrowser, useServer } from './support/suite-setup';

const QUOTE = 'a gunman opened fire at a cinema in the US state of Louisiana';
const CORRECTION = 'Flagged after the worker was stopped.';
const EDITED = 'Edited while the worker was stopped, then saved again.';
const MANY = 5_000;
const IMPORTED = 6_000;
/** What the editor says when its request got no answer (src/request.ts). */
const NO_ANSWER =
  'Could not reach Factmark: it stopped before answering, so this may not have been done. Try again.';

/**
 * In an extension page, with plain IndexedDB and one read-write transaction: writes `count`
 * copies of `template` (ids from `prefix`, never checked), replacing earlier copies; or, without
 * a template, counts the copies marked found (or all of them). Resolves once the transaction has committed.
 */
function copies(arg: {
  prefix: string;
  template?: StoredClaim;
  count?: number;
  all?: boolean;
}): Promise<number> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('factmark');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const tx = db.transaction('claims', 'readwrite');
      const store = tx.objectStore('claims');
      let result = 0;
      if (arg.template) {
        const {
          found: _found,
          checked: _checked,
          ...rest
        } = arg.template as StoredClaim & { checked?: number };
        for (let i = 0; i < (arg.count ?? 0); i++) {
          store.put({ ...rest, id: `${arg.prefix}${String(i).padStart(12, '0')}`, note: `copy ${i}` });
        }
        result = arg.count ?? 0;
      } else {
        const all = store.getAll(IDBKeyRange.bound(arg.prefix, `${arg.prefix}\uffff`));
        all.onsuccess = () => {
          const copies = all.result as StoredClaim[];
          result = arg.all ? copies.length : copies.filter((claim) => claim.found === true).length;
        };
      }
      tx.oncomplete = () => {
        db.close();
        resolve(result);
      };
      tx.onerror = () => reject(tx.error);
    };
  });
}

describe.skipIf(!hasBuiltExtension())('a stopped service worker (Chromium)', () => {
  // The harness launches Chromium with playwright-core's persistent context; extension-pages.ts
  // records it, to reach the extension's pages and open a DevTools session on them.
  const server = useServer(FIXTURE_PAGES);
  const browser = useBrowser('chromium');
  let context: BrowserContext;
  let review: Page;
  let cdp: CDPSession;
  /** The extension worker's running status, as DevTools last reported it. */
  let status = '';
  const statuses: string[] = [];

  beforeAll(async () => {
    context = contexts[0]!;
    review = await openPlaywrightExtensionPage(browser, 'review.html', context);
    await watchWorkerFrom(review);
  });

  /** Follows the worker's running status through a DevTools session on an extension page. */
  async function watchWorkerFrom(page: Page): Promise<void> {
    cdp = await context.newCDPSession(page);
    const origin = `chrome-extension://${browser.extensionId}/`;
    cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
      for (const version of versions) {
        if (!version.scriptURL.startsWith(origin)) continue;
        status = version.runningStatus;
        statuses.push(status);
      }
    });
    status = '';
    await cdp.send('ServiceWorker.enable');
    await waitFor(() => status !== '', 10_000, 50, 'DevTools does not report the extension worker');
  }

  /**
   * Stops the extension's worker and waits until Chrome says it is stopped. The stop is sent
   * again every second until then: one that lands while a message is still waking the worker
   * can leave it running, and a read that was under way is asked again once (src/request.ts),
   * which wakes the worker right after it stopped.
   */
  async function stopWorker(): Promise<void> {
    statuses.length = 0;
    let sent = 0;
    await waitFor(
      async () => {
        if (statuses.includes('stopped') && status === 'stopped') return true;
        if (Date.now() - sent > 1_000) {
          sent = Date.now();
          await cdp.send('ServiceWorker.stopAllWorkers');
        }
        return false;
      },
      15_000,
      50,
      'the worker did not stop',
    );
  }

  /** Keeps the worker's only thread busy for `ms`, so requests queue up unanswered. */
  function occupyWorker(ms: number): void {
    const worker = context.serviceWorkers()[0];
    if (!worker) throw new Error('no extension service worker');
    void worker
      .evaluate(`(() => { const end = Date.now() + ${ms}; while (Date.now() < end); })()`)
      .catch(() => {});
  }

  it('flags a claim on a news page after the worker was stopped while idle', async () => {
    const article: TestPage = await browser.newPage();
    await article.goto(server.url('/bbc-1.html'));
    // The content script has asked for the page's claims: the worker has been running.
    await waitFor(() => article.findByRole('button', 'Flag claim').then(() => true), 10_000);
    await stopWorker();
    expect(status).toBe('stopped');

    await flagClaim(article, QUOTE, { correction: CORRECTION });
    await waitForHighlight(
      article,
      'factmark-false',
      QUOTE,
      15_000,
      'the claim flagged after the stop is not highlighted',
    );
    // Chrome started the worker again for the save.
    expect(statuses).toContain('running');
    const stored = await review.evaluate(readClaims);
    recordFigure({
      guarantee: 'After Chrome stops the service worker, the next action still works',
      figure: `flag + save on bbc-1.html after a stop: worker restarted, ${stored.length} claim saved`,
      held: stored.length === 1 && stored[0]?.correction === CORRECTION,
    });
    expect(stored.map((claim) => claim.correction)).toEqual([CORRECTION]);
    await article.close();
  });

  it('tells the reader when a save got no answer, keeps the draft, and saves once on retry', async () => {
    const row = review.locator('.claim-row', { hasText: QUOTE });
    await expect.poll(() => row.count(), { timeout: patience(10_000) }).toBe(1);
    await row.getByRole('button', { name: 'Edit', exact: true }).click();
    await row.getByLabel('Correction').fill(EDITED);

    // The save is sent to a worker that cannot answer yet, and the worker is stopped under it.
    occupyWorker(2_000);
    await row.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => row.getByRole('button', { name: 'Saving…' }).count()).toBe(1);
    await stopWorker();

    const alert = row.getByRole('alert');
    await expect.poll(() => alert.textContent(), { timeout: patience(10_000) }).toBe(NO_ANSWER);
    expect(await row.getByLabel('Correction').inputValue()).toBe(EDITED);
    // Whatever the worker did before it stopped, the claim is one whole record.
    const during = await review.evaluate(readClaims);
    expect(during).toHaveLength(1);
    expect([CORRECTION, EDITED]).toContain(during[0]?.correction);

    await row.getByRole('button', { name: 'Save' }).click();
    await expect
      .poll(() => row.locator('.fm-correction').textContent(), { timeout: patience(10_000) })
      .toContain(EDITED);
    const after = await review.evaluate(readClaims);
    expect(after.map((claim) => claim.correction)).toEqual([EDITED]);
  });

  it('keeps a 5,000-claim write whole or not at all when the worker is stopped during it', async () => {
    const [template] = await review.evaluate(readClaims);
    if (!template) throw new Error('no claim to copy');
    // A quiet extension page counts and stops: the review page would re-index every copy.
    const tab = await browser.openExtensionPage('popup.html');
    await watchWorkerFrom(playwrightPage(context, tab.url()));
    await review.close();
    const prefix = '5e1f0000-0000-4000-8000-';
    const ids = Array.from({ length: MANY }, (_, i) => `${prefix}${String(i).padStart(12, '0')}`);

    const outcomes: { delay: number; answered: boolean; found: number }[] = [];
    // The stop lands at different points of the write: before it starts, during it, after it.
    for (const delay of [0, 50, 200]) {
      // Every copy "never checked" again.
      await tab.evaluate(copies, { template, count: MANY, prefix });
      await tab.evaluate(
        ({ found }) => {
          const runtime = (
            globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }
          ).chrome.runtime;
          const state = globalThis as unknown as { seen?: Promise<string> };
          state.seen = runtime
            .sendMessage({ factmark: 1, type: 'claims/seen', payload: { found, missing: [] } })
            .then(
              (reply) => JSON.stringify(reply ?? null),
              (error: Error) => `error: ${error.message}`,
            );
        },
        { found: ids },
      );
      await new Promise((resolve) => setTimeout(resolve, delay));
      await stopWorker();
      const reply = await tab.evaluate(() => (globalThis as unknown as { seen: Promise<string> }).seen);
      const found = await tab.evaluate(copies, { prefix });
      const answered = reply.includes('"ok":true');
      outcomes.push({ delay, answered, found });
      // Whole or absent; and a write the worker answered for is whole.
      expect([0, MANY]).toContain(found);
      if (answered) expect(found).toBe(MANY);
    }
    const whole = outcomes.filter((outcome) => outcome.found === MANY).length;
    const unanswered = outcomes.filter((outcome) => !outcome.answered).length;
    recordFigure({
      guarantee: 'A write cut off by a stopped service worker is whole or absent',
      figure: `${outcomes.length} stops during a ${MANY.toLocaleString('en')}-claim write: ${whole} whole, ${outcomes.length - whole} absent, 0 partial (${unanswered} never answered)`,
      held: outcomes.every((outcome) => outcome.found === 0 || outcome.found === MANY),
    });
    // The next request after all those stops is answered.
    const settled = await tab.evaluate(() =>
      (
        globalThis as unknown as {
          chrome: { runtime: { sendMessage(m: unknown): Promise<{ ok: boolean }> } };
        }
      ).chrome.runtime
        .sendMessage({ factmark: 1, type: 'settings/get', payload: {} })
        .then((reply) => reply.ok),
    );
    expect(settled).toBe(true);
    await tab.close();
  });

  it('keeps an import whole or not at all when its review page is closed while writing', async () => {
    // Imports are written by the review page itself, in one transaction: closing the page (the
    // reader closes the tab, the browser quits) is what cuts one off.
    const prefix = '7a2c0000-0000-4000-8000-';
    const claims: Claim[] = Array.from({ length: IMPORTED }, (_, i) => ({
      id: `${prefix}${String(i).padStart(12, '0')}`,
      url: `https://www.bbc.com/news/world-us-canada-${33_646_704 + i}`,
      title: `Imported article ${i}`,
      pageKey: `bbc.com/news/world-us-canada-${33_646_704 + i}`,
      quote: { type: 'TextQuoteSelector', exact: QUOTE, prefix: '', suffix: '' },
      position: { type: 'TextPositionSelector', start: 0, end: QUOTE.length },
      verdict: 'unproven',
      correction: '',
      note: `Imported note ${i}`,
      sources: [],
      tags: ['imported'],
      created: 1_750_000_000_000 + i,
      updated: 1_750_000_000_000 + i,
    }));
    const file = join(mkdtempSync(join(tmpdir(), 'factmark-sw-e2e-')), 'backup.json');
    writeFileSync(file, exportBackup(claims, new Date('2026-01-01T00:00:00Z')));

    const counter = await browser.openExtensionPage('popup.html');
    const importer = await openPlaywrightExtensionPage(browser, 'review.html', context);
    await importer.locator('.import input[type="file"]').setInputFiles(file);
    await importer
      .getByRole('button', { name: `Import ${IMPORTED.toLocaleString('en')} notes` })
      .click({ timeout: patience(30_000) });
    await importer
      .getByRole('progressbar', { name: 'Writing notes…' })
      .waitFor({ timeout: patience(30_000) });
    await importer.close();

    const imported = await counter.evaluate(copies, { prefix, all: true });
    recordFigure({
      guarantee: 'An import cut off by closing its page is whole or absent',
      figure: `review page closed while writing a ${IMPORTED.toLocaleString('en')}-note import: ${imported} stored`,
      held: imported === 0 || imported === IMPORTED,
    });
    expect([0, IMPORTED]).toContain(imported);
    await counter.close();
    rmSync(dirname(file), { recursive: true, force: true });
  });
});
