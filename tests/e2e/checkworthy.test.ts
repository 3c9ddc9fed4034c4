// Check-worthy sentence marks, end to end with the built extension: the detector marks sentences
// of the article body only (never menus, asides or footers); hovering a mark shows why and a
// "Flag claim" button that opens the editor on that sentence; the popup's sensitivity and
// switches change or remove the marks; a French page gets no marks and the popup says why.
// Chromium drives the popup (extension pages open only there); Firefox checks marks and hover.
import { describe, expect, it } from 'vitest';
import { hasBuiltExtension, type TestPage, waitFor } from './support/browsers';
import { openPopupFor } from './support/extension-pages';
import { squash } from './support/page-actions';
import { FIXTURE_PAGES, useBrowser, useServer } from './support/suite-setup';

const MARKS = 'factmark-checkworthy';

/** Each marked sentence, and whether it sits in page furniture or outside the article element. */
interface MarkSpot {
  text: string;
  inChrome: boolean;
  inArticle: boolean;
}

async function marks(page: TestPage): Promise<MarkSpot[]> {
  return page.evaluate((name: string) => {
    const chrome =
      'nav, header, footer, aside, form, [role=navigation], [role=banner], [role=contentinfo], [role=complementary]';
    const spots: { text: string; inChrome: boolean; inArticle: boolean }[] = [];
    for (const range of CSS.highlights.get(name) ?? []) {
      const r = range as Range;
      const element = r.startContainer.parentElement;
      spots.push({
        text: r.toString().replace(/\s+/g, ' ').trim(),
        inChrome: Boolean(element?.closest(chrome)),
        inArticle: Boolean(element?.closest('article, [itemprop~="articleBody"], main, [role=main]')),
      });
    }
    return spots;
  }, MARKS);
}

async function waitForMarks(page: TestPage, check: (spots: MarkSpot[]) => boolean, what: string) {
  let last: MarkSpot[] = [];
  await waitFor(
    async () => {
      last = await marks(page);
      return check(last);
    },
    15_000,
    100,
    `${what} (marks: ${JSON.stringify(last.map((m) => m.text.slice(0, 50)))})`,
  );
  return last;
}

/**
 * Puts the real pointer on the mark whose text begins with `start` (scrolled into view first). The
 * harness moves the mouse only as part of a click; a click on plain text changes nothing here.
 */
async function hoverMark(page: TestPage, start: string): Promise<void> {
  // Scrolling the mark into view can make the detector pick the marks for the new screen: the
  // pointer goes to where the mark is now, until its card ("Worth checking") answers.
  await waitFor(
    async () => {
      const point = await page.evaluate(
        ({ name, start }: { name: string; start: string }) => {
          for (const range of CSS.highlights.get(name) ?? []) {
            const r = range as Range;
            if (!r.toString().replace(/\s+/g, ' ').trim().startsWith(start)) continue;
            r.startContainer.parentElement?.scrollIntoView({ block: 'center' });
            // The first line box wide enough to point at (a sentence may start at a line's very end).
            const rect =
              Array.from(r.getClientRects()).find((box) => box.width > 20) ?? r.getClientRects()[0]!;
            return { x: rect.left + Math.min(rect.width / 2, 30), y: rect.top + rect.height / 2 };
          }
          return null;
        },
        { name: MARKS, start },
      );
      if (!point) return null;
      await page.mouseClick(point.x, point.y);
      return waitFor(() => page.findByRole('dialog', 'Worth checking'), 1000).catch(() => null);
    },
    10_000,
    100,
    `no mark starting "${start}" whose card opens`,
  );
}

/** Fills the open editor (verdict "False", the rest left blank) and saves it. */
async function saveAsFalse(page: TestPage): Promise<void> {
  await page.keyboardPress('ArrowDown');
  await page.clickByRole('button', 'Save');
}

const built = hasBuiltExtension();
const server = useServer(FIXTURE_PAGES);

