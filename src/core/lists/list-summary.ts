// A stored list as the popup and review page see it. Shared by the database (which builds it)
// and the message protocol (which carries it), so the protocol needs nothing from src/db.
import type { CorrectionList } from '../rule';
import type { InvalidRecord } from './read';

/** A list as the popup and review page show it: with how many rules (or, a feed, fact-checks) it holds. */
export interface ListSummary extends CorrectionList {
  rules: number;
  /** A fact-check feed's fact-checks (0 for a phrase list). */
  factChecks: number;
}

/** A list just stored, with the records of its file that were left out. */
export interface ListStored {
  list: ListSummary;
  invalid: InvalidRecord[];
}
