// The shape of a claim, declared once: valibot schemas from which the TypeScript types are
// inferred, and which validate claims arriving from anywhere untrusted (a content script's
// message, an imported file, a restored backup). Sizes are bounded so no input can bloat the
// database or the UI; every address follows the one policy in url/web-address.ts. The field
// lists other modules walk (a backup's order, what an import may carry) come from here too.
import * as v from 'valibot';
import { t } from './i18n/translate';
import { VERDICTS } from './model';
import { isWebUrl, webAddressProblem } from './url/web-address';

export const LIMITS = {
  quote: 5_000,
  context: 64,
  text: 20_000,
  title: 1_000,
  url: 4_096,
  sources: 50,
  tags: 50,
  tag: 100,
} as const;

// Messages are functions: valibot calls them when a value fails, so they are read in the
// messages' language then, never when this module loads. Limits are written without grouping
// ("20000"), as they always were.
const atMost = (max: number) => () => t('validation_at_most_characters', { max: String(max) });

const boundedText = (max: number) => v.pipe(v.string(), v.maxLength(max, atMost(max)));

/** A page address or a source: http or https, no user name or password, bounded. */
export const WebAddressSchema = v.pipe(
  v.string(),
  v.trim(),
  v.maxLength(LIMITS.url, atMost(LIMITS.url)),
  v.check(isWebUrl, (issue) => webAddressProblem(issue.input) ?? t('validation_not_http')),
);

/** Milliseconds since the epoch, within what a Date can hold. */
export const TimestampSchema = v.pipe(
  v.number(),
  v.integer(() => t('validation_whole_milliseconds')),
  v.minValue(0, () => t('validation_before_1970')),
  v.maxValue(8.64e15, () => t('validation_not_a_date')),
);

const offset = v.pipe(v.number(), v.integer(), v.minValue(0));
const uuid = v.pipe(
  v.string(),
  v.uuid(() => t('validation_uuid')),
);

/** W3C Web Annotation TextQuoteSelector: the quote and up to 32 characters either side. */
export const TextQuoteSelectorSchema = v.strictObject({
  type: v.literal('TextQuoteSelector'),
  exact: v.pipe(
    boundedText(LIMITS.quote),
    v.minLength(1, () => t('validation_quote_empty')),
  ),
  prefix: boundedText(LIMITS.context),
  suffix: boundedText(LIMITS.context),
});

const TextPositionObjectSchema = v.strictObject({
  type: v.literal('TextPositionSelector'),
  start: offset,
  end: offset,
});

/** W3C Web Annotation TextPositionSelector: offsets into the page's text. */
export const TextPositionSelectorSchema = v.pipe(
  TextPositionObjectSchema,
  v.check(
    (p) => p.end > p.start,
    () => t('validation_end_after_start'),
  ),
);

/** Where on its page a claim was flagged. */
export const ClaimAnchorSchema = v.strictObject({
  quote: TextQuoteSelectorSchema,
  position: TextPositionSelectorSchema,
});

const tag = v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(LIMITS.tag));

/** What the reader writes about a claim (and a rule: see rule.ts). */
export const ClaimFieldsSchema = v.strictObject({
  /** null: no verdict, just a note. */
  verdict: v.nullable(v.picklist(VERDICTS, () => t('validation_unknown_verdict'))),
  correction: boundedText(LIMITS.text),
  note: boundedText(LIMITS.text),
  sources: v.pipe(v.array(WebAddressSchema), v.maxLength(LIMITS.sources)),
  tags: v.pipe(v.array(tag), v.maxLength(LIMITS.tags)),
});

/** The page a claim is on: the URL as the reader saw it, its declared canonical URL, its title. */
const pageEntries = {
  url: WebAddressSchema,
  canonical: v.optional(WebAddressSchema),
  title: boundedText(LIMITS.title),
};

/** What a content script or the popup sends to save a claim (new when `id` is absent). */
export const ClaimDraftSchema = v.strictObject({
  id: v.optional(uuid),
  ...pageEntries,
  ...ClaimAnchorSchema.entries,
  ...ClaimFieldsSchema.entries,
});

/**
 * A claim as a backup holds it, fields in the order a backup writes them: the draft's checks
 * plus its id, lookup keys (see url/page-key.ts) and times.
 */
export const PortableClaimSchema = v.strictObject({
  id: uuid,
  ...pageEntries,
  /** Normalised `url`: the per-page lookup key. */
  pageKey: v.string(),
  /** Normalised `canonical`, when the page declared one. */
  canonicalKey: v.optional(v.string()),
  ...ClaimAnchorSchema.entries,
  ...ClaimFieldsSchema.entries,
  created: TimestampSchema,
  updated: TimestampSchema,
});

/**
 * A saved claim, as stored in the database. `found`/`checked` record whether a content script
 * found it on its page when last anchored (reported with `claims/seen`; absent: never checked):
 * a fact about this browser's visits, so backups leave them out.
 */
export const ClaimSchema = v.strictObject({
  ...PortableClaimSchema.entries,
  found: v.optional(v.boolean()),
  checked: v.optional(TimestampSchema),
});

export type TextQuoteSelector = v.InferOutput<typeof TextQuoteSelectorSchema>;
export type TextPositionSelector = v.InferOutput<typeof TextPositionSelectorSchema>;
export type ClaimAnchor = v.InferOutput<typeof ClaimAnchorSchema>;
export type ClaimFields = v.InferOutput<typeof ClaimFieldsSchema>;
export type ClaimDraft = v.InferOutput<typeof ClaimDraftSchema>;
export type Claim = v.InferOutput<typeof ClaimSchema>;

function keysOf<T extends v.ObjectEntries>(schema: { entries: T }): readonly (keyof T & string)[] {
  return Object.keys(schema.entries) as (keyof T & string)[];
}

/** A claim's fields in a backup's order (everything but `found`/`checked`). */
export const CLAIM_FIELDS = keysOf(PortableClaimSchema);
/** The fields the reader writes: what an edit of a saved claim replaces. */
export const READER_FIELDS = keysOf(ClaimFieldsSchema);
export const QUOTE_FIELDS = keysOf(TextQuoteSelectorSchema);
export const POSITION_FIELDS = keysOf(TextPositionObjectSchema);

/** A valibot issue list as one line a reader can act on: "sources.0: must be an http…". */
export function describeIssues(issues: readonly v.BaseIssue<unknown>[]): string {
  return issues
    .slice(0, 5)
    .map((issue) => {
      const path = issue.path?.map((item) => String(item.key)).join('.');
      return path ? `${path}: ${issue.message}` : issue.message;
    })
    .join('; ');
}

/** The draft that saves new `fields` over a saved claim: same id, page and anchor. */
export function editDraft(claim: Claim, fields: ClaimFields): ClaimDraft {
  const { id, url, canonical, title, quote, position } = claim;
  return { id, url, ...(canonical ? { canonical } : {}), title, quote, position, ...fields };
}
