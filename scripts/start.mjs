// `npm start`: build the extension, serve demo/ on 127.0.0.1 and open the demo article in a real
// browser with the extension loaded and a fresh temporary profile.
//
//   node scripts/start.mjs                          Chromium, with a window
//   node scripts/start.mjs --browser firefox        Firefox ESR, with a window
//   node scripts/start.mjs --headless --screenshot FILE
//                                                   no window: write a PNG of the demo page
//                                                   (with the extension running) and exit
//
// The screenshot shows the article at its "Digital Rights Act (DSA)" correction, once the
// extension has painted it, with the correction's card open (Chromium; Firefox shows the
// highlight without the card).
//
// With no display (neither DISPLAY nor WAYLAND_DISPLAY) and no --headless, it says so and writes
// the screenshot to factmark-demo.png instead. Environment: CHROME_PATH / FIREFOX_PATH pick the
// browser binary; FACTMARK_EXTENSION_DIR loads another unpacked extension and skips the build.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEMO_PAGE, demoServer, listen, SAMPLE_FEED } from './demo-server.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DEMO_DIR = join(ROOT, 'demo');
const PREFERRED_PORT = 8787;

// ── Arguments ────────────────────────────────────────────────────────────────────────────────

function parseArgs(argv) {
  const opts = { browser: 'chromium', headless: false, screenshot: null, help: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--browser') opts.browser = argv[++i];
    else if (a.startsWith('--browser=')) opts.browser = a.slice('--browser='.length);
    else if (a === '--firefox') opts.browser = 'firefox';
    else if (a === '--chromium' || a === '--chrome') opts.browser = 'chromium';
    else if (a === '--headless') opts.headless = true;
    else if (a === '--screenshot') opts.screenshot = argv[++i];
    else if (a.startsWith('--screenshot=')) opts.screenshot = a.slice('--screenshot='.length);
    else if (a === '--help' || a === '-h') opts.help = true;
    else throw new Error(`unknown argument: ${a} (try --help)`);
  }
  if (opts.browser !== 'chromium' && opts.browser !== 'firefox') {
    throw new Error(`--browser must be chromium or firefox, not ${opts.browser}`);
  }
  if (opts.screenshot === undefined) throw new Error('--screenshot needs a file name');
  if (opts.screenshot) opts.headless = true;
  return opts;
}

// ── Browser discovery ────────────────────────────────────────────────────────────────────────

const CANDIDATES = {
  chromium: {
    env: 'CHROME_PATH',
    paths: ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'],
    install: 'sudo apt-get update && sudo apt-get install -y chromium',
  },
  firefox: {
    env: 'FIREFOX_PATH',
    paths: ['/usr/bin/firefox-esr', '/usr/bin/firefox'],
    install: 'sudo apt-get update && sudo apt-get install -y firefox-esr',
  },
};

function findBrowser(kind) {
  const c = CANDIDATES[kind];
  const fromEnv = process.env[c.env];
  if (fromEnv && !existsSync(fromEnv)) console.warn(`${c.env}=${fromEnv} does not exist; looking elsewhere`);
  const list = fromEnv ? [fromEnv, ...c.paths] : c.paths;
  for (const p of list) {
    if (existsSync(p)) {
      console.log(`${kind}: using ${p}${p === fromEnv ? ` (from ${c.env})` : ''}`);
      return p;
    }
  }
  console.error(`${kind}: not found (looked at ${list.join(', ')}).`);
  console.error(`Install it with:\n\n    ${c.install}\n`);
  console.error(`or point ${c.env} at the browser binary.`);
  return null;
}

// ── Static server for demo/ ──────────────────────────────────────────────────────────────────

