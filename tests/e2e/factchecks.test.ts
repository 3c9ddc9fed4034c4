// Known fact-checks end to end, in Chromium and Firefox with the built extension: the reader
// subscribes to a fact-check feed (JSON Lines, one ClaimReview a line) served from 127.0.0.1 on the
// review page's Rules & lists, reached as a reader does (a correction card's "Manage
// corrections"). A local news page that says what two of the feed's fact-checks checked, in its
// own words, and nothing about the other four gets exactly those two sentences marked
// "fact-checked before". The mark's card links to the fact-check, and axe finds no violation on it,
// light or dark; "Not the same claim" hides it for good (a reload does not bring it back);
// flagging the other sentence, the editor offers its fact-check, and one click puts the
// fact-check's address in the claim's sources.
import { describe, expect, it } from 'vitest';
import { describeViolations, exposeClosedRoot, runAxe, useColorScheme } from './support/axe';
import { BROWSER_NAMES, hasBuiltExtension, type TestPage, waitFor } from './support/browsers';
import { reviewFromCorrectionCard } from './support/extension-api';
import { contentScriptReady, pointOn, squash } from './support/page-actions';
import { FIXTURE_PAGES, useBrowser, useServer } from './support/suite-setup';

const built = hasBuiltExtension();
const server = useServer(FIXTURE_PAGES);
const MARKED = 'factmark-factchecked';

/** The feed's fact-checks: the first two are what the page repeats; the rest it never mentions. */
const FACT_CHECKS = [
  {
    slug: 'hot-water',
    claim: 'Drinking hot water every 15 minutes kills the coronavirus.',
    headline: 'Does drinking hot water every 15 minutes kill the coronavirus?',
    rating: 'False',
  },
  {
    slug: '5g-masts',
    claim: '5G mobile phone masts spread the coronavirus.',
    headline: 'Do 5G phone masts spread the coronavirus?',
    rating: 'Pants on Fire',
  },
  {
    slug: 'eiffel-tower',
    claim: 'The Eiffel Tower will be dismantled and moved to Las Vegas.',
    headline: 'Is the Eiffel Tower moving to Las Vegas?',
    rating: 'False',
  },
  {
    slug: 'microchips',
    claim: 'Bill Gates wants to put microchips in vaccines.',
    headline: 'Does Bill Gates want microchips in vaccines?',
    rating: 'False',
  },
  {
    slug: 'carrots',
    claim: 'Eating carrots dramatically improves night vision.',
    headline: 'Do carrots help you see in the dark?',
    rating: 'Mostly false',
  },
  {
    slug: 'bridges',
    claim: 'The city council banned cycling on all bridges.',
    headline: 'Did the council ban cycling on bridges?',
    rating: 'Four Bananas',
  },
];

const HOT_WATER =
  'A message shared on WhatsApp says drinking hot water every fifteen minutes kills the coronavirus.';
const MASTS = 'Residents claimed that 5G mobile masts on the hill spread the coronavirus.';