describe.skipIf(!built)('check-worthy sentences in chromium', () => {
  const browser = useBrowser('chromium');

  it('marks numbers and attributed statements in the article of a news page, never its menus or footer', async () => {
    const page = await browser.newPage();
    await page.goto(server.url('/bbc-1.html'));
    const spots = await waitForMarks(page, (s) => s.length > 0, 'no marks on bbc-1.html');
    expect(spots.filter((s) => s.inChrome)).toEqual([]);
    expect(spots.some((s) => /\d/.test(s.text))).toBe(true);
    expect(spots.some((s) => /\b(said|says|stated|told)\b/.test(s.text))).toBe(true);
    // A handful, not a highlighter pen: at most three per screen of text.
    expect(spots.length).toBeLessThanOrEqual(6);
    await page.close();
  });

  it('on the seed article: marks by sensitivity, hover explains, "Flag claim" flags that sentence, the switch clears', async () => {
    const page = await browser.newPage();
    await page.goto(server.url('/seed-article.html'));
    const popup = await openPopupFor(browser, page);
    const popupText = () => popup.evaluate(() => (document.body.textContent ?? '').replace(/\s+/g, ' '));

    // By default ("Fewer"): a few of the best-scoring sentences of the article body, an attributed
    // statement among them; nothing from nav, aside or footer.
    const attributed = 'Telegram has denied any wrongdoing, stating that it is “absurd to claim';
    const fewer = await waitForMarks(page, (s) => s.length > 0, 'no marks on the seed article');
    expect(fewer.every((s) => s.inArticle && !s.inChrome)).toBe(true);
    expect(fewer.some((s) => s.text.startsWith(attributed))).toBe(true);

    // "More": more sentences are marked, still only in the article.
    await popup.clickByRole('radio', 'More');
    const spots = await waitForMarks(
      page,
      (s) => s.length > fewer.length,
      'no more marks after choosing "More"',
    );
    expect(spots.every((s) => s.inArticle && !s.inChrome)).toBe(true);
    const sentence = spots.find((s) => s.text.startsWith(attributed))?.text;
    expect(sentence, 'the attributed statement is marked').toBeDefined();
    for (const furniture of ['World', 'Related', 'Telegram founder detained in France', '© news.example']) {
      expect(spots.some((s) => s.text.includes(furniture) && s.text.length < 60)).toBe(false);
    }
    await waitFor(async () => /Claim detection: \d+ sentences? marked/.test(await popupText()), 10_000);

    // Hover: the card says why and offers "Flag claim"; the editor opens on that very sentence.
    await hoverMark(page, attributed);
    await page.clickByRole('button', 'Flag claim');
    await page.findByRole('dialog', 'Flag claim');
    await saveAsFalse(page);
    // The flagged sentence joins the false highlights (the built-in DSA correction is there too).
    await waitFor(
      async () =>
        (await page.highlights())
          .find((h) => h.name === 'factmark-false')
          ?.texts.map(squash)
          .includes(sentence ?? ''),
      10_000,
      100,
      'the flagged sentence is not highlighted as false',
    );

    // The site switch off: every mark goes; the saved claim stays.
    await popup.clickByRole('switch', 'Mark check-worthy sentences on this site');
    await waitForMarks(page, (s) => s.length === 0, 'marks still there after switching detection off');
    await waitFor(async () => (await popupText()).includes('Claim detection: off for this page'), 10_000);
    expect((await page.highlights()).find((h) => h.name === 'factmark-false')).toBeDefined();

    // On again, then the global switch off: gone again.
    await popup.clickByRole('switch', 'Mark check-worthy sentences on this site');
    await waitForMarks(page, (s) => s.length > 0, 'no marks after switching the site back on');
    await popup.clickByRole('switch', 'Mark check-worthy sentences on all sites');
    await waitForMarks(page, (s) => s.length === 0, 'marks still there after the global switch went off');
    await popup.close();
    await page.close();
  });

  it('marks nothing on a French page and the popup says detection is not available', async () => {
    const page = await browser.newPage();
    await page.goto(server.url('/lemonde-1.html'));
    const popup = await openPopupFor(browser, page);
    // The previous test switched detection off everywhere: on again, for all sites.
    await waitFor(() => popup.findByRole('switch', 'Mark check-worthy sentences on all sites'), 10_000);
    const on = await popup.evaluate(() =>
      Array.from(document.querySelectorAll<HTMLInputElement>('input[role=switch]')).every((i) => i.checked),
    );
    if (!on) await popup.clickByRole('switch', 'Mark check-worthy sentences on all sites');
    await waitFor(
      () =>
        popup.evaluate(() =>
          (document.body.textContent ?? '').includes(
            "Claim detection: not available for this page's language",
          ),
        ),
      15_000,
    );
    expect(await marks(page)).toEqual([]);
    await popup.close();
    await page.close();
  });
});

describe.skipIf(!built)('check-worthy sentences in firefox', () => {
  const browser = useBrowser('firefox');

  it('marks sentences of the article only, and "Flag claim" on a mark opens the editor', async () => {
    const page = await browser.newPage();
    await page.goto(server.url('/bbc-1.html'));
    const spots = await waitForMarks(page, (s) => s.length > 0, 'no marks on bbc-1.html');
    expect(spots.filter((s) => s.inChrome)).toEqual([]);
    const first = spots[0]!.text;
    await hoverMark(page, first.slice(0, 30));
    await page.clickByRole('button', 'Flag claim');
    await waitFor(() => page.findByRole('dialog', 'Flag claim'), 5000);
    await page.close();
  });
});
