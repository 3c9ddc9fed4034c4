// axe-core in the pages under test, in real Chromium and real Firefox: inject the library itself
// (node_modules/axe-core/axe.min.js) into a page's main world and run it there; switch the
// browser's colour scheme between light and dark; and let axe into the extension's closed shadow
// root (<factmark-ui>).
//
// ── The closed shadow root ──────────────────────────────────────────────────────────────────────
// A page's scripts (axe among them) cannot reach a closed root: `host.shadowRoot` is null. The
// browser's automation protocol can, as the harness's clickByRole does: Chromium's CDP describes
// the host with `pierce: true` and resolves its shadow root to an object in the page's main world;
// Firefox's WebDriver BiDi serialises the host with `includeShadowTree: 'all'` and hands the root
// back as an argument of a main-world function. `exposeClosedRoot` gives that one host an own
// `shadowRoot` getter that answers the real root, so axe walks into it exactly as into an open
// root — the UI as the content script rendered it, with its adopted stylesheet, its real states
// and positions. Nothing in the extension changes; the page's scripts could not do the same (only
// the driver holds the root), so the root stays closed for what the extension guards against.
// The content script's own world never sees the getter (Chromium: an isolated world; Firefox:
// Xray vision), so the UI behaves as it does for a reader. axe finds colours by a grid it lays
// over <body> only, and the host is a child of <html>: runAxe lets that grid reach it (below).
//
// ── Colour schemes ──────────────────────────────────────────────────────────────────────────────
// Chromium: Playwright's `emulateMedia({ colorScheme })` on each page (extension pages too).
// Firefox: WebDriver BiDi has no colour-scheme emulation and puppeteer's needs CDP, so a tiny
// helper extension written here (permission "browserSettings") sets
// `browserSettings.overrideContentColorScheme` to dark when installed; uninstalling it brings
// back the light scheme. Both take effect at once in every open tab, extension pages included.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page as PwPage } from 'playwright-core';
import puppeteer, { type Browser as PpBrowser, type Page as PpPage } from 'puppeteer-core';
import { type TestBrowser, type TestPage, waitFor } from './browsers';
import { chromiumContexts } from './extension-pages';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Every Firefox the harness launches in the importing test file (browsers.ts calls
 * `puppeteer.launch`; this is the same puppeteer-core instance), for the BiDi connection and
 * the pages behind the harness's tabs. Chromium's contexts are recorded by extension-pages.ts.
 */
const firefoxes: PpBrowser[] = [];
const launch = puppeteer.launch.bind(puppeteer);
puppeteer.launch = (async (...args: Parameters<typeof launch>) => {
  const browser = await launch(...args);
  firefoxes.push(browser);
  return browser;
}) as typeof puppeteer.launch;

export type ColorScheme = 'light' | 'dark';

/** One axe violation, as the tests print it: the rule, and each element with what is wrong. */
export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string; html: string; summary: string }[];
}

/** What axe found on a page: its violations, and the rules it could not decide ("incomplete"). */
export interface AxeReport {
  violations: AxeViolation[];
  incomplete: AxeViolation[];
}

/** Runs in the page (serialised): axe.run over `selector` (the whole document when null). */
async function runInPage(selector: string | null): Promise<AxeReport> {
  // biome-ignore lint/suspicious/noExplicitAny: axe is the injected global.
  const axe = (window as any).axe;
  const brief = (r: {
    id: string;
    impact?: string | null;
    help: string;
    nodes: { target: unknown[]; html: string; failureSummary?: string }[];
  }) => ({
    id: r.id,
    impact: r.impact ?? null,
    help: r.help,
    nodes: r.nodes.map((n) => ({
      target: JSON.stringify(n.target),
      html: n.html.slice(0, 200),
      summary: (n.failureSummary ?? '').replace(/\s+/g, ' ').slice(0, 300),
    })),
  });
  const context = selector ? document.querySelector(selector) : document;
  if (!context) throw new Error(`axe: no ${selector} in the page`);
  // axe lays out its grid of what covers what (colour contrast needs it) by walking <body> only,
  // so it would find no background for an element after <body> (the extension's host is a child
  // of <html>): for the run, its walk over <body> goes on past <body>'s end, through the rest of
  // <html>. Nothing in the page moves or changes.
  const body = document.body;
  const outside = context !== document && body !== null && !body.contains(context);
  const walk = document.createTreeWalker;
  if (outside) {
    document.createTreeWalker = function (root: Node, ...rest: [number?, NodeFilter?]) {
      if (root !== body) return walk.call(this, root, ...rest);
      const walker = walk.call(this, document.documentElement, ...rest);
      walker.currentNode = body;
      return walker;
    };
  }
  let results: {
    violations: Parameters<typeof brief>[0][];
    incomplete: Parameters<typeof brief>[0][];
  };
  try {
    results = await axe.run(context, { resultTypes: ['violations', 'incomplete'] });
  } finally {
    if (outside) delete (document as { createTreeWalker?: unknown }).createTreeWalker;
  }
  return { violations: results.violations.map(brief), incomplete: results.incomplete.map(brief) };
}

