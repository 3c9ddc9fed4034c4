// `npm run screenshots`: pictures of the real extension at work, for the README and the store
// listing. Drives the built extension (`extension/`; the npm script builds it first, this builds
// nothing) in Debian's headless Chromium over the demo article served on 127.0.0.1, subscribed to
// the sample fact-check feed, with a handful of notes seeded through the background. For the light
// and the dark colour scheme it writes, 1280×800 each (see screenshot-plan.ts):
//
//   article-marks-<scheme>.png   the article at the "Digital Rights Act (DSA)" correction
//   editor-<scheme>.png          a sentence selected and the in-page editor filled in
//   card-<scheme>.png            a saved claim's card, opened by clicking its highlight
//   popup-<scheme>.png           the toolbar popup (rendered at a popup's size) over the article
//   review-<scheme>.png          the review page with the seeded notes
//
// Usage: tsx scripts/screenshots.ts [--out DIR]   (default store/screenshots/)
// Environment: CHROME_PATH picks the Chromium binary; FACTMARK_EXTENSION_DIR another unpacked
// extension; FACTMARK_WAIT_SCALE stretches every wait's time-out.
//
// Every wait ends on a condition (a highlight painted, a dialog shown, rows listed), never a fixed
// sleep; a wait that runs out says which step and what it waited for.
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import {
  clickByRole,
  findByRole,
  framesDrawn,
  highlights,
  inPage,
  isPainted,
  launchChromium,
  type ScreenshotBrowser,
  scrollToHighlight,
  selectText,
  serveDemo,
  until,
} from './screenshot-browser';
import {
  CARD_NOTE,
  type ColorScheme,
  DEMO_NOTES,
  DSA_PHRASE,
  EDITOR_CLAIM,
  type NoteAnchor,
  noteDraft,
  parseScreenshotArgs,
  SCHEMES,
  type ShotName,
  shotFile,
  VIEWPORT,
} from './screenshot-plan';
import { runAsScript } from './stdin-text';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DEMO_DIR = join(ROOT, 'demo');
/** The toolbar popup's size: its page is 380 px wide (popup.css); Chrome caps a popup at 600 px high. */
const POPUP = { width: 380, maxHeight: 600 };

const USAGE = `usage: tsx scripts/screenshots.ts [--out DIR]   (npm run screenshots builds first)

Writes article-marks, editor, card, popup and review screenshots, light and dark, 1280×800,
to store/screenshots/ (or DIR).`;

async function main(): Promise<void> {
  const parsed = parseScreenshotArgs(process.argv.slice(2));
  if (parsed.kind === 'invalid') throw new Error(`${parsed.reason}\n${USAGE}`);
  if (parsed.options.help) {
    console.log(USAGE);
    return;
  }
  const outDir = resolve(parsed.options.outDir);
  const extensionDir = resolve(process.env.FACTMARK_EXTENSION_DIR ?? join(ROOT, 'extension'));
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(
      `no built extension in ${extensionDir}: run \`node build.mjs\` first (npm run screenshots does)`,
    );
  }
  mkdirSync(outDir, { recursive: true });

  const server = await serveDemo(DEMO_DIR);
  let browser: ScreenshotBrowser | undefined;
  try {
    browser = await launchChromium(extensionDir);
    // An extension page to talk to the background from, as the popup and review page do.
    const extensionPage = await browser.context.newPage();
    await extensionPage.goto(browser.extensionUrl('review.html#rules'));
    await subscribeSampleFeed(extensionPage, server.feed);
    await seedNotes(browser, extensionPage, server.article);
    const shots = new Shots(browser, extensionPage, server.article, outDir);
    for (const scheme of SCHEMES) await shots.take(scheme);
  } finally {
    await browser?.close();
    await server.close();
  }
}

// ── Setting up: the sample feed and the notes ────────────────────────────────────────────────

interface Reply<T> {
  ok: boolean;
  value?: T;
  error?: string;
}