async function serve(dir) {
  const server = demoServer(dir);
  let port;
  try {
    port = await listen(server, PREFERRED_PORT);
  } catch (error) {
    if (error.code !== 'EADDRINUSE') throw error;
    port = await listen(server, 0);
    console.log(`port ${PREFERRED_PORT} is busy; using ${port}`);
  }
  return {
    server,
    url: `http://127.0.0.1:${port}/${DEMO_PAGE}`,
    feed: `http://127.0.0.1:${port}/${SAMPLE_FEED}`,
  };
}

// ── Browsers ─────────────────────────────────────────────────────────────────────────────────

const isRoot = process.getuid?.() === 0;

function chromiumArgs(ext, profile) {
  return [
    ...(isRoot ? ['--no-sandbox'] : []),
    `--user-data-dir=${profile}`,
    `--disable-extensions-except=${ext}`,
    `--load-extension=${ext}`,
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-sync',
    '--disable-component-update',
  ];
}

/** The built-in correction the screenshot shows: the DSA is the Digital Services Act. */
const DSA_PHRASE = 'Digital Rights Act (DSA)';

/**
 * Polls `condition` (every 100 ms) until it answers something truthy, which it returns; null
 * after `timeoutMs`. Used where the screenshot waits for the extension to show something.
 */
async function waitUntil(condition, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await Promise.resolve()
      .then(condition)
      .catch(() => null);
    if (value) return value;
    if (Date.now() > deadline) return null;
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Chromium with the extension in a fresh profile, driven by playwright (with or without a
 * window), already subscribed to the sample fact-check feed — as a reader subscribes from the
 * Lists view, through the extension's own page.
 */
async function chromiumLaunch(exe, ext, { headless, feed }) {
  const { chromium } = await import('playwright-core');
  const profile = mkdtempSync(join(tmpdir(), 'factmark-start-'));
  const args = chromiumArgs(ext, profile).filter((a) => !a.startsWith('--user-data-dir='));
  // Headless: outside hosts fail fast; the demo is on 127.0.0.1.
  if (headless) args.push('--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1');
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: exe,
    headless,
    args,
    viewport: headless ? { width: 1280, height: 900 } : null,
  });
  const worker =
    context.serviceWorkers()[0] ??
    (await context.waitForEvent('serviceworker', { timeout: 10_000 }).catch(() => null));
  let subscribed = false;
  if (worker) subscribed = await subscribeSampleFeed(context, new URL(worker.url()).host, feed);
  else console.warn('warning: the extension service worker did not start within 10 s');
  return {
    context,
    subscribed,
    close: async () => {
      await context.close().catch(() => {});
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

async function subscribeSampleFeed(context, extensionId, feed) {
  const page = await context.newPage();
  try {
    await page.goto(`chrome-extension://${extensionId}/review.html#rules`);
    const reply = await page.evaluate(
      (url) => chrome.runtime.sendMessage({ factmark: 1, type: 'lists/subscribe', payload: { url } }),
      feed,
    );
    if (reply?.ok) {
      const { title, factChecks } = reply.value.list;
      console.log(`subscribed to “${title}” (${factChecks} sample fact-checks; see ${SAMPLE_FEED} in demo/)`);
      return true;
    }
    console.warn(`warning: could not subscribe to the sample feed: ${reply?.error ?? 'no answer'}`);
    return false;
  } finally {
    await page.close();
  }
}

async function chromiumScreenshot(exe, ext, url, feed, file) {
  const browser = await chromiumLaunch(exe, ext, { headless: true, feed });
  try {
    const page = await browser.context.newPage();
    page.on('pageerror', (e) => console.warn(`page error: ${e.message}`));
    await page.goto(url);
    const point = await showCorrection(page, {
      'factmark-checkworthy': 'check-worthy sentence mark',
      ...(browser.subscribed ? { 'factmark-factchecked': '"fact-checked before" mark' } : {}),
    });
    if (point) await openCorrectionCard(page, point);
    await page.screenshot({ path: file });
  } finally {
    await browser.close();
  }
}

/**
 * Waits for the extension to paint the DSA correction and the other `marks` (highlight name →
 * what it is), then scrolls the correction to the upper part of the view.
 * Answers a point on it to click, or null (said as a warning) when it was not painted: the
 * screenshot then shows the page as it is. Runs with playwright's and puppeteer's pages alike.
 */
async function showCorrection(page, marks) {
  const painted = await waitUntil(
    () =>
      page.evaluate((phrase) => {
        for (const [name, highlight] of CSS.highlights) {
          if (!name.startsWith('factmark-') || name === 'factmark-checkworthy') continue;
          for (const range of highlight)
            if (range.toString().replace(/\s+/g, ' ').trim() === phrase) return true;
        }
        return false;
      }, DSA_PHRASE),
    30_000,
  );
  if (!painted) {
    console.warn(`warning: the "${DSA_PHRASE}" correction was not highlighted within 30 s`);
    return null;
  }
  for (const [name, what] of Object.entries(marks)) {
    const marked = await waitUntil(
      () => page.evaluate((n) => (CSS.highlights.get(n)?.size ?? 0) > 0, name),
      15_000,
    );
    if (!marked) console.warn(`warning: no ${what} appeared within 15 s`);
  }
  const point = await page.evaluate((phrase) => {
    for (const [name, highlight] of CSS.highlights) {
      if (!name.startsWith('factmark-') || name === 'factmark-checkworthy') continue;
      for (const range of highlight) {
        if (range.toString().replace(/\s+/g, ' ').trim() !== phrase) continue;
        const top = range.getClientRects()[0]?.top ?? 0;
        window.scrollTo(0, Math.max(0, window.scrollY + top - window.innerHeight * 0.3));
        const box = range.getClientRects()[0];
        return box ? { x: box.left + Math.min(box.width / 2, 24), y: box.top + box.height / 2 } : null;
      }
    }
    return null;
  }, DSA_PHRASE);
  await framesDrawn(page);
  return point;
}

/** Resolves once the page has drawn two more frames (what was scrolled or opened is on screen). */
function framesDrawn(page) {
  return page.evaluate(
    () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))),
  );
}

