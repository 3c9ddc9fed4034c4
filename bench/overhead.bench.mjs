// What Factmark costs a page load, side by side in one run (issue #11): the same headless
// Chromium, launched twice with separate profiles, once with the built extension and once
// without. Each corpus news page and the seed article is loaded LOADS times in each, alternately;
// 5 s after the load event, the page's renderer reports its main-thread work (CDP
// Performance.getMetrics, TaskDuration: every task the renderer ran, the content script's
// included). Outside hosts are blocked (DNS and request routing), so only the saved page runs.
//
// The extension runs at its defaults plus 1,000 correction rules (phrases from the corpus, 5% of
// them from the page itself) and 20 saved claims on every page (quotes from its own paragraphs),
// stored through the extension's own messages.
//
// Beside them, a third browser shows the floor: Factmark's own package with a content script that
// does nothing (same manifest, stylesheet and background). What it adds is what Chromium charges
// any extension that injects a script and a stylesheet into every page, before Factmark does any
// work; the figures above it are Factmark's own.
//
// Also measured, the same way: a page with FRAMES cross-origin frames (what every frame pays),
// and how many of 20 open tabs do work when the reader saves a claim on one page (a tab counts
// when its main-thread work in the 3 s after the save exceeds its work in a quiet 3 s before by
// more than NOISE_MS).
//
// Prints a table with the targets and writes bench/results/overhead.json.
// Usage: node build.mjs && node bench/run.mjs overhead   (BENCH_LOADS=1 BENCH_PAGES=bbc,seed for a
// quick run; BENCH_EXTENSION=dir for another build)
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_SWITCHES } from '../scripts/chromium-switches.mjs';
import { PAGES } from './corpus-pages.mjs';
import { mulberry32 } from './seeded-random.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
// BENCH_EXTENSION=dir measures another build of the extension (an experiment beside the current one).
const EXTENSION = process.env.BENCH_EXTENSION ?? join(ROOT, 'extension');
const LOADS = Number(process.env.BENCH_LOADS ?? 3);
const SETTLE_MS = 5_000;
const RULES = 1_000;
const CLAIMS_PER_PAGE = 20;
const FRAMES = 5;
const OTHER_TABS = 20;
const NOISE_MS = 5;
const TARGETS = { medianMs: 10, worstMs: 25, allPercent: 2, frameBytes: 5 * 1024, tabsReindexed: 1 };

// ---- Pages ---------------------------------------------------------------------------------

const framesPage = (frameOrigin) =>
  `<!doctype html><meta charset="utf-8"><title>Framed</title><h1>A story with embeds</h1>
  ${'<p>The council approved the budget by nine votes to two after a long debate.</p>'.repeat(20)}
  ${Array.from({ length: FRAMES }, (_, i) => `<iframe src="${frameOrigin}/embed-${i}.html"></iframe>`).join('')}`;
const embedPage = (i) =>
  `<!doctype html><meta charset="utf-8"><title>Embed ${i}</title><p>An advertisement, number ${i}.</p>`;

/** Two servers: the pages, and a second origin (another port) for the cross-origin frames. */
async function serve() {
  const files = new Map(PAGES);
  const listen = (handler) =>
    new Promise((ok) => {
      const server = createServer(handler);
      server.listen(0, '127.0.0.1', () => ok(server));
    });
  const send = (res, body) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
    res.end(body);
  };
  const frames = await listen((req, res) => {
    const match = /^\/embed-(\d+)\.html$/.exec(req.url ?? '');
    if (!match) return void res.writeHead(404).end();
    send(res, embedPage(match[1]));
  });
  const frameOrigin = `http://127.0.0.1:${frames.address().port}`;
  const pages = await listen((req, res) => {
    const name = (req.url ?? '/').slice(1).split('?')[0];
    if (name === 'framed.html') return send(res, framesPage(frameOrigin));
    const file = files.get(name);
    if (!file) return void res.writeHead(404).end();
    send(res, readFileSync(file));
  });
  return {
    origin: `http://127.0.0.1:${pages.address().port}`,
    close: () => Promise.all([pages, frames].map((s) => new Promise((ok) => s.close(ok)))),
  };
}

