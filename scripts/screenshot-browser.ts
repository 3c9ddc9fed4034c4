// The browser side of `npm run screenshots`: finds and launches Debian's headless Chromium with the
// built extension (as tests/e2e/support/browsers.ts does, with the same switches, waiting and
// search by role: chromium-switches.mjs, poll-until.ts, find-by-role.ts; never a downloaded
// browser), closes the welcome tab the extension may open on install, serves demo/ on 127.0.0.1
// (demo-server.mjs, as `npm start` does), and the few things a shot waits for or does in a page —
// every wait ends on a condition, named for the error it gives.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { CHROMIUM_SWITCHES } from './chromium-switches.mjs';
import { DEMO_PAGE, demoServer, listen, SAMPLE_FEED } from './demo-server.mjs';
import { type Box, findByRole as findByRoleIn } from './find-by-role';
import { pollUntil } from './poll-until';
import { withDarkStyle } from './screenshot-plan';

// ── Waiting ──────────────────────────────────────────────────────────────────────────────────

/** How long a step may wait for what it waits for; a working extension ends the wait at once. */
const STEP_TIMEOUT_MS = 30_000 * Number(process.env.FACTMARK_WAIT_SCALE ?? 1);

/**
 * Polls `condition` until it answers something truthy (returned). After the step's time-out it
 * throws, naming the step and what it waited for.
 */
export function until<T>(
  step: string,
  waitingFor: string,
  condition: () => T | Promise<T>,
  timeoutMs = STEP_TIMEOUT_MS,
): Promise<NonNullable<T>> {
  return pollUntil(condition, { timeoutMs, intervalMs: 50 }, (lastError) => {
    const cause = lastError instanceof Error ? ` (last error: ${lastError.message.split('\n')[0]})` : '';
    return new Error(`${step}: timed out after ${timeoutMs / 1000} s waiting for ${waitingFor}${cause}`);
  });
}

// ── Chromium ─────────────────────────────────────────────────────────────────────────────────

export const CHROMIUM_PATH = process.env.CHROME_PATH ?? '/usr/bin/chromium';

export interface ScreenshotBrowser {
  context: BrowserContext;
  extensionId: string;
  /** `chrome-extension://ID/<path>` */
  extensionUrl(path: string): string;
  close(): Promise<void>;
}

/** Chromium with the unpacked extension at `extensionDir`, headless, in a fresh temporary profile. */
export async function launchChromium(extensionDir: string): Promise<ScreenshotBrowser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM_PATH}${process.env.CHROME_PATH ? ' (CHROME_PATH)' : ''}. ` +
        'Install it with:\n\n    sudo apt-get update && sudo apt-get install -y chromium\n\n' +
        'or point CHROME_PATH at a Chromium binary. (Browser downloads are not used.)',
    );
  }
  const profile = mkdtempSync(join(tmpdir(), 'factmark-screenshots-'));
  // Outside hosts fail fast (CHROMIUM_SWITCHES): everything the shots need is on 127.0.0.1.
  const args = [
    ...CHROMIUM_SWITCHES,
    '--no-default-browser-check',
    '--hide-scrollbars',
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
  ];
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM_PATH,
      headless: true,
      args,
      viewport: { width: 1280, height: 800 },
    });
  } catch (error) {
    rmSync(profile, { recursive: true, force: true });
    throw new Error(`could not start Chromium (${CHROMIUM_PATH}): ${String(error).split('\n')[0]}`);
  }
  const close = async () => {
    await context.close().catch(() => {});
    rmSync(profile, { recursive: true, force: true });
  };
  try {
    closeWelcomeTabs(context);
    const worker =
      context.serviceWorkers()[0] ??
      (await context.waitForEvent('serviceworker', { timeout: STEP_TIMEOUT_MS }).catch(() => null));
    if (!worker)
      throw new Error(`launch: the extension's service worker did not start (from ${extensionDir})`);
    const extensionId = new URL(worker.url()).host;
    return {
      context,
      extensionId,
      extensionUrl: (path) => `chrome-extension://${extensionId}/${path}`,
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

/**
 * Closes the extension's welcome page (`…/welcome.html`) whenever a tab shows it — it may open on
 * install, before or after this is called, or never.
 */
function closeWelcomeTabs(context: BrowserContext): void {
  const isWelcome = (url: string) => /^chrome-extension:\/\/[^/]+\/welcome\.html(?:[?#]|$)/.test(url);
  const watch = (page: Page) => {
    const check = () => {
      if (!isWelcome(page.url())) return;
      console.log("closed the extension's welcome tab");
      void page.close().catch(() => {});
    };
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame()) check();
    });
    check();
  };
  for (const page of context.pages()) watch(page);
  context.on('page', watch);
}

// ── In a page ────────────────────────────────────────────────────────────────────────────────

/**
 * Runs `fn(arg)` in the page's main world. Shipped as source with a `__name` shim: tsx keeps
 * function names by wrapping nested functions in `__name(...)`, which the page lacks.
 */
