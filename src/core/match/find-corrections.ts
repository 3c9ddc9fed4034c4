// What the reader's rules and the built-in acronym check find in a page's text, for the content
// script to highlight. Runs in the background, which keeps the rules compiled (issue 11): a page
// sends the stretches of its text to check and gets back offsets, so neither the rules nor the
// matcher, the acronym table or the matching itself cost the page's own thread anything.
// Pure: the same function serves the extension, the tests and the benchmarks.
import { checkAcronyms } from '../acronyms';
import type { Verdict } from '../model';
import { normalise } from './normalise';
import { type CompiledRules, findMatches } from './phrase-matcher';

/** A stretch of a page's text, and where it starts in the whole text. */
export interface TextWindow {
  start: number;
  text: string;
  /**
   * The stretch was cut out of longer text here: a match that reaches the cut may be half a word
   * ("council" in "council|lor"). Windows overlap by more than any match is long, so a real match
   * there is found whole, away from the cut, in the neighbouring window.
   */
  cutBefore?: boolean;
  cutAfter?: boolean;
}

/** The enabled rules, compiled once: rule i of `compiled` is ids[i], painted as verdicts[i]. */
export interface RuleSet {
  ids: readonly string[];
  verdicts: readonly (Verdict | null)[];
  compiled: CompiledRules;
}

/** A correction found, at offsets of the whole text. */
export type CorrectionFinding =
  | { kind: 'rule'; start: number; end: number; ruleId: string; verdict: Verdict | null }
  | {
      kind: 'acronym';
      start: number;
      end: number;
      /** The acronym, and the name it stands for. */
      acronym: string;
      expected: string;
      /** What the card says, and where the name is published. */
      correction: string;
      source: string;
    };

/** The acronym check looks a bounded number of characters either side of an acronym. */
export const ACRONYM_MARGIN = 512;

/**
 * How far past an edit a match may reach, for the page to know what to check again after a
 * change: a rule's raw text can be longer than its folded phrase (spaces, soft hyphens).
 */
export function correctionMargin(rules: RuleSet | null, builtIn: boolean): number {
  let longest = 0;
  const starts = rules?.compiled.phraseStart;
  if (starts)
    for (let i = 0; i + 1 < starts.length; i++)
      longest = Math.max(longest, (starts[i + 1] ?? 0) - (starts[i] ?? 0));
  const ruleMargin = longest > 0 ? Math.min(8192, longest * 4 + 256) : 0;
  return Math.max(ruleMargin, builtIn ? ACRONYM_MARGIN : 0);
}

/** Every rule match and (with `builtIn`) wrongly spelt-out acronym in the windows, window by window. */
export function findCorrections(
  windows: readonly TextWindow[],
  rules: RuleSet | null,
  builtIn: boolean,
): CorrectionFinding[] {
  const found: CorrectionFinding[] = [];
  const matching = rules && rules.compiled.count > 0 ? rules : null;
  for (const { start: at, text, cutBefore = false, cutAfter = false } of windows) {
    const atCut = (start: number, end: number) =>
      (cutBefore && start === 0) || (cutAfter && end === text.length);
    if (builtIn)
      for (const f of checkAcronyms(text)) {
        if (atCut(f.start, f.end)) continue;
        found.push({
          kind: 'acronym',
          start: at + f.start,
          end: at + f.end,
          acronym: f.acronym,
          expected: f.expected,
          correction: f.correction,
          source: f.source,
        });
      }
    if (matching)
      for (const m of findMatches(matching.compiled, normalise(text))) {
        const ruleId = matching.ids[m.ruleIndex];
        if (ruleId === undefined || atCut(m.start, m.end)) continue;
        found.push({
          kind: 'rule',
          start: at + m.start,
          end: at + m.end,
          ruleId,
          verdict: matching.verdicts[m.ruleIndex] ?? null,
        });
      }
  }
  return found;
}
