// Corrections on every page, in real headless Chromium (issue #3): on every corpus page and the
// seed article, the floor (one TreeWalker pass reading all text into one string), Factmark's full
// pass with 10, 1,000 and 10,000 rules and 50 saved claims, and mark.js highlighting the same
// 1,000 phrases, as the peer.
//
// Factmark's pass is the content script's own code, bundled by esbuild, driven the way
// src/content/page-session.tsx drives a page load: after the fetch (PageClaims.load),
// LiveText.rebuild (the TextIndex built in slices), PageClaims.reset/anchor (findQuote per claim,
// near its stored position first), PageCorrections.reset/scan (the text sent in windows to
// `corrections/find`, a Range per finding) and the Highlighter painting both layers. Only
// `src/request.ts` is swapped (an esbuild plugin) for a stub that answers `claims/for-page` from
// data the bench put in the page and `corrections/find` with the background's own code
// (findCorrections: the acronym check and findMatches over normalise(text)) over rules compiled
// in the page. In the extension that matching runs in the background, off the page's thread; here
// it runs in the page, so the pass's figure is the whole work, wherever it runs. The pass yields
// between its slices (scheduler.yield), as in the extension: its figure is wall time.
//
// Every figure is repeated inside the page until a batch lasts BATCH_MS (Chromium's timer is
// coarse), and the median of BATCHES batches is reported (warm). The first pass on a freshly
// loaded page is recorded too (cold). Also measured: compiling the 10,000 rules (the background
// does it once per rule change; a page loads no rules), anchoring 50 claims of which 10 were edited on wikipedia-2.html, and the
// JS memory the content-side structures hold with 10,000 rules (CDP Runtime.getHeapUsage after
// forced GCs, before and after: V8 heap + array-buffer backing stores + Blink's GC heap, where
// Ranges and Highlights live).
//
// mark.js runs in its own browser, one fresh page per corpus page, capped at MARKJS_TIMEOUT_MS;
// past that, or when it throws, its figure is null and the reason recorded.
//
// Writes bench/results.json (rows {page, rules, floor_ms, factmark_ms, markjs_ms}) and the full
// detail to bench/results/corrections.json. Run: node bench/run.mjs corrections (it bundles what it
// needs itself). BENCH_PAGES=wikipedia-2,seed runs some pages and BENCH_MARKJS=0 skips mark.js:
// such partial runs write bench/results/corrections-partial.json only.
import { readdirSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { chromium } from 'playwright-core';
import { CHROMIUM_SWITCHES } from '../scripts/chromium-switches.mjs';
import { sharedPath } from '../scripts/shared-dir.mjs';
import { PAGES, PARTIAL } from './corpus-pages.mjs';
import { mulberry32 } from './seeded-random.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CORPUS = sharedPath('corpus', 'news');
const RULE_COUNTS = [10, 1_000, 10_000];
const CLAIMS = 50;
const EDITED = 10;
const ANCHOR_PAGE = 'wikipedia-2.html';
const BATCH_MS = 40;
const BATCHES = 7;
const MARKJS_RULES = 1_000;
const MARKJS_TIMEOUT_MS = Number(process.env.MARKJS_TIMEOUT_MS ?? 60_000);
const RUN_MARKJS = process.env.BENCH_MARKJS !== '0';

const TARGETS = { floorRatio: 3, markjsRatio: 100, anchorMs: 50, memoryMb: 10 };

// ---- The page side: the content script's modules, exposed as window.__factmarkBench ----------

// Stands in for src/request.ts: answers from window.__factmarkReplies, as the background would.
const REQUEST_STUB = `
export async function request(type, payload) {
  const reply = globalThis.__factmarkReplies?.[type];
  return typeof reply === 'function' ? reply(payload) : reply;
}
`;

const ENTRY = `
import { Highlighter } from './src/content/highlighter';
import { LiveText } from './src/content/live-text';
import { PageClaims } from './src/content/page-claims';
import { PageCorrections } from './src/content/page-corrections';
import { Slicer } from './src/content/slices';
import { TextIndex } from './src/content/text-index';
import { checkAcronyms } from './src/core/acronyms';
import { describeRange, findQuote, PageText } from './src/core/anchor';
import { compileRules, findMatches, normalise } from './src/core/match';
import { correctionMargin, findCorrections } from './src/core/match/find-corrections';

const replies = (globalThis.__factmarkReplies = {});
let state = null;

/** Milliseconds per call of fn: calls it until a batch lasts minMs (the timer is coarse). */
async function perCall(fn, minMs) {
  let n = 0;
  const t0 = performance.now();
  let elapsed = 0;
  do {
    await fn();
    n++;
    elapsed = performance.now() - t0;
  } while (elapsed < minMs);
  return elapsed / n;
}

/** The floor: one TreeWalker pass reading every text node into one string. */
function floor() {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const parts = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) parts.push(node.data);
  return parts.join('');
}

/**
 * The content script's full pass on a page load (src/content/index.tsx, refreshPage after the
 * fetch): the text indexed in slices, claims anchored, the text checked, both layers painted.
 */
async function fullPass(s) {
  const slicer = new Slicer();
  await s.live.rebuild(slicer);
  s.pageClaims.reset();
  s.corrections.reset(true);
  await s.pageClaims.anchor(slicer);
  await s.corrections.scan(slicer);
}

const SENTENCE = /[^.!?\\u3002\\uff01\\uff1f\\n]{60,240}[.!?\\u3002\\uff01\\uff1f]/gu;
const WINDOW = /\\S+(?:\\s+\\S+){5}/gu;

/** count saved claims: sentences of the page spread evenly over it (word runs when too few). */
function makeClaims(count, edited) {
  const text = TextIndex.build(document.body).text;
  let spans = [];
  for (const m of text.matchAll(SENTENCE)) {
    const lead = m[0].length - m[0].trimStart().length;
    const s = m.index + lead;
    const e = m.index + m[0].trimEnd().length;
    // Prose: at least 60 characters and eight words once trimmed (not a reference line).
    if (e - s >= 60 && text.slice(s, e).split(/\\s+/).length >= 8) spans.push([s, e]);
  }
  if (spans.length < count) for (const m of text.matchAll(WINDOW)) spans.push([m.index, m.index + m[0].length]);
  if (spans.length === 0) return [];
  const picked = [];
  for (let i = 0; i < count; i++) picked.push(spans[Math.floor((i * spans.length) / count)]);
  const claims = [];
  picked.forEach(([s, e], i) => {
    const anchor = describeRange(text, s, e);
    if (!anchor) return;
    // Every fifth claim edited after saving, up to "edited": words inside the quote changed.
    if (i % 5 === 2 && i / 5 < edited) anchor.quote.exact = editWords(anchor.quote.exact);
    claims.push({
      id: 'c' + i, verdict: i % 3 === 0 ? 'false' : i % 3 === 1 ? 'misleading' : null,
      correction: '', sources: [], note: '', tags: [], url: location.href, title: document.title,
      pageKey: location.host + location.pathname, created: 0, updated: 0, ...anchor,
    });
  });
  return claims;
}

const SWAPS = ['new', 'said', 'about', 'nearly', 'several', 'reported', 'previously'];

/** Two words of a quote changed (a third and two thirds in), as an editor would: a page edit. */
function editWords(quote) {
  const words = quote.split(' ');
  for (const at of [Math.floor(words.length / 3), Math.floor((words.length * 2) / 3)]) {
    const word = words[at] ?? '';
    // A word of about the same length, so the edit stays the size of a word.
    const swap = SWAPS.reduce((a, b) => (Math.abs(b.length - word.length) < Math.abs(a.length - word.length) ? b : a));
    words[at] = swap === word ? 'others' : swap;
  }
  return words.join(' ');
}

window.__factmarkBench = {
  text: () => TextIndex.build(document.body).text,
  makeClaims,
  /** The rule set, as the bench hands it to the page. */
  payload(phrases) {
    return JSON.stringify({ phrases });
  },
  /** The background's rules, compiled (in the extension: once per rule change, in the background). */
  compile(payloadJson) {
    const { phrases } = JSON.parse(payloadJson);
    return {
      ids: phrases.map((_, i) => 'r' + i),
      verdicts: phrases.map((_, i) => (i % 2 ? 'false' : 'misleading')),
      compiled: compileRules(phrases.map((phrase) => ({ phrase }))),
    };
  },
  /** A content script's start on this page: claims fetched, then the full pass. */
  async setup(claims, payloadJson) {
    const rules = window.__factmarkBench.compile(payloadJson);
    replies['claims/for-page'] = () => claims;
    replies['corrections/find'] = ({ windows, builtIn }) => ({
      findings: findCorrections(windows, rules, builtIn),
      margin: correctionMargin(rules, builtIn),
    });
    const highlighter = new Highlighter();
    const live = new LiveText(() => document.body);
    const pageClaims = new PageClaims(() => live.current, highlighter, true);
    const corrections = new PageCorrections(highlighter, () => live.current);
    state = { claims, highlighter, live, pageClaims, corrections, payloadJson, rules };
    const t0 = performance.now();
    await pageClaims.load();
    const t1 = performance.now();
    await fullPass(state);
    const coldMs = performance.now() - t1;
    const status = pageClaims.status();
    return {
      coldMs,
      fetchMs: t1 - t0,
      claimsFound: status.claims.filter((c) => c.found).length,
      claims: status.claims.length,
      corrections: corrections.all().length,
    };
  },
  /** Forgets the stand-in background's rules: only what the content script keeps stays reachable. */
  dropPayload() {
    replies['corrections/find'] = undefined;
    state.payloadJson = null;
    state.rules = null;
  },
  floor: (minMs) => perCall(floor, minMs),
  pass: (minMs) => perCall(() => fullPass(state), minMs),
  /** Anchoring every saved claim afresh in the indexed text, as PageClaims does, and painting. */
  anchor: (minMs) =>
    perCall(async () => {
      state.pageClaims.reset();
      await state.pageClaims.anchor(new Slicer());
    }, minMs),
  /** findQuote alone over one PageText of the whole text: ms per pass, and how each was found. */
  async findOnly(minMs) {
    const text = state.live.current.text;
    const ms = await perCall(() => {
      const page = new PageText(text);
      for (const claim of state.claims) findQuote(page, claim);
    }, minMs);
    const page = new PageText(text);
    const results = state.claims.map((claim) => findQuote(page, claim));
    return { ms, found: results.map((r) => (r.kind === 'found' ? r.strategy : r.reason)) };
  },
  /** Compiling the rule set, as the background does once per rule change (no page loads rules). */
  load: (minMs) => perCall(() => window.__factmarkBench.compile(state.payloadJson), minMs),
  /** Where a pass's time goes: steps of it on the whole text at once (ms per call). */
  async breakdown(minMs) {
    const text = state.live.current.text;
    const compiled = state.rules.compiled;
    const folded = normalise(text);
    // The pass's three steps, as the content script runs them (wall time, slices included).
    const steps = { rebuild: 0, anchor: 0, scan: 0 };
    const rounds = 5;
    for (let i = 0; i < rounds; i++) {
      const slicer = new Slicer();
      const t0 = performance.now();
      await state.live.rebuild(slicer);
      const t1 = performance.now();
      state.pageClaims.reset();
      state.corrections.reset(true);
      await state.pageClaims.anchor(slicer);
      const t2 = performance.now();
      await state.corrections.scan(slicer);
      const t3 = performance.now();
      steps.rebuild += (t1 - t0) / rounds;
      steps.anchor += (t2 - t1) / rounds;
      steps.scan += (t3 - t2) / rounds;
    }
    return {
      ...steps,
      textIndex: await perCall(() => TextIndex.build(document.body), minMs),
      pageText: await perCall(() => new PageText(text).collapsed, minMs),
      acronyms: await perCall(() => checkAcronyms(text), minMs),
      normalise: await perCall(() => normalise(text), minMs),
      findMatches: await perCall(() => findMatches(compiled, folded), minMs),
      matches: findMatches(compiled, folded).length,
    };
  },
};
`;

async function bundle(dir) {
  const out = join(dir, 'bench-corrections.js');
  await esbuild.build({
    inject: [join(ROOT, 'bench/english-messages.ts')], // the UI's messages, in English
    stdin: { contents: ENTRY, resolveDir: ROOT, loader: 'ts', sourcefile: 'bench-corrections-entry.ts' },
    bundle: true,
    format: 'iife',
    target: ['chrome120'],
    minify: true, // as the extension's build
    outfile: out,
    logLevel: 'warning',
    plugins: [
      {
        name: 'request-stub',
        setup(build) {
          build.onResolve({ filter: /(^|\/)request$/ }, () => ({ path: 'request-stub', namespace: 'bench' }));
          build.onLoad({ filter: /.*/, namespace: 'bench' }, () => ({
            contents: REQUEST_STUB,
            loader: 'js',
          }));
        },
      },
    ],
  });
  return readFile(out, 'utf8');
}

// ---- Deterministic rule phrases -----------------------------------------------------------------

const RUN = /[\p{L}\p{N}]+(?:[ \u00a0][\p{L}\p{N}]+){1,3}/gu;
const HAN = /\p{scx=Han}/u;

/** Candidate phrases of a page's text: runs of 2–4 words with a word of 5+ letters (CJK: 4 chars). */
function phrasesOf(text) {
  const out = [];
  const collapsed = text.replace(/\s+/g, ' ');
  for (const m of collapsed.matchAll(RUN)) {
    let phrase = m[0].replace(/\u00a0/g, ' ');
    if (HAN.test(phrase)) phrase = phrase.slice(0, 4);
    else if (!/[\p{L}]{5}/u.test(phrase)) continue;
    out.push(phrase);
  }
  return out;
}

/** `count` distinct phrases: 5% (at least 3) from this page, the rest from the other pages. */
function ruleSet(page, count, candidates) {
  const random = mulberry32(count * 7919 + page.length);
  const own = candidates.get(page) ?? [];
  const others = [...candidates].filter(([name]) => name !== page).flatMap(([, list]) => list);
  const seen = new Set();
  const phrases = [];
  const take = (list, n) => {
    for (let tries = 0; phrases.length < n && tries < n * 50 && list.length > 0; tries++) {
      const phrase = list[Math.floor(random() * list.length)];
      const key = phrase.toLowerCase();
      if (seen.has(key)) continue;
      seen.add(key);
      phrases.push(phrase);
    }
  };
  take(own, Math.max(3, Math.round(count * 0.05)));
  take(others, count);
  return phrases;
}

// ---- Browser, server, measures ------------------------------------------------------------------

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

async function launch() {
  const browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_SWITCHES,
  });
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  // Outside hosts are blocked twice over: DNS above, and requests here.
  await context.route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, (route) => route.abort());
  return { browser, context };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const r3 = (x) => (x === null || x === undefined ? null : Math.round(x * 1000) / 1000);
