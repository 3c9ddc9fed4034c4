// Accessibility, end to end: axe-core (the library itself, injected into the page under test by
// support/axe.ts) finds no violation — every rule axe runs by default, best practices included —
// in real Chromium and real Firefox with the built extension, in the light and the dark colour
// scheme, on:
//   - the in-page UI on the seed article served from 127.0.0.1: a built-in correction's card, the
//     "Flag claim" button by a selection, the claim editor (again with "Highlight this phrase on
//     every page" ticked), a saved claim's card, and a check-worthy mark's card;
//   - the review page: with no notes, with 50 notes (seeded through the extension's own
//     `claims/save` message, as a tab's editor saves them), and with a note's editor open;
//   - the popup over the article: "This page" (and with its claim's editor open), "Rules", "Lists".
//
// The in-page UI lives in a closed shadow root, which axe cannot enter from the page. It is
// checked where it really is — the UI the content script rendered, in the states a reader brings
// about, with the host's inline styles and the stylesheet it adopts, at its place on a real page.
// The alternative, the same Preact components rendered into an open shadow root of a test page
// (or of vitest's browser mode), was set aside: it checks a copy, and a copy misses what differs
// (the host, the adopted sheet, the states and positions the content script produces) — one of
// the violations found was on the host itself. Instead the driver hands the page's main world a
// reference to the closed root — CDP in Chromium, WebDriver BiDi in Firefox, the same reach the
// harness's clickByRole has — as the host's `shadowRoot`, for axe alone; the built extension has
// nothing made for the test (see support/axe.ts, which also lets axe's colour-contrast grid reach
// the host, a child of <html> rather than of <body>). Each in-page check also asserts that the
// card was still showing after axe ran and that axe measured the contrast of all its text.
// axe does not check text drawn as generated content: the cards show the reader's own words that
// way (`.fm-words::before`, see src/ui/claim-view.tsx), in the colours of the card's other text,
// which it does check.
//
// One browser launch per browser for every state; the colour scheme changes in place (Chromium:
// emulated per page; Firefox: a helper extension, see support/axe.ts).
import { describe, expect, it } from 'vitest';
import {
  type ColorScheme,
  describeViolations,
  exposeClosedRoot,
  runAxe,
  useColorScheme,
} from './support/axe';
import { BROWSER_NAMES, hasBuiltExtension, type TestPage, waitFor } from './support/browsers';
import { openPopupOver, seedClaim, tabShowing } from './support/extension-api';
import type { ClaimDraft } from './support/extension-pages';
import { pointOn, waitForHighlight, waitForText } from './support/page-actions';
import { FIXTURE_PAGES, useBrowser, useServer } from './support/suite-setup';

const SCHEMES: readonly ColorScheme[] = ['light', 'dark'];
const ARTICLE = '/seed-article.html';
const QUOTE =
  'The 39-year-old Russian citizen also holds the passports of France, the UAE and St. Kitts and Nevis.';
const MARKS = 'factmark-checkworthy';
/** The review page's notes once seeded: the flagged claim and these. */
const NOTES = 50;

const VERDICTS = ['false', 'misleading', 'missing-context', 'unproven', 'accurate', null] as const;

/** The `n`th seeded note: every verdict (and none), with and without each field. */
function note(url: string, n: number): ClaimDraft {
  const exact = `Seeded claim number ${n} says the harbour carried ${n * 1000} cars a day`;
  return {
    url: `${url}?story=${n % 7}`,
    title: `Story ${n % 7}`,
    quote: { type: 'TextQuoteSelector', exact, prefix: 'Officials said ', suffix: ' before it closed.' },
    position: { type: 'TextPositionSelector', start: 100, end: 100 + exact.length },
    verdict: VERDICTS[n % VERDICTS.length] as string,
    correction: n % 2 ? `It carried ${n * 900} cars a day.` : '',
    note: n % 3 ? '' : 'Checked against the city’s traffic counts.',
    sources: n % 4 ? [`https://example.org/traffic/${n}`] : [],
    tags: n % 5 ? ['traffic', `batch-${n % 3}`] : [],
  };
}

const built = hasBuiltExtension();
const server = useServer(FIXTURE_PAGES);

