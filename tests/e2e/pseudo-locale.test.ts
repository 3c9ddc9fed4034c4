// Every string the extension shows comes from its messages, and none is clipped when translations
// run long. The extension is loaded as a pseudo-locale build (scripts/build-pseudo.ts: every
// message accented, 40 % longer and bracketed ⟦…⟧), then the welcome page, the in-page UI on the
// seed article, the review page and the popup are walked in the states a reader brings about: any visible or
// announced text (text, aria-label, title, placeholder, alt) that is neither bracketed nor the
// reader's own data was written into the code rather than the messages, and any text overflowing
// a box that hides its overflow is clipped; a `{name}` left in a text is a substitution the code
// did not give. Both browsers.
import { describe, expect, it } from 'vitest';
import { PSEUDO_BUILDS, writePseudoBuild } from '../../scripts/build-pseudo';
import { PSEUDO_CLOSE, PSEUDO_OPEN, pseudoText } from '../../src/core/i18n/pseudo-locale';
import { exposeClosedRoot } from './support/axe';
import { BROWSER_NAMES, hasBuiltExtension, type TestPage, waitFor } from './support/browsers';
import { openPopupOver, tabShowing } from './support/extension-api';
import { pointOn, waitForHighlight } from './support/page-actions';
import { FIXTURE_PAGES, useBrowser, useServer } from './support/suite-setup';
import { neverTranslated, readVisibleText, type VisibleText } from './support/visible-text';

const ARTICLE = '/seed-article.html';
const QUOTE =
  'The 39-year-old Russian citizen also holds the passports of France, the UAE and St. Kitts and Nevis.';
const FIELDS = ['Only one passport.', 'A note.', 'https://example.org/source', 'pseudo, test'];
/** The reader's own words (and the page's), which no translation touches. */
const READER_DATA = [QUOTE, ...FIELDS, 'example.org/source', 'pseudo', 'test', 'Digital Rights Act (DSA)'];
/** An English message as the pseudo-locale shows it (for messages without substitutions). */
const P = pseudoText;

const built = hasBuiltExtension();
const server = useServer(FIXTURE_PAGES);

/** Texts that came from neither the messages nor the reader, and clipped texts: one line each. */
function problems(what: string, seen: VisibleText, pageData: readonly string[] = []): string[] {
  const data = [...READER_DATA, ...pageData].filter((d) => d.length > 0);
  const ours = (text: string) =>
    text.includes(PSEUDO_OPEN) ||
    text.includes(PSEUDO_CLOSE) ||
    // A piece of a message split around markup: its letters are the pseudo-locale's, none plain.
    (/\p{L}/u.test(text) && !/[A-Za-z]/.test(text)) ||
    neverTranslated(text) ||
    data.some((d) => d.includes(text) || text.includes(d));
  // A surface that shows nothing would pass without being checked.
  if (seen.texts.filter(({ text }) => text.includes(PSEUDO_OPEN)).length < 2)
    return [`${what}: shows no messages`];
  return [
    ...seen.texts
      .filter(({ text }) => !ours(text))
      .map((t) => `${what}: not from the messages: "${t.text}" (${t.where})`),
    ...seen.texts
      .filter(({ text }) => /\{[A-Za-z0-9_]+\}/.test(text))
      .map((t) => `${what}: a substitution left unfilled: "${t.text}" (${t.where})`),
    ...seen.clipped.map((c) => `${what}: clipped: "${c.text.slice(0, 80)}" (${c.where})`),
  ];
}

const readUi = (page: TestPage) => page.evaluate(readVisibleText, 'ui' as const);
const readPage = (page: TestPage) => page.evaluate(readVisibleText, 'document' as const);

