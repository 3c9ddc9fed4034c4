// The review page end to end in real Chromium with the built extension: a claim flagged on a news
// page through the in-page button and editor is found on review.html by typing in the search box,
// edited inline (the popup then shows the edit), opened at the claim ("Open" pulses its
// highlight), exported as a Factmark backup, and imported into a fresh profile — after a preview
// that says "1 new" — and importing it again adds nothing.
//
// The in-page UI lives in a closed shadow root, so flagging goes through the harness
// (clickByRole). The review page is ordinary light DOM: it is driven with Playwright's own
// locators, on the Playwright page behind the harness's tab (support/extension-pages.ts records
// the contexts the harness launches, to reach it, the tab "Open" creates, and the download).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  hasBuiltExtension,
  launchBrowser,
  patience,
  type TestBrowser,
  type TestPage,
} from './support/browsers';
import {
  chromiumContexts as contexts,
  openPlaywrightExtensionPage,
  openPopupFor,
} from './support/extension-pages';
import { flagClaim, PULSE_RECORDER, squash, waitForHighlight, waitForText } from './support/page-actions';
import { FIXTURE_PAGES, useBrowser, useServer } from './support/suite-setup';

const QUOTE = 'a gunman opened fire at a cinema in the US state of Louisiana';
const CORRECTION = 'Corrected in the e2e test.';
const EDITED = 'The shooting was in Lafayette, Louisiana; edited on the review page.';

/** Flags `quote` as False with a correction, and waits for its highlight. */
async function flag(page: TestPage, quote: string) {
  await flagClaim(page, quote, { correction: CORRECTION });
  await waitForHighlight(page, 'factmark-false', quote, 10_000, 'the flagged claim is not highlighted');
}

const built = hasBuiltExtension();