export function inPage<T, A = undefined>(page: Page, fn: (arg: A) => T, arg?: A): Promise<Awaited<T>> {
  const source = `(() => { const __name = (f) => f; return (${fn.toString()})(${arg === undefined ? '' : JSON.stringify(arg)}); })()`;
  return page.evaluate(source) as Promise<Awaited<T>>;
}

/** Every Factmark highlight (check-worthy marks and fact-check marks too), with its ranges' text. */
export function highlights(page: Page): Promise<Record<string, string[]>> {
  return inPage(page, () => {
    const out: Record<string, string[]> = {};
    for (const [name, highlight] of CSS.highlights) {
      if (!name.startsWith('factmark-')) continue;
      const texts: string[] = [];
      for (const range of highlight) texts.push(range.toString().replace(/\s+/g, ' ').trim());
      out[name] = texts;
    }
    return out;
  });
}

/** Whether some claim or correction highlight covers exactly `text` (white space collapsed). */
export async function isPainted(page: Page, text: string): Promise<boolean> {
  const all = await highlights(page);
  return Object.entries(all).some(
    ([name, texts]) =>
      name !== 'factmark-checkworthy' &&
      name !== 'factmark-factchecked' &&
      name !== 'factmark-pulse' &&
      texts.includes(text),
  );
}

/**
 * Scrolls the highlighted range over `text` to `at` (a fraction of the viewport's height from its
 * top) and answers a point inside it to click; null while there is none.
 */
export function scrollToHighlight(
  page: Page,
  text: string,
  at = 0.5,
): Promise<{ x: number; y: number } | null> {
  return inPage(
    page,
    ({ text, at }) => {
      for (const [name, highlight] of CSS.highlights) {
        if (!name.startsWith('factmark-') || name === 'factmark-checkworthy') continue;
        for (const range of highlight) {
          const r = range as Range;
          if (r.toString().replace(/\s+/g, ' ').trim() !== text) continue;
          const first = r.getClientRects()[0];
          if (!first) continue;
          window.scrollTo(0, Math.max(0, window.scrollY + first.top - window.innerHeight * at));
          const box = r.getClientRects()[0]!;
          return { x: box.left + Math.min(box.width / 2, 24), y: box.top + box.height / 2 };
        }
      }
      return null;
    },
    { text, at },
  );
}

/**
 * Selects `text` in the page (its first occurrence), with its start `at` (a fraction of the
 * viewport's height) from the top, and lets go of the mouse there, as a reader's selection ends.
 * Answers false when the text is not on the page.
 */
export function selectText(page: Page, text: string, at = 0.3): Promise<boolean> {
  return inPage(
    page,
    ({ text, at }) => {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const offset = (node as Text).data.indexOf(text);
        if (offset < 0) continue;
        const range = document.createRange();
        range.setStart(node, offset);
        range.setEnd(node, offset + text.length);
        const top = range.getClientRects()[0]?.top ?? 0;
        window.scrollTo(0, Math.max(0, window.scrollY + top - window.innerHeight * at));
        const selection = window.getSelection()!;
        selection.removeAllRanges();
        selection.addRange(range);
        const box = range.getBoundingClientRect();
        const init = { bubbles: true, cancelable: true, composed: true, view: window, button: 0 };
        node.parentElement!.dispatchEvent(
          new MouseEvent('mouseup', { ...init, clientX: box.right, clientY: box.bottom }),
        );
        return true;
      }
      return false;
    },
    { text, at },
  );
}

/** Resolves after the page has drawn two more frames (a scroll or a new card is on screen). */
export function framesDrawn(page: Page): Promise<void> {
  return inPage(
    page,
    () => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))),
  );
}

/**
 * The viewport box of the first element with this ARIA role and accessible name, even inside the
 * extension's closed shadow root (find-by-role.ts), measured where it is: a shot shows the page as
 * it stands, and a dialog cut off by the view is told (screenshots.ts). Null when there is none.
 */
export function findByRole(page: Page, role: string, name: string): Promise<Box | null> {
  return findByRoleIn(page, role, name, { scrollIntoView: false });
}

/** Waits for the element (see findByRole), then clicks its centre with the real mouse. */
export async function clickByRole(page: Page, step: string, role: string, name: string): Promise<void> {
  const box = await until(step, `a ${role} named "${name}"`, () => findByRole(page, role, name));
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
}

// ── The demo article, served ─────────────────────────────────────────────────────────────────

export interface DemoServer {
  article: string;
  feed: string;
  close(): Promise<void>;
}

/**
 * Serves `dir` (demo/) on 127.0.0.1 at a free port, as `npm start` does (demo-server.mjs); the
 * article comes with the dark style of the dark shots (screenshot-plan.ts), inert in the light
 * scheme.
 */
export async function serveDemo(dir: string): Promise<DemoServer> {
  const server = demoServer(dir, { rewriteArticle: withDarkStyle });
  server.keepAliveTimeout = 1000;
  const origin = `http://127.0.0.1:${await listen(server, 0)}`;
  return {
    article: `${origin}/${DEMO_PAGE}`,
    feed: `${origin}/${SAMPLE_FEED}`,
    close: () =>
      new Promise<void>((ok) => {
        server.close(() => ok());
        server.closeAllConnections();
      }),
  };
}
