// Check-worthy sentence scoring in real headless Chromium, on the largest corpus pages and the seed
// article, with the content script's own code (src/content/article-body.ts, text-index.ts and the
// sliced scorer in checkworthy.ts, bundled by esbuild and injected into the page).
//
// Per page: the article's words and sentences; the scan (index the text, find the body, split it);
// on a freshly loaded page (cold, median of COLD_LOADS loads) the detector's first call in one
// piece and the sliced run the content script does (time busy, longest slice); the same warm
// (median of WARM_RUNS); and the Long Tasks (> 50 ms) the browser saw during the sliced runs.
// Targets: ≤ 20 ms per 10,000 words; no task > 50 ms.
//
// Writes bench/results/detect.json. Run: node bench/run.mjs detect (after node build.mjs).
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { chromium } from 'playwright-core';
import { sharedPath } from '../scripts/shared-dir.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CORPUS = sharedPath('corpus', 'news');
const PAGES = [
  ['guardian-1.html', join(CORPUS, 'guardian-1.html')],
  ['yahoo-1.html', join(CORPUS, 'yahoo-1.html')],
  ['wikipedia-2.html', join(CORPUS, 'wikipedia-2.html')],
  ['nytimes-1.html', join(CORPUS, 'nytimes-1.html')],
  ['seed-article.html', join(ROOT, 'tests/fixtures/pages/seed-article.html')],
];
const COLD_LOADS = 5;
const WARM_RUNS = 15;

// The bench entry: the content script's modules, exposed to the page as window.__factmarkBench.
const ENTRY = `
import { TextIndex } from './src/content/text-index';
import { bodySentences, findArticleBody } from './src/content/article-body';
import { nextSlice, scoreInSlices } from './src/content/checkworthy';
import { scoreSentences } from './src/core/detect';

const longTasks = [];
try {
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) longTasks.push(e.duration);
  }).observe({ type: 'longtask', buffered: true });
} catch {}

/** nextSlice, timing each slice of work between two calls of it. */
function timedSlices() {
  const slices = [];
  let resumed = null;
  const end = () => {
    if (resumed !== null) slices.push(performance.now() - resumed);
    resumed = null;
  };
  const next = async () => {
    end();
    const budget = await nextSlice();
    resumed = performance.now();
    return budget;
  };
  return { next, end, slices };
}

/** The content script's scan: the page's text index (built by PageClaims), the body, its sentences. */
async function scan(sliced) {
  const t0 = performance.now();
  const index = TextIndex.build(document.body);
  const indexMs = performance.now() - t0;
  const timer = timedSlices();
  const t1 = performance.now();
  const sentences = await bodySentences(index, findArticleBody(document), sliced ? timer.next : undefined);
  timer.end();
  const texts = sentences.map((s) => s.text);
  const words = texts.reduce((n, t) => n + (t.match(/\\S+/g) ?? []).length, 0);
  return { indexMs, scanMs: sliced ? timer.slices.reduce((a, b) => a + b, 0) : performance.now() - t1, scanSlices: timer.slices, texts, words };
}

window.__factmarkBench = {
  async scan() {
    const { indexMs, scanMs, texts, words } = await scan(false);
    return { indexMs, scanMs, words, sentences: texts.length };
  },
  async whole() {
    const { texts } = await scan(false);
    const t0 = performance.now();
    scoreSentences(texts);
    return performance.now() - t0;
  },
  async sliced() {
    const { texts, scanMs, scanSlices } = await scan(true);
    await new Promise((r) => setTimeout(r, 50)); // the index build's task ends before long tasks count
    longTasks.length = 0;
    const t0 = performance.now();
    const result = await scoreInSlices(texts, nextSlice);
    const wallMs = performance.now() - t0;
    await new Promise((r) => setTimeout(r, 50)); // long-task entries arrive after the task
    const whole = scoreSentences(texts);
    const maxDiff = Math.max(0, ...whole.map((w, i) => Math.abs(w - result.scores[i])));
    return { ...result.stats, maxDiff, scanMs, scanLongestMs: Math.max(0, ...scanSlices), wallMs, longTasks: [...longTasks] };
  },
};
`;

