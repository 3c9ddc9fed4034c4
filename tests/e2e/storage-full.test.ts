// A full disk in real Chromium: DevTools' Storage.overrideQuotaForOrigin shrinks the extension's
// storage quota, so Chromium's own IndexedDB refuses the review page's import with a real
// QuotaExceededError. The import panel tells the reader that storage is full and what to do,
// nothing of the import is stored, and once there is room the same import works. (Refused saves
// through the background are covered in tests/unit/db-quota.test.ts: here no override — set
// before or after the worker opened the database, with or without restarting it — reached the
// service worker's writes.)
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { exportBackup } from '../../src/core/formats';
import type { Claim } from '../../src/core/model';
import { recordFigure } from '../support/reliability';
import { hasBuiltExtension, launchBrowser, patience, type TestBrowser } from './support/browsers';
import {
  chromiumContexts as contexts,
  openPlaywrightExtensionPage,
  readStoredClaims as readClaims,
  saveThroughBackground,
} from './support/extension-pages';

/** What the reader is told (src/db/storage-errors.ts), after what was not done. */
const FULL =
  "Your browser's storage for Factmark is full. Free space or export and delete old notes, then try again.";
const IMPORTED = 3_000;
const QUOTE = 'the greatest frustration of his presidency';

function claim(i: number): Claim {
  return {
    id: `3b9d0000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    url: `https://www.bbc.com/news/world-us-canada-${33_646_704 + i}`,
    title: `Imported article ${i}`,
    pageKey: `bbc.com/news/world-us-canada-${33_646_704 + i}`,
    quote: { type: 'TextQuoteSelector', exact: `Imported claim ${i}`, prefix: '', suffix: '' },
    position: { type: 'TextPositionSelector', start: 0, end: 20 },
    verdict: 'unproven',
    correction: '',
    // Text that does not compress away (Chromium compresses large IndexedDB values).
    note: `Checked against the record: ${Array.from({ length: 60 }, (_, k) => ((i + 1) * 7_919 * (k + 13)).toString(36)).join(' ')}`,
    sources: [],
    tags: ['imported'],
    created: 1_750_000_000_000 + i,
    updated: 1_750_000_000_000 + i,
  };
}

describe.skipIf(!hasBuiltExtension())('storage full in Chromium', () => {
  let browser: TestBrowser;
  let review: Page;
  let cdp: CDPSession;
  let origin: string;
  const files = mkdtempSync(join(tmpdir(), 'factmark-quota-e2e-'));

  /** Gives the extension its normal quota back. */
  const lift = () => cdp.send('Storage.overrideQuotaForOrigin', { origin });

  /**
   * A fresh profile with one saved claim and the review page open. The quota is overridden before
   * the page first opens IndexedDB: seen here, an override set afterwards did not reach the page.
   */
  async function start(quotaFirst: number) {
    browser = await launchBrowser('chromium');
    const context = contexts.at(-1)!;
    origin = `chrome-extension://${browser.extensionId}`;
    const blank = await context.newCDPSession(context.pages()[0]!);
    await blank.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: quotaFirst });
    review = await openPlaywrightExtensionPage(browser, 'review.html', context);
    cdp = await context.newCDPSession(review);
    // One saved claim, through the background as the page's editor saves it.
    await saveThroughBackground(review, {
      url: 'https://www.bbc.com/news/world-us-canada-33646704',
      title: "Obama admits US gun laws are his 'biggest frustration' - BBC News",
      quote: { type: 'TextQuoteSelector', exact: QUOTE, prefix: '', suffix: '' },
      position: { type: 'TextPositionSelector', start: 11482, end: 11524 },
      verdict: 'misleading',
      correction: '',
      note: 'Saved before the disk filled up.',
      sources: [],
      tags: [],
    });
  }

  afterEach(async () => {
    await browser?.close();
  });
  afterAll(() => rmSync(files, { recursive: true, force: true }));

  it('refuses an import that does not fit: says storage is full, imports nothing, imports all once there is room', async () => {
    const file = join(files, 'backup.json');
    writeFileSync(
      file,
      exportBackup(
        Array.from({ length: IMPORTED }, (_, i) => claim(i)),
        new Date('2026-01-01T00:00:00Z'),
      ),
    );
    // Room for the profile and one claim, not for the import (well over 1 MB).
    await start(1_000_000);
    const before = await review.evaluate(readClaims);
    const button = review.getByRole('button', { name: `Import ${IMPORTED.toLocaleString('en')} notes` });
    await review.locator('.import input[type="file"]').setInputFiles(file);
    await button.click({ timeout: patience(30_000) });
    const alert = review.locator('.import').getByRole('alert');
    await alert.waitFor({ timeout: patience(30_000) }).catch(async (error: unknown) => {
      throw new Error(
        `no alert; the import panel says: ${await review.locator('.import').textContent()} (${error})`,
      );
    });
    expect(await alert.textContent()).toBe(`Nothing was imported. ${FULL}`);
    const after = await review.evaluate(readClaims);
    recordFigure({
      guarantee: 'A full disk in real Chromium: a clear message, nothing partly written',
      figure: `${IMPORTED.toLocaleString('en')}-note import refused by Chromium's quota: ${after.length - before.length} written`,
      held: after.length === before.length,
    });
    expect(after).toEqual(before);

    await lift();
    await review.locator('.import input[type="file"]').setInputFiles(file);
    await button.click({ timeout: patience(30_000) });
    await expect
      .poll(() => review.locator('.import').getByRole('status').textContent(), { timeout: patience(30_000) })
      .toContain(`${IMPORTED.toLocaleString('en')} new`);
    expect(await review.evaluate(readClaims)).toHaveLength(before.length + IMPORTED);
  });
});