const r2 = (x) => (x === null || x === undefined ? null : Math.round(x * 100) / 100);
const batches = async (fn) => {
  const xs = [];
  for (let i = 0; i < BATCHES; i++) xs.push(await fn());
  return median(xs);
};

async function heapUsed(cdp) {
  // Two collections: the first may leave objects that finalizers free for the second.
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const u = await cdp.send('Runtime.getHeapUsage');
  return {
    js: u.usedSize,
    buffers: u.backingStorageSize ?? 0,
    blink: u.embedderHeapUsedSize ?? 0,
  };
}

async function factmark(context, origin, script, name, candidates) {
  const open = async () => {
    const page = await context.newPage();
    await page.goto(`${origin}/${name}`, { waitUntil: 'load' });
    await page.addScriptTag({ content: script });
    return page;
  };
  let page = await open();
  const claims = await page.evaluate((n) => window.__factmarkBench.makeClaims(n, 0), CLAIMS);
  const floorMs = await batches(() => page.evaluate((ms) => window.__factmarkBench.floor(ms), BATCH_MS));
  const rows = [];
  const payloads = new Map();
  for (const count of RULE_COUNTS) {
    const phrases = ruleSet(name, count, candidates);
    const payload = await page.evaluate((p) => window.__factmarkBench.payload(p), phrases);
    payloads.set(count, { phrases, payload });
    // A fresh page per rule set: the first pass is cold, as on a real page load.
    await page.close();
    page = await open();
    const setup = await page.evaluate(([c, p]) => window.__factmarkBench.setup(c, p), [claims, payload]);
    const passMs = await batches(() => page.evaluate((ms) => window.__factmarkBench.pass(ms), BATCH_MS));
    const loadMs = await batches(() => page.evaluate((ms) => window.__factmarkBench.load(ms), BATCH_MS));
    const breakdown = await page.evaluate((ms) => window.__factmarkBench.breakdown(ms), BATCH_MS);
    rows.push({
      page: name,
      rules: count,
      phrases_made: phrases.length,
      floor_ms: r3(floorMs),
      factmark_ms: r2(passMs),
      cold_first_pass_ms: r2(setup.coldMs),
      load_ms: r2(loadMs),
      payload_kb: Math.round(payload.length / 1024),
      claims: setup.claims,
      claims_found: setup.claimsFound,
      corrections: setup.corrections,
      breakdown: Object.fromEntries(Object.entries(breakdown).map(([k, v]) => [k, r3(v)])),
    });
  }
  await page.close();

  // Memory with 10,000 rules: heap before the content script's structures exist and after.
  page = await open();
  const cdp = await context.newCDPSession(page);
  const big = payloads.get(10_000).payload;
  await page.evaluate((p) => {
    window.__benchPayload = p;
  }, big);
  const before = await heapUsed(cdp);
  await page.evaluate(async (c) => {
    await window.__factmarkBench.setup(c, window.__benchPayload);
    window.__factmarkBench.dropPayload();
  }, claims);
  const after = await heapUsed(cdp);
  await cdp.detach();
  await page.close();
  const memory = {
    js_mb: r2((after.js - before.js) / 2 ** 20),
    buffers_mb: r2((after.buffers - before.buffers) / 2 ** 20),
    blink_mb: r2((after.blink - before.blink) / 2 ** 20),
  };
  memory.total_mb = r2(memory.js_mb + memory.buffers_mb + memory.blink_mb);
  return { rows, memory, phrases1000: payloads.get(MARKJS_RULES).phrases };
}

