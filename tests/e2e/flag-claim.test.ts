// The core loop, end to end, in real Chromium and real Firefox with the built extension: on the
// seed article and three real news pages served from 127.0.0.1, select text, flag it through the
// button and editor, see it highlighted, reload and see it again, edit a paragraph above it and
// see it again, read it in the popup (Chromium), delete it and see it gone everywhere.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BROWSER_NAMES, hasBuiltExtension, type TestPage, waitFor } from './support/browsers';
import { openPopupFor } from './support/extension-pages';
import {
  flagClaim,
  paintedTexts,
  pointOn,
  settledWithoutPainting,
  waitForHighlight,
  waitForText,
} from './support/page-actions';
import { FIXTURE_PAGES as PAGES, useBrowser, useServer } from './support/suite-setup';

interface Case {
  page: string;
  quote: string;
  /** Text in a paragraph above the quote, and what the edited page says instead. */
  above: [string, string];
}

const CASES: Case[] = [
  {
    page: 'seed-article.html',
    quote:
      'The 39-year-old Russian citizen also holds the passports of France, the UAE and St. Kitts and Nevis.',
    above: ['Speaking with journalists on Tuesday', 'Talking to a crowd of reporters late on Tuesday'],
  },
  {
    page: 'bbc-1.html',
    quote: 'a gunman opened fire at a cinema in the US state of Louisiana',
    above: [
      'In an interview with the BBC, Mr Obama said',
      'Speaking to the BBC this week, the president said',
    ],
  },
  {
    page: 'lemonde-1.html',
    quote: 'adopté à une large majorité (438 contre 86 et 42 abstentions)',
    above: ["massivement approuvé à l'Assemblée", "adopté sans surprise par l'Assemblée nationale"],
  },
  {
    page: 'wapo-1.html',
    quote: 'killing at least 19 people',
    above: [
      'Attack stokes instability fears in North Africa',
      'Deadly attack stokes new fears across North Africa',
    ],
  },
];

const built = hasBuiltExtension();
const server = useServer(PAGES);

/** Verdict "False" with every other field filled. */
const flag = (page: TestPage, quote: string) =>
  flagClaim(page, quote, {
    correction: 'Corrected in the e2e test.',
    note: 'A note.',
    sources: 'https://example.org/source',
    tags: 'e2e, test',
  });

describe.skipIf(!built).each(BROWSER_NAMES)('flagging a claim in %s', (name) => {
  const browser = useBrowser(name);

  for (const { page: file, quote, above } of CASES) {
    it(`flags "${quote.slice(0, 30)}…" on ${file}, finds it after a reload and an edit above, then deletes it`, async () => {
      const path = `/${file}`;
      const original = readFileSync(`${PAGES}/${file}`, 'utf8');
      server.removePage(path);
      const page = await browser.newPage();
      await page.goto(server.url(path));

      await flag(page, quote);
      await waitForHighlight(page, 'factmark-false', quote);

      await page.reload();
      await waitForHighlight(page, 'factmark-false', quote);

      // The page changes above the claim: a new paragraph, and words edited in an earlier one.
      expect(original).toContain(above[0]);
      const edited = original
        .replace(above[0], above[1])
        .replace(
          /<body([^>]*)>/i,
          '<body$1><p>Update: this article has been revised since it was first published.</p>',
        );
      server.setPage(path, edited);
      await page.reload();
      await waitForHighlight(page, 'factmark-false', quote);

      if (name === 'chromium') {
        const popup = await openPopupFor(browser, page);
        await waitForText(popup, '1 claim on this page');
        expect(await popup.evaluate(() => document.body.textContent ?? '')).toContain(quote);
        await popup.close();
      }

      // Delete from the card: click the highlight, then Delete and confirm.
      const box = await pointOn(page, quote);
      await page.mouseClick(box.x, box.y);
      await page.clickByRole('button', 'Delete');
      await page.clickByRole('button', 'Confirm delete');
      await waitFor(
        async () => !(await paintedTexts(page)).includes(quote),
        10_000,
        100,
        'highlight still there',
      );

      await page.reload();
      // Give the content script time to load and (not) paint.
      await settledWithoutPainting(page);
      // Gone: no highlight covers the quote (built-in corrections elsewhere may remain).
      expect(await paintedTexts(page)).not.toContain(quote);
      server.removePage(path);
      await page.close();
    });
  }
});
