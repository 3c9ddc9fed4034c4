// Correction lists end to end in real Chromium with the built extension: subscribe to a list
// served on 127.0.0.1 from the popup's Lists view, see its phrase highlighted on a news page with a
// card naming the list, then break the served list: a refresh shows the error and the old rules
// still apply. Importing a list file from the popup works the same way, and the review page's
// Rules & lists panel shows the list and its rule.
//
// The popup flows are Chromium only: Firefox refuses to open a moz-extension:// page over
// WebDriver BiDi (BROWSERS.md). A reader's own way in — "Manage corrections" on a correction's
// card opens the review page's Rules & lists — is driven in both browsers: a page the extension
// opened itself can be driven in Firefox too.
import { describe, expect, it } from 'vitest';
import { listFile } from '../unit/support/list-files';
import { BROWSER_NAMES, hasBuiltExtension, type TestPage, waitFor } from './support/browsers';
import { reviewFromCorrectionCard } from './support/extension-api';
import { contentScriptReady } from './support/page-actions';
import { FIXTURE_PAGES, useBrowser, useServer } from './support/suite-setup';

const LIST = listFile('e2e-corrections.json');
/** On bbc-1.html: "…a momentary flicker across the president's face as if to say…". */
const PHRASE = "the president's face";
const TITLE = 'E2E desk corrections';

const built = hasBuiltExtension();
const server = useServer(FIXTURE_PAGES);

const bodyText = (page: TestPage) => page.evaluate(() => document.body.textContent ?? '');
const misleading = async (page: TestPage) =>
  ((await page.highlights()).find((h) => h.name === 'factmark-misleading')?.texts ?? []).map((t) =>
    t.replace(/\s+/g, ' '),
  );

describe.skipIf(!built)('correction lists in chromium', () => {
  const browser = useBrowser('chromium');

  it('applies a list subscribed by URL, and keeps its rules when a later version is broken', async () => {
    server.setPage('/lists/desk.json', LIST, 'application/json');
    const article = await browser.newPage();
    await article.goto(server.url('/bbc-1.html'));
    await contentScriptReady(article);

    const popup = await browser.openExtensionPage('popup.html');
    await popup.clickByRole('tab', 'Lists');
    await waitFor(
      () => popup.evaluate(() => (document.body.textContent ?? '').includes('No correction lists yet')),
      10_000,
    );
    await popup.click('#list-url');
    await popup.type(server.url('/lists/desk.json'));
    await popup.keyboardPress('Enter');
    // The list's one good rule is stored; the two-letter phrase is refused and said so.
    await waitFor(async () => (await bodyText(popup)).includes(`Subscribed to “${TITLE}”: 1 rule.`), 15_000);
    expect(await bodyText(popup)).toContain('1 record was left out (record 2, phrase: must be at least 2');
    expect(await bodyText(popup)).toContain(server.url('/lists/desk.json'));

    // The open article repaints with the list's phrase, and its card names the list.
    await waitFor(async () => (await misleading(article)).includes(PHRASE), 10_000, 100, 'not highlighted');
    const point = await article.evaluate(() => {
      for (const range of CSS.highlights.get('factmark-misleading') ?? []) {
        (range as Range).startContainer.parentElement?.scrollIntoView({ block: 'center' });
        const box = (range as Range).getClientRects()[0];
        if (box) return { x: box.left + 5, y: box.top + box.height / 2 };
      }
      return null;
    });
    expect(point).not.toBeNull();
    await article.mouseClick(point!.x, point!.y);
    await waitFor(() => article.findByRole('dialog', 'Correction'), 5000);
    // The card is in a closed shadow root; find-in-page reads what is rendered there (Chromium).
    const cardSays = (text: string) =>
      article.evaluate((t) => (window as unknown as { find(s: string): boolean }).find(t), text);
    await waitFor(() => cardSays(`List: ${TITLE}`), 5000, 100, 'the card does not name the list');
    expect(await cardSays('List: No such list')).toBe(false);
    await article.keyboardPress('Escape');

    // A broken version: refreshing says so on the list and keeps the old rules in force.
    server.setPage(
      '/lists/desk.json',
      '{"format": "factmark-corrections", "version": 1, "rules": [',
      'application/json',
    );
    await popup.clickByRole('button', `Refresh ${TITLE}`);
    await waitFor(async () => (await bodyText(popup)).includes('is not valid'), 15_000);
    const text = await bodyText(popup);
    expect(text).toContain(`The list at ${server.url('/lists/desk.json')} is not valid`);
    expect(text).toContain('The previous copy stays in force.');
    expect(text).toContain('1 rule');
    await article.reload();
    await waitFor(async () => (await misleading(article)).includes(PHRASE), 10_000, 100, 'old rule gone');

    // Switched off, the list's highlight goes; removed, it is gone with its rules.
    await popup.clickByRole('switch', `List on: ${TITLE}`);
    await waitFor(async () => !(await misleading(article)).includes(PHRASE), 10_000, 100, 'still painted');
    await popup.clickByRole('switch', `List on: ${TITLE}`);
    await waitFor(async () => (await misleading(article)).includes(PHRASE), 10_000, 100, 'not back');
    await popup.clickByRole('button', `Remove ${TITLE}`);
    await popup.clickByRole('button', `Confirm remove ${TITLE}`);
    await waitFor(async () => (await bodyText(popup)).includes('No correction lists yet'), 10_000);
    await waitFor(
      async () => !(await misleading(article)).includes(PHRASE),
      10_000,
      100,
      'rules outlived the list',
    );

    server.removePage('/lists/desk.json');
    await popup.close();
    await article.close();
  });

  it('imports a list from a file chosen in the popup, and refuses a broken file saying why', async () => {
    const popup = await browser.openExtensionPage('popup.html');
    await popup.clickByRole('tab', 'Lists');
    await waitFor(() => popup.evaluate(() => document.querySelector('#list-file') !== null), 10_000);
    // The file chooser is the browser's; a test hands the file to the input as a user's choice would.
    const setFile = (name: string, text: string) =>
      popup.evaluate(
        ({ name, text }) => {
          const input = document.querySelector<HTMLInputElement>('#list-file')!;
          const files = new DataTransfer();
          files.items.add(new File([text], name, { type: 'application/json' }));
          input.files = files.files;
          input.dispatchEvent(new Event('change', { bubbles: true }));
        },
        { name, text },
      );
    await setFile('broken.json', '{"rules": [');
    await waitFor(async () => (await bodyText(popup)).includes('Nothing was imported.'), 10_000);
    expect(await bodyText(popup)).toContain('No correction lists yet');

    await setFile('e2e-corrections.json', LIST);
    await waitFor(async () => (await bodyText(popup)).includes(`Imported “${TITLE}”: 1 rule.`), 10_000);
    expect(await bodyText(popup)).toContain('Imported from a file');

    const article = await browser.newPage();
    await article.goto(server.url('/bbc-1.html'));
    await waitFor(async () => (await misleading(article)).includes(PHRASE), 10_000, 100, 'not highlighted');
    await article.close();
    await popup.close();

    // The review page's Rules & lists panel shows the same list and the rule it brought.
    const review = await browser.openExtensionPage('review.html');
    await review.click('.rules-panel details:nth-of-type(1) > summary');
    await waitFor(async () => (await bodyText(review)).includes(`${TITLE} — 1 rule`), 10_000);
    await review.click('.rules-panel details:nth-of-type(2) > summary');
    await waitFor(async () => (await bodyText(review)).includes(PHRASE), 10_000);
    await review.close();
  });
});