/** Anchoring 50 claims, 10 of them edited, as PageClaims does; and findQuote alone. */
async function anchoring(context, origin, script) {
  const page = await context.newPage();
  await page.goto(`${origin}/${ANCHOR_PAGE}`, { waitUntil: 'load' });
  await page.addScriptTag({ content: script });
  const claims = await page.evaluate(([n, e]) => window.__factmarkBench.makeClaims(n, e), [CLAIMS, EDITED]);
  const empty = await page.evaluate(() => window.__factmarkBench.payload([]));
  const setup = await page.evaluate(([c, p]) => window.__factmarkBench.setup(c, p), [claims, empty]);
  const anchorMs = await batches(() => page.evaluate((ms) => window.__factmarkBench.anchor(ms), BATCH_MS));
  const finds = [];
  let outcomes = [];
  for (let i = 0; i < BATCHES; i++) {
    const r = await page.evaluate((ms) => window.__factmarkBench.findOnly(ms), BATCH_MS);
    finds.push(r.ms);
    outcomes = r.found;
  }
  await page.close();
  const tally = {};
  for (const o of outcomes) tally[o] = (tally[o] ?? 0) + 1;
  return {
    page: ANCHOR_PAGE,
    claims: claims.length,
    edited: EDITED,
    found: setup.claimsFound,
    findQuoteOutcomes: tally,
    anchorMs: r2(anchorMs),
    findQuoteMs: r2(median(finds)),
  };
}

