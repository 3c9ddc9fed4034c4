// When Factmark is reloaded or updated, Chromium leaves the old content script running in the
// pages that are open, with its extension gone: its observers and listeners still fire. In real
// Chromium with the built extension: a page shows a saved claim; the extension is reloaded
// (loaded again over DevTools' Extensions.loadUnpacked, as "Reload" on chrome://extensions or an
// update does; chrome.runtime.reload() does not bring back an extension loaded by command-line
// switch); the page then changes, and the old script ends
// its session: its highlight and its in-page UI are gone.
// Loading the page again brings the new script, which paints the claim, once.
// (Firefox removes a reloaded extension's content scripts itself.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  EXTENSION_DIR,
  hasBuiltExtension,
  launchChromium,
  type TestBrowser,
  type TestPage,
  waitFor,
} from './support/browsers';
import { seedClaim } from './support/extension-api';
import { chromiumContexts } from './support/extension-pages';
import { contentScriptReady, paintedTexts, waitForHighlight } from './support/page-actions';
import { FIXTURE_PAGES, useServer } from './support/suite-setup';

const QUOTE = 'The council approved the budget by nine votes to two';

const ARTICLE = `<!doctype html><html><head><meta charset="utf-8"><title>Council budget</title></head>
<body><h1>Council budget</h1><article id="story"><p>On Tuesday: ${QUOTE}, after midnight.</p>
<p>The mayor said the vote came after a long debate.</p></article></body></html>`;

const draft = (url: string) => ({
  url,
  title: 'Council budget',
  quote: { type: 'TextQuoteSelector', exact: QUOTE, prefix: 'On Tuesday: ', suffix: ', after midnight.' },
  position: { type: 'TextPositionSelector', start: 0, end: QUOTE.length },
  verdict: 'false',
  correction: 'Seven votes to four.',
  note: 'Checked in the extension reload test.',
  sources: [],
  tags: [],
});

/** How many <factmark-ui> hosts the page holds: one per live content script. */
const uiHosts = (tab: TestPage) => tab.evaluate(() => document.querySelectorAll('factmark-ui').length);

const built = hasBuiltExtension();

describe.skipIf(!built)('an extension reload in chromium', () => {
  const server = useServer(FIXTURE_PAGES);
  let browser: TestBrowser;
  beforeAll(async () => {
    // The DevTools Extensions domain needs this switch (and the pipe Playwright connects by).
    browser = await launchChromium({ chromiumArgs: ['--enable-unsafe-extension-debugging'] });
  });
  afterAll(async () => {
    await browser?.close();
  });

  /** Loads the extension's folder again: the running Factmark is unloaded and a new one starts. */
  async function reloadExtension(): Promise<void> {
    const context = chromiumContexts.at(-1);
    const cdp = await context?.browser()?.newBrowserCDPSession();
    if (!cdp) throw new Error('no DevTools session with the browser');
    const loaded = (await cdp.send('Extensions.loadUnpacked' as never, { path: EXTENSION_DIR } as never)) as {
      id: string;
    };
    expect(loaded.id).toBe(browser.extensionId);
    await cdp.detach();
  }

  it('leaves the old content script nothing on the page once it changes, and the new one paints the claim', async () => {
    const url = server.url('/reloaded-article.html');
    server.setPage('/reloaded-article.html', ARTICLE);
    const review = await browser.openExtensionPage('review.html');
    await seedClaim(review, draft(url));
    const tab = await browser.newPage();
    await tab.goto(url);
    await waitForHighlight(tab, 'factmark-false', QUOTE);
    expect(await uiHosts(tab)).toBe(1);

    // Answered once the new Factmark is installed: the old script is orphaned by then.
    await reloadExtension();

    // The page changes: the old script's observer fires, finds its extension gone, and ends.
    await tab.evaluate(() => {
      const more = document.createElement('p');
      more.textContent = 'A later update: the budget takes effect in March.';
      document.getElementById('story')?.append(more);
    });
    await waitFor(
      async () => (await paintedTexts(tab)).length === 0 && (await uiHosts(tab)) === 0,
      15_000,
      100,
      'the old content script left its highlight or its UI on the page',
    );

    await tab.reload();
    await waitForHighlight(tab, 'factmark-false', QUOTE);
    await contentScriptReady(tab);
    expect(await uiHosts(tab)).toBe(1);
    expect(await paintedTexts(tab, 'factmark-false')).toEqual([QUOTE]);
  });
});
