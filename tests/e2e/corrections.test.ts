// Built-in corrections, end to end in real Chromium and Firefox: the seed article's "Digital
// Rights Act (DSA)" is highlighted out of the box, its card says the DSA is the Digital Services
// Act with the source; text added after load is checked too; the setting turns it off.
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

async function falseTexts(page: TestPage): Promise<string[]> {
  const all = await page.highlights();
  return (all.find((h) => h.name === 'factmark-false')?.texts ?? []).map((t) =>
    t.replace(/\s+/g, ' ').trim(),
  );
}

describe.skipIf(!built).each(BROWSER_NAMES)('built-in corrections in %s', (name) => {
  let browser: TestBrowser;
  beforeAll(async () => {
    browser = await launchBrowser(name);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('highlights "Digital Rights Act (DSA)" on the seed article out of the box and explains it', async () => {
    const page = await browser.newPage();
    await page.goto(server.url('/seed-article.html'));
    await waitFor(async () => (await falseTexts(page)).includes('Digital Rights Act (DSA)'), 10_000);

    const point = await page.evaluate(() => {
      for (const range of CSS.highlights.get('factmark-false') ?? []) {
        const r = range as Range;
        r.startContainer.parentElement?.scrollIntoView({ block: 'center' });
        const box = r.getClientRects()[0]!;
        return { x: box.left + 10, y: box.top + box.height / 2 };
      }
      return null;
    });
    await page.mouseClick(point!.x, point!.y);
    const card = await waitFor(() => page.findByRole('dialog', 'Correction'), 5000);
    expect(card.width).toBeGreaterThan(0);
    // The card's words are in the closed shadow root; its link is reachable by role and name.
    expect(await page.findByRole('link', 'eur-lex.europa.eu/eli/reg/2022/2065/oj')).not.toBeNull();
    await page.close();
  });

  it('checks a paragraph that arrives two seconds after load', async () => {
    server.setPage(
      '/late.html',
      `<!doctype html><meta charset="utf-8"><title>Late</title><article><p>First paragraph.</p></article>
       <script>setTimeout(() => { const p = document.createElement('p');
         p.textContent = 'Brussels enforces the Digital Markets Law (DMA) against gatekeepers.';
         document.querySelector('article').append(p); }, 2000);</script>`,
    );
    const page = await browser.newPage();
    await page.goto(server.url('/late.html'));
    await waitFor(async () => (await falseTexts(page)).includes('Digital Markets Law (DMA)'), 10_000);
    server.removePage('/late.html');
    await page.close();
  });

  it('leaves a correct expansion alone', async () => {
    server.setPage(
      '/correct.html',
      `<!doctype html><meta charset="utf-8"><title>Correct</title><p>The Digital Services Act (DSA) applies since 2024.</p>`,
    );
    const page = await browser.newPage();
    await page.goto(server.url('/correct.html'));
    await waitFor(() => page.evaluate(() => document.querySelector('factmark-ui') !== null), 10_000);
    await new Promise((r) => setTimeout(r, 500));
    expect(await falseTexts(page)).toEqual([]);
    server.removePage('/correct.html');
    await page.close();
  });
});