async function bundle(dir) {
  const out = join(dir, 'bench-detect.js');
  await esbuild.build({
    stdin: { contents: ENTRY, resolveDir: ROOT, loader: 'ts', sourcefile: 'bench-detect-entry.ts' },
    bundle: true,
    format: 'iife',
    target: ['chrome120'],
    minify: true, // as the extension's build
    outfile: out,
    logLevel: 'warning',
  });
  return readFile(out, 'utf8');
}

function serve() {
  const files = new Map(PAGES);
  const server = createServer(async (req, res) => {
    const file = files.get((req.url ?? '/').slice(1).split('?')[0]);
    if (!file) return void res.writeHead(404).end();
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
    res.end(await readFile(file));
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(server)));
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const max = (xs) => Math.max(0, ...xs);
const r1 = (x) => Math.round(x * 10) / 10;

async function main() {
  const tmp = await mkdtemp(join(tmpdir(), 'factmark-bench-detect-'));
  const script = await bundle(tmp);
  const server = await serve();
  const origin = `http://127.0.0.1:${server.address().port}`;
  const args = [
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
    '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1',
  ];
  if (process.getuid?.() === 0) args.unshift('--no-sandbox');
  const context = await chromium.launchPersistentContext(join(tmp, 'profile'), {
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    headless: true,
    args,
    viewport: { width: 1280, height: 900 },
  });
  // Outside hosts are blocked twice over: DNS above, and requests here.
  await context.route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, (route) => route.abort());

  const load = async (name) => {
    const page = await context.newPage();
    await page.goto(`${origin}/${name}`, { waitUntil: 'load' });
    await page.addScriptTag({ content: script });
    return page;
  };

  const rows = [];
  try {
    for (const [name] of PAGES) {
      const coldWhole = [];
      const coldSliced = [];
      let shape = null;
      for (let i = 0; i < COLD_LOADS; i++) {
        let page = await load(name);
        shape ??= await page.evaluate(() => window.__factmarkBench.scan());
        coldWhole.push(await page.evaluate(() => window.__factmarkBench.whole()));
        await page.close();
        page = await load(name);
        coldSliced.push(await page.evaluate(() => window.__factmarkBench.sliced()));
        await page.close();
      }
      const page = await load(name);
      const scans = [];
      const indexes = [];
      const warmWhole = [];
      const warmSliced = [];
      await page.evaluate(() => window.__factmarkBench.whole()); // warm up
      for (let i = 0; i < WARM_RUNS; i++) {
        const scanned = await page.evaluate(() => window.__factmarkBench.scan());
        scans.push(scanned.scanMs);
        indexes.push(scanned.indexMs);
        warmWhole.push(await page.evaluate(() => window.__factmarkBench.whole()));
        warmSliced.push(await page.evaluate(() => window.__factmarkBench.sliced()));
      }
      await page.close();
      const per10k = (ms) => (shape.words > 0 ? (ms * 10_000) / shape.words : 0);
      const allLong = [...coldSliced, ...warmSliced].flatMap((s) => s.longTasks);
      rows.push({
        page: name,
        words: shape.words,
        sentences: shape.sentences,
        indexBuildMs: r1(median(indexes)),
        scanMs: r1(median(scans)),
        coldScanLongestSliceMs: r1(max(coldSliced.map((s) => s.scanLongestMs))),
        coldFirstCallWholeMs: r1(median(coldWhole)),
        coldSlicedBusyMs: r1(median(coldSliced.map((s) => s.busyMs))),
        coldSlicedFirstCallMs: r1(median(coldSliced.map((s) => s.firstCallMs))),
        coldLongestSliceMs: r1(max(coldSliced.map((s) => s.longestMs))),
        slicedVsWholeMaxDiff: max([...coldSliced, ...warmSliced].map((s) => s.maxDiff)),
        coldSlices: median(coldSliced.map((s) => s.slices)),
        coldSlicedWallMs: r1(median(coldSliced.map((s) => s.wallMs))),
        warmWholeMs: r1(median(warmWhole)),
        warmSlicedBusyMs: r1(median(warmSliced.map((s) => s.busyMs))),
        warmLongestSliceMs: r1(max(warmSliced.map((s) => s.longestMs))),
        coldWholePer10kWordsMs: r1(per10k(median(coldWhole))),
        warmWholePer10kWordsMs: r1(per10k(median(warmWhole))),
        coldSlicedBusyPer10kWordsMs: r1(per10k(median(coldSliced.map((s) => s.busyMs)))),
        longTasksOver50Ms: allLong.length,
        longestLongTaskMs: r1(max(allLong)),
      });
    }
  } finally {
    await context.close();
    server.close();
    await rm(tmp, { recursive: true, force: true });
  }

  console.log(
    `Check-worthy scoring in Chromium (cold: median of ${COLD_LOADS} fresh loads; warm: median of ${WARM_RUNS} runs; ms)`,
  );
  console.table(
    rows.map((r) => ({
      page: r.page,
      words: r.words,
      sents: r.sentences,
      'index (PageClaims)': r.indexBuildMs,
      'scan warm': r.scanMs,
      'scan max slice': r.coldScanLongestSliceMs,
      'cold 1 call': r.coldFirstCallWholeMs,
      'warm 1 call': r.warmWholeMs,
      'cold sliced busy': r.coldSlicedBusyMs,
      'cold max slice': r.coldLongestSliceMs,
      'warm max slice': r.warmLongestSliceMs,
      'cold 1 call/10kw': r.coldWholePer10kWordsMs,
      'warm 1 call/10kw': r.warmWholePer10kWordsMs,
      'cold sliced/10kw': r.coldSlicedBusyPer10kWordsMs,
      'tasks>50': r.longTasksOver50Ms,
    })),
  );
  const longest = max(
    rows.flatMap((r) => [r.coldLongestSliceMs, r.warmLongestSliceMs, r.coldScanLongestSliceMs]),
  );
  // Per 10,000 words only where a page has thousands of words: on a short page the one-off
  // cold cost (compiling the model) dominates, and its absolute time is what matters.
  const big = rows.filter((r) => r.words >= 5000);
  const small = rows.filter((r) => r.words < 5000);
  const longTasks = rows.reduce((n, r) => n + r.longTasksOver50Ms, 0);
  console.log(
    `longest slice of the content script's path (scan and scoring): ${longest} ms (aim ≤ 10; target: no task > 50)` +
      `\nper 10,000 words on ${big.map((r) => r.page).join(', ') || '(no page ≥ 5,000 words)'}: ` +
      `one call cold ${max(big.map((r) => r.coldWholePer10kWordsMs))}, warm ${max(big.map((r) => r.warmWholePer10kWordsMs))}; ` +
      `sliced busy cold ${max(big.map((r) => r.coldSlicedBusyPer10kWordsMs))} ms (target ≤ 20)` +
      `\nshorter pages, whole article: one call cold ≤ ${max(small.map((r) => r.coldFirstCallWholeMs))} ms, ` +
      `sliced busy cold ≤ ${max(small.map((r) => r.coldSlicedBusyMs))} ms` +
      `\nsliced scores vs one call: max difference ${max(rows.map((r) => r.slicedVsWholeMaxDiff)).toExponential(1)}` +
      `\nlong tasks (> 50 ms) during sliced scoring: ${longTasks}` +
      `\n(the text index column is PageClaims' existing build, one task, shared with claim anchoring)`,
  );
  const dir = join(ROOT, 'bench/results');
  await mkdir(dir, { recursive: true });
  await writeFile(
    join(dir, 'detect.json'),
    `${JSON.stringify({ date: new Date().toISOString(), coldLoads: COLD_LOADS, warmRuns: WARM_RUNS, rows }, null, 2)}\n`,
  );
}

await main();