describe.skipIf(!built).each(BROWSER_NAMES)('the pseudo-locale in %s', (name) => {
  const browser = useBrowser(name, async () => ({
    extensionDir: await writePseudoBuild(PSEUDO_BUILDS[name].from, PSEUDO_BUILDS[name].to),
    keepWelcome: true,
  }));

  it('the welcome page, the in-page UI, the review page and the popup show only messages, none of them clipped', async () => {
    const found: string[] = [];
    // The welcome page the install opened, then the in-page UI on the seed article.
    const welcome = await browser.waitForExtensionPage('welcome.html', 15_000);
    await waitFor(() => welcome.evaluate(() => document.querySelector('h1') !== null), 5000);
    found.push(...problems('the welcome page', await readPage(welcome)));
    await welcome.close();
    const article = await browser.newPage();
    await article.goto(server.url(ARTICLE));
    await waitForHighlight(article, 'factmark-false', 'Digital Rights Act (DSA)');
    await exposeClosedRoot(article);
    const pageTitle = await article.evaluate(() => document.title);

    // The built-in correction's card.
    const dsa = await pointOn(article, null, 'factmark-false');
    await article.mouseClick(dsa.x, dsa.y);
    await waitFor(() => article.findByRole('dialog', P('Correction')), 5000);
    found.push(...problems('the correction card', await readUi(article)));

    // The Flag claim button, the editor, then the saved claim's card.
    await article.selectText(QUOTE);
    await waitFor(() => article.findByRole('button', P('Flag claim')), 5000);
    found.push(...problems('the Flag claim button', await readUi(article)));
    await article.clickByRole('button', P('Flag claim'));
    await waitFor(() => article.findByRole('dialog', P('Flag claim')), 5000);
    await article.keyboardPress('ArrowDown');
    for (const value of FIELDS) {
      await article.keyboardPress('Tab');
      await article.keyboardType(value);
    }
    found.push(...problems('the claim editor', await readUi(article)));
    await article.keyboardPress('Tab');
    await article.keyboardPress(' ');
    await waitFor(() => article.findByRole('textbox', P('Phrase')), 5000);
    found.push(...problems('the claim editor with a rule', await readUi(article)));
    await article.clickByRole('checkbox', P('Highlight this phrase on every page'));
    await article.clickByRole('button', P('Save'));
    await waitForHighlight(article, 'factmark-false', QUOTE);
    const claim = await pointOn(article, QUOTE, 'factmark-false');
    await article.mouseClick(claim.x, claim.y);
    await waitFor(() => article.findByRole('dialog', P('Claim')), 5000);
    found.push(...problems('a claim card', await readUi(article)));
    await article.keyboardPress('Escape');

    // The card's "Manage corrections" opens the review page (the way in both browsers allow).
    const dsaAgain = await pointOn(article, 'Digital Rights Act (DSA)', 'factmark-false');
    await article.mouseClick(dsaAgain.x, dsaAgain.y);
    await waitFor(() => article.findByRole('dialog', P('Correction')), 5000);
    await article.clickByRole('button', P('Manage corrections'));
    const review = await browser.waitForExtensionPage('review.html', 15_000);

    // The review page lists the note; then its editor.
    await waitFor(() => review.evaluate(() => document.querySelector('.claim-row') !== null), 15_000);
    found.push(...problems('the review page with a note', await readPage(review), [pageTitle]));
    await review.evaluate((edit: string) => {
      for (const button of document.querySelectorAll<HTMLButtonElement>('.claim-row .actions button'))
        if (button.textContent === edit) return button.click();
    }, P('Edit'));
    await waitFor(() => review.evaluate(() => document.querySelector('.claim-row form') !== null), 5000);
    found.push(...problems("the review page with a note's editor", await readPage(review), [pageTitle]));

    // The editor cancelled and the note deleted, the review page shows its empty state.
    await review.evaluate((cancel: string) => {
      for (const button of document.querySelectorAll<HTMLButtonElement>('.claim-row form button'))
        if (button.textContent === cancel) return button.click();
    }, P('Cancel'));
    await waitFor(() => review.evaluate(() => document.querySelector('.claim-row form') === null), 5000);
    await review.evaluate((remove: string) => {
      for (const button of document.querySelectorAll<HTMLButtonElement>('.claim-row .actions button'))
        if (button.textContent === remove) return button.click();
    }, P('Delete'));
    await waitFor(() => review.evaluate(() => document.querySelector('.claim-row') === null), 5000);
    found.push(...problems('the review page with no notes', await readPage(review), [pageTitle]));

    // The popup over the article: each of its views.
    const popup = await openPopupOver(browser, review, await tabShowing(review, article.url()));
    const tabs = await waitFor(
      () => popup.evaluate(() => document.querySelectorAll('[role=tab]').length || null),
      5000,
    );
    for (let view = 0; view < tabs; view++) {
      await popup.evaluate(
        (i: number) => document.querySelectorAll<HTMLElement>('[role=tab]')[i]?.click(),
        view,
      );
      await waitFor(
        () =>
          popup.evaluate(
            (i: number) =>
              document.querySelectorAll('[role=tab]')[i]?.getAttribute('aria-selected') === 'true' &&
              !document.querySelector('[role=tabpanel] [aria-busy=true]'),
            view,
          ),
        5000,
      );
      found.push(...problems(`the popup, view ${view + 1}`, await readPage(popup), [pageTitle]));
    }
    await popup.close();
    expect(found.join('\n')).toBe('');
  });
});
