// `npm run build:reference-frequencies`: writes src/core/factchecks/reference-frequencies.json, the
// document frequency of every stem in the 10,375 Snopes fact-checks the re-ranker was trained on
// (claim and title, analysed as the index analyses them; stems in one fact-check only are left
// out: they count as rare either way). A small feed borrows these statistics (see
// core/factchecks/collection-idf.ts). Deterministic: the same bytes every run.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyseText } from '../src/core/factchecks/analyse-text';
import { DEFAULT_FACTCHECK_DATA_DIR, loadVerifiedClaims } from './factchecks-data';
import { runAsScript } from './stdin-text';

export function referenceFrequencies(texts: readonly { claim: string; title: string }[]) {
  const df = new Map<string, number>();
  for (const { claim, title } of texts) {
    for (const stem of new Set([...analyseText(claim).terms, ...analyseText(title).terms])) {
      df.set(stem, (df.get(stem) ?? 0) + 1);
    }
  }
  const kept = [...df].filter(([, n]) => n >= 2).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return { docs: texts.length, df: Object.fromEntries(kept) };
}

runAsScript(import.meta.url, 'build:reference-frequencies', async () => {
  const factChecks = loadVerifiedClaims(join(DEFAULT_FACTCHECK_DATA_DIR, 'verified_claims.docs.tsv'));
  const out = new URL('../src/core/factchecks/reference-frequencies.json', import.meta.url);
  const table = referenceFrequencies(factChecks);
  writeFileSync(out, `${JSON.stringify(table)}\n`);
  console.log(`${Object.keys(table.df).length} stems from ${table.docs} fact-checks → ${out.pathname}`);
});
