// Correction rules: a phrase highlighted on every page where it appears, with the correction,
// verdict and sources the card shows; and the correction lists rules come from. Pure types,
// limits and validators; no I/O. Matching is core/match, list files are core/lists.
import * as v from 'valibot';
import { ClaimFieldsSchema } from './claim-schema';
import { t } from './i18n/translate';

export const RULE_LIMITS = {
  /** A phrase's length, in characters, after trimming. */
  phraseMin: 2,
  phraseMax: 300,
  /** Rules in one correction list. */
  rules: 50_000,
  /** A list file's size, in characters. */
  listChars: 20 * 1024 * 1024,
  /** A list's title. */
  title: 200,
} as const;

/** A rule as written or imported, before it is stored (see RuleDraftSchema). */
export type RuleDraft = v.InferOutput<typeof RuleDraftSchema>;

/** A stored rule. */
export interface Rule extends RuleDraft {
  id: string;
  /** The correction list it came from; null for the reader's own rules. */
  listId: string | null;
  enabled: boolean;
  /** Milliseconds since the epoch. */
  created: number;
  updated: number;
  /**
   * Only on a list's rule the reader edited: the list's own version of it. The rule's fields are
   * the reader's, and a refresh updates this copy instead of them (src/db/lists.ts).
   */
  listVersion?: RuleDraft;
}

/** A correction list: imported from a file (no url) or subscribed to by URL. */
export interface CorrectionList {
  id: string;
  title: string;
  /** Where the list is fetched from, when subscribed. */
  url?: string;
  enabled: boolean;
  /** HTTP validators from the last successful fetch, for conditional refreshes. */
  etag?: string;
  lastModified?: string;
  /** When the list was last fetched successfully (ms since the epoch). */
  fetched?: number;
  /** Why the last refresh failed (the previous copy stays in force). */
  error?: string;
  /**
   * What the list holds: phrase rules (absent on lists stored before fact-check feeds), or
   * fact-checks matched by meaning (ClaimReview, DataFeed, Fact Check Tools, CSV feeds).
   */
  kind?: 'rules' | 'fact-checks';
  /** A feed only: when its fact-checks were last replaced (the index is rebuilt from this). */
  stored?: number;
}

/** The fields a reader or a list writes, without the stored rule's bookkeeping. */
export function ruleDraftOf(rule: RuleDraft): RuleDraft {
  const { phrase, matchCase, verdict, correction, note, sources } = rule;
  return { phrase, matchCase, verdict, correction, note, sources: [...sources] };
}

/** True when two drafts would highlight and say the same. */
export function sameDraft(a: RuleDraft, b: RuleDraft): boolean {
  return (
    a.phrase === b.phrase &&
    a.matchCase === b.matchCase &&
    a.verdict === b.verdict &&
    a.correction === b.correction &&
    a.note === b.note &&
    a.sources.length === b.sources.length &&
    a.sources.every((source, i) => source === b.sources[i])
  );
}

/** A phrase: trimmed, 2 to 300 characters, not just white space. */
export const PhraseSchema = v.pipe(
  v.string(() => t('validation_text')),
  v.trim(),
  // Read when a phrase fails, in the messages' language (never when this module loads).
  v.minLength(RULE_LIMITS.phraseMin, () =>
    t('validation_at_least_characters', { min: String(RULE_LIMITS.phraseMin) }),
  ),
  v.maxLength(RULE_LIMITS.phraseMax, () =>
    t('validation_at_most_characters', { max: String(RULE_LIMITS.phraseMax) }),
  ),
);

/** The fields a rule shares with a claim: all the reader writes but tags. */
export const RuleFieldsSchema = v.omit(ClaimFieldsSchema, ['tags']);

/**
 * A rule draft from anywhere untrusted: a content script's message, a list file. The phrase is
 * matched ignoring case (unless matchCase), spacing, quotes, dashes and accents.
 */
export const RuleDraftSchema = v.strictObject({
  phrase: PhraseSchema,
  matchCase: v.boolean(),
  ...RuleFieldsSchema.entries,
});

/**
 * A rule with the name of the list it came from, when it came from one (for the card and the
 * Rules view): the list's title, or its address's host (listName), never its id.
 */
export interface RuleDetails extends Rule {
  listTitle?: string;
}
