// Claims in a same-origin frame count for the tab, in Chromium and Firefox: a page with one saved
// claim in its own text and one in a same-origin iframe shows "2" on the toolbar badge, and the
// popup lists both as found on the page ("2 claims on this page"), as does the review page's
// "found" flag. When the frame goes away, its claim is no longer found there.
import { describe, expect, it } from 'vitest';
import { BROWSER_NAMES, hasBuiltExtension, type TestPage, waitFor } from './support/browsers';
import { badgeText, openPopupOver, openReviewPage, seedClaim, tabShowing } from './support/extension-api';
import { readStoredClaims } from './support/extension-pages';
import { squash, waitForHighlight, waitForText } from './support/page-actions';
import { FIXTURE_PAGES, useBrowser, useServer } from './support/suite-setup';

const IN_PAGE = 'The council approved the budget by nine votes to two';
const IN_FRAME = 'The embedded chart shows unemployment falling to 3 percent';

const page = (title: string, body: string) =>
  `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title></head><body>${body}</body></html>`;

/** A claim as the editor saves it, filed under the top page (as one flagged in its frame is). */
const draft = (url: string, exact: string) => ({
  url,
  title: 'Framed article',
  quote: { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' },
  position: { type: 'TextPositionSelector', start: 0, end: exact.length },
  verdict: 'false',
  correction: '',
  note: 'Checked in the frames test.',
  sources: [],
  tags: [],
});

/** The texts under Factmark's highlights inside the page's iframe. */
const paintedInFrame = (tab: TestPage) =>
  tab.evaluate(() => {
    const frame = document.getElementById('frame') as HTMLIFrameElement | null;
    const win = frame?.contentWindow as (Window & typeof globalThis) | null | undefined;
    const out: string[] = [];
    for (const [key, h] of win?.CSS.highlights ?? [])
      if (key.startsWith('factmark-')) for (const r of h) out.push((r as Range).toString());
    return out;
  });

const built = hasBuiltExtension();

describe.skipIf(!built).each(BROWSER_NAMES)('claims in a same-origin frame in %s', (name) => {
  const server = useServer(FIXTURE_PAGES);
  const browser = useBrowser(name);

  it('count on the badge and in the popup, listed as found on the page', async () => {
    const url = server.url('/framed.html');
    server.setPage('/framed-inner.html', page('Chart', `<p>Below: ${IN_FRAME}, the agency said.</p>`));
    server.setPage(
      '/framed.html',
      page(
        'Framed article',
        `<h1>Framed article</h1><p>On Tuesday: ${IN_PAGE}, after a long debate.</p>
        <iframe id="frame" src="/framed-inner.html" width="600" height="200"></iframe>`,
      ),
    );
    const review = await openReviewPage(browser, server.url('/seed-article.html'));
    await seedClaim(review, draft(url, IN_PAGE));
    await seedClaim(review, draft(url, IN_FRAME));

    const tab = await browser.newPage();
    await tab.goto(url);
    await waitForHighlight(tab, 'factmark-false', IN_PAGE);
    await waitFor(
      async () => (await paintedInFrame(tab)).map(squash).includes(IN_FRAME),
      15_000,
      100,
      'the claim in the frame is not highlighted',
    );
    // The top frame has heard from its frame once the claim is marked found (the review page's filter).
    await waitFor(
      async () => {
        const stored = await review.evaluate(readStoredClaims);
        return stored.length === 2 && stored.every((claim) => claim.found === true);
      },
      15_000,
      100,
      'the claims are not both marked found',
    );
    const tabId = await tabShowing(review, url);
    await waitFor(
      async () => (await badgeText(review, tabId)) === '2',
      10_000,
      100,
      'the badge does not say 2',
    );

    const popup = await openPopupOver(browser, review, tabId);
    await waitForText(popup, '2 claims on this page');
    const listed = () => popup.evaluate(() => document.body.textContent ?? '');
    expect(squash(await listed())).toContain(IN_PAGE);
    expect(squash(await listed())).toContain(IN_FRAME);
    expect(await listed()).not.toContain('Not found on this page');
    await popup.close();

    // The frame goes away: its claim is still the page's, but no longer found on it.
    await tab.evaluate(() => document.getElementById('frame')?.remove());
    const after = await openPopupOver(browser, review, tabId);
    await waitForText(after, '2 claims on this page');
    expect(await after.evaluate(() => document.querySelectorAll('li.claim.not-found').length)).toBe(1);
    for (const open of [after, tab, review]) await open.close();
  });
});
