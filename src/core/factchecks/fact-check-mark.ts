// What the background answers about a page's sentences and a selection being flagged: the
// fact-check a sentence matches, and the fact-checks close to a quote. Shared by the protocol,
// the content script's marks and the cards.
import type { FactCheckView } from './fact-check';

/** A sentence of a page that says what a subscribed fact-check checked. */
export interface FactCheckMark {
  /** Which of the request's sentences (its index). */
  sentence: number;
  factCheck: FactCheckView;
  /** The re-ranker's probability that the fact-check checks this sentence (0–1). */
  score: number;
  /** Words the sentence shares with the fact-check's claim, as the sentence writes them. */
  shared: string[];
}

/** A fact-check close to a text being flagged (the editor offers up to 3). */
export interface FactCheckSuggestion {
  factCheck: FactCheckView;
  score: number;
}
