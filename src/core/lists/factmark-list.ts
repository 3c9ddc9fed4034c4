// Factmark's own correction list format: a versioned JSON file of rules, documented in
// docs/correction-list.schema.json (these valibot schemas mirror it; a unit test keeps the two
// in step). Reads a parsed file into rule drafts and refusals. Pure; no I/O.
import * as v from 'valibot';
import { LIMITS, WebAddressSchema } from '../claim-schema';
import { fieldAndReason } from '../formats/backup';
import { plural, t } from '../i18n/translate';
import { PhraseSchema, RULE_LIMITS, type RuleDraft, RuleFieldsSchema } from '../rule';
import type { ListRead } from './read';

export const LIST_FORMAT = 'factmark-corrections';
export const LIST_VERSION = 1;

/**
 * Messages for a strict object: not an object at all, or a key the format does not have. One
 * message each for a rule and for a list, so every language words its own; read when a value
 * fails, never when this module loads.
 */
const strictMessage = (what: 'rule' | 'list') => (issue: v.StrictObjectIssue) => {
  if (issue.expected === 'never')
    return t(what === 'rule' ? 'list_not_a_rule_field' : 'list_not_a_list_field');
  return t(what === 'rule' ? 'list_rule_not_object' : 'list_list_not_object');
};

/** One rule as written in a list file: only the phrase is required. */
export const ListRuleSchema = v.strictObject(
  {
    phrase: PhraseSchema,
    matchCase: v.optional(
      v.boolean(() => t('validation_boolean')),
      false,
    ),
    verdict: v.optional(RuleFieldsSchema.entries.verdict, null),
    correction: v.optional(RuleFieldsSchema.entries.correction, ''),
    note: v.optional(RuleFieldsSchema.entries.note, ''),
    sources: v.optional(RuleFieldsSchema.entries.sources, []),
  },
  strictMessage('rule'),
);

/** The file around the rules; each rule is checked on its own so one bad rule refuses only itself. */
export const ListHeaderSchema = v.strictObject(
  {
    $schema: v.optional(v.pipe(v.string(), v.maxLength(LIMITS.url))),
    format: v.literal(LIST_FORMAT),
    version: v.literal(LIST_VERSION, () =>
      t('list_field_must_be_version', { version: String(LIST_VERSION) }),
    ),
    title: v.pipe(
      v.string(() => t('validation_text')),
      v.trim(),
      v.minLength(1, () => t('list_title_empty')),
      v.maxLength(RULE_LIMITS.title, () =>
        t('validation_at_most_characters', { max: String(RULE_LIMITS.title) }),
      ),
    ),
    description: v.optional(v.pipe(v.string(), v.maxLength(LIMITS.text))),
    homepage: v.optional(WebAddressSchema),
    rules: v.pipe(
      v.array(v.unknown(), () => t('list_rules_not_list')),
      v.maxLength(RULE_LIMITS.rules, () => plural('list_rules_at_most', RULE_LIMITS.rules)),
    ),
  },
  strictMessage('list'),
);

/** True when a parsed JSON value says it is a Factmark correction list (of any version). */
export function isFactmarkList(value: unknown): boolean {
  return (
    typeof value === 'object' && value !== null && (value as { format?: unknown }).format === LIST_FORMAT
  );
}

/** Reads a Factmark correction list into drafts (unchecked for repeats: see read.ts). */
export function readFactmarkList(value: unknown): ListRead {
  const version = (value as { version?: unknown }).version;
  if (typeof version === 'number' && version > LIST_VERSION) {
    return {
      kind: 'invalid',
      error: t('list_error_newer_version', { version: String(version), supported: String(LIST_VERSION) }),
    };
  }
  const rules = (value as { rules?: unknown }).rules;
  if (Array.isArray(rules) && rules.length > RULE_LIMITS.rules) {
    return tooMany(rules.length);
  }
  const header = v.safeParse(ListHeaderSchema, value, { abortEarly: true });
  if (!header.success) {
    const issue = header.issues[0];
    const field = issue?.path?.map((item) => String(item.key)).join('.') || t('list_field_list');
    return {
      kind: 'invalid',
      error: t('list_error_invalid_header', { field, problem: issue?.message ?? t('validation_invalid') }),
    };
  }
  const drafts: { record: number; draft: RuleDraft }[] = [];
  const invalid: { record: number; field: string; reason: string }[] = [];
  header.output.rules.forEach((rule, i) => {
    const record = i + 1;
    const parsed = v.safeParse(ListRuleSchema, rule, { abortEarly: true });
    if (parsed.success) drafts.push({ record, draft: parsed.output });
    else invalid.push({ record, ...fieldAndReason(parsed.issues) });
  });
  return { kind: 'ok', title: header.output.title, drafts, invalid };
}

function tooMany(count: number): ListRead {
  return {
    kind: 'invalid',
    error: plural('list_error_too_many', count, { max: RULE_LIMITS.rules }),
  };
}