/** A local news story: two sentences repeat fact-checked claims; the rest (one about the virus) do not. */
const ARTICLE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Health board hears residents' questions</title></head>
<body>
<header><nav><a href="/">Home</a> · <a href="/local">Local</a></nav></header>
<main><article>
<h1>Health board hears residents' questions</h1>
<p>The town's health board held its monthly meeting on Thursday evening in the old library.
Members spent most of the evening on the budget for next year, which rises by four percent.</p>
<p>${HOT_WATER} Doctors at the meeting said there is no evidence for that, and urged residents to keep up with their vaccinations.</p>
<p>${MASTS} The board said it would publish a leaflet answering the questions it hears most often.</p>
<p>The coronavirus vaccination centre at the sports hall will stay open until the end of March.
The library will host a children's reading week in the spring, with free entry for families.
Parking near the town hall remains limited while the road works continue.</p>
</article></main>
<footer>© Town Courier</footer>
</body></html>`;

const feedLines = () =>
  FACT_CHECKS.map(({ slug, claim, headline, rating }) =>
    JSON.stringify({
      '@context': 'https://schema.org',
      '@type': 'ClaimReview',
      url: server.url(`/factchecks/${slug}.html`),
      claimReviewed: claim,
      headline,
      datePublished: '2020-04-06',
      inLanguage: 'en',
      author: { '@type': 'Organization', name: 'E2E Fact Desk' },
      reviewRating: { '@type': 'Rating', alternateName: rating },
    }),
  ).join('\n');

const bodyText = (page: TestPage) => page.evaluate(() => document.body.textContent ?? '');

/** The sentences marked "fact-checked before", as a reader reads them. */
async function marked(page: TestPage): Promise<string[]> {
  const all = await page.highlights();
  return (all.find((h) => h.name === MARKED)?.texts ?? []).map(squash).sort();
}

async function waitForMarked(page: TestPage, want: string[], what: string): Promise<void> {
  let last: string[] = [];
  const wanted = JSON.stringify([...want].sort());
  try {
    await waitFor(
      async () => {
        last = await marked(page);
        return JSON.stringify(last) === wanted;
      },
      20_000,
      100,
      what,
    );
  } catch (error) {
    throw new Error(
      `${error instanceof Error ? error.message : String(error)}; marked: ${JSON.stringify(last)}`,
    );
  }
}

/** Opens the mark's card with a click (pinned), as a reader taps a marked sentence. */
async function openCard(page: TestPage, sentence: string): Promise<void> {
  const point = await pointOn(page, sentence, MARKED);
  await page.mouseClick(point.x, point.y);
  await waitFor(() => page.findByRole('dialog', 'Fact-checked before'), 5000, 100, 'no card');
}

for (const name of BROWSER_NAMES) {
  describe.skipIf(!built)(`known fact-checks in ${name}`, () => {
    const browser = useBrowser(name);

    it('marks exactly the two sentences a subscribed feed checked; the card links to the fact-check; "Not the same claim" lasts; the editor offers the fact-check', async () => {
      const feedPath = `/feeds/e2e-${name}.jsonl`;
      server.setPage(feedPath, feedLines(), 'application/x-ndjson');
      for (const { slug, headline } of FACT_CHECKS) {
        server.setPage(
          `/factchecks/${slug}.html`,
          `<!doctype html><title>${headline}</title><h1>${headline}</h1>`,
        );
      }
      const articlePath = `/town-health-${name}.html`;
      server.setPage(articlePath, ARTICLE);

      // Subscribe where lists are subscribed: Rules & lists, "Subscribe to a list by address".
      const { seed, review } = await reviewFromCorrectionCard(browser, server.url('/seed-article.html'));
      await review.click('#list-url');
      await review.type(server.url(feedPath));
      await review.keyboardPress('Enter');
      await waitFor(
        async () => (await bodyText(review)).includes('Subscribed to'),
        20_000,
        100,
        'not subscribed',
      );
      await waitFor(async () => (await bodyText(review)).includes('6 fact-checks'), 10_000, 100, 'no count');

      const article = await browser.newPage();
      await article.goto(server.url(articlePath));
      await contentScriptReady(article);
      await waitForMarked(article, [HOT_WATER, MASTS], 'the two repeated claims were not marked (alone)');

      // The card: who checked it, the rating as published, their wording, and the way to the fact-check.
      await openCard(article, MASTS);
      expect(await article.findByRole('link', 'Read the fact-check')).not.toBeNull();
      // axe finds nothing wrong with the card, light or dark (accessibility.test.ts checks the
      // other cards; this one needs a subscribed feed).
      await exposeClosedRoot(article);
      const violations: string[] = [];
      for (const scheme of ['light', 'dark'] as const) {
        await useColorScheme(browser, article, scheme);
        const found = (await runAxe(article, 'factmark-ui')).violations;
        if (found.length > 0) violations.push(`── ${scheme}:\n${describeViolations(found)}`);
        expect(
          await article.findByRole('dialog', 'Fact-checked before'),
          `${scheme}: card still shown`,
        ).not.toBeNull();
      }
      await useColorScheme(browser, article, 'light');
      expect(violations.join('\n'), 'axe violations on the fact-check card').toBe('');
      await article.clickByRole('link', 'Read the fact-check');
      const factCheck = await browser.waitForPage(server.url('/factchecks/5g-masts.html'), 15_000);
      await factCheck.close();

      // Not the same claim: the mark goes at once, and stays gone after a reload.
      await openCard(article, MASTS);
      await article.clickByRole('button', 'Not the same claim');
      await waitForMarked(article, [HOT_WATER], 'the dismissed mark stayed');
      await article.reload();
      await contentScriptReady(article);
      await waitForMarked(
        article,
        [HOT_WATER],
        'after a reload, the dismissed mark came back or the other went',
      );

      // Flagging the other sentence: the editor offers its fact-check; one click adds it to Sources.
      await article.selectText(HOT_WATER);
      await article.clickByRole('button', 'Flag claim', { timeoutMs: 5000 });
      await article.findByRole('dialog', 'Flag claim');
      await article.clickByRole('button', 'Use this fact-check by E2E Fact Desk', { timeoutMs: 15_000 });
      await article.clickByRole('button', 'Save');
      // The saved claim's card lists the fact-check among its sources.
      await waitFor(
        async () => (await article.highlights()).some((h) => h.name === 'factmark-false'),
        15_000,
        100,
        'the flagged claim was not highlighted with the suggested verdict',
      );
      const claimPoint = await pointOn(article, HOT_WATER, 'factmark-false');
      await article.mouseClick(claimPoint.x, claimPoint.y);
      await waitFor(() => article.findByRole('dialog', 'Claim'), 5000, 100, 'no claim card');
      expect(await article.findByRole('link', '127.0.0.1/factchecks/hot-water.html')).not.toBeNull();

      server.removePage(feedPath);
      for (const page of [article, review, seed]) await page.close();
    });
  });
}
