// The domain model: verdicts, their labels and how they paint, and the claim types (inferred from
// the schemas in claim-schema.ts). Pure types and constants; no I/O.

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

// The claim's shape is declared once, as schemas, in claim-schema.ts; its types are inferred there.
export type {
  Claim,
  ClaimAnchor,
  ClaimDraft,
  ClaimFields,
  TextPositionSelector,
  TextQuoteSelector,
} from './claim-schema';

/** Which highlight a claim paints with: its verdict, or "note" when it has none. */
export type Paint = Verdict | 'note';

export function paintOf(verdict: Verdict | null): Paint {
  return verdict ?? 'note';
}
