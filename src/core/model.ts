// The domain model: verdicts, their labels and how they paint, and the claim types (inferred from
// the schemas in claim-schema.ts). Pure types and constants; no I/O.
import { t } from './i18n/translate';

export const VERDICTS = ['false', 'misleading', 'missing-context', 'unproven', 'accurate'] as const;
export type Verdict = (typeof VERDICTS)[number];

/**
 * Labels a reader sees; the same words in the editor, the card and the popup. Getters, so each
 * read is in the messages' language (and nothing is looked up when a module loads).
 */
export const VERDICT_LABELS: Record<Verdict, string> = Object.freeze({
  get false() {
    return t('verdict_false');
  },
  get misleading() {
    return t('verdict_misleading');
  },
  get 'missing-context'() {
    return t('verdict_missing_context');
  },
  get unproven() {
    return t('verdict_unproven');
  },
  get accurate() {
    return t('verdict_accurate');
  },
});

/**
 * The verdicts' English names, as files other programs read carry them (a ClaimReview's rating,
 * a Web Annotation's body) and as ratings are recognised on import: never translated, so a file
 * means the same whichever language exported or imports it.
 */
export const VERDICT_NAMES: Readonly<Record<Verdict, string>> = {
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

/** What a paint is called: its verdict's label, or "Note" for a note without one (read at each use). */
export const PAINT_LABELS: Record<Paint, string> = Object.freeze({
  get false() {
    return VERDICT_LABELS.false;
  },
  get misleading() {
    return VERDICT_LABELS.misleading;
  },
  get 'missing-context'() {
    return VERDICT_LABELS['missing-context'];
  },
  get unproven() {
    return VERDICT_LABELS.unproven;
  },
  get accurate() {
    return VERDICT_LABELS.accurate;
  },
  get note() {
    return t('paint_note');
  },
});
