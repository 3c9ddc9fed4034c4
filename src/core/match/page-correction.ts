// A correction found on a page — by the built-in acronym check or one of the reader's rules — as
// its card shows it.
import type { Verdict } from '../model';

/** What the card shows for a correction found on this page. */
export interface PageCorrection {
  id: string;
  quote: string;
  /** null: a rule without a verdict (a note). */
  verdict: Verdict | null;
  correction: string;
  sources: string[];
  /** Which check (or rule, or list) produced it. */
  origin: string;
  /** Set for a rule's match: the card fetches the rule's details (correction, note, phrase, list). */
  ruleId?: string;
}
