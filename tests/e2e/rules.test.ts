// "Apply everywhere", end to end in real Chromium and Firefox with the built extension: flag a
// phrase on one news page and tick "Highlight this phrase on every page"; another page that says
// the same words in other case, spacing and quotes is highlighted too, and its card tells which
// rule did it. In Chromium, the popup's Rules view lists the rule, switches it off (the highlight
// goes) and deletes it.
import { describe, expect, it } from 'vitest';
import { BROWSER_NAMES, hasBuiltExtension, type TestPage, waitFor } from './support/browsers';
import { openPopupFor } from './support/extension-pages';
import {
  contentScriptReady,
  flagClaim,
  paintedTexts,
  pointOn,
  squash,
  waitForText,
} from './support/page-actions';
import { FIXTURE_PAGES, useBrowser, useServer } from './support/suite-setup';

const built = hasBuiltExtension();
const server = useServer(FIXTURE_PAGES);

/** On bbc-1.html: "…a momentary flicker across the president's face as if to say…". */
const PHRASE = "the president's face";
/** The same words on another page: other case, a line break and spaces, a typographic apostrophe. */
const OTHER = `<!doctype html><meta charset="utf-8"><title>Other</title>
  <article><p>Reporters saw a flicker cross THE  President’s
  face during the press conference. The presidents faced questions later.</p></article>`;
const OTHER_MATCH = 'THE President’s face';

/** Flags the phrase with a verdict, correction, note and source, and saves it as a rule too. */
const flagAsRule = (page: TestPage, phrase: string) =>
  flagClaim(page, phrase, {
    correction: 'Rule made in the e2e test.',
    note: 'A note.',
    sources: 'https://example.org/source',
    tags: 'e2e',
    rule: true,
  });

describe.skipIf(!built).each(BROWSER_NAMES)('phrase rules in %s', (name) => {
  const browser = useBrowser(name);

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
    const point = await pointOn(other, null, 'factmark-false');
    await other.mouseClick(point.x, point.y);
    await waitFor(() => other.findByRole('dialog', 'Correction'), 5000);
    expect(await waitFor(() => other.findByRole('link', 'example.org/source'), 5000)).not.toBeNull();

    if (name === 'chromium') {
      const popup = await openPopupFor(browser, other);
      await popup.clickByRole('tab', 'Rules');
      await waitForText(popup, '1 rule');
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
      await waitForText(popup, 'No rules yet.');
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