describe.skipIf(!built).each(BROWSER_NAMES)('accessibility in %s', (name) => {
  const browser = useBrowser(name);
  let review: TestPage;
  let article: TestPage;

  /**
   * axe in both schemes over the whole page, or (with `shows`) over the in-page UI showing the
   * dialog or button labelled so: each violation, as text.
   */
  async function audit(page: TestPage, what: string, shows?: string): Promise<string[]> {
    const found: string[] = [];
    for (const scheme of SCHEMES) {
      await useColorScheme(browser, page, scheme);
      const { violations, incomplete } = await runAxe(page, shows ? 'factmark-ui' : null);
      if (violations.length > 0) found.push(`── ${what}, ${scheme}:\n${describeViolations(violations)}`);
      // In the closed root axe measures contrast only by the grid support/axe.ts extends: any
      // text whose colours it could not tell (other than symbols) means it measured nothing.
      const unmeasured = incomplete
        .filter((rule) => rule.id === 'color-contrast')
        .map((rule) => ({ ...rule, nodes: rule.nodes.filter((n) => !/non-text characters/.test(n.summary)) }))
        .filter((rule) => rule.nodes.length > 0);
      if (shows && unmeasured.length > 0)
        found.push(`── ${what}, ${scheme}: contrast not measured\n${describeViolations(unmeasured)}`);
      // A card gone during the run would have left axe nothing to find fault with.
      if (shows) expect(await shown(page, shows), `${what}, ${scheme}: still shown after axe`).toBe(true);
    }
    return found;
  }

  it('a correction card, then the review page with no notes', async () => {
    const seed = await browser.newPage();
    await seed.goto(server.url(ARTICLE));
    await waitForHighlight(seed, 'factmark-false', 'Digital Rights Act (DSA)');
    await exposeClosedRoot(seed);
    const dsa = await pointOn(seed, null, 'factmark-false');
    await seed.mouseClick(dsa.x, dsa.y);
    await waitFor(() => seed.findByRole('dialog', 'Correction'), 5000);
    const found = await audit(seed, 'a correction card', 'Correction');

    await seed.clickByRole('button', 'Manage corrections');
    review = await browser.waitForExtensionPage('review.html', 15_000);
    await waitForText(review, 'No notes yet.');
    found.push(...(await audit(review, 'the review page with no notes')));
    await seed.close();
    expect(found.join('\n'), 'axe violations').toBe('');
  });

  it('the in-page UI: the Flag claim button, the claim editor, a claim card and a check-worthy mark card', async () => {
    article = await browser.newPage();
    await article.goto(server.url(ARTICLE));
    await waitFor(() => article.evaluate(() => document.querySelector('factmark-ui') !== null), 15_000);
    await exposeClosedRoot(article);
    const found: string[] = [];

    await article.selectText(QUOTE);
    await waitFor(() => article.findByRole('button', 'Flag claim'), 5000);
    found.push(...(await audit(article, 'the Flag claim button', 'Flag claim')));
    await article.clickByRole('button', 'Flag claim');
    await waitFor(() => article.findByRole('dialog', 'Flag claim'), 5000);
    found.push(...(await audit(article, 'the claim editor', 'Flag claim')));

    // Verdict "False", every field filled, then "Highlight this phrase on every page" ticked.
    await article.keyboardPress('ArrowDown');
    for (const value of ['Only one passport.', 'A note.', 'https://example.org/source', 'e2e, test']) {
      await article.keyboardPress('Tab');
      await article.keyboardType(value);
    }
    await article.keyboardPress('Tab');
    await article.keyboardPress(' ');
    await waitFor(() => article.findByRole('textbox', 'Phrase'), 5000);
    found.push(...(await audit(article, 'the claim editor with a rule', 'Flag claim')));
    await article.clickByRole('checkbox', 'Highlight this phrase on every page');
    await article.clickByRole('button', 'Save');
    await waitForHighlight(article, 'factmark-false', QUOTE);

    const claim = await pointOn(article, QUOTE, 'factmark-false');
    await article.mouseClick(claim.x, claim.y);
    await waitFor(() => article.findByRole('dialog', 'Claim'), 5000);
    found.push(...(await audit(article, 'a claim card', 'Claim')));
    await article.keyboardPress('Escape');

    await hoverMark(article);
    found.push(...(await audit(article, 'a check-worthy mark card', 'Worth checking')));
    expect(found.join('\n'), 'axe violations').toBe('');
  });

  it(`the review page with ${NOTES} notes, and with a note's editor open`, async () => {
    await toFront(review);
    for (let n = 1; n < NOTES; n++) await seedClaim(review, note(server.url('/traffic.html'), n));
    const count = () => review.evaluate(() => document.getElementById('count')?.textContent ?? '');
    await waitFor(
      async () => (await count()) === `${NOTES} notes`,
      15_000,
      100,
      `the review page does not list ${NOTES} notes`,
    );
    await rowsLaidOut(review);
    const found = await audit(review, `the review page with ${NOTES} notes`);

    // The first note's Edit (its title says the key, E): the editor opens in its row.
    await review.evaluate(() => {
      const edit = Array.from(
        document.querySelectorAll<HTMLButtonElement>('.claim-row .actions button'),
      ).find((button) => button.textContent === 'Edit');
      edit?.click();
    });
    await waitFor(() => review.evaluate(() => document.querySelector('.claim-row form') !== null), 5000);
    await rowsLaidOut(review);
    found.push(...(await audit(review, "the review page with a note's editor open")));
    expect(found.join('\n'), 'axe violations').toBe('');
  });

  it("the popup over the article: This page (and a claim's editor), Rules and Lists", async () => {
    const tabId = await tabShowing(review, article.url());
    const popup = await openPopupOver(browser, review, tabId);
    await waitForText(popup, '1 claim on this page');
    await waitFor(() => popup.findByRole('switch', 'Mark check-worthy sentences on all sites'), 5000);
    const found = await audit(popup, 'the popup, This page');

    await popup.clickByRole('button', 'Edit');
    await waitFor(() => popup.findByRole('combobox', 'Verdict'), 5000);
    found.push(...(await audit(popup, "the popup with a claim's editor open")));
    await popup.clickByRole('button', 'Cancel');

    for (const view of ['Rules', 'Lists']) {
      await popup.evaluate((label: string) => {
        for (const tab of document.querySelectorAll<HTMLElement>('[role=tab]'))
          if (tab.textContent === label) tab.click();
      }, view);
      await waitFor(
        () =>
          popup.evaluate(
            (label: string) =>
              document.querySelector('[role=tab][aria-selected=true]')?.textContent === label &&
              !document.querySelector('[role=tabpanel]')?.textContent?.includes('Loading…'),
            view,
          ),
        5000,
      );
      found.push(...(await audit(popup, `the popup, ${view}`)));
    }
    await popup.close();
    expect(found.join('\n'), 'axe violations').toBe('');
  });
});