describe.skipIf(!built).each(BROWSER_NAMES)('correction lists from a correction card in %s', (name) => {
  const browser = useBrowser(name);

  it('"Manage corrections" opens Rules & lists; a subscribed list applies and outlives a broken version', async () => {
    const address = server.url(`/lists/card-${name}.json`);
    server.setPage(`/lists/card-${name}.json`, LIST, 'application/json');
    const { seed, review } = await reviewFromCorrectionCard(browser, server.url('/seed-article.html'));
    // The panel opens by itself at the lists, with its empty state.
    await waitFor(async () => (await bodyText(review)).includes('No correction lists yet'), 10_000);
    await review.click('#list-url');
    await review.type(address);
    await review.keyboardPress('Enter');
    await waitFor(async () => (await bodyText(review)).includes(`Subscribed to “${TITLE}”: 1 rule.`), 15_000);

    const article = await browser.newPage();
    await article.goto(server.url('/bbc-1.html'));
    await waitFor(async () => (await misleading(article)).includes(PHRASE), 10_000, 100, 'not highlighted');

    // A broken version: the refresh says why, and the copy already stored stays in force.
    server.setPage(
      `/lists/card-${name}.json`,
      '{"format": "factmark-corrections", "rules": [',
      'application/json',
    );
    await review.clickByRole('button', `Refresh ${TITLE}`);
    await waitFor(async () => (await bodyText(review)).includes('is not valid'), 15_000);
    expect(await bodyText(review)).toContain('The previous copy stays in force.');
    await article.reload();
    await waitFor(async () => (await misleading(article)).includes(PHRASE), 10_000, 100, 'old rule gone');

    // Removed, the list takes its rules with it.
    await review.clickByRole('button', `Remove ${TITLE}`);
    await review.clickByRole('button', `Confirm remove ${TITLE}`);
    await waitFor(
      async () => !(await misleading(article)).includes(PHRASE),
      10_000,
      100,
      'rules outlived the list',
    );
    server.removePage(`/lists/card-${name}.json`);
    for (const page of [article, review, seed]) await page.close();
  });
});
