// Figures for `npm run check:reliability`: a test that proves a guarantee records what it tried
// (inputs fuzzed, pages loaded, records preserved). The script sets FACTMARK_RELIABILITY_OUT to a
// file and prints one line per guarantee from it; in a plain `npm test` run nothing is written.
import { appendFileSync } from 'node:fs';

export interface ReliabilityFigure {
  /** The guarantee, as a reader would say it: "Message handlers survive hostile messages". */
  guarantee: string;
  /** What was tried, with its count: "40,000 generated messages, 0 crashes". */
  figure: string;
  /** Whether the guarantee held in this run. */
  held: boolean;
}

export function recordFigure(entry: ReliabilityFigure): void {
  const out = process.env.FACTMARK_RELIABILITY_OUT;
  if (!out) return;
  appendFileSync(out, `${JSON.stringify(entry)}\n`);
}