/** Sends one request to the background from an extension page, as its own pages do. */
function ask<T>(extensionPage: Page, type: string, payload: unknown): Promise<Reply<T>> {
  return extensionPage.evaluate(
    ({ type, payload }) =>
      (
        globalThis as unknown as {
          chrome: { runtime: { sendMessage(message: unknown): Promise<Reply<unknown>> } };
        }
      ).chrome.runtime.sendMessage({ factmark: 1, type, payload }),
    { type, payload },
  ) as Promise<Reply<T>>;
}

async function subscribeSampleFeed(extensionPage: Page, feed: string): Promise<void> {
  const reply = await ask<{ list: { title: string; factChecks: number } }>(extensionPage, 'lists/subscribe', {
    url: feed,
  });
  if (!reply.ok || !reply.value)
    throw new Error(`subscribing to the sample feed ${feed} failed: ${reply.error}`);
  const { title, factChecks } = reply.value.list;
  console.log(`subscribed to “${title}” (${factChecks} sample fact-checks)`);
}

/**
 * Each note's quote selector (the text around it, its offsets in the article's text), read from
 * the article as the browser lays it out, then the notes saved through the background as a tab's
 * editor saves them — filed under the article's canonical address, so they are on the demo page
 * whatever port serves it.
 */
async function seedNotes(browser: ScreenshotBrowser, extensionPage: Page, article: string): Promise<void> {
  const page = await browser.context.newPage();
  await page.goto(article);
  const anchors = await inPage(
    page,
    (quotes: string[]) => {
      const skip = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA']);
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT, {
        acceptNode: (n) => (n.parentElement && skip.has(n.parentElement.tagName) ? 2 : 1),
      });
      let all = '';
      for (let n = walker.nextNode(); n; n = walker.nextNode()) all += (n as Text).data;
      return quotes.map((quote) => {
        const start = all.indexOf(quote);
        if (start < 0) return null;
        const end = start + quote.length;
        return {
          prefix: all.slice(Math.max(0, start - 32), start),
          suffix: all.slice(end, end + 32),
          start,
          end,
        };
      });
    },
    DEMO_NOTES.map((note) => note.quote),
  );
  await page.close();
  for (const [i, note] of DEMO_NOTES.entries()) {
    const anchor: NoteAnchor | null | undefined = anchors[i];
    if (!anchor) throw new Error(`seeding the notes: "${note.quote}" is not in the demo article`);
    const reply = await ask(extensionPage, 'claims/save', noteDraft(note, anchor));
    if (!reply.ok) throw new Error(`seeding the notes: saving "${note.quote}" failed: ${reply.error}`);
  }
  console.log(`seeded ${DEMO_NOTES.length} notes on the demo article`);
}

// ── The shots ────────────────────────────────────────────────────────────────────────────────

class Shots {
  constructor(
    private readonly browser: ScreenshotBrowser,
    private readonly extensionPage: Page,
    private readonly article: string,
    private readonly outDir: string,
  ) {}

  async take(scheme: ColorScheme): Promise<void> {
    const article = await this.openArticle(scheme);
    await this.articleMarks(article, scheme);
    await this.editor(article, scheme);
    await this.card(article, scheme);
    await this.popup(article, scheme);
    await article.close();
    await this.review(scheme);
  }

  /** The article in `scheme`, once every mark the shots show is painted. */
  private async openArticle(scheme: ColorScheme): Promise<Page> {
    const step = `opening the demo article (${scheme})`;
    const page = await this.newPage(scheme);
    await page.goto(this.article);
    await until(step, `the built-in correction highlighted over "${DSA_PHRASE}"`, () =>
      isPainted(page, DSA_PHRASE),
    );
    for (const note of DEMO_NOTES) {
      await until(step, `the seeded note highlighted over "${note.quote}"`, () =>
        isPainted(page, note.quote),
      );
    }
    await until(step, 'a "fact-checked before" mark from the sample feed', async () => {
      return ((await highlights(page))['factmark-factchecked'] ?? []).length > 0;
    });
    await until(step, 'the check-worthy sentence marks', async () => {
      return ((await highlights(page))['factmark-checkworthy'] ?? []).length > 0;
    });
    return page;
  }

  private async articleMarks(page: Page, scheme: ColorScheme): Promise<void> {
    const step = `article-marks (${scheme})`;
    await until(step, `the "${DSA_PHRASE}" highlight to scroll to`, () =>
      scrollToHighlight(page, DSA_PHRASE, 0.55),
    );
    await framesDrawn(page);
    await this.save(page, 'article-marks', scheme);
  }

