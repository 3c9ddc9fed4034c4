// The core loop, end to end, in real Chromium and real Firefox with the built extension: on the
// seed article and three real news pages served from 127.0.0.1, select text, flag it through the
// button and editor, see it highlighted, reload and see it again, edit a paragraph above it and
// see it again, read it in the popup (Chromium), delete it and see it gone everywhere.
import { readFileSync } from 'node:fs';
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
let server: TestServer;
beforeAll(async () => {
  server = await startServer(PAGES);
});
afterAll(async () => {
  await server?.close();
});

/** The texts painted under each Factmark highlight, e.g. { 'factmark-false': ['…'] }. */
async function painted(page: TestPage): Promise<Record<string, string[]>> {
  const all = await page.highlights();
  // Claim highlights only: check-worthy sentence marks are another feature's.
  const claims = all.filter((h) => h.name.startsWith('factmark-') && h.name !== 'factmark-checkworthy');
  return Object.fromEntries(claims.map((h) => [h.name, h.texts]));
}

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

/** Every text under a claim highlight, whitespace collapsed. */
async function paintedTexts(page: TestPage): Promise<string[]> {
  return Object.values(await painted(page))
    .flat()
    .map(squash);
}

async function waitForHighlight(page: TestPage, name: string, quote: string) {
  return waitFor(
    async () => (await painted(page))[name]?.some((text) => squash(text) === quote),
    10_000,
    100,
    `no ${name} highlight over "${quote}"`,
  );
}

async function flag(page: TestPage, quote: string) {
  await page.selectText(quote);
  await page.clickByRole('button', 'Flag claim');
  await page.findByRole('dialog', 'Flag claim');
  // Focus starts on Verdict: choose "False" with the keyboard, then fill the other fields.
  await page.keyboardPress('ArrowDown');
  await page.keyboardPress('Tab');
  await page.keyboardType('Corrected in the e2e test.');
  await page.keyboardPress('Tab');
  await page.keyboardType('A note.');
  await page.keyboardPress('Tab');
  await page.keyboardType('https://example.org/source');
  await page.keyboardPress('Tab');
  await page.keyboardType('e2e, test');
  await page.clickByRole('button', 'Save');
}

describe.skipIf(!built).each(BROWSER_NAMES)('flagging a claim in %s', (name) => {
  let browser: TestBrowser;
  beforeAll(async () => {
    browser = await launchBrowser(name);
  });
  afterAll(async () => {
    await browser?.close();
  });

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
        const popup = await browser.openExtensionPage(`popup.html?tab=${await browser.tabIdOf(page.url())}`);
        await waitFor(
          () => popup.evaluate(() => (document.body.textContent ?? '').includes('1 claim on this page')),
          10_000,
        );
        expect(await popup.evaluate(() => document.body.textContent ?? '')).toContain(quote);
        await popup.close();
      }

      // Delete from the card: click the highlight, then Delete and confirm.
      const box = await page.evaluate((q: string) => {
        for (const [n, h] of CSS.highlights) {
          if (!n.startsWith('factmark-')) continue;
          for (const r of h) {
            if ((r as Range).toString().replace(/\s+/g, ' ').trim() !== q) continue;
            (r as Range).startContainer.parentElement?.scrollIntoView({ block: 'center' });
            const rect = (r as Range).getClientRects()[0]!;
            return { x: rect.left + Math.min(rect.width / 2, 20), y: rect.top + rect.height / 2 };
          }
        }
        return null;
      }, quote);
      expect(box).not.toBeNull();
      await page.mouseClick(box!.x, box!.y);
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
      await waitFor(
        () => page.evaluate(() => document.documentElement.querySelector('factmark-ui') !== null),
        10_000,
      );
      await new Promise((r) => setTimeout(r, 500));
      // Gone: no highlight covers the quote (built-in corrections elsewhere may remain).
      expect(await paintedTexts(page)).not.toContain(quote);
      server.removePage(path);
      await page.close();
    });
  }
});
