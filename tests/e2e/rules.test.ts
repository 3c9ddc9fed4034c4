// "Apply everywhere", end to end in real Chromium and Firefox with the built extension: flag a
// phrase on one news page and tick "Highlight this phrase on every page"; another page that says
// the same words in other case, spacing and quotes is highlighted too, and its card tells which
// rule did it. In Chromium, the popup's Rules view lists the rule, switches it off (the highlight
// goes) and deletes it.
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BROWSER_NAMES,
  hasBuiltExtension,
  launchBrowser,
  type TestBrowser,
  type TestPage,
  waitFor,
} from './support/browsers';
import { startServer, type TestServer } from './support/server';

const PAGES = fileURLToPath(new URL('../fixtures/pages', import.meta.url));
const built = hasBuiltExtension();
let server: TestServer;
beforeAll(async () => {
  server = await startServer(PAGES);
});
afterAll(async () => {
  await server?.close();
});

/** On bbc-1.html: "…a momentary flicker across the president's face as if to say…". */
const PHRASE = "the president's face";
/** The same words on another page: other case, a line break and spaces, a typographic apostrophe. */
const OTHER = `<!doctype html><meta charset="utf-8"><title>Other</title>
  <article><p>Reporters saw a flicker cross THE  President’s
  face during the press conference. The presidents faced questions later.</p></article>`;
const OTHER_MATCH = 'THE President’s face';

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

/** Every text under a Factmark claim or correction highlight, white space collapsed. */
async function paintedTexts(page: TestPage): Promise<string[]> {
  const all = await page.highlights();
  return all
    .filter((h) => h.name.startsWith('factmark-') && h.name !== 'factmark-checkworthy')
    .flatMap((h) => h.texts.map(squash));
}

async function contentScriptReady(page: TestPage) {
  await waitFor(() => page.evaluate(() => document.querySelector('factmark-ui') !== null), 10_000);
}

/** Flags the phrase with a verdict, correction, note and source, and saves it as a rule too. */
async function flagAsRule(page: TestPage, phrase: string) {
  await page.selectText(phrase);
  await page.clickByRole('button', 'Flag claim');
  await page.findByRole('dialog', 'Flag claim');
  await page.keyboardPress('ArrowDown');
  await page.keyboardPress('Tab');
  await page.keyboardType('Rule made in the e2e test.');
  await page.keyboardPress('Tab');
  await page.keyboardType('A note.');
  await page.keyboardPress('Tab');
  await page.keyboardType('https://example.org/source');
  await page.keyboardPress('Tab');
  await page.keyboardType('e2e');
  // Tags, then "Highlight this phrase on every page": tick it with the keyboard.
  await page.keyboardPress('Tab');
  await page.keyboardPress(' ');
  // The phrase field appears, filled with the selected text.
  await page.findByRole('textbox', 'Phrase');
  await page.clickByRole('button', 'Save');
}

describe.skipIf(!built).each(BROWSER_NAMES)('phrase rules in %s', (name) => {
  let browser: TestBrowser;
  beforeAll(async () => {
    browser = await launchBrowser(name);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('highlights a flagged phrase on another page, whatever its case, spacing and quotes', async () => {
    server.setPage('/other.html', OTHER);
    const source = await browser.newPage();
    await source.goto(server.url('/bbc-1.html'));
    await contentScriptReady(source);
    await flagAsRule(source, PHRASE);
    await waitFor(
      async () => (await paintedTexts(source)).includes(PHRASE),
      10_000,
      100,
      'no highlight on bbc-1',
    );

    const other = await browser.newPage();
    await other.goto(server.url('/other.html'));
    await waitFor(
      async () => (await other.highlights()).find((h) => h.name === 'factmark-false')?.texts.map(squash),
      10_000,
      100,
    );
    const falseTexts = (await other.highlights()).find((h) => h.name === 'factmark-false')?.texts.map(squash);
    // Only the phrase: "presidents faced" is not the phrase (word boundaries).
    expect(falseTexts).toEqual([OTHER_MATCH]);

    // Its card: the rule's source (fetched when the card opens).
    const point = await other.evaluate(() => {
      for (const range of CSS.highlights.get('factmark-false') ?? []) {
        const box = (range as Range).getClientRects()[0]!;
        return { x: box.left + 10, y: box.top + box.height / 2 };
      }
      return null;
    });
    await other.mouseClick(point!.x, point!.y);
    await waitFor(() => other.findByRole('dialog', 'Correction'), 5000);
    expect(await waitFor(() => other.findByRole('link', 'example.org/source'), 5000)).not.toBeNull();

    if (name === 'chromium') {
      const popup = await browser.openExtensionPage(`popup.html?tab=${await browser.tabIdOf(other.url())}`);
      await popup.clickByRole('tab', 'Rules');
      await waitFor(() => popup.evaluate(() => (document.body.textContent ?? '').includes('1 rule')), 10_000);
      expect(await popup.evaluate(() => document.body.textContent ?? '')).toContain(PHRASE);

      // Switched off: the other page repaints without it.
      await popup.clickByRole('switch', `Enabled: ${PHRASE}`);
      await waitFor(
        async () => !(await paintedTexts(other)).includes(OTHER_MATCH),
        10_000,
        100,
        'highlight still there after the rule was switched off',
      );
      // On again, then deleted: gone for good, and the Rules view says there are none.
      await popup.clickByRole('switch', `Enabled: ${PHRASE}`);
      await waitFor(async () => (await paintedTexts(other)).includes(OTHER_MATCH), 10_000, 100, 'not back');
      await popup.clickByRole('button', 'Delete');
      await popup.clickByRole('button', 'Confirm delete');
      await waitFor(
        () => popup.evaluate(() => (document.body.textContent ?? '').includes('No rules yet.')),
        10_000,
      );
      await waitFor(
        async () => !(await paintedTexts(other)).includes(OTHER_MATCH),
        10_000,
        100,
        'still there',
      );
      await popup.close();
    }

    server.removePage('/other.html');
    await other.close();
    await source.close();
  });
});