// ---- Browsers ------------------------------------------------------------------------------

/** A copy of the extension whose content script does nothing: the floor any such extension pays. */
function floorExtension() {
  const dir = mkdtempSync(join(tmpdir(), 'factmark-floor-'));
  cpSync(EXTENSION, dir, { recursive: true });
  writeFileSync(join(dir, 'content.js'), '"use strict";\n');
  return dir;
}

async function launch(withExtension, extension = EXTENSION) {
  const profile = mkdtempSync(join(tmpdir(), 'factmark-overhead-'));
  const args = [...CHROMIUM_SWITCHES];
  if (withExtension) args.push(`--disable-extensions-except=${extension}`, `--load-extension=${extension}`);
  else args.push('--disable-extensions');
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    headless: true,
    args,
    viewport: { width: 1280, height: 900 },
  });
  await context.route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, (route) => route.abort());
  let id = null;
  if (withExtension) {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    id = worker.url().split('/')[2];
  }
  return {
    context,
    id,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Main-thread work of a page's renderer so far, in ms (CDP TaskDuration). */
async function taskMs(cdp) {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return (metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0) * 1000;
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Loads `url` in a fresh tab and answers the renderer's main-thread work SETTLE_MS after load. */
async function loadCost(context, url) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  await page.goto(url, { waitUntil: 'load', timeout: 60_000 }).catch(() => undefined);
  await sleep(SETTLE_MS);
  const ms = await taskMs(cdp);
  await page.close();
  return ms;
}

// ---- Seeding the extension's data ------------------------------------------------------------

/** Quotes (from its own paragraphs) and phrases (2–4 word runs) of a page, as a reader sees it. */
async function readPage(context, url) {
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'load', timeout: 60_000 }).catch(() => undefined);
  const found = await page.evaluate(() => {
    const paragraphs = [...document.querySelectorAll('p')]
      .map((p) => p.textContent ?? '')
      .filter((t) => !t.includes('\n') && t.trim().length >= 60);
    const quotes = paragraphs.map((t) => {
      const text = t.trim();
      const cut = text.lastIndexOf(' ', 120);
      return text.slice(0, cut > 40 ? cut : 120);
    });
    // biome-ignore lint/performance/useDomNodeTextContent: the text a reader sees, not script source
    const phrases = (document.body?.innerText ?? '').match(/[\p{L}\p{N}]+(?: [\p{L}\p{N}]+){1,3}/gu) ?? [];
    return { quotes, phrases: phrases.filter((p) => /\p{L}{5}/u.test(p)) };
  });
  await page.close();
  return found;
}

/** Sends one request to the background from an extension page, as Factmark's own pages do. */
const send = (page, type, payload) =>
  page.evaluate(
    async ([type, payload]) => {
      const reply = await chrome.runtime.sendMessage({ factmark: 1, type, payload });
      if (!reply?.ok) throw new Error(`${type}: ${reply?.error}`);
      return reply.value;
    },
    [type, payload],
  );

