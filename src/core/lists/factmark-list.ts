// Factmark's own correction list format: a versioned JSON file of rules, documented in
// docs/correction-list.schema.json (these valibot schemas mirror it; a unit test keeps the two
// in step). Reads a parsed file into rule drafts and refusals. Pure; no I/O.
import * as v from 'valibot';
import { LIMITS, WebAddressSchema } from '../claim-schema';
import { fieldAndReason } from '../formats/backup';
import { PhraseSchema, RULE_LIMITS, type RuleDraft, RuleFieldsSchema } from '../rule';
import type { ListRead } from './read';

export const LIST_FORMAT = 'factmark-corrections';
export const LIST_VERSION = 1;

/** Messages for a strict object: not an object at all, or a key the format does not have. */
const strictMessage = (what: string) => (issue: v.StrictObjectIssue) =>
  issue.expected === 'never' ? `is not a field ${what} can have` : `must be an object (${what})`;

/** One rule as written in a list file: only the phrase is required. */
export const ListRuleSchema = v.strictObject(
  {
    phrase: PhraseSchema,
    matchCase: v.optional(v.boolean('must be true or false'), false),
    verdict: v.optional(RuleFieldsSchema.entries.verdict, null),
    correction: v.optional(RuleFieldsSchema.entries.correction, ''),
    note: v.optional(RuleFieldsSchema.entries.note, ''),
    sources: v.optional(RuleFieldsSchema.entries.sources, []),
  },
  strictMessage('a rule'),
);

/** The file around the rules; each rule is checked on its own so one bad rule refuses only itself. */
export const ListHeaderSchema = v.strictObject(
  {
    $schema: v.optional(v.pipe(v.string(), v.maxLength(LIMITS.url))),
    format: v.literal(LIST_FORMAT),
    version: v.literal(LIST_VERSION, `must be ${LIST_VERSION}`),
    title: v.pipe(
      v.string('must be text'),
      v.trim(),
      v.minLength(1, 'is empty: a list needs a title'),
      v.maxLength(RULE_LIMITS.title, `must be at most ${RULE_LIMITS.title} characters`),
    ),
    description: v.optional(v.pipe(v.string(), v.maxLength(LIMITS.text))),
    homepage: v.optional(WebAddressSchema),
    rules: v.pipe(
      v.array(v.unknown(), 'must be a list of rules'),
      v.maxLength(RULE_LIMITS.rules, `must hold at most ${RULE_LIMITS.rules.toLocaleString('en')} rules`),
    ),
  },
  strictMessage('a correction list'),
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
      error: `This list uses version ${version} of the correction list format; this Factmark reads version ${LIST_VERSION}. Update Factmark to use it.`,
    };
  }
  const rules = (value as { rules?: unknown }).rules;
  if (Array.isArray(rules) && rules.length > RULE_LIMITS.rules) {
    return tooMany(rules.length);
  }
  const header = v.safeParse(ListHeaderSchema, value, { abortEarly: true });
  if (!header.success) {
    const issue = header.issues[0];
    const field = issue?.path?.map((item) => String(item.key)).join('.') || '(list)';
    return {
      kind: 'invalid',
      error: `The correction list is not valid: ${field} ${issue?.message ?? 'is not valid'}. Check the file against docs/correction-list.schema.json.`,
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
    error: `The list holds ${count.toLocaleString('en')} rules; Factmark reads at most ${RULE_LIMITS.rules.toLocaleString('en')} from one list. Split it into smaller lists.`,
  };
}
