// Smoke test for the e2e harness (tests/e2e/support): in real Chromium and real Firefox, serve
// pages from 127.0.0.1, open them, select text, edit-and-reload, click inside a closed shadow root
// by accessible name, and (when extension/ is built) check the extension is loaded.
import { describe, expect, it } from 'vitest';
import { BROWSER_NAMES, hasBuiltExtension, waitFor } from './support/browsers';
import { FIXTURE_PAGES, useBrowser, useServer } from './support/suite-setup';

const NOT_BUILT =
  'extension/ is not built (no manifest.json/background.js/content.js) — run `node build.mjs`';

// A page with a button inside a CLOSED shadow root, like the extension's <factmark-ui>.
const CLOSED_SHADOW_PAGE = `<!doctype html><meta charset="utf-8"><title>closed shadow root</title>
<h1>Closed shadow root experiment</h1>
<script>
  const host = document.createElement('experiment-ui');
  document.documentElement.appendChild(host);
  const root = host.attachShadow({ mode: 'closed' });
  root.innerHTML = '<div role="dialog" aria-label="Experiment dialog">' +
    '<button aria-label="Experiment: Flag claim" style="position:fixed;top:120px;left:40px;width:120px;height:32px">F</button>' +
    '<input aria-label="Experiment note" style="position:fixed;top:170px;left:40px"></div>';
  root.querySelector('button').addEventListener('click', () => { document.body.dataset.clicked = 'yes'; });
  root.querySelector('input').addEventListener('input', (e) => { document.body.dataset.typed = e.target.value; });
  root.querySelector('input').addEventListener('keydown', (e) => { if (e.key === 'Escape') document.body.dataset.escaped = 'yes'; });
</script>`;

const article = (para: string) =>
  `<!doctype html><meta charset="utf-8"><title>edit</title><p>${para}</p><p>The claim under test stays the same.</p>`;

const server = useServer(FIXTURE_PAGES);

describe.each(BROWSER_NAMES)('%s', (name) => {
  const browser = useBrowser(name);

  it('opens the seed article from 127.0.0.1 and selects a phrase', async () => {
    const page = await browser.newPage();
    await page.goto(server.url('/seed-article.html'));
    expect(await page.evaluate(() => document.querySelector('h1')?.textContent)).toBe(
      'No messaging app is reliable – Kremlin',
    );
    const sel = await page.selectText('Digital Rights Act');
    expect(sel.text).toBe('Digital Rights Act');
    expect(sel.rect.width).toBeGreaterThan(0);
    expect(await page.evaluate(() => window.getSelection()?.toString())).toBe('Digital Rights Act');
    expect(Array.isArray(await page.highlights())).toBe(true);
    await page.close();
  });

  it('loads a corpus page whose outside resources cannot be reached (the navigation completes)', async () => {
    const page = await browser.newPage();
    await page.goto(server.url('/bbc-1.html'));
    expect(page.url()).toBe(server.url('/bbc-1.html'));
    // biome-ignore lint/performance/useDomNodeTextContent: rendered (readable) text is the point here.
    const text = await page.evaluate(() => document.body.innerText.length);
    expect(text).toBeGreaterThan(1000);
    await page.close();
  });

  it('serves an edited page on reload (setPage)', async () => {
    const page = await browser.newPage();
    server.setPage('/edited.html', article('First version of the paragraph above.'));
    await page.goto(server.url('/edited.html'));
    expect(await page.evaluate('document.querySelector("p").textContent')).toBe(
      'First version of the paragraph above.',
    );
    server.setPage('/edited.html', article('Edited: a much longer paragraph above the claim.'));
    await page.reload();
    expect(await page.evaluate('document.querySelector("p").textContent')).toContain('Edited');
    const sel = await page.selectText('claim', 1);
    expect(sel.text).toBe('claim');
    await page.close();
  });

  it('clicks and types inside a closed shadow root by role and accessible name', async () => {
    const page = await browser.newPage();
    server.setPage('/closed-shadow.html', CLOSED_SHADOW_PAGE);
    await page.goto(server.url('/closed-shadow.html'));
    // The page world cannot see into it…
    expect(await page.evaluate(() => document.querySelector('experiment-ui')?.shadowRoot ?? null)).toBeNull();
    // …but the accessibility tree (Chromium) / BiDi shadow-root serialisation (Firefox) can.
    const opts = { hosts: 'experiment-ui' };
    expect(await page.findByRole('button', 'Experiment: Flag claim', opts)).toMatchObject({ x: 40, y: 120 });
    await page.clickByRole('button', 'Experiment: Flag claim', opts);
    await waitFor(() => page.evaluate(() => document.body.dataset.clicked === 'yes'), 3000);
    await page.clickByRole('textbox', 'Experiment note', opts);
    await page.keyboardType('hello');
    await page.keyboard.press('Escape');
    expect(await page.evaluate(() => ({ ...document.body.dataset }))).toMatchObject({
      typed: 'hello',
      escaped: 'yes',
    });
    await expect(page.clickByRole('button', 'No such button', { ...opts, timeoutMs: 300 })).rejects.toThrow(
      /not found/,
    );
    await page.close();
  });

  it('has the extension loaded', async (ctx) => {
    if (!hasBuiltExtension()) return ctx.skip(NOT_BUILT);
    expect(browser.extensionId).toBeTruthy();
    if (name === 'chromium') {
      const popup = await browser.openExtensionPage('popup.html');
      expect(popup.url()).toMatch(/^chrome-extension:\/\/[a-p]{32}\/popup\.html$/);
      await popup.close();
    } else {
      expect(browser.extensionId).toBe('factmark@factmark.example');
    }
  });
});
