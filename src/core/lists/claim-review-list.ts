// schema.org ClaimReview JSON-LD read as a correction list: each review's claim becomes a phrase
// highlighted everywhere, its rating the verdict (by the table imports use too:
// core/claim-review-ratings.ts), its page the source. Takes a single review, a list or an @graph
// (other nodes skipped), as core/formats/claim-review.ts recognises them. Pure; no I/O.
import * as v from 'valibot';
import { verdictOfRating } from '../claim-review-ratings';
import { LIMITS } from '../claim-schema';
import { fieldAndReason } from '../formats/backup';
import { asArray, firstOf, hasType, isObject, type Obj } from '../json/json-ld';
import { RULE_LIMITS, RuleDraftSchema } from '../rule';
import { isWebUrl } from '../url/web-address';
import { tooMany } from './factmark-list';
import type { InvalidRecord, ListRead } from './read';

/** Reads ClaimReviews into drafts. In a list each item is a record and must be a ClaimReview. */
export function readClaimReviewList(value: unknown, fallbackTitle: string): ListRead {
  const graph = isObject(value) && Array.isArray(value['@graph']);
  const nodes: unknown[] = Array.isArray(value)
    ? value
    : graph
      ? (value as { '@graph': unknown[] })['@graph']
      : [value];
  const reviews = graph ? nodes.filter((node) => isObject(node) && hasType(node, 'ClaimReview')) : nodes;
  if (reviews.length > RULE_LIMITS.rules) return tooMany(reviews.length);
  const drafts: { record: number; draft: v.InferOutput<typeof RuleDraftSchema> }[] = [];
  const invalid: InvalidRecord[] = [];
  let title: string | null = null;
  reviews.forEach((review, i) => {
    const record = i + 1;
    if (!isObject(review) || !hasType(review, 'ClaimReview')) {
      invalid.push({ record, field: '@type', reason: 'is not a ClaimReview' });
      return;
    }
    const claim = review.claimReviewed;
    if (typeof claim !== 'string' || claim.trim() === '') {
      invalid.push({ record, field: 'claimReviewed', reason: 'is missing: the claim to highlight' });
      return;
    }
    const rating = ratingOf(review);
    const author = nameOf(review.author);
    title ??= author ? `Fact-checks by ${author}` : null;
    const noteParts = [
      rating ? `Rated “${rating}”${author ? ` by ${author}` : ''}.` : '',
      textOf(review.description),
    ];
    const parsed = v.safeParse(
      RuleDraftSchema,
      {
        phrase: claim.replace(/\s+/g, ' ').trim(),
        matchCase: false,
        // An unknown rating gives no verdict; its words are kept in the note.
        verdict: (rating && verdictOfRating(rating)) || null,
        correction: clip(textOf(review.reviewBody)),
        note: clip(noteParts.filter(Boolean).join('\n')),
        sources: sourcesOf(review),
      },
      { abortEarly: true },
    );
    if (parsed.success) drafts.push({ record, draft: parsed.output });
    else invalid.push({ record, ...fieldAndReason(parsed.issues) });
  });
  return { kind: 'ok', title: title ?? fallbackTitle, drafts, invalid };
}

function ratingOf(review: Obj): string {
  const rating = review.reviewRating;
  if (!isObject(rating)) return '';
  return textOf(rating.alternateName) || textOf(rating.name);
}

/** The review's own page first, then what it cites: http and https addresses only. */
function sourcesOf(review: Obj): string[] {
  const links = [firstOf(review.url), ...asArray(review.citation).map((c) => (isObject(c) ? c.url : c))];
  const sources = new Set<string>();
  for (const link of links) {
    if (typeof link !== 'string') continue;
    const url = link.trim();
    if (url.length <= LIMITS.url && isWebUrl(url)) sources.add(url);
    if (sources.size >= LIMITS.sources) break;
  }
  return [...sources];
}

function nameOf(value: unknown): string {
  const first = firstOf(value);
  if (typeof first === 'string') return first.trim().slice(0, 100);
  return isObject(first) ? textOf(first.name).slice(0, 100) : '';
}

function textOf(value: unknown): string {
  return typeof value === 'string' ? value.trim() : '';
}

function clip(text: string): string {
  return text.length > LIMITS.text ? `${text.slice(0, LIMITS.text - 1)}…` : text;
}
