// Correction lists end to end in real Chromium with the built extension: subscribe to a list
// served on 127.0.0.1 from the popup's Lists view, see its phrase highlighted on a news page with a
// card naming the list, then break the served list: a refresh shows the error and the old rules
// still apply. Importing a list file from the popup works the same way, and the review page's
// Rules & lists panel shows the list and its rule.
//
// The popup flows are Chromium only: Firefox refuses to open a moz-extension:// page over
// WebDriver BiDi (BROWSERS.md). A reader's own way in — "Manage corrections" on a correction's
// card opens the review page's Rules & lists — is driven in both browsers: a page the extension
// opened itself can be driven in Firefox too. There the reader also edits a list's rule (the edit
// outlives a refresh until they take the list's version back), and switches off or removes a list
// while the server holds its refresh's answer: the list stays off, or gone.
import { describe, expect, it } from 'vitest';
import { listFile } from '../unit/support/list-files';
import { BROWSER_NAMES, hasBuiltExtension, type TestPage, waitFor } from './support/browsers';
import { reviewFromCorrectionCard } from './support/extension-api';
import { contentScriptReady, waitForPainted } from './support/page-actions';
import { FIXTURE_PAGES, useBrowser, useServer } from './support/suite-setup';

const LIST = listFile('e2e-corrections.json');
/** On bbc-1.html: "…a momentary flicker across the president's face as if to say…". */
const PHRASE = "the president's face";
const TITLE = 'E2E desk corrections';

const built = hasBuiltExtension();
const server = useServer(FIXTURE_PAGES);

/** A second list that stays on throughout: once its phrase is painted, the page has repainted. */
const CONTROL_TITLE = 'E2E control corrections';
const CONTROL_PHRASE = 'a momentary flicker';
const CONTROL_LIST = LIST.replace(TITLE, CONTROL_TITLE).replace(PHRASE, CONTROL_PHRASE);

const bodyText = (page: TestPage) => page.evaluate(() => document.body.textContent ?? '');
const misleading = async (page: TestPage) =>
  ((await page.highlights()).find((h) => h.name === 'factmark-misleading')?.texts ?? []).map((t) =>
    t.replace(/\s+/g, ' '),
  );

/** Subscribes from the Lists view (popup or review page) and waits for its answer. */
async function subscribe(view: TestPage, address: string, title: string) {
  // Focused by script, not by a click at a point: the review page's panel may still be laying
  // out when the view is ready, and a click that lands beside the field types nowhere.
  await view.evaluate(() => document.getElementById('list-url')?.focus());
  await view.type(address);
  const typed = () => view.evaluate(() => (document.getElementById('list-url') as HTMLInputElement).value);
  await waitFor(async () => (await typed()) === address, 5000, 50, 'the address is not in the field');
  await view.keyboardPress('Enter');
  await waitFor(async () => (await bodyText(view)).includes(`Subscribed to “${title}”: 1 rule.`), 15_000);
}