const claimDraft = (url, exact) => ({
  url,
  title: 'Benchmark page',
  quote: { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' },
  position: { type: 'TextPositionSelector', start: 0, end: exact.length },
  verdict: 'false',
  correction: 'A correction for the benchmark.',
  note: '',
  sources: [],
  tags: [],
});

async function seed(browser, origin, pages) {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.id}/manifest.json`);
  const random = mulberry32(11);
  const seen = new Set();
  const all = pages.flatMap((p) => p.phrases);
  const own = pages.flatMap((p) => p.phrases.slice(0, 4));
  let rules = 0;
  for (const phrase of [...own, ...all.sort(() => random() - 0.5)]) {
    if (rules >= RULES) break;
    const key = phrase.toLowerCase();
    if (seen.has(key) || phrase.length > 60) continue;
    seen.add(key);
    await send(page, 'rules/save', {
      phrase,
      matchCase: false,
      verdict: 'misleading',
      correction: 'A rule for the benchmark.',
      note: '',
      sources: [],
    });
    rules++;
  }
  let claims = 0;
  for (const { name, quotes } of pages) {
    const step = Math.max(1, Math.floor(quotes.length / CLAIMS_PER_PAGE));
    for (let i = 0, n = 0; i < quotes.length && n < CLAIMS_PER_PAGE; i += step, n++) {
      await send(page, 'claims/save', claimDraft(`${origin}/${name}`, quotes[i]));
      claims++;
    }
  }
  await page.close();
  return { rules, claims };
}

// ---- Figures -------------------------------------------------------------------------------

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const r1 = (x) => Math.round(x * 10) / 10;

/** Tabs that work when a claim is saved on one page: their work after the save beyond a quiet window. */
async function tabsThatWork(browser, origin, allPages) {
  // The claim is saved on a page that has a paragraph to quote; the other tabs show the rest.
  const first = allPages.find((p) => p.quotes.length > 0) ?? allPages[0];
  const pages = [first, ...allPages.filter((p) => p !== first)];
  const target = `${origin}/${pages[0].name}`;
  const tabs = [];
  for (let i = 0; i <= OTHER_TABS; i++) {
    const url = i === 0 ? target : `${origin}/${pages[1 + ((i - 1) % (pages.length - 1))].name}?tab=${i}`;
    const page = await browser.context.newPage();
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
    await page.goto(url, { waitUntil: 'load', timeout: 60_000 }).catch(() => undefined);
    tabs.push({ url, page, cdp });
  }
  await sleep(SETTLE_MS);
  const window = async (act) => {
    const before = await Promise.all(tabs.map((t) => taskMs(t.cdp)));
    await act();
    await sleep(3_000);
    const after = await Promise.all(tabs.map((t) => taskMs(t.cdp)));
    return after.map((ms, i) => ms - before[i]);
  };
  const quiet = await window(async () => undefined);
  const ext = await browser.context.newPage();
  await ext.goto(`chrome-extension://${browser.id}/manifest.json`);
  const saved = await window(() => send(ext, 'claims/save', claimDraft(target, pages[0].quotes.at(-1))));
  await ext.close();
  const working = saved.map((ms, i) => ms - quiet[i]).filter((extra) => extra > NOISE_MS).length;
  for (const t of tabs) await t.page.close();
  return { tabs: tabs.length, working, extraMs: saved.map((ms, i) => r1(ms - quiet[i])) };
}