describe.skipIf(!built)('the review page in Chromium', () => {
  const files = mkdtempSync(join(tmpdir(), 'factmark-review-e2e-'));
  const backup = join(files, 'backup.json');
  afterAll(() => rmSync(files, { recursive: true, force: true }));
  const server = useServer(FIXTURE_PAGES);
  const browser = useBrowser('chromium');
  let article: TestPage;
  let review: Page;

  beforeAll(async () => {
    article = await browser.newPage();
    await article.goto(server.url('/bbc-1.html'));
    await flag(article, QUOTE);
    review = await openPlaywrightExtensionPage(browser, 'review.html', contexts[0]);
  });

  const row = () => review.locator('.claim-row', { hasText: QUOTE });

  it('finds a claim flagged on an article by typing words of it in the search box', async () => {
    const search = review.getByRole('searchbox', { name: 'Search notes' });
    await search.click();
    await review.keyboard.type('gunman louis');
    await expect.poll(() => review.locator('.claim-row').count(), { timeout: patience(10_000) }).toBe(1);
    await expect.poll(() => row().count()).toBe(1);
    // The words typed are marked in the row, the last one as the whole word it begins.
    expect(await row().locator('mark').allTextContents()).toEqual(['gunman', 'Louisiana']);
    expect(await review.locator('#count').textContent()).toBe('1 of 1 notes');

    await search.fill('');
    await review.keyboard.type('nothing matches this');
    await expect.poll(() => review.getByText('No notes match this search').count()).toBe(1);
    await search.fill('cinema');
    await expect.poll(() => row().count()).toBe(1);
  });

  it('saves an inline edit of the correction, and the popup shows the new correction', async () => {
    await row().getByRole('button', { name: 'Edit', exact: true }).click();
    const correction = row().getByLabel('Correction');
    await correction.fill(EDITED);
    await row().getByRole('button', { name: 'Save' }).click();
    await expect
      .poll(() => row().locator('.fm-correction').textContent(), { timeout: patience(10_000) })
      .toContain(EDITED);

    const popup = await openPopupFor(browser, article);
    await waitForText(popup, '1 claim on this page');
    const text = await popup.evaluate(() => document.body.textContent ?? '');
    expect(text).toContain(EDITED);
    expect(text).not.toContain(CORRECTION);
    await popup.close();
  });

  it('"Open" opens the article in a new tab, scrolled to the claim, and pulses its highlight', async () => {
    // The pulse lasts 1.6 s and may come before the test reaches the tab: every new page records it.
    await contexts[0]!.addInitScript(PULSE_RECORDER);
    const opened = contexts[0]!.waitForEvent('page', { timeout: patience(15_000) });
    await row().getByRole('button', { name: 'Open' }).click();
    const tab = await opened;
    await tab.waitForURL(server.url('/bbc-1.html'), { timeout: patience(15_000), waitUntil: 'commit' });
    const pulsed = await tab
      .waitForFunction(
        () => (window as unknown as { factmarkPulses?: string[] }).factmarkPulses?.[0] ?? null,
        null,
        { timeout: patience(60_000), polling: 100 },
      )
      .catch(async (error: unknown) => {
        const painted = await tab.evaluate(() => [...CSS.highlights.keys()]);
        const toast = await review.locator('.toast-region').textContent();
        throw new Error(`no pulse (highlights: ${painted.join(', ')}; review page says: ${toast}): ${error}`);
      });
    expect(squash(String(await pulsed.jsonValue()))).toBe(QUOTE);
    // Scrolled into view (the scroll is smooth: wait for it to arrive).
    await tab.waitForFunction(
      () => {
        for (const range of CSS.highlights.get('factmark-false') ?? []) {
          const rect = (range as Range).getBoundingClientRect();
          return rect.top >= 0 && rect.bottom <= innerHeight;
        }
        return false;
      },
      null,
      { timeout: patience(5_000) },
    );
    expect(await tab.evaluate(() => scrollY)).toBeGreaterThan(0);
    await tab.close();
  });

  it('exports every note as a Factmark backup file', async () => {
    await review.getByRole('radio', { name: /All notes/ }).check();
    await review.getByLabel('Format').selectOption('backup');
    const download = review.waitForEvent('download', { timeout: patience(15_000) });
    await review.getByRole('button', { name: 'Export 1 note' }).click();
    await (await download).saveAs(backup);
    const saved = JSON.parse(readFileSync(backup, 'utf8')) as {
      format: string;
      claims: { quote: { exact: string }; correction: string }[];
    };
    expect(saved.format).toBe('factmark-backup');
    expect(saved.claims).toHaveLength(1);
    expect(squash(saved.claims[0]!.quote.exact)).toBe(QUOTE);
    expect(saved.claims[0]!.correction).toBe(EDITED);
  });

  describe('in a fresh profile', () => {
    let fresh: TestBrowser;
    let page: Page;

    beforeAll(async () => {
      fresh = await launchBrowser('chromium');
      page = await openPlaywrightExtensionPage(fresh, 'review.html', contexts[1]);
      await page.getByText('No notes yet.').waitFor({ timeout: patience(10_000) });
    });
    afterAll(async () => {
      await fresh?.close();
    });

    async function choose(file: string) {
      await page.locator('.import input[type="file"]').setInputFiles(file);
      await page.getByRole('region', { name: 'Import preview' }).waitFor({ timeout: patience(15_000) });
    }
    const plan = async () => (await page.locator('.preview .plan').textContent()) ?? '';

    it('imports the backup after a preview of one new note, and lists the claim', async () => {
      await choose(backup);
      expect(squash(await plan())).toContain('1 new');
      expect(squash(await plan())).toContain('0 already there');
      await page.getByRole('button', { name: 'Import 1 note' }).click();
      await expect
        .poll(() => page.getByRole('status').filter({ hasText: 'Imported' }).count(), {
          timeout: patience(15_000),
        })
        .toBe(1);
      const listed = page.locator('.claim-row', { hasText: QUOTE });
      await expect.poll(() => listed.count(), { timeout: patience(10_000) }).toBe(1);
      expect(await listed.locator('.fm-correction').textContent()).toContain(EDITED);
      expect(await page.locator('#count').textContent()).toBe('1 note');
    });

    it('finds the same backup already there on a second import, and adds nothing', async () => {
      await choose(backup);
      expect(squash(await plan())).toContain('0 new');
      expect(squash(await plan())).toContain('1 already there');
      expect(await page.getByRole('button', { name: 'Nothing to import' }).isDisabled()).toBe(true);
      await page.getByRole('button', { name: 'Cancel' }).click();
      expect(await page.locator('.claim-row').count()).toBe(1);
      expect(await page.locator('#count').textContent()).toBe('1 note');
    });
  });
});
