// schema.org ClaimReview JSON-LD as a fact-check feed: a single review, a list of reviews or an
// @graph (other nodes, such as the publisher's Organization, skipped). Also reads one review's
// fields for the DataFeed and JSON Lines readers. Pure.
import type { InvalidRecord } from '../../formats/backup';
import { t } from '../../i18n/translate';
import { hasType, isObject, type Obj } from '../../json/json-ld';
import {
  type FeedCandidate,
  type FeedFields,
  type FeedRead,
  type FieldNames,
  nameOf,
  textOf,
  tooManyFactChecks,
} from './candidate';

export const CLAIM_REVIEW_FIELDS: FieldNames = {
  claim: 'claimReviewed',
  title: 'headline',
  url: 'url',
  rating: 'reviewRating',
  publisher: 'author',
  date: 'datePublished',
  language: 'inLanguage',
};

/** One review's fields. The fact-check article is `url`; where the claim appeared is not used. */
function claimReviewFields(review: Obj): FeedFields {
  const item = isObject(review.itemReviewed) ? review.itemReviewed : {};
  return {
    claim: textOf(review.claimReviewed),
    title: textOf(review.headline) || textOf(review.name),
    url: textOf(review.url),
    rating: ratingOf(review.reviewRating),
    publisher: nameOf(review.author) || nameOf(review.publisher),
    date: textOf(review.datePublished),
    // A tag ("en") or a Language ({name: "en"} or {alternateName: "en"}), the review's or its claim's.
    language: nameOf(review.inLanguage) || nameOf(item.inLanguage),
  };
}

/** A review's record: its fields, or why it is not a ClaimReview. */
export function claimReviewRecord(
  node: unknown,
  record: number,
  candidates: FeedCandidate[],
  invalid: InvalidRecord[],
): void {
  if (isObject(node) && hasType(node, 'ClaimReview'))
    candidates.push({ record, fields: claimReviewFields(node) });
  else invalid.push({ record, field: '@type', reason: t('reason_not_claim_review') });
}

/** Reviews from a parsed ClaimReview document. In a list each item is a record and must be one. */
export function readClaimReviewFeed(value: unknown): FeedRead {
  const graph = isObject(value) && Array.isArray(value['@graph']) ? value['@graph'] : null;
  const nodes: unknown[] = graph
    ? graph.filter((node) => isObject(node) && hasType(node, 'ClaimReview'))
    : Array.isArray(value)
      ? value
      : [value];
  return readReviews(nodes, '');
}

/** Each node a record, which must be a ClaimReview. */
export function readReviews(nodes: readonly unknown[], name: string): FeedRead {
  const tooMany = tooManyFactChecks(nodes.length);
  if (tooMany) return tooMany;
  const candidates: FeedCandidate[] = [];
  const invalid: InvalidRecord[] = [];
  nodes.forEach((node, i) => {
    claimReviewRecord(node, i + 1, candidates, invalid);
  });
  return { kind: 'ok', name, candidates, invalid, fieldNames: CLAIM_REVIEW_FIELDS };
}

/** The rating's words: its alternateName, else its name, else "ratingValue/bestRating". */
function ratingOf(rating: unknown): string {
  if (!isObject(rating)) return '';
  const words = textOf(rating.alternateName) || textOf(rating.name);
  if (words.trim() !== '') return words;
  const value = numberText(rating.ratingValue);
  const best = numberText(rating.bestRating);
  return value && best ? `${value}/${best}` : value;
}

function numberText(value: unknown): string {
  return typeof value === 'number' && Number.isFinite(value) ? String(value) : textOf(value).trim();
}