/**
 * Clicks the correction as a reader would and waits for its card (a dialog named "Correction" in
 * the extension's closed shadow root, found through the accessibility tree over CDP: page scripts
 * cannot see into it). Chromium only; a card that does not open is a warning.
 */
async function openCorrectionCard(page, point) {
  await page.mouse.click(point.x, point.y);
  const shown = await waitUntil(() => hasDialog(page, 'Correction'), 10_000);
  if (!shown) console.warn('warning: the correction’s card did not open within 10 s');
  await framesDrawn(page);
}

async function hasDialog(page, name) {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
    const { nodes } = await cdp.send('Accessibility.queryAXTree', {
      backendNodeId: root.backendNodeId,
      role: 'dialog',
      accessibleName: name,
    });
    return nodes.some((node) => !node.ignored);
  } finally {
    await cdp.detach().catch(() => {});
  }
}

async function firefoxLaunch(exe, ext, headless) {
  const { default: puppeteer } = await import('puppeteer-core');
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: exe,
    headless,
    // With a window, Ctrl-C is ours: close the browser (puppeteer removes its temp profile) and exit 0.
    handleSIGINT: headless,
    handleSIGTERM: headless,
    handleSIGHUP: headless,
    defaultViewport: headless ? { width: 1280, height: 900 } : null,
    extraPrefsFirefox: headless
      ? {
          // Outside hosts fail fast: everything but loopback goes to a dead proxy.
          'network.proxy.type': 1,
          'network.proxy.http': '127.0.0.1',
          'network.proxy.http_port': 9,
          'network.proxy.ssl': '127.0.0.1',
          'network.proxy.ssl_port': 9,
          'network.proxy.no_proxies_on': '127.0.0.1,localhost',
          'network.proxy.allow_hijacking_localhost': false,
        }
      : {},
  });
  await browser.installExtension(ext);
  return browser;
}