/** mark.js on a fresh page: ms until its done callback, or null and why. */
async function markjs(name, origin, phrases, markScript) {
  let runner = await launch();
  const once = async () => {
    const page = await runner.context.newPage();
    await page.goto(`${origin}/${name}`, { waitUntil: 'load' });
    await page.addScriptTag({ content: markScript });
    const run = page.evaluate(
      (keywords) =>
        new Promise((resolve) => {
          const t0 = performance.now();
          try {
            new window.Mark(document.body).mark(keywords, {
              accuracy: { value: 'exactly', limiters: [...',.;:!?\'"()[]{}‘’“”«»-–—/…'] },
              separateWordSearch: false,
              diacritics: true,
              done: (n) => resolve({ ms: performance.now() - t0, marks: n }),
            });
          } catch (error) {
            // The reason, without the (very long) regular expression it is about.
            resolve({
              error: String(error?.message ?? error)
                .replace(/\/.*\//s, '/…/')
                .slice(0, 200),
            });
          }
        }),
      phrases,
    );
    let timer;
    const timeout = new Promise((ok) => {
      timer = setTimeout(
        () => ok({ error: `no result within ${MARKJS_TIMEOUT_MS / 1000} s` }),
        MARKJS_TIMEOUT_MS,
      );
    });
    const result = await Promise.race([
      run.catch((e) => ({ error: String(e.message).slice(0, 200) })),
      timeout,
    ]);
    clearTimeout(timer);
    if (result.error?.startsWith('no result')) {
      // The renderer is stuck in mark.js: only closing the whole browser stops it.
      await runner.browser.close().catch(() => undefined);
      runner = await launch();
    } else await page.close();
    return result;
  };
  try {
    const first = await once();
    if (first.error) return { ms: null, error: first.error };
    // Quick pages get two more runs (fresh pages: mark.js changes the DOM), for a median.
    const times = [first.ms];
    if (first.ms < 5_000) {
      for (let i = 0; i < 2; i++) {
        const more = await once();
        if (more.ms !== undefined) times.push(more.ms);
      }
    }
    return { ms: median(times), marks: first.marks, runs: times.length };
  } finally {
    await runner.browser.close().catch(() => undefined);
  }
}

async function main() {
  const started = Date.now();
  const load0 = loadavg()[0];
  const tmp = await mkdtemp(join(tmpdir(), 'factmark-bench-corrections-'));
  const script = await bundle(tmp);
  const markScript = await readFile(join(ROOT, 'node_modules/mark.js/dist/mark.js'), 'utf8');
  const server = await serve();
  const origin = `http://127.0.0.1:${server.address().port}`;
  const { browser, context } = await launch();

  const rows = [];
  const memory = {};
  const markjsRuns = {};
  let anchor = null;
  try {
    // Every page's text, as the content script indexes it: the pool rule phrases come from.
    const candidates = new Map();
    for (const [name] of PAGES) {
      const page = await context.newPage();
      await page.goto(`${origin}/${name}`, { waitUntil: 'load' });
      await page.addScriptTag({ content: script });
      candidates.set(name, phrasesOf(await page.evaluate(() => window.__factmarkBench.text())));
      await page.close();
    }
    // Corpus pages left out with BENCH_PAGES still lend their phrases.
    for (const file of readdirSync(CORPUS).filter((f) => f.endsWith('.html') && !candidates.has(f))) {
      const html = await readFile(join(CORPUS, file), 'utf8');
      const text = html
        .replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ')
        .replace(/<[^>]+>/g, ' ')
        .replace(/&[a-z#0-9]+;/gi, ' ');
      candidates.set(file, phrasesOf(text));
    }

    const phrases1000 = new Map();
    for (const [name] of PAGES) {
      process.stdout.write(`factmark: ${name}…\n`);
      const result = await factmark(context, origin, script, name, candidates);
      rows.push(...result.rows);
      memory[name] = result.memory;
      phrases1000.set(name, result.phrases1000);
    }
    if (PAGES.some(([name]) => name === ANCHOR_PAGE)) anchor = await anchoring(context, origin, script);
    await browser.close();

    if (RUN_MARKJS) {
      for (const [name] of PAGES) {
        process.stdout.write(`mark.js: ${name}…\n`);
        markjsRuns[name] = await markjs(name, origin, phrases1000.get(name), markScript);
      }
    }
  } finally {
    await browser.close().catch(() => undefined);
    server.close();
    await rm(tmp, { recursive: true, force: true });
  }

  for (const row of rows) {
    if (row.rules === MARKJS_RULES) {
      const m = markjsRuns[row.page];
      row.markjs_ms = m ? r2(m.ms) : null;
      if (m?.error) row.markjs_error = m.error;
    }
  }

  // ---- Table and targets ----
  console.log(
    `\nCorrections in Chromium: warm median of ${BATCHES} batches of ≥ ${BATCH_MS} ms each; ms. ` +
      `Load average at start ${load0.toFixed(2)} (2 cores, shared with other work).`,
  );
  console.table(
    rows.map((r) => ({
      page: r.page,
      rules: r.rules,
      floor: r.floor_ms,
      factmark: r.factmark_ms,
      '×floor': r2(r.factmark_ms / r.floor_ms),
      'cold 1st': r.cold_first_pass_ms,
      'compile rules (background)': r.load_ms,
      'claims found': `${r.claims_found}/${r.claims}`,
      highlights: r.corrections,
      'mark.js':
        r.rules === MARKJS_RULES
          ? (r.markjs_ms ?? `null (${(r.markjs_error ?? 'not run').slice(0, 40)})`)
          : '',
      'mark.js ÷ factmark':
        r.rules === MARKJS_RULES && r.markjs_ms ? Math.round(r.markjs_ms / r.factmark_ms) : '',
    })),
  );
  console.log('Content-side memory with 10,000 rules (MB; V8 heap, array buffers, Blink GC heap):');
  console.table(Object.entries(memory).map(([page, m]) => ({ page, ...m })));
  console.log('Where the time goes (ms per call, one batch each):');
  console.table(rows.map((r) => ({ page: r.page, rules: r.rules, ...r.breakdown })));
  if (anchor) console.log('Anchoring on', anchor.page, anchor);

  const big = rows.filter((r) => r.rules === 10_000);
  const worstRatio = Math.max(...big.map((r) => r.factmark_ms / r.floor_ms));
  const worstRatioPage = big.find((r) => r.factmark_ms / r.floor_ms === worstRatio)?.page;
  const vsMark = rows.filter((r) => r.rules === MARKJS_RULES && r.markjs_ms);
  const minSpeedup = vsMark.length ? Math.min(...vsMark.map((r) => r.markjs_ms / r.factmark_ms)) : null;
  const maxLoad = Math.max(...big.map((r) => r.load_ms));
  const maxMemory = Math.max(...Object.values(memory).map((m) => m.total_mb));
  const verdict = (ok) => (ok === null ? 'n/a' : ok ? 'met' : 'MISSED');
  const summary = {
    floorRatio: {
      target: `≤ ${TARGETS.floorRatio}× floor with 10,000 rules, every page`,
      worst: r2(worstRatio),
      page: worstRatioPage,
      met: worstRatio <= TARGETS.floorRatio,
    },
    markjs: {
      target: `≥ ${TARGETS.markjsRatio}× faster than mark.js at 1,000 phrases where it finishes`,
      worst: minSpeedup === null ? null : Math.round(minSpeedup),
      finished: vsMark.length,
      failed: rows
        .filter((r) => r.rules === MARKJS_RULES && !r.markjs_ms)
        .map((r) => `${r.page}: ${r.markjs_error ?? 'not run'}`),
      // null: mark.js finished nowhere, so there is nothing to compare.
      met: minSpeedup === null ? null : minSpeedup >= TARGETS.markjsRatio,
    },
    anchoring: anchor && {
      target: `≤ ${TARGETS.anchorMs} ms for ${CLAIMS} claims (${EDITED} edited) on ${ANCHOR_PAGE}`,
      ms: anchor.anchorMs,
      found: `${anchor.found}/${anchor.claims}`,
      met: anchor.anchorMs <= TARGETS.anchorMs && anchor.found === anchor.claims,
      note:
        `PageClaims.anchor (content script: the saved position, then findQuote on the whole text); findQuote alone ` +
        `(src/core/anchor) for the same claims: ${anchor.findQuoteMs} ms`,
    },
    // No page loads rules any more (the background matches): what is left is the background's
    // compile, once per rule change, reported without a target.
    compile: {
      target: 'compiling 10,000 rules in the background, once per rule change (reported)',
      worst: r2(maxLoad),
      met: null,
    },
    memory: {
      target: `content-side memory with 10,000 rules ≤ ${TARGETS.memoryMb} MB`,
      worst: r2(maxMemory),
      met: maxMemory <= TARGETS.memoryMb,
    },
  };
  console.log('\nTargets:');
  for (const [, s] of Object.entries(summary)) {
    if (!s) continue;
    const figure = s.worst ?? s.ms ?? 'no figure';
    console.log(
      `  ${verdict(s.met).padEnd(6)} ${s.target}: ${figure}${s.found ? ` (found ${s.found})` : ''}`,
    );
    if (s.failed?.length) console.log(`         mark.js gave no figure on: ${s.failed.join('; ')}`);
    if (s.note) console.log(`         ${s.note}`);
  }
  console.log(`(whole benchmark: ${Math.round((Date.now() - started) / 1000)} s)`);

  const results = rows.map((r) => ({
    page: r.page,
    rules: r.rules,
    floor_ms: r.floor_ms,
    factmark_ms: r.factmark_ms,
    ...(r.rules === MARKJS_RULES ? { markjs_ms: r.markjs_ms ?? null } : {}),
  }));
  // A partial run (some pages, or no mark.js) must not replace a whole run's figures.
  const partial = PARTIAL || !RUN_MARKJS;
  await mkdir(join(ROOT, 'bench/results'), { recursive: true });
  if (!partial) await writeFile(join(ROOT, 'bench/results.json'), `${JSON.stringify(results, null, 2)}\n`);
  await writeFile(
    join(ROOT, partial ? 'bench/results/corrections-partial.json' : 'bench/results/corrections.json'),
    `${JSON.stringify({ date: new Date().toISOString(), loadAverage: load0, batchMs: BATCH_MS, batches: BATCHES, rows, memory, anchoring: anchor, markjs: markjsRuns, summary }, null, 2)}\n`,
  );
}

await main();
