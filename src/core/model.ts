// The domain model: what a claim is, as stored, sent and shown. Pure types and constants; no I/O.

export const VERDICTS = ['false', 'misleading', 'missing-context', 'unproven', 'accurate'] as const;
export type Verdict = (typeof VERDICTS)[number];

/** Labels a reader sees; the same words in the editor, the card and the popup. */
export const VERDICT_LABELS: Record<Verdict, string> = {
  false: 'False',
  misleading: 'Misleading',
  'missing-context': 'Missing context',
  unproven: 'Unproven',
  accurate: 'Accurate',
};

/** W3C Web Annotation TextQuoteSelector: the quote and up to 32 characters either side. */
export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}

/** W3C Web Annotation TextPositionSelector: offsets into the page's text. */
export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

/** Where on which page a claim was flagged. */
export interface ClaimAnchor {
  quote: TextQuoteSelector;
  position: TextPositionSelector;
}

/** What the reader writes about a claim. */
export interface ClaimFields {
  /** null: no verdict, just a note. */
  verdict: Verdict | null;
  correction: string;
  note: string;
  sources: string[];
  tags: string[];
}

/** What a content script or the popup sends to save a claim (new when `id` is absent). */
export interface ClaimDraft extends ClaimFields, ClaimAnchor {
  id?: string;
  url: string;
  canonical?: string;
  title: string;
}

/** A saved claim, as stored in the database. */
export interface Claim extends ClaimFields, ClaimAnchor {
  id: string;
  /** The page's URL as the reader saw it. */
  url: string;
  /** The page's declared canonical URL, if any. */
  canonical?: string;
  title: string;
  /** Normalised `url` (see core/url): the per-page lookup key. */
  pageKey: string;
  /** Normalised `canonical`, when the page declared one. */
  canonicalKey?: string;
  /** Milliseconds since the epoch. */
  created: number;
  updated: number;
  /**
   * Whether the claim was found on its page the last time a content script anchored it
   * (absent: never checked). Reported with `claims/seen`; does not change `updated`.
   */
  found?: boolean;
  /** When `found` was last reported (ms since the epoch). */
  checked?: number;
}

/** Which highlight a claim paints with: its verdict, or "note" when it has none. */
export type Paint = Verdict | 'note';

export function paintOf(verdict: Verdict | null): Paint {
  return verdict ?? 'note';
}