async function firefoxScreenshot(exe, ext, url, file) {
  const browser = await firefoxLaunch(exe, ext, true);
  try {
    const page = await browser.newPage();
    await page.goto(url);
    // The highlight without its card: finding the card in Firefox's closed shadow root takes
    // WebDriver BiDi calls this script does not make.
    await showCorrection(page, {});
    await page.screenshot({ path: file });
  } finally {
    await browser.close();
  }
}

async function chromiumWindow(exe, ext, url, feed) {
  const browser = await chromiumLaunch(exe, ext, { headless: false, feed });
  const page = browser.context.pages()[0] ?? (await browser.context.newPage());
  await page.goto(url).catch((e) => console.warn(`navigation: ${e.message.split('\n')[0]}`));
  return {
    exited: new Promise((ok) => browser.context.once('close', ok)),
    stop: () => browser.close(),
  };
}

async function firefoxWindow(exe, ext, url) {
  const browser = await firefoxLaunch(exe, ext, false);
  const pages = await browser.pages();
  const page = pages[0] ?? (await browser.newPage());
  await page.goto(url).catch((e) => console.warn(`navigation: ${e.message.split('\n')[0]}`));
  return {
    exited: new Promise((ok) => browser.once('disconnected', ok)),
    stop: () => browser.close().catch(() => {}),
  };
}

// ── Main ─────────────────────────────────────────────────────────────────────────────────────

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (opts.help) {
    console.log('usage: node scripts/start.mjs [--browser chromium|firefox] [--headless --screenshot FILE]');
    return 0;
  }
  const hasDisplay = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
  if (!opts.headless && !hasDisplay) {
    console.log(
      'No display (neither DISPLAY nor WAYLAND_DISPLAY is set): taking a headless screenshot instead.',
    );
    opts.headless = true;
    opts.screenshot = 'factmark-demo.png';
  }
  if (opts.headless && !opts.screenshot) opts.screenshot = 'factmark-demo.png';

  const exe = findBrowser(opts.browser);
  if (!exe) return 1;

  let ext = process.env.FACTMARK_EXTENSION_DIR ? resolve(process.env.FACTMARK_EXTENSION_DIR) : null;
  if (ext) {
    console.log(`extension: ${ext} (FACTMARK_EXTENSION_DIR; not building)`);
  } else {
    console.log('building the extension: node build.mjs');
    const build = spawnSync(process.execPath, ['build.mjs'], { cwd: ROOT, stdio: 'inherit' });
    if (build.status !== 0) {
      console.error('build failed — fix the errors above, then run npm start again');
      return 1;
    }
    ext = join(ROOT, 'extension');
  }
  if (!existsSync(join(ext, 'manifest.json'))) {
    console.error(`no manifest.json in ${ext}`);
    return 1;
  }

  const { server, url, feed } = await serve(DEMO_DIR);
  console.log(`serving ${DEMO_DIR} at ${url}`);
  try {
    if (opts.headless) {
      const file = resolve(opts.screenshot);
      console.log(`opening ${url} in headless ${opts.browser}…`);
      if (opts.browser === 'firefox') await firefoxScreenshot(exe, ext, url, file);
      else await chromiumScreenshot(exe, ext, url, feed, file);
      console.log(`screenshot written to ${file}`);
      return 0;
    }
    console.log(
      `opening ${url} in ${opts.browser} with a fresh profile — close the browser or press Ctrl-C to stop`,
    );
    if (opts.browser === 'firefox') {
      console.log(
        `to see "fact-checked before" marks, subscribe to the sample feed: Factmark's popup → Lists → ${feed}`,
      );
    }
    const run =
      opts.browser === 'firefox'
        ? await firefoxWindow(exe, ext, url)
        : await chromiumWindow(exe, ext, url, feed);
    const onSignal = () => run.stop();
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    await run.exited;
    return 0;
  } finally {
    server.close();
    server.closeAllConnections();
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
