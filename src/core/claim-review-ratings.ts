// Fact-checkers' ratings (a schema.org ClaimReview's reviewRating, or a verdict written in a Web
// Annotation) and the verdict each means here: the one table that importing a file and reading a
// ClaimReview correction list both use, so the same file means the same thing either way. Pure.
import { t } from './i18n/translate';
import { VERDICT_NAMES, VERDICTS, type Verdict } from './model';

/** Ratings as fact-checkers publish them (lower case, spaces collapsed), beyond Factmark's own. */
const PUBLISHED_RATINGS: readonly (readonly [rating: string, verdict: Verdict])[] = [
  ['fake', 'false'],
  ['incorrect', 'false'],
  ['wrong', 'false'],
  ['pants on fire', 'false'],
  ['four pinocchios', 'false'],
  ['fabricated', 'false'],
  ['hoax', 'false'],
  ['scam', 'false'],
  ['falso', 'false'],
  ['faux', 'false'],
  ['falsch', 'false'],
  ['mostly false', 'misleading'],
  ['partly false', 'misleading'],
  ['partially false', 'misleading'],
  ['three pinocchios', 'misleading'],
  ['distorted', 'misleading'],
  ['exaggerated', 'misleading'],
  ['altered', 'misleading'],
  ['trompeur', 'misleading'],
  ['engañoso', 'misleading'],
  ['irreführend', 'misleading'],
  ['lacks context', 'missing-context'],
  ['needs context', 'missing-context'],
  ['out of context', 'missing-context'],
  ['half true', 'missing-context'],
  ['half-true', 'missing-context'],
  ['mixture', 'missing-context'],
  ['mixed', 'missing-context'],
  ['partly true', 'missing-context'],
  ['two pinocchios', 'missing-context'],
  ['unverified', 'unproven'],
  ['unsupported', 'unproven'],
  ['unsubstantiated', 'unproven'],
  ['no evidence', 'unproven'],
  ['baseless', 'unproven'],
  ['unclear', 'unproven'],
  ['true', 'accurate'],
  ['correct', 'accurate'],
  ['mostly true', 'accurate'],
  ['geppetto checkmark', 'accurate'],
  ['verdadero', 'accurate'],
  ['vrai', 'accurate'],
  ['richtig', 'accurate'],
];

/** Every rating Factmark knows, by its key (see ratingKey): its verdicts' keys and English names first. */
export const RATING_VERDICTS: ReadonlyMap<string, Verdict> = new Map<string, Verdict>([
  ...VERDICTS.map((verdict) => [verdict, verdict] as const),
  ...VERDICTS.map((verdict) => [ratingKey(VERDICT_NAMES[verdict]), verdict] as const),
  ...PUBLISHED_RATINGS,
]);

/** A rating as looked up: lower case, spaces collapsed, no closing full stop or exclamation mark. */
function ratingKey(rating: string): string {
  return rating
    .trim()
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/[.!]+$/, '');
}

/** The verdict a rating means; undefined when it is not one Factmark knows. */
export function verdictOfRating(rating: string): Verdict | undefined {
  return RATING_VERDICTS.get(ratingKey(rating));
}

/**
 * Why a rating was not recognised, naming it and what would be: the verdicts as files write them
 * (their English names, which are what this table reads), whatever language the reason is in.
 */
export function unknownRatingReason(rating: string): string {
  const shown = rating.length > 40 ? `${rating.slice(0, 40)}…` : rating;
  const verdicts = VERDICTS.map((verdict) => VERDICT_NAMES[verdict]).join(', ');
  return t('import_reason_unknown_rating', { rating: shown, verdicts });
}
