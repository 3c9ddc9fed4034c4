// A reader whose browser speaks Arabic reads Factmark in Arabic, laid out right to left: the
// in-page correction card on the seed article, the review page (reached from the card, as a reader
// does) and the popup. Chromium is started with --lang=ar (Debian's chromium-l10n has the
// locale); Firefox asks for Arabic (intl.locale.requested) and takes it from Debian's language
// pack, firefox-esr-l10n-ar. .ci/run installs both.
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { catalogOf } from '../support/messages';
import { exposeClosedRoot } from './support/axe';
import {
  type BrowserName,
  hasBuiltExtension,
  type LaunchOptions,
  type TestPage,
  waitFor,
} from './support/browsers';
import { openPopupOver, tabShowing } from './support/extension-api';
import { pointOn, waitForHighlight } from './support/page-actions';
import { FIXTURE_PAGES, useBrowser, useServer } from './support/suite-setup';
import { neverTranslated, readVisibleText, type VisibleText } from './support/visible-text';

const ARTICLE = '/seed-article.html';
const ARABIC = /\p{Script=Arabic}/u;

/** How each browser is asked for Arabic, and whether this machine has its Arabic. */
const IN_ARABIC: Record<BrowserName, { options: LaunchOptions; installed: boolean }> = {
  chromium: {
    options: { chromiumArgs: ['--lang=ar'] },
    installed: existsSync('/usr/lib/chromium/locales/ar.pak'),
  },
  firefox: {
    options: { firefoxPrefs: { 'intl.locale.requested': 'ar' } },
    installed: existsSync('/usr/lib/firefox-esr/browser/extensions/langpack-ar@firefox-esr.mozilla.org.xpi'),
  },
};

/** The Arabic for an English message (each message that says it in English, as labels differ by place). */
function arabicFor(english: string): string[] {
  const arabic = catalogOf('ar');
  const found = Object.entries(catalogOf('en'))
    .filter(([, m]) => m.message === english)
    .map(([key]) => arabic[key]?.message ?? '')
    .filter(Boolean);
  if (found.length === 0) throw new Error(`no Arabic message for "${english}"`);
  return found;
}

const server = useServer(FIXTURE_PAGES);

/** What the UI says that is not in Arabic (reader and page data excepted). */
function notArabic(seen: VisibleText, data: readonly string[]): string[] {
  return seen.texts
    .map(({ text }) => text)
    .filter((text) => !ARABIC.test(text) && !neverTranslated(text))
    .filter((text) => !data.some((d) => d.includes(text) || text.includes(d)));
}

/** The direction an element lays out in (`selector` in the exposed UI root or the document). */
function directionOf(page: TestPage, scope: 'ui' | 'document', selector: string): Promise<string | null> {
  return page.evaluate(
    ([where, css]: [string, string]) => {
      const root = where === 'ui' ? document.querySelector('factmark-ui')?.shadowRoot : document;
      const el = root?.querySelector(css);
      return el ? getComputedStyle(el).direction : null;
    },
    [scope, selector] as [string, string],
  );
}

describe.each(['chromium', 'firefox'] as const)('Factmark in Arabic in %s', (name) => {
  const { options, installed } = IN_ARABIC[name];
  describe.skipIf(!hasBuiltExtension() || !installed)("with the browser's Arabic installed", () => {
    const browser = useBrowser(name, options);

    it('the correction card, the review page and the popup read in Arabic, right to left', async () => {
      const article = await browser.newPage();
      await article.goto(server.url(ARTICLE));
      await waitForHighlight(article, 'factmark-false', 'Digital Rights Act (DSA)');
      await exposeClosedRoot(article);
      const pageTitle = await article.evaluate(() => document.title);
      const data = [
        'Digital Rights Act (DSA)',
        'DSA',
        'Digital Services Act',
        pageTitle,
        'Factmark',
        // File formats, by their own names.
        'JSON-LD',
        'Markdown',
        'CSV',
      ];

      const dsa = await pointOn(article, null, 'factmark-false');
      await article.mouseClick(dsa.x, dsa.y);
      const correction = arabicFor('Correction');
      await waitFor(async () => {
        for (const label of correction) if (await article.findByRole('dialog', label)) return true;
        return null;
      }, 5000);
      const card = await article.evaluate(readVisibleText, 'ui' as const);
      expect(notArabic(card, data), 'the correction card').toEqual([]);
      expect(await directionOf(article, 'ui', '[role=dialog]')).toBe('rtl');

      const [manage] = arabicFor('Manage corrections');
      await article.clickByRole('button', manage ?? '');
      const review = await browser.waitForExtensionPage('review.html', 15_000);
      await waitFor(() => review.evaluate(() => document.querySelector('main') !== null), 5000);
      expect(
        await review.evaluate(() => [document.documentElement.lang, document.documentElement.dir]),
      ).toEqual(['ar', 'rtl']);
      expect(await directionOf(review, 'document', 'main')).toBe('rtl');
      const reviewText = await review.evaluate(readVisibleText, 'document' as const);
      expect(notArabic(reviewText, data), 'the review page').toEqual([]);

      const popup = await openPopupOver(browser, review, await tabShowing(review, article.url()));
      await waitFor(() => popup.evaluate(() => document.querySelector('[role=tab]') !== null), 5000);
      expect(await popup.evaluate(() => document.documentElement.dir)).toBe('rtl');
      expect(
        notArabic(await popup.evaluate(readVisibleText, 'document' as const), data),
        'the popup',
      ).toEqual([]);
    });
  });
});