  private async editor(page: Page, scheme: ColorScheme): Promise<void> {
    const step = `editor (${scheme})`;
    if (!(await selectText(page, EDITOR_CLAIM.quote, 0.12))) {
      throw new Error(`${step}: "${EDITOR_CLAIM.quote}" is not in the demo article`);
    }
    await clickByRole(page, step, 'button', 'Flag claim');
    await until(step, 'the in-page editor (a dialog named "Flag claim")', () =>
      findByRole(page, 'dialog', 'Flag claim'),
    );
    // The fact-check the sample feed has close to this sentence, listed under "Fact-checked before?".
    await until(step, `the editor's close fact-checks (a region named "${EDITOR_CLAIM.suggestions}")`, () =>
      findByRole(page, 'region', EDITOR_CLAIM.suggestions),
    );
    // Focus starts on Verdict; then Correction, Note, Sources and Tags, in tab order.
    for (let i = 0; i < EDITOR_CLAIM.verdictSteps; i++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Tab');
    await page.keyboard.type(EDITOR_CLAIM.correction);
    for (let i = 0; i < 3; i++) await page.keyboard.press('Tab');
    await page.keyboard.type(EDITOR_CLAIM.tags);
    await framesDrawn(page);
    await this.warnIfCutOff(page, step, 'Flag claim');
    await this.save(page, 'editor', scheme);
    // Cancelled, so the review page lists the seeded notes alone.
    await page.keyboard.press('Escape');
    await until(
      step,
      'the editor to close after Escape',
      async () => !(await findByRole(page, 'dialog', 'Flag claim')),
    );
    await inPage(page, () => window.getSelection()?.removeAllRanges());
  }

  private async card(page: Page, scheme: ColorScheme): Promise<void> {
    const step = `card (${scheme})`;
    const point = await until(step, `the highlight over "${CARD_NOTE.quote}"`, () =>
      scrollToHighlight(page, CARD_NOTE.quote, 0.22),
    );
    await framesDrawn(page);
    await page.mouse.click(point.x, point.y);
    await until(step, 'the claim\'s card (a dialog named "Claim")', () =>
      findByRole(page, 'dialog', 'Claim'),
    );
    await framesDrawn(page);
    await this.warnIfCutOff(page, step, 'Claim');
    await this.save(page, 'card', scheme);
    await page.keyboard.press('Escape');
    await until(
      step,
      'the card to close after Escape',
      async () => !(await findByRole(page, 'dialog', 'Claim')),
    );
  }

  /**
   * The popup as it opens over the article's tab: popup.html about that tab, rendered at a
   * popup's size, then laid over the top of the article as the browser shows it.
   */
  private async popup(article: Page, scheme: ColorScheme): Promise<void> {
    const step = `popup (${scheme})`;
    const tabId = await until(step, "the article's tab to answer (its id)", () =>
      this.tabShowing(article.url()),
    );
    const popup = await this.newPage(scheme);
    await popup.setViewportSize({ width: POPUP.width, height: POPUP.maxHeight });
    await popup.goto(this.browser.extensionUrl(`popup.html?tab=${tabId}`));
    await until(step, `the popup to list the page's ${DEMO_NOTES.length} claims`, () =>
      popup.evaluate(
        (count) =>
          document.querySelectorAll('ul.claims > li').length === count &&
          document.querySelectorAll('.detection-status').length > 0,
        DEMO_NOTES.length,
      ),
    );
    const height = await popup.evaluate(() => document.documentElement.scrollHeight);
    await popup.setViewportSize({ width: POPUP.width, height: Math.min(height, POPUP.maxHeight) });
    await framesDrawn(popup);
    const popupPng = await popup.screenshot();
    await popup.close();

    await article.evaluate(() => window.scrollTo(0, 0));
    await framesDrawn(article);
    const articlePng = await article.screenshot();
    const board = await this.newPage(scheme);
    await board.setContent(popupOverArticle(articlePng, popupPng, scheme));
    await until(step, 'the composed picture to load', () =>
      board.evaluate(() => Array.from(document.images).every((img) => img.complete && img.naturalWidth > 0)),
    );
    await framesDrawn(board);
    await this.save(board, 'popup', scheme);
    await board.close();
  }

  private async review(scheme: ColorScheme): Promise<void> {
    const step = `review (${scheme})`;
    const page = await this.newPage(scheme);
    await page.goto(this.browser.extensionUrl('review.html'));
    await until(step, `the review page to list the ${DEMO_NOTES.length} seeded notes`, () =>
      page.evaluate((count) => document.querySelectorAll('.claim-row').length === count, DEMO_NOTES.length),
    );
    // One note cites a sample fact-check: its "Fact-checked by …" line comes with the answer.
    await until(step, 'a note\'s related fact-check line ("Fact-checked by …")', () =>
      page.evaluate(() => document.querySelectorAll('.fact-checked').length > 0),
    );
    await framesDrawn(page);
    await this.save(page, 'review', scheme);
    await page.close();
  }

  private async newPage(scheme: ColorScheme): Promise<Page> {
    const page = await this.browser.context.newPage();
    await page.setViewportSize(VIEWPORT);
    await page.emulateMedia({ colorScheme: scheme });
    return page;
  }

  /** The id of the tab showing `url`, asked of each tab's content script (tab URLs are hidden). */
  private tabShowing(url: string): Promise<number | null> {
    return this.extensionPage.evaluate(async (url) => {
      const api = (
        globalThis as unknown as {
          chrome: {
            tabs: {
              query(q: object): Promise<{ id?: number }[]>;
              sendMessage(
                id: number,
                m: unknown,
                o: object,
              ): Promise<{ ok: boolean; value: { url: string } }>;
            };
          };
        }
      ).chrome;
      for (const tab of await api.tabs.query({})) {
        if (tab.id === undefined) continue;
        const reply = await api.tabs
          .sendMessage(tab.id, { factmark: 1, type: 'tab/status', payload: {} }, { frameId: 0 })
          .catch(() => null);
        if (reply?.ok && reply.value.url === url) return tab.id;
      }
      return null;
    }, url);
  }

  /** Says so when the dialog named `name` does not fit in the viewport (the picture is still taken). */
  private async warnIfCutOff(page: Page, step: string, name: string): Promise<void> {
    const box = await findByRole(page, 'dialog', name);
    if (!box) return;
    const { width, height } = VIEWPORT;
    if (box.y < 0 || box.x < 0 || box.y + box.height > height || box.x + box.width > width) {
      console.warn(
        `warning: ${step}: the dialog "${name}" is cut off by the viewport (${JSON.stringify(box)})`,
      );
    }
  }

  private async save(page: Page, shot: ShotName, scheme: ColorScheme): Promise<void> {
    const file = join(this.outDir, shotFile(shot, scheme));
    writeFileSync(file, await page.screenshot({ type: 'png' }));
    const size = statSync(file).size;
    console.log(`wrote ${relative(process.cwd(), file) || file} (${Math.round(size / 1024)} KB)`);
  }
}

/** A page showing the article's picture with the popup's laid over its top right corner. */
function popupOverArticle(article: Buffer, popup: Buffer, scheme: ColorScheme): string {
  const src = (png: Buffer) => `data:image/png;base64,${png.toString('base64')}`;
  const edge = scheme === 'dark' ? 'rgba(255,255,255,0.16)' : 'rgba(0,0,0,0.14)';
  return `<!doctype html><html><head><style>
  html, body { margin: 0; width: ${VIEWPORT.width}px; height: ${VIEWPORT.height}px; overflow: hidden; }
  .article { position: absolute; inset: 0; }
  .popup { position: absolute; top: 10px; right: 16px; border-radius: 8px; border: 1px solid ${edge};
    box-shadow: 0 10px 32px rgba(0,0,0,0.38), 0 2px 6px rgba(0,0,0,0.2); }
</style></head><body>
  <img class="article" alt="" src="${src(article)}">
  <img class="popup" alt="" src="${src(popup)}">
</body></html>`;
}

runAsScript(import.meta.url, 'screenshots', main);
