// A fact-check as Factmark keeps it: what a fact-checker checked (their wording of the claim),
// their rating (as published, and the verdict it means here when the ratings table knows it), who
// published it, when, in which language, and the address of the fact-check article. Declared once
// as a valibot schema; every feed reader produces it and the database stores it. Pure.
import * as v from 'valibot';
import { WebAddressSchema } from '../claim-schema';
import { t } from '../i18n/translate';
import { VERDICTS } from '../model';

export const FACT_CHECK_LIMITS = {
  claim: 2_000,
  title: 500,
  rating: 200,
  publisher: 200,
  /** An ISO 8601 date (yyyy-mm-dd) or date and time, as published. */
  date: 40,
  /** A BCP 47 language tag. */
  language: 35,
  /** Fact-checks in one feed. */
  perFeed: 200_000,
  /** A feed file's size, in characters (a 200,000-item JSON Lines feed is about 150 MB). */
  feedChars: 256 * 1024 * 1024,
} as const;

// Messages are read when a value fails, in the messages' language (never when this module loads).
const text = (max: number) =>
  v.pipe(
    v.string(),
    v.trim(),
    v.maxLength(max, () => t('validation_at_most_characters', { max: String(max) })),
  );

export const FactCheckDraftSchema = v.strictObject({
  /** The claim as the fact-checker worded it (ClaimReview `claimReviewed`). */
  claim: v.pipe(
    text(FACT_CHECK_LIMITS.claim),
    v.minLength(3, () => t('validation_claim_missing')),
  ),
  /** The fact-check article's headline; '' when the feed has none. */
  title: text(FACT_CHECK_LIMITS.title),
  /** The fact-check article. */
  url: WebAddressSchema,
  /** The rating as the fact-checker published it ("Pants on Fire", "Mostly false"); '' when none. */
  rating: text(FACT_CHECK_LIMITS.rating),
  /** What the rating means in Factmark's verdicts (core/claim-review-ratings.ts); null when unknown. */
  verdict: v.nullable(v.picklist(VERDICTS)),
  /** Who published the fact-check; '' when the feed does not say. */
  publisher: text(FACT_CHECK_LIMITS.publisher),
  /** When it was published, as given (yyyy-mm-dd…); '' when unknown. */
  date: text(FACT_CHECK_LIMITS.date),
  /** The language of the claim (BCP 47); '' when unknown. */
  language: text(FACT_CHECK_LIMITS.language),
});

export type FactCheckDraft = v.InferOutput<typeof FactCheckDraftSchema>;

/** A stored fact-check: its feed (a correction list of kind "fact-checks") and a stable id. */
export interface FactCheck extends FactCheckDraft {
  /** `${listId}:${hash of url and claim}`: the same fact-check keeps its id across refreshes. */
  id: string;
  listId: string;
}

/** A fact-check as a page's card and the editor show it: with the feed's title. */
export interface FactCheckView extends FactCheck {
  listTitle: string;
}

/** The id of a feed's fact-check: stable across refreshes while its address and claim stay. */
export function factCheckId(listId: string, draft: Pick<FactCheckDraft, 'url' | 'claim'>): string {
  return `${listId}:${hash53(`${draft.url}\n${draft.claim}`).toString(36)}`;
}

/** cyrb53: a fast 53-bit string hash, plenty to tell one feed's fact-checks apart. */
function hash53(s: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}
