// "Open" on the review page, end to end in Chromium and Firefox, on pages that make the claim
// late: one that finishes loading seconds late (an image held by the server), and one whose
// article text is put in only after a late re-render. In both, the new tab scrolls to the claim
// and pulses its highlight. The pages record every pulse (PULSE_RECORDER): it lasts 1.6 s and may
// come before the test reaches the tab.
import { describe, expect, it } from 'vitest';
import { BROWSER_NAMES, hasBuiltExtension, type TestPage, waitFor } from './support/browsers';
import { openReviewPage, seedClaim } from './support/extension-api';
import { PULSE_RECORDER, pulsedTexts, waitForHighlight } from './support/page-actions';
import { FIXTURE_PAGES, useBrowser, useServer } from './support/suite-setup';

/** One claim per page, each its own words: the review page lists both, and Open must pick its own. */
const SLOW_QUOTE = 'The harbour bridge carried 90,000 cars a day before it closed';
const LATE_QUOTE = 'The ferry service lost 40 percent of its passengers in a year';
/** How long the server holds the slow page's image. */
const SLOW_MS = 3000;
/** How long after loading the late page renders its article: longer than any short wait. */
const LATE_MS = 12_000;

/** A page with the claim far below the fold; `body` is what follows the tall header. */
const article = (title: string, body: string) => `<!doctype html>
<html><head><meta charset="utf-8"><title>${title}</title><script>${PULSE_RECORDER}</script></head>
<body><h1>${title}</h1><div style="height: 2400px">A tall picture essay comes first.</div>${body}
<div style="height: 1600px"></div></body></html>`;

const claimParagraph = (quote: string) =>
  `<p>City officials said on Monday that ${quote}, and traffic has moved to the ring road.</p>`;

const built = hasBuiltExtension();

describe.skipIf(!built).each(BROWSER_NAMES)('"Open" on a late page in %s', (name) => {
  const server = useServer(FIXTURE_PAGES);
  const browser = useBrowser(name);

  /** Saves the claim for the page at `path` (as a reader flagged it), then clicks its Open. */
  async function openFromReview(path: string, quote: string): Promise<{ review: TestPage; tab: TestPage }> {
    const url = server.url(path);
    const review = await openReviewPage(browser, server.url('/seed-article.html'));
    await seedClaim(review, {
      url,
      title: 'Late page',
      quote: {
        type: 'TextQuoteSelector',
        exact: quote,
        prefix: 'said on Monday that ',
        suffix: ', and traffic',
      },
      position: { type: 'TextPositionSelector', start: 90, end: 90 + quote.length },
      verdict: 'false',
      correction: 'It carried about 60,000.',
      note: '',
      sources: [],
      tags: [],
    });
    // The review page lists the new note by itself; click the Open of its row.
    await waitFor(
      () =>
        review.evaluate((quote: string) => {
          const row = [...document.querySelectorAll('.claim-row')].find((r) =>
            (r.textContent ?? '').includes(quote),
          );
          const open = [...(row?.querySelectorAll('button') ?? [])].find(
            (b) => b.textContent?.trim() === 'Open',
          );
          open?.click();
          return open !== undefined;
        }, quote),
      15_000,
      100,
      'the review page does not list the claim',
    );
    return { review, tab: await browser.waitForPage(url, 30_000) };
  }

  /** The new tab pulsed the claim and shows it in the viewport. */
  async function expectRevealed({ review, tab }: { review: TestPage; tab: TestPage }, quote: string) {
    await waitFor(
      async () => (await pulsedTexts(tab)).includes(quote),
      60_000,
      100,
      'the claim was never pulsed',
    );
    await waitForHighlight(tab, 'factmark-false', quote);
    // Scrolled to it (smoothly: wait for it to arrive).
    await waitFor(
      () =>
        tab.evaluate(() => {
          for (const range of CSS.highlights.get('factmark-false') ?? []) {
            const rect = (range as Range).getBoundingClientRect();
            return rect.top >= 0 && rect.bottom <= innerHeight;
          }
          return false;
        }),
      10_000,
      100,
      'the claim is not in view',
    );
    expect(await tab.evaluate(() => scrollY)).toBeGreaterThan(0);
    await tab.close();
    await review.close();
  }

  it('scrolls to the claim and pulses it on a page that finishes loading late', async () => {
    server.setPage(
      '/slow-article.html',
      article('Slow page', `${claimParagraph(SLOW_QUOTE)}<img src="/slow.svg" width="1" height="1" alt="">`),
    );
    server.setPage('/slow.svg', '<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>');
    server.delay('/slow.svg', SLOW_MS);
    await expectRevealed(await openFromReview('/slow-article.html', SLOW_QUOTE), SLOW_QUOTE);
  });

  it('scrolls to the claim and pulses it when the article is rendered only after the page loaded', async () => {
    server.setPage(
      '/late-article.html',
      article(
        'Late page',
        `<article id="story"><p>Loading the story…</p></article>
        <script>
          addEventListener('load', () => setTimeout(() => {
            document.getElementById('story').innerHTML = ${JSON.stringify(claimParagraph(LATE_QUOTE))};
          }, ${LATE_MS}));
        </script>`,
      ),
    );
    await expectRevealed(await openFromReview('/late-article.html', LATE_QUOTE), LATE_QUOTE);
  });
});
