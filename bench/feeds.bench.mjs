// Fact-check feed parsing (src/core/factchecks/feed/): a 200,000-record feed — the most Factmark
// keeps from one feed — as JSON Lines and as CSV, generated in memory, read by parseFactCheckFeed
// in Node (the module bundled by esbuild). Each figure is the median of RUNS reads, after one
// warm-up read; the feed's size and what was kept are printed beside it, so a slow read or a
// refused record shows, and CPU time beside wall time, since a busy machine inflates the latter.
// Not a test: no threshold, the figures are for reading. FEED_RECORDS=50000 makes a smaller feed.
//
// Writes bench/results/feeds.json. Run: node bench/run.mjs feeds.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const RECORDS = Number(process.env.FEED_RECORDS ?? 200_000);
const RUNS = 3;

const RATINGS = ['Pants on Fire', 'Mostly false', 'False', 'Half true', 'Four Bananas'];
const PUBLISHERS = ['PolitiFact', 'Full Fact', 'AFP Factuel'];

function record(i) {
  return {
    claim: `Claim number ${i}: the minister said unemployment fell by ${i % 97} per cent, "the lowest since records began"`,
    url: `https://checks.example/${i % 3}/fact-check-${i}`,
    rating: RATINGS[i % RATINGS.length],
    publisher: PUBLISHERS[i % PUBLISHERS.length],
    date: `2024-0${(i % 9) + 1}-1${i % 10}`,
    language: 'en',
    title: `Fact-check ${i}: no, unemployment did not fall by ${i % 97} per cent`,
  };
}

function jsonLines() {
  const lines = [];
  for (let i = 0; i < RECORDS; i++) {
    const r = record(i);
    lines.push(
      JSON.stringify({
        '@context': 'https://schema.org',
        '@type': 'ClaimReview',
        claimReviewed: r.claim,
        url: r.url,
        headline: r.title,
        reviewRating: { '@type': 'Rating', alternateName: r.rating },
        author: { '@type': 'Organization', name: r.publisher },
        datePublished: r.date,
        inLanguage: r.language,
      }),
    );
  }
  return lines.join('\n');
}

const cell = (text) => (/[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);

function csv() {
  const rows = ['claim,url,rating,publisher,date,language,title'];
  for (let i = 0; i < RECORDS; i++) {
    const r = record(i);
    rows.push([r.claim, r.url, r.rating, r.publisher, r.date, r.language, r.title].map(cell).join(','));
  }
  return `${rows.join('\r\n')}\r\n`;
}

const dir = await mkdtemp(join(tmpdir(), 'factmark-feeds-bench-'));
try {
  const bundle = join(dir, 'feed.mjs');
  await esbuild.build({
    inject: [join(ROOT, 'bench/english-messages.ts')], // the UI's messages, in English
    entryPoints: [join(ROOT, 'src/core/factchecks/feed/index.ts')],
    bundle: true,
    format: 'esm',
    platform: 'node',
    outfile: bundle,
    logLevel: 'error',
  });
  const { parseFactCheckFeed } = await import(pathToFileURL(bundle).href);

  const rows = [];
  for (const [format, make] of [
    ['json-lines', jsonLines],
    ['csv', csv],
  ]) {
    const text = make();
    parseFactCheckFeed(text, { fileName: `feed.${format}` });
    const times = [];
    const cpu = [];
    let result;
    for (let run = 0; run < RUNS; run++) {
      const start = performance.now();
      const startCpu = process.cpuUsage();
      result = parseFactCheckFeed(text, { fileName: `feed.${format}` });
      const used = process.cpuUsage(startCpu);
      times.push(performance.now() - start);
      cpu.push((used.user + used.system) / 1000);
    }
    times.sort((a, b) => a - b);
    cpu.sort((a, b) => a - b);
    rows.push({
      format,
      records: RECORDS,
      mb: Math.round((text.length / (1024 * 1024)) * 10) / 10,
      median_ms: Math.round(times[Math.floor(RUNS / 2)]),
      // CPU time is what to compare on a shared machine, where wall time waits for other jobs.
      median_cpu_ms: Math.round(cpu[Math.floor(RUNS / 2)]),
      kept: result.kind === 'ok' ? result.factChecks.length : 0,
      refused: result.kind === 'ok' ? result.invalid.length : result.error,
    });
  }
  console.table(rows);
  await mkdir(join(ROOT, 'bench/results'), { recursive: true });
  await writeFile(
    join(ROOT, 'bench/results/feeds.json'),
    `${JSON.stringify({ runs: RUNS, rows }, null, 1)}\n`,
  );
} finally {
  await rm(dir, { recursive: true, force: true });
}