/**
 * Puts the real pointer on a check-worthy mark that no claim or correction covers (a click there
 * would pin that one's card) until its card ("Worth checking") shows. The harness moves the mouse
 * only as part of a click; a click on plain text changes nothing here.
 */
async function hoverMark(page: TestPage): Promise<void> {
  await waitFor(
    async () => {
      const point = await page.evaluate((name: string) => {
        const covered: Range[] = [];
        for (const [other, highlight] of CSS.highlights)
          if (other !== name && other.startsWith('factmark-'))
            for (const range of highlight) covered.push(range as Range);
        const overlaps = (a: Range, b: Range) => {
          try {
            return (
              a.compareBoundaryPoints(Range.END_TO_START, b) < 0 &&
              a.compareBoundaryPoints(Range.START_TO_END, b) > 0
            );
          } catch {
            return false; // In another tree (a frame, a shadow root): not over this mark.
          }
        };
        for (const range of CSS.highlights.get(name) ?? []) {
          const r = range as Range;
          if (covered.some((claim) => overlaps(r, claim))) continue;
          r.startContainer.parentElement?.scrollIntoView({ block: 'center' });
          const rect = Array.from(r.getClientRects()).find((box) => box.width > 20);
          if (rect) return { x: rect.left + Math.min(rect.width / 2, 30), y: rect.top + rect.height / 2 };
        }
        return null;
      }, MARKS);
      if (!point) return null;
      await page.mouseClick(point.x, point.y);
      return waitFor(() => page.findByRole('dialog', 'Worth checking'), 1000).catch(() => null);
    },
    15_000,
    100,
    'no check-worthy mark whose card opens',
  );
}

/** Whether the in-page UI (its root exposed to the page) shows a dialog or button labelled so. */
function shown(page: TestPage, label: string): Promise<boolean> {
  return page.evaluate((wanted: string) => {
    const root = document.querySelector('factmark-ui')?.shadowRoot;
    const top = Array.from(root?.children ?? []).find((el) => el.matches('[role=dialog], button'));
    return top?.getAttribute('aria-label') === wanted;
  }, label);
}

/**
 * Waits until the review page's list has placed its rows (it measures them after they render):
 * each row below the one before it, the same in two frames running. Until then a row can lie
 * over the next, and axe cannot tell the colours behind their text.
 */
async function rowsLaidOut(review: TestPage): Promise<void> {
  let last = '';
  await waitFor(
    async () => {
      const rows = await review.evaluate(
        () =>
          new Promise<number[][]>((resolve) =>
            requestAnimationFrame(() =>
              resolve(
                Array.from(document.querySelectorAll('.claim-row'), (row) => {
                  const box = row.getBoundingClientRect();
                  return [Math.round(box.top), Math.round(box.bottom)];
                }).sort((a, b) => (a[0] ?? 0) - (b[0] ?? 0)),
              ),
            ),
          ),
      );
      const now = JSON.stringify(rows);
      const apart = rows.every((row, i) => i === 0 || (row[0] ?? 0) >= (rows[i - 1]?.[1] ?? 0));
      const steady = now === last;
      last = now;
      return apart && steady;
    },
    5000,
    50,
    'the review list did not lay out its rows apart',
  );
}

/**
 * Makes an extension page's tab the active one (through the extension's own tabs API): a tab in
 * the background gets no animation frames and slow timers, so its list would not lay out its
 * rows, nor axe finish, for seconds.
 */
async function toFront(page: TestPage): Promise<void> {
  await page.evaluate(`(async () => {
    const api = globalThis.browser ?? globalThis.chrome;
    const tab = await api.tabs.getCurrent();
    await api.tabs.update(tab.id, { active: true });
  })()`);
  await waitFor(() => page.evaluate(() => document.visibilityState === 'visible'), 5000);
}
