// The keyboard's way through a page, end to end in Chromium. A claim flagged with the keyboard
// alone: Shift+arrows select a sentence, Alt+Shift+F opens the editor, Ctrl+Enter saves, and the
// save is announced to screen readers. Then the next (and the
// previous) claim or correction highlighted opens its card, pinned and focused, in reading order
// and round the page; Escape gives focus back where it was. The shortcuts (Alt+Shift+N,
// Alt+Shift+P) make the background send `tab/step-highlight` to the tab's top frame. Headless
// browsers never hand synthetic key presses to extension shortcuts, so the test sends that
// request as the background does. Firefox: WebDriver BiDi cannot reach its background to send it.
import { describe, expect, it } from 'vitest';
import { exposeClosedRoot } from './support/axe';
import { hasBuiltExtension, type TestPage, waitFor } from './support/browsers';
import { flagClaim, waitForHighlight } from './support/page-actions';
import { FIXTURE_PAGES, useBrowser, useServer } from './support/suite-setup';

const QUOTE =
  'The 39-year-old Russian citizen also holds the passports of France, the UAE and St. Kitts and Nevis.';
const DSA = 'Digital Rights Act (DSA)';

describe.skipIf(!hasBuiltExtension())('the highlights by keyboard in chromium', () => {
  const server = useServer(FIXTURE_PAGES);
  // Caret browsing (F7 in Chromium) is how a keyboard reader moves a caret through a page's text
  // and selects with Shift+arrows; without it the arrows only scroll.
  const browser = useBrowser('chromium', { chromiumArgs: ['--enable-caret-browsing'] });

  /** The dialog the in-page UI shows, by its name, or null. */
  const shows = async (page: TestPage, name: string) => (await page.findByRole('dialog', name)) !== null;
  /** What has the page's focus: our UI's host, or the page's own element (by its text). */
  const focused = (page: TestPage) =>
    page.evaluate(() => {
      const active = document.activeElement;
      return active?.localName === 'factmark-ui' ? 'factmark-ui' : (active?.textContent ?? '').trim();
    });

  it("opens the next and the previous highlight's card, focused, round the page, and Escape gives focus back", async () => {
    const page = await browser.newPage();
    await page.goto(server.url('/seed-article.html'));
    await waitForHighlight(page, 'factmark-false', DSA);
    await flagClaim(page, QUOTE);
    await waitForHighlight(page, 'factmark-false', QUOTE);
    // The claim's paragraph comes before the corrected phrase, and they are the page's only two
    // claims and corrections (check-worthy and fact-checked marks are not stepped through).
    const stepped = (await page.highlights()).filter(
      (h) => !/^factmark-(checkworthy|factchecked|pulse)$/.test(h.name),
    );
    expect(stepped.flatMap((h) => h.texts).sort()).toEqual([DSA, QUOTE].sort());
    const step = (direction: 'next' | 'previous') =>
      browser.sendTabRequest(page.url(), 'tab/step-highlight', { direction });

    // The reader is on the article's first link.
    await page.evaluate(() => document.querySelector('a')?.focus());
    const link = await focused(page);
    expect(link).not.toBe('');

    expect(await step('next')).toEqual({ ok: true, value: { found: true } });
    await waitFor(() => shows(page, 'Claim'), 5000, 50, 'no claim card after "next"');
    expect(await focused(page)).toBe('factmark-ui');

    await step('next');
    await waitFor(() => shows(page, 'Correction'), 5000, 50, 'no correction card after "next" again');
    expect(await shows(page, 'Claim')).toBe(false);
    expect(await focused(page)).toBe('factmark-ui');

    // Round the page: after the last comes the first, and back.
    await step('next');
    await waitFor(() => shows(page, 'Claim'), 5000, 50, 'no claim card after the last highlight');
    await step('previous');
    await waitFor(() => shows(page, 'Correction'), 5000, 50, 'no correction card before the first');

    await page.keyboardPress('Escape');
    await waitFor(async () => !(await shows(page, 'Correction')), 5000, 50, 'the card stayed after Escape');
    expect(await focused(page)).toBe(link);

    // While the reader writes a claim, the shortcut leaves the editor where it is.
    await page.selectText('Durov was detained by French authorities');
    await page.clickByRole('button', 'Flag claim');
    await waitFor(() => shows(page, 'Flag claim'), 5000, 50, 'no editor');
    expect(await step('next')).toEqual({ ok: true, value: { found: false } });
    expect(await shows(page, 'Flag claim')).toBe(true);
    expect(await shows(page, 'Claim')).toBe(false);
    expect(page.pageErrors).toEqual([]);
    await page.close();
  });

  it('flags a sentence with the keyboard alone: Shift+arrows, Alt+Shift+F, the editor, Ctrl+Enter; the save is announced', async () => {
    const page = await browser.newPage();
    await page.goto(server.url('/seed-article.html'));
    await waitForHighlight(page, 'factmark-false', DSA);
    const words = 'Durov was detained';
    // The caret at the sentence's start, where the reader moved it (caret browsing's arrows).
    await page.evaluate((text: string) => {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent?.indexOf(text) ?? -1;
        if (at >= 0) return void getSelection()?.collapse(node, at);
      }
    }, words);
    for (const _ of words) await page.keyboardPress('Shift+ArrowRight');
    expect(await page.evaluate(() => getSelection()?.toString())).toBe(words);

    // Alt+Shift+F: the background sends the tab this request (see the file's head).
    await browser.sendTabRequest(page.url(), 'tab/flag-selection');
    await waitFor(() => shows(page, 'Flag claim'), 5000, 50, 'no editor after Alt+Shift+F');
    // What the UI's live region says, as it says it (an announcement is emptied after a while).
    await exposeClosedRoot(page);
    await page.evaluate(() => {
      const root = document.querySelector('factmark-ui')?.shadowRoot;
      const said: string[] = [];
      Object.assign(window, { announced: said });
      new MutationObserver(() => {
        for (const region of root?.querySelectorAll('[role=status]') ?? []) {
          const text = region.textContent?.trim();
          if (text) said.push(text);
        }
      }).observe(root as Node, { subtree: true, childList: true, characterData: true });
    });
    // The editor has the focus on its verdict: the first verdict, then the correction.
    await page.keyboardPress('ArrowDown');
    await page.keyboardPress('Tab');
    await page.keyboardType('He was detained in France in August 2024.');
    await page.keyboardPress('Control+Enter');
    await waitForHighlight(page, 'factmark-false', words);
    expect(await shows(page, 'Flag claim')).toBe(false);
    await waitFor(
      () =>
        page.evaluate(() => (window as unknown as { announced: string[] }).announced.includes('Claim saved')),
      5000,
      50,
      'the save was not announced',
    );
    expect(page.pageErrors).toEqual([]);
    await page.close();
  });
});
