// schema.org ClaimReview (JSON-LD) export and import: the format fact-checkers publish and search
// engines read. Only claims with a verdict are reviews. Import takes a single review, a list or
// an @graph. Pure; what is read is validated in import.ts with the claim schemas.

import { t } from '../i18n/translate';
import { asArray, firstOf, hasType, isObject, type Obj } from '../json/json-ld';
import { type Claim, VERDICT_NAMES } from '../model';
import type { InvalidRecord } from './backup';
import type { Candidate, ReadOutcome } from './import';

const SCHEMA_CONTEXT = 'https://schema.org';

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
export type ClaimReview = { [key: string]: Json };

/** One claim with a verdict as a ClaimReview node (without @context); null without a verdict. */
export function claimToReview(claim: Claim): ClaimReview | null {
  if (!claim.verdict) return null;
  const appearance: { [key: string]: Json } = { '@type': 'CreativeWork', url: claim.url };
  if (claim.title) appearance.headline = claim.title;
  const review: ClaimReview = {
    '@type': 'ClaimReview',
    '@id': `urn:uuid:${claim.id}`,
    claimReviewed: claim.quote.exact,
    // The verdict's English name: the rating other programs (and Factmark's import) read.
    reviewRating: { '@type': 'Rating', alternateName: VERDICT_NAMES[claim.verdict] },
    itemReviewed: { '@type': 'Claim', appearance },
    datePublished: new Date(claim.updated).toISOString().slice(0, 10),
    dateCreated: new Date(claim.created).toISOString(),
    dateModified: new Date(claim.updated).toISOString(),
  };
  const [first] = claim.sources;
  if (first) {
    review.url = first;
    review.citation = [...claim.sources];
  }
  if (claim.correction) review.reviewBody = claim.correction;
  if (claim.note) review.description = claim.note;
  if (claim.tags.length) review.keywords = [...claim.tags];
  return review;
}

/** The claims that have a verdict, as one JSON-LD document with an @graph of ClaimReviews. */
export function exportClaimReviews(claims: readonly Claim[]): string {
  const graph = claims.map(claimToReview).filter((review): review is ClaimReview => review !== null);
  return `${JSON.stringify({ '@context': SCHEMA_CONTEXT, '@graph': graph }, null, 1)}\n`;
}

// ---- Import -----------------------------------------------------------------------------------

/** True when a parsed JSON value holds ClaimReviews (single, list or @graph). */
export function isClaimReviewDocument(value: unknown): boolean {
  if (Array.isArray(value)) {
    const first = value.find(isObject);
    return first !== undefined && hasType(first, 'ClaimReview');
  }
  if (isObject(value) && Array.isArray(value['@graph'])) {
    return value['@graph'].some((node) => isObject(node) && hasType(node, 'ClaimReview'));
  }
  return isObject(value) && hasType(value, 'ClaimReview');
}

/**
 * Reads ClaimReviews into candidates. In an @graph, other nodes (publishers, logos) are
 * skipped; in a list, each item is a record and must be a ClaimReview.
 */
export function readClaimReviews(value: unknown): ReadOutcome {
  const graph = isObject(value) && Array.isArray(value['@graph']);
  const nodes: unknown[] = Array.isArray(value)
    ? value
    : graph
      ? (value as { '@graph': unknown[] })['@graph']
      : [value];
  const reviews = graph ? nodes.filter((node) => isObject(node) && hasType(node, 'ClaimReview')) : nodes;
  const candidates: Candidate[] = [];
  const invalid: InvalidRecord[] = [];
  reviews.forEach((review, i) => {
    const record = i + 1;
    if (!isObject(review) || !hasType(review, 'ClaimReview')) {
      invalid.push({ record, field: '@type', reason: t('reason_not_claim_review') });
      return;
    }
    const read = readReview(review, record);
    if ('reason' in read) invalid.push(read);
    else candidates.push(read);
  });
  return { kind: 'ok', format: 'claim-review', total: reviews.length, candidates, invalid };
}

function readReview(review: Obj, record: number): Candidate | InvalidRecord {
  const rating = review.reviewRating;
  const verdict = isObject(rating) ? (rating.alternateName ?? rating.name) : undefined;
  if (verdict === undefined) {
    return { record, field: 'reviewRating.alternateName', reason: t('import_reason_no_verdict') };
  }
  const item = isObject(review.itemReviewed) ? review.itemReviewed : {};
  const appearance = firstOf(item.appearance) ?? firstOf(item.firstAppearance);
  const url = typeof appearance === 'string' ? appearance : isObject(appearance) ? appearance.url : undefined;
  if (url === undefined) {
    return {
      record,
      field: 'itemReviewed.appearance',
      reason: t('import_reason_no_appearance'),
    };
  }
  const candidate: Candidate = {
    record,
    url: firstOf(url),
    exact: review.claimReviewed,
    verdict,
    correction: review.reviewBody ?? '',
    note: review.description ?? '',
    sources: sourcesOf(review),
    tags: tagsOf(review.keywords),
  };
  const id = review['@id'];
  if (typeof id === 'string' && id.toLowerCase().startsWith('urn:uuid:'))
    candidate.id = id.slice('urn:uuid:'.length);
  else if (typeof id === 'string') candidate.foreignId = id;
  if (isObject(appearance)) {
    const title = appearance.headline ?? appearance.name;
    if (title !== undefined) candidate.title = title;
  }
  const created = review.dateCreated ?? review.datePublished;
  const updated = review.dateModified ?? review.datePublished;
  if (created !== undefined) candidate.created = created;
  if (updated !== undefined) candidate.updated = updated;
  return candidate;
}

/** The review's links: its citations, else its own url (the fact-check article). */
function sourcesOf(review: Obj): unknown[] {
  const citations = asArray(review.citation).map((citation) =>
    isObject(citation) ? citation.url : citation,
  );
  if (citations.length) return citations;
  return review.url === undefined ? [] : [firstOf(review.url)];
}

function tagsOf(keywords: unknown): unknown[] {
  if (typeof keywords === 'string') return keywords.split(',').filter((tag) => tag.trim());
  return asArray(keywords);
}