/**
 * Injects axe-core (once per document) and runs it over the whole page, or over the element
 * `selector` and everything in it (shadow roots included that axe can see).
 */
export async function runAxe(page: TestPage, selector: string | null = null): Promise<AxeReport> {
  const present = await page.evaluate<boolean>('typeof window.axe?.run === "function"');
  if (!present) await page.evaluate(`${AXE_SOURCE}\n;void 0`);
  return page.evaluate<AxeReport>(
    `(() => { const __name = (f) => f; return (${runInPage.toString()})(${JSON.stringify(selector)}); })()`,
  );
}

/** Violations as readable lines, for a test's failure message. */
export function describeViolations(violations: readonly AxeViolation[]): string {
  return violations
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `    ${n.target} ${n.html}\n      ${n.summary}`).join('\n')}`,
    )
    .join('\n');
}

// ── The driver's page behind a harness tab ──────────────────────────────────────────────────────

let marks = 0;

/** Marks the tab's document with a token in its main world, then finds the driver page holding it. */
async function driverPage<T extends PwPage | PpPage>(page: TestPage, candidates: T[]): Promise<T> {
  const token = `axe-${process.pid}-${++marks}`;
  await page.evaluate((value: string) => {
    (window as unknown as { __factmarkAxeMark?: string }).__factmarkAxeMark = value;
  }, token);
  for (const candidate of candidates) {
    const seen = await (candidate as PwPage).evaluate('window.__factmarkAxeMark').catch(() => undefined);
    if (seen === token) return candidate;
  }
  throw new Error(`no ${page.browserName} driver page behind ${page.url()}`);
}

const playwrightPageOf = (page: TestPage) =>
  driverPage(
    page,
    chromiumContexts.flatMap((context) => context.pages()),
  );

/**
 * The puppeteer page behind a Firefox harness tab, and its browser: for what the harness's
 * TestPage does not do (BiDi calls; key chords, since it presses one key at a time).
 */
export async function puppeteerPageOf(page: TestPage): Promise<{ browser: PpBrowser; page: PpPage }> {
  for (const browser of firefoxes) {
    if (!browser.connected) continue;
    const found = await driverPage(page, await browser.pages()).catch(() => null);
    if (found) return { browser, page: found };
  }
  throw new Error(`no Firefox page behind ${page.url()}`);
}

// ── The closed shadow root ──────────────────────────────────────────────────────────────────────

/** Main-world function: the host answers its (closed) root as `shadowRoot`, for axe. */
const GIVE_ROOT = `function (host, root) {
  Object.defineProperty(host, 'shadowRoot', { configurable: true, get: () => root });
}`;

/**
 * Lets scripts in the page's main world (axe) see the closed shadow root of the element
 * `hostSelector` (default the extension's <factmark-ui>) as its `shadowRoot`. Run it once the
 * host is in the page; it lasts as long as the document.
 */
export async function exposeClosedRoot(page: TestPage, hostSelector = 'factmark-ui'): Promise<void> {
  if (page.browserName === 'chromium') return exposeInChromium(await playwrightPageOf(page), hostSelector);
  const { browser, page: ppPage } = await puppeteerPageOf(page);
  return exposeInFirefox(browser, ppPage, hostSelector);
}

async function exposeInChromium(page: PwPage, hostSelector: string): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { result: host } = await cdp.send('Runtime.evaluate', {
      expression: `document.querySelector(${JSON.stringify(hostSelector)})`,
    });
    if (!host.objectId) throw new Error(`exposeClosedRoot: no ${hostSelector} in the page`);
    const { node } = await cdp.send('DOM.describeNode', { objectId: host.objectId, depth: 1, pierce: true });
    const shadow = node.shadowRoots?.[0];
    if (!shadow) throw new Error(`exposeClosedRoot: ${hostSelector} has no shadow root`);
    // Resolved without an execution context id: in the frame's main world, as `host` was.
    const { object: root } = await cdp.send('DOM.resolveNode', { backendNodeId: shadow.backendNodeId });
    if (!root.objectId) throw new Error('exposeClosedRoot: the shadow root did not resolve');
    await cdp.send('Runtime.callFunctionOn', {
      objectId: host.objectId,
      functionDeclaration: `function (root) { (${GIVE_ROOT})(this, root); }`,
      arguments: [{ objectId: root.objectId }],
    });
  } finally {
    await cdp.detach().catch(() => {});
  }
}

interface BidiConnection {
  send(method: string, params: object): Promise<{ result: unknown }>;
}
interface BidiResult {
  type: 'success' | 'exception';
  result?: { sharedId?: string; value?: { shadowRoot?: { sharedId?: string } | null } };
  exceptionDetails?: { text: string };
}

async function exposeInFirefox(browser: PpBrowser, page: PpPage, hostSelector: string): Promise<void> {
  // The same stable puppeteer internals the harness uses for its BiDi calls (browsers.ts).
  const connection = (browser as unknown as { connection: BidiConnection }).connection;
  const target = { context: (page.mainFrame() as unknown as { _id: string })._id };
  const call = async (functionDeclaration: string, args: object[], serializationOptions?: object) => {
    const { result } = (await connection.send('script.callFunction', {
      functionDeclaration,
      target,
      arguments: args,
      awaitPromise: false,
      resultOwnership: 'none',
      ...(serializationOptions ? { serializationOptions } : {}),
    })) as { result: BidiResult };
    if (result.type !== 'success') throw new Error(result.exceptionDetails?.text ?? 'script error');
    return result.result;
  };
  const host = await call(
    '(selector) => document.querySelector(selector)',
    [{ type: 'string', value: hostSelector }],
    { includeShadowTree: 'all', maxDomDepth: 0 },
  );
  const root = host?.value?.shadowRoot?.sharedId;
  if (!host?.sharedId) throw new Error(`exposeClosedRoot: no ${hostSelector} in the page`);
  if (!root) throw new Error(`exposeClosedRoot: ${hostSelector} has no shadow root`);
  await call(GIVE_ROOT, [{ sharedId: host.sharedId }, { sharedId: root }]);
}

// ── Colour schemes ──────────────────────────────────────────────────────────────────────────────

const DARK_EXTENSION_ID = 'dark-scheme@factmark.test';
let darkExtensionDir: string | undefined;

/** The Firefox helper extension that asks for the dark scheme while it is installed. */
function darkExtension(): string {
  if (darkExtensionDir) return darkExtensionDir;
  // One fixed folder, written afresh each run (the same two files every time), so runs leave
  // nothing behind but it.
  const dir = join(tmpdir(), 'factmark-dark-scheme-extension');
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'manifest.json'),
    JSON.stringify({
      manifest_version: 2,
      name: 'Dark colour scheme (Factmark tests)',
      version: '1.0',
      permissions: ['browserSettings'],
      background: { scripts: ['background.js'] },
      browser_specific_settings: { gecko: { id: DARK_EXTENSION_ID } },
    }),
  );
  writeFileSync(
    join(dir, 'background.js'),
    "browser.browserSettings.overrideContentColorScheme.set({ value: 'dark' });\n",
  );
  darkExtensionDir = dir;
  return dir;
}

/** Firefoxes whose colour scheme is dark now (the helper extension is installed). */
const darkFirefoxes = new Set<PpBrowser>();

/**
 * Shows `page` in `scheme`, and waits until its `prefers-color-scheme` says so. Chromium: this
 * page only. Firefox: every tab of the browser (`browser` is the harness's browser it belongs to).
 */
export async function useColorScheme(
  browser: TestBrowser,
  page: TestPage,
  scheme: ColorScheme,
): Promise<void> {
  if (browser.name === 'chromium') {
    await (await playwrightPageOf(page)).emulateMedia({ colorScheme: scheme });
  } else {
    const { browser: firefox } = await puppeteerPageOf(page);
    if (scheme === 'dark' && !darkFirefoxes.has(firefox)) {
      await firefox.installExtension(darkExtension());
      darkFirefoxes.add(firefox);
    } else if (scheme === 'light' && darkFirefoxes.has(firefox)) {
      await firefox.uninstallExtension(DARK_EXTENSION_ID);
      darkFirefoxes.delete(firefox);
    }
  }
  await waitFor(
    () => page.evaluate<boolean>(`matchMedia('(prefers-color-scheme: ${scheme})').matches`),
    5000,
    50,
    `${page.url()} is not in the ${scheme} colour scheme`,
  );
}
