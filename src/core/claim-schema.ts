// Validators for claims arriving from anywhere untrusted: a content script's message, an import.
// The schemas are also the TypeScript types' guards; sizes are bounded so no input can bloat the
// database or the UI.
import * as v from 'valibot';
import { VERDICTS } from './model';
import { isWebUrl } from './url/page-key';

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

const boundedText = (max: number) =>
  v.pipe(v.string(), v.maxLength(max, `must be at most ${max} characters`));

const webUrl = v.pipe(
  v.string(),
  v.trim(),
  v.maxLength(LIMITS.url, `must be at most ${LIMITS.url} characters`),
  v.check(isWebUrl, 'must be an http or https address'),
);

const pageUrl = v.pipe(
  v.string(),
  v.maxLength(LIMITS.url, `must be at most ${LIMITS.url} characters`),
  v.check((s) => URL.canParse(s), 'must be an absolute URL'),
);

const offset = v.pipe(v.number(), v.integer(), v.minValue(0));

export const TextQuoteSelectorSchema = v.strictObject({
  type: v.literal('TextQuoteSelector'),
  exact: v.pipe(boundedText(LIMITS.quote), v.minLength(1, 'the quote is empty')),
  prefix: boundedText(LIMITS.context),
  suffix: boundedText(LIMITS.context),
});

export const TextPositionSelectorSchema = v.pipe(
  v.strictObject({ type: v.literal('TextPositionSelector'), start: offset, end: offset }),
  v.check((p) => p.end > p.start, 'end must come after start'),
);

const tag = v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(LIMITS.tag));

export const ClaimFieldsSchema = {
  verdict: v.nullable(v.picklist(VERDICTS, 'is not a known verdict')),
  correction: boundedText(LIMITS.text),
  note: boundedText(LIMITS.text),
  sources: v.pipe(v.array(webUrl), v.maxLength(LIMITS.sources)),
  tags: v.pipe(v.array(tag), v.maxLength(LIMITS.tags)),
};

export const ClaimDraftSchema = v.strictObject({
  id: v.optional(v.pipe(v.string(), v.uuid())),
  url: pageUrl,
  canonical: v.optional(pageUrl),
  title: boundedText(LIMITS.title),
  quote: TextQuoteSelectorSchema,
  position: TextPositionSelectorSchema,
  ...ClaimFieldsSchema,
});

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