/** The list's on/off switch as the Lists view shows it. */
const listIsOn = (view: TestPage, title: string) =>
  view.evaluate(
    (label) => document.querySelector<HTMLInputElement>(`input[aria-label="${label}"]`)?.checked ?? null,
    `List on: ${title}`,
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
    // The list's one good rule is stored; the two-letter phrase is refused and said so.
    await subscribe(popup, server.url('/lists/desk.json'), TITLE);
    expect(await bodyText(popup)).toContain('1 record was left out (record 2, phrase: must be at least 2');
    // The list itself shows once the view has read the lists again.
    await waitFor(async () => (await bodyText(popup)).includes(server.url('/lists/desk.json')), 10_000);

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
    // The lists are read again after every import, failed or not: the empty state follows.
    await waitFor(async () => (await bodyText(popup)).includes('No correction lists yet'), 10_000);

    await setFile('e2e-corrections.json', LIST);
    await waitFor(async () => (await bodyText(popup)).includes(`Imported “${TITLE}”: 1 rule.`), 10_000);
    await waitFor(async () => (await bodyText(popup)).includes('Imported from a file'), 10_000);

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

  /** The reader's way in: a built-in correction's card, "Manage corrections", the review page. */
  async function openRulesAndLists() {
    const { seed, review } = await reviewFromCorrectionCard(browser, server.url('/seed-article.html'));
    // The panel opens by itself at the lists, with its empty state.
    await waitFor(async () => (await bodyText(review)).includes('No correction lists yet'), 10_000);
    return { seed, review };
  }

  it('"Manage corrections" opens Rules & lists; a subscribed list applies, keeps the reader’s edit across a refresh, and outlives a broken version', async () => {
    const address = server.url(`/lists/card-${name}.json`);
    server.setPage(`/lists/card-${name}.json`, LIST, 'application/json');
    const { seed, review } = await openRulesAndLists();
    await subscribe(review, address, TITLE);

    const article = await browser.newPage();
    await article.goto(server.url('/bbc-1.html'));
    await waitFor(async () => (await misleading(article)).includes(PHRASE), 10_000, 100, 'not highlighted');

    // The reader edits the list's rule: the edit is theirs, survives a refresh, and can be undone.
    await review.clickByRole('button', 'Edit');
    // The editor puts the focus on its phrase first; the reader then moves to the correction.
    await waitFor(() => review.evaluate(() => document.activeElement?.id.endsWith('-phrase') ?? false), 5000);
    await review.evaluate(() => {
      const field = document.querySelector<HTMLTextAreaElement>('textarea[id$="-correction"]');
      field?.focus();
      field?.select();
    });
    await review.type('My own correction.');
    await review.clickByRole('button', 'Save');
    await waitFor(
      async () => (await bodyText(review)).includes('Edited by you — overrides the list’s version'),
      10_000,
    );
    await review.clickByRole('button', `Refresh ${TITLE}`);
    await waitFor(async () => (await bodyText(review)).includes(`Refreshed “${TITLE}”.`), 15_000);
    // The rules are read again after the refresh: the edit is still the reader's.
    const shows = async (...texts: string[]) => {
      const text = await bodyText(review);
      return texts.every((t) => text.includes(t));
    };
    await waitFor(
      () => shows('Edited by you', 'Correction: My own correction.', `From the list “${TITLE}”`),
      10_000,
      100,
      'the reader’s edit did not outlive the refresh',
    );
    await review.clickByRole('button', `Use the list’s version: ${PHRASE}`);
    await waitFor(
      async () =>
        !(await bodyText(review)).includes('Edited by you') &&
        (await shows('Correction: Served from a subscribed list in the e2e test.')),
      10_000,
      100,
      'the list’s version did not come back',
    );

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

  it('a list switched off or removed while it is being refreshed stays off, and does not come back', async () => {
    const path = `/lists/held-${name}.json`;
    const controlPath = `/lists/control-${name}.json`;
    server.setPage(path, LIST, 'application/json');
    server.setPage(controlPath, CONTROL_LIST, 'application/json');
    const { seed, review } = await openRulesAndLists();
    await subscribe(review, server.url(path), TITLE);
    await subscribe(review, server.url(controlPath), CONTROL_TITLE);
    const article = await browser.newPage();
    await article.goto(server.url('/bbc-1.html'));
    await waitForPainted(article, CONTROL_PHRASE);
    await waitFor(async () => (await misleading(article)).includes(PHRASE), 10_000, 100, 'not highlighted');

    // Switched off while the server holds the refresh's answer: the answer, stored, leaves it off.
    const held = server.hold(path);
    await review.clickByRole('button', `Refresh ${TITLE}`);
    await held.arrived;
    await review.clickByRole('switch', `List on: ${TITLE}`);
    await waitFor(async () => !(await misleading(article)).includes(PHRASE), 10_000, 100, 'still painted');
    held.release();
    await waitFor(async () => (await bodyText(review)).includes(`Refreshed “${TITLE}”.`), 15_000);
    expect(await listIsOn(review, TITLE)).toBe(false);
    await article.reload();
    await waitForPainted(article, CONTROL_PHRASE);
    expect(await misleading(article)).not.toContain(PHRASE);

    // Removed while the server holds the refresh's answer: the list does not come back.
    await review.clickByRole('switch', `List on: ${TITLE}`);
    await waitFor(async () => (await misleading(article)).includes(PHRASE), 10_000, 100, 'not back on');
    const again = server.hold(path);
    await review.clickByRole('button', `Refresh ${TITLE}`);
    await again.arrived;
    await review.clickByRole('button', `Remove ${TITLE}`);
    await review.clickByRole('button', `Confirm remove ${TITLE}`);
    await waitFor(async () => (await bodyText(review)).includes(`Removed “${TITLE}”`), 10_000);
    again.release();
    await waitFor(
      async () => (await bodyText(review)).includes(`“${TITLE}” was removed, so its refresh was not stored.`),
      15_000,
    );
    expect(await listIsOn(review, TITLE)).toBeNull();
    expect(await bodyText(review)).not.toContain(`${TITLE} — 1 rule`);
    await article.reload();
    await waitForPainted(article, CONTROL_PHRASE);
    expect(await misleading(article)).not.toContain(PHRASE);

    await review.clickByRole('button', `Remove ${CONTROL_TITLE}`);
    await review.clickByRole('button', `Confirm remove ${CONTROL_TITLE}`);
    await waitFor(async () => (await bodyText(review)).includes('No correction lists yet'), 10_000);
    server.removePage(path);
    server.removePage(controlPath);
    for (const page of [article, review, seed]) await page.close();
  });
});