async function main() {
  const server = await serve();
  const plain = await launch(false);
  const factmark = await launch(true);
  const floorDir = floorExtension();
  const floor = await launch(true, floorDir);
  try {
    console.log(
      `Reading ${PAGES.length} pages, then seeding ${RULES} rules and ${CLAIMS_PER_PAGE} claims a page…`,
    );
    const pages = [];
    for (const [name] of PAGES)
      pages.push({ name, ...(await readPage(plain.context, `${server.origin}/${name}`)) });
    const seeded = await seed(factmark, server.origin, pages);
    console.log(
      `Seeded ${seeded.rules} rules and ${seeded.claims} claims. Loading each page ${LOADS}× in each browser…`,
    );

    const rows = [];
    for (const [name] of [...PAGES, ['framed.html']]) {
      const url = `${server.origin}/${name}`;
      const base = [];
      const withFloor = [];
      const withFactmark = [];
      const browsers = [
        [plain, base],
        [floor, withFloor],
        [factmark, withFactmark],
      ];
      for (let i = 0; i < LOADS; i++) {
        // In turns, starting with a different browser each time, so a slow moment of the machine
        // falls on every side.
        for (let k = 0; k < browsers.length; k++) {
          const [browser, costs] = browsers[(i + k) % browsers.length];
          costs.push(await loadCost(browser.context, url));
        }
      }
      const baseMs = median(base);
      const floorMs = median(withFloor);
      const factmarkMs = median(withFactmark);
      rows.push({
        page: name,
        base_ms: r1(baseMs),
        floor_ms: r1(floorMs),
        factmark_ms: r1(factmarkMs),
        added_ms: r1(factmarkMs - baseMs),
        floor_added_ms: r1(floorMs - baseMs),
      });
      const cell = (ms) => r1(ms).toString().padStart(7);
      console.log(
        `${name.padEnd(24)} page ${cell(baseMs)} ms   floor +${cell(floorMs - baseMs)} ms   Factmark +${cell(factmarkMs - baseMs)} ms`,
      );
    }
    const news = rows.filter((r) => r.page !== 'framed.html');
    const framed = rows.find((r) => r.page === 'framed.html');
    const added = news.map((r) => r.added_ms);
    const floorAdded = news.map((r) => r.floor_added_ms);
    const percentOf = (ms) => (100 * ms.reduce((a, b) => a + b, 0)) / news.reduce((a, r) => a + r.base_ms, 0);
    const allPercent = percentOf(added);
    const floorPercent = percentOf(floorAdded);
    const tabs = await tabsThatWork(factmark, server.origin, pages);
    const frameBytes = statSync(join(EXTENSION, 'content.js')).size;

    const verdict = (ok) => (ok === null ? '' : ok ? 'met' : 'MISSED');
    const summary = [
      [
        'added to a page load, median',
        `${r1(median(added))} ms`,
        `≤ ${TARGETS.medianMs} ms`,
        median(added) <= TARGETS.medianMs,
      ],
      ['  floor (a content script doing nothing)', `${r1(median(floorAdded))} ms`, '', null],
      [
        'added to a page load, worst page',
        `${r1(Math.max(...added))} ms`,
        `≤ ${TARGETS.worstMs} ms`,
        Math.max(...added) <= TARGETS.worstMs,
      ],
      ['  floor, worst page', `${r1(Math.max(...floorAdded))} ms`, '', null],
      [
        'added over all pages',
        `${r1(allPercent)} %`,
        `≤ ${TARGETS.allPercent} %`,
        allPercent <= TARGETS.allPercent,
      ],
      ['  floor, over all pages', `${r1(floorPercent)} %`, '', null],
      [`page with ${FRAMES} cross-origin frames, added`, `${framed.added_ms} ms`, '', null],
      ['  floor, the same page', `${framed.floor_added_ms} ms`, '', null],
      [
        'script a cross-origin frame loads',
        `${r1(frameBytes / 1024)} KiB`,
        `≤ ${TARGETS.frameBytes / 1024} KiB`,
        frameBytes <= TARGETS.frameBytes,
      ],
      [
        `tabs working after one save (of ${tabs.tabs})`,
        String(tabs.working),
        `${TARGETS.tabsReindexed}`,
        tabs.working <= TARGETS.tabsReindexed,
      ],
    ];
    console.log('\nwhat                                       figure      target     ');
    for (const [what, figure, target, ok] of summary)
      console.log(`${what.padEnd(42)} ${figure.padStart(10)}  ${target.padEnd(10)} ${verdict(ok)}`);
    console.log(
      `(load average ${loadavg().map(r1).join(' ')}; the peer is the same browser without Factmark; the floor is Factmark's package with a content script that does nothing)`,
    );

    mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
    writeFileSync(
      join(ROOT, 'bench/results/overhead.json'),
      `${JSON.stringify({ loads: LOADS, settle_ms: SETTLE_MS, seeded, rows, all_percent: r1(allPercent), floor_all_percent: r1(floorPercent), frame_bytes: frameBytes, tabs, targets: TARGETS, load_average: loadavg() }, null, 2)}\n`,
    );
  } finally {
    await factmark.close();
    await floor.close();
    rmSync(floorDir, { recursive: true, force: true });
    await plain.close();
    await server.close();
  }
}

await main();
