// Reads an import file: checks its size, parses the JSON safely, recognises the format (Factmark
// backup, W3C Web Annotation or Hypothesis, schema.org ClaimReview), turns each record into a
// validated Claim or a reason it was refused, and plans the write (new / already there /
// updated). Pure: no database; the caller writes `planImport(...).toWrite` in one transaction.
import * as v from 'valibot';
import { unknownRatingReason, verdictOfRating } from '../claim-review-ratings';
import { CLAIM_FIELDS, ClaimDraftSchema, type ClaimFields, LIMITS, READER_FIELDS } from '../claim-schema';
import { plural, t } from '../i18n/translate';
import { parseUntrustedJson } from '../json/untrusted-json';
import type { Claim, Verdict } from '../model';
import { normaliseClaim } from '../normalise-claim';
import { type ClaimRecord, fieldAndReason, type InvalidRecord, isBackup, readBackup, uuidV5 } from './backup';
import { isClaimReviewDocument, readClaimReviews } from './claim-review';
import { megabytes } from './size';
import { isWebAnnotationDocument, readWebAnnotations } from './web-annotation';

export type { ClaimRecord, InvalidRecord } from './backup';

export type ImportFormat = 'factmark-backup' | 'web-annotation' | 'hypothesis' | 'claim-review';

export type ImportResult =
  | { kind: 'ok'; format: ImportFormat; records: ClaimRecord[]; invalid: InvalidRecord[] }
  | { kind: 'invalid'; error: string };

export interface ImportOptions {
  /** Stamped as created/updated on records that carry no dates (ms since the epoch). */
  now?: number;
  /** Largest file accepted, in characters (default 50 MB). */
  maxChars?: number;
  /** Most records accepted in one file (default 200,000). */
  maxRecords?: number;
}

export const IMPORT_LIMITS = { maxChars: 50 * 1024 * 1024, maxRecords: 200_000 } as const;

/**
 * A record read from a foreign format, before validation: what the reader found, unchecked, under
 * the claim's own field names (claim-schema.ts). Absent fields were not in the file (the claim
 * gets defaults, and an existing claim keeps its own values for them). `verdict` is a verdict or
 * a fact-checkers' rating ("Missing context", "Pants on Fire"; null: explicitly none); `created`
 * and `updated` are ISO 8601 strings; the quote comes in parts (`exact`, `prefix`, `suffix`) and
 * the position as `start` and `end`.
 */
export type Candidate = {
  record: number;
  /** A Factmark claim id the record carries (from `urn:uuid:…`). */
  id?: string;
  /** The record's identity in the system that made it (an annotation IRI, a Hypothesis id). */
  foreignId?: string;
  url: unknown;
  exact: unknown;
} & { [K in CarriedField | 'prefix' | 'suffix' | 'start' | 'end']?: unknown };

/** The fields a foreign record may carry as they are, beside the page address and the quote. */
type CarriedField = keyof ClaimFields | 'canonical' | 'title' | 'created' | 'updated';

/** What a foreign-format reader returns: candidates to validate, and records already refused. */
export interface CandidateRead {
  candidates: Candidate[];
  invalid: InvalidRecord[];
}

export type ReadOutcome =
  | ({ kind: 'ok'; format: ImportFormat; total: number } & CandidateRead)
  | { kind: 'invalid'; error: string };

/** Reads an import file's text into claims and refusals. Never throws on bad input. */
export function parseImport(text: string, opts: ImportOptions = {}): ImportResult {
  const maxChars = opts.maxChars ?? IMPORT_LIMITS.maxChars;
  const maxRecords = opts.maxRecords ?? IMPORT_LIMITS.maxRecords;
  const now = opts.now ?? Date.now();
  if (text.length > maxChars) {
    return {
      kind: 'invalid',
      error: t('import_error_too_large', { size: megabytes(text.length), max: megabytes(maxChars) }),
    };
  }
  const body = text.replace(/^\uFEFF/, '');
  if (body.trim() === '') return { kind: 'invalid', error: t('import_error_empty') };
  const parsed = parseUntrustedJson(body, {
    tooDeep: () => t('import_json_too_deep'),
    notJson: (detail) => t('import_json_not_json', { detail }),
  });
  if (parsed.kind === 'invalid') return parsed;
  const value = parsed.value;

  if (isBackup(value)) {
    const claims = (value as { claims?: unknown }).claims;
    if (Array.isArray(claims) && claims.length > maxRecords) return tooMany(claims.length, maxRecords);
    const read = readBackup(value);
    if (read.kind === 'invalid') return read;
    return finish('factmark-backup', read.records, read.invalid);
  }

  const read: ReadOutcome | null = isClaimReviewDocument(value)
    ? readClaimReviews(value)
    : isWebAnnotationDocument(value)
      ? readWebAnnotations(value)
      : null;
  if (!read) return { kind: 'invalid', error: t('import_error_unknown_format') };
  if (read.kind === 'invalid') return read;
  if (read.total > maxRecords) return tooMany(read.total, maxRecords);
  const records: ClaimRecord[] = [];
  const invalid = [...read.invalid];
  for (const candidate of read.candidates) {
    const made = claimFromCandidate(candidate, now);
    if (made.kind === 'ok') records.push(made.record);
    else invalid.push(made.invalid);
  }
  return finish(read.format, records, invalid);
}

/** Drops repeats of the same claim within one file, and sorts refusals by record number. */
function finish(format: ImportFormat, records: ClaimRecord[], invalid: InvalidRecord[]): ImportResult {
  const firstById = new Map<string, number>();
  const unique: ClaimRecord[] = [];
  const refused = [...invalid];
  for (const record of records) {
    const first = firstById.get(record.claim.id);
    if (first !== undefined) {
      refused.push({
        record: record.record,
        field: 'id',
        reason: t('import_reason_same_claim', { record: String(first) }),
      });
      continue;
    }
    firstById.set(record.claim.id, record.record);
    unique.push(record);
  }
  refused.sort((a, b) => a.record - b.record);
  return { kind: 'ok', format, records: unique, invalid: refused };
}

function tooMany(count: number, max: number): ImportResult {
  return {
    kind: 'invalid',
    error: plural('import_error_too_many', count, { max }),
  };
}

// ---- From a foreign record to a Claim -------------------------------------------------------

const UuidSchema = v.pipe(v.string(), v.uuid());

type Made = { kind: 'ok'; record: ClaimRecord } | { kind: 'invalid'; invalid: InvalidRecord };

/** Validates a candidate with the same schema that guards saves, and fills in what is absent. */
function claimFromCandidate(candidate: Candidate, now: number): Made {
  const { record } = candidate;
  const refuse = (field: string, reason: string): Made => ({
    kind: 'invalid',
    invalid: { record, field, reason },
  });

  const verdict = verdictOf(candidate.verdict);
  if (verdict === undefined) return refuse('verdict', unknownRatingReason(String(candidate.verdict)));
  const exact = candidate.exact;
  const hasPosition = candidate.start !== undefined || candidate.end !== undefined;
  const draft = {
    url: typeof candidate.url === 'string' ? candidate.url.trim() : candidate.url,
    ...(candidate.canonical !== undefined ? { canonical: candidate.canonical } : {}),
    title: candidate.title ?? '',
    quote: {
      type: 'TextQuoteSelector',
      exact,
      prefix:
        typeof candidate.prefix === 'string'
          ? candidate.prefix.slice(-LIMITS.context)
          : (candidate.prefix ?? ''),
      suffix:
        typeof candidate.suffix === 'string'
          ? candidate.suffix.slice(0, LIMITS.context)
          : (candidate.suffix ?? ''),
    },
    position: hasPosition
      ? { type: 'TextPositionSelector', start: candidate.start, end: candidate.end }
      : // No offsets in the file: anchoring falls back to finding the quote in the page's text.
        {
          type: 'TextPositionSelector',
          start: 0,
          end: typeof exact === 'string' ? Math.max(exact.length, 1) : 1,
        },
    verdict,
    correction: candidate.correction ?? '',
    note: candidate.note ?? '',
    sources: candidate.sources ?? [],
    tags: candidate.tags ?? [],
  };
  const parsed = v.safeParse(ClaimDraftSchema, draft, { abortEarly: true });
  if (!parsed.success) {
    const { field, reason } = fieldAndReason(parsed.issues);
    return refuse(field, reason);
  }
  const output = parsed.output;

  const created = timeOf(candidate.created);
  const updated = timeOf(candidate.updated);
  if (created === null) return refuse('created', t('validation_not_a_date'));
  if (updated === null) return refuse('updated', t('validation_not_a_date'));

  const id =
    (candidate.id !== undefined && v.is(UuidSchema, candidate.id) ? candidate.id.toLowerCase() : undefined) ??
    uuidV5(
      candidate.foreignId !== undefined
        ? `id:${candidate.foreignId}`
        : `quote:${pageUrlKey(output.url)}\n${output.quote.exact}\n${output.quote.prefix}\n${output.quote.suffix}`,
    );
  const claim = normaliseClaim({
    id,
    ...output,
    tags: dedupeTags(output.tags),
    sources: [...new Set(output.sources)],
    created: created ?? updated ?? now,
    updated: updated ?? created ?? now,
  });
  const missing = new Set<keyof Claim>();
  if (candidate.canonical === undefined) missing.add('canonical').add('canonicalKey');
  if (candidate.title === undefined) missing.add('title');
  if (candidate.prefix === undefined || candidate.suffix === undefined) missing.add('quote');
  if (!hasPosition) missing.add('position');
  for (const key of [...READER_FIELDS, 'created', 'updated'] as const) {
    if (candidate[key] === undefined) missing.add(key);
  }
  return {
    kind: 'ok',
    record: { record, claim, carried: CLAIM_FIELDS.filter((key) => !missing.has(key)) },
  };
}

/** A verdict from a verdict or rating; null when there is none; undefined when it is not one we know. */
function verdictOf(raw: unknown): Verdict | null | undefined {
  if (raw === undefined || raw === null) return null;
  if (typeof raw !== 'string') return undefined;
  if (raw.trim() === '') return null;
  return verdictOfRating(raw);
}

/** Milliseconds from an ISO date; undefined when absent; null when present but not a date. */
function timeOf(raw: unknown): number | undefined | null {
  if (raw === undefined || raw === null) return undefined;
  if (typeof raw !== 'string') return null;
  const time = Date.parse(raw);
  return Number.isFinite(time) && time >= 0 ? time : null;
}

function dedupeTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  return tags.filter((tag) => {
    const key = tag.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function pageUrlKey(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.hash = '';
    return parsed.href;
  } catch {
    return url;
  }
}

// ---- Planning the write -----------------------------------------------------------------------

export interface ImportPlan {
  /** Claims to write, new and changed, in file order. */
  toWrite: Claim[];
  /** Records not in the database yet. */
  new: number;
  /** Records whose claim exists and would change. */
  updated: number;
  /** Records whose claim exists with the same content: importing them changes nothing. */
  alreadyThere: number;
}

/**
 * What is in the database already: a map of stored claims, a lookup, or just the ids (then a
 * record whose id exists counts as already there, since changes cannot be seen).
 */
export type Existing =
  | ReadonlySet<string>
  | ReadonlyMap<string, Claim>
  | ((id: string) => Claim | boolean | undefined);

/** The preview and the write list for importing records. Pure. */
export function planImport(records: readonly ClaimRecord[], existing: Existing): ImportPlan {
  const lookup = lookupOf(existing);
  const plan: ImportPlan = { toWrite: [], new: 0, updated: 0, alreadyThere: 0 };
  for (const { claim, carried } of records) {
    const stored = lookup(claim.id);
    if (stored === undefined || stored === false) {
      plan.new += 1;
      plan.toWrite.push(claim);
      continue;
    }
    if (stored === true) {
      plan.alreadyThere += 1;
      continue;
    }
    const merged = mergeInto(stored, claim, carried);
    if (sameContent(stored, merged)) {
      plan.alreadyThere += 1;
    } else {
      plan.updated += 1;
      plan.toWrite.push(merged);
    }
  }
  return plan;
}

function lookupOf(existing: Existing): (id: string) => Claim | boolean | undefined {
  if (typeof existing === 'function') return existing;
  if (existing instanceof Map) return (id) => existing.get(id);
  const ids = existing as ReadonlySet<string>;
  return (id) => ids.has(id);
}

/** The stored claim with the fields the file carried replaced; keys recomputed. */
function mergeInto(stored: Claim, incoming: Claim, carried: readonly (keyof Claim)[] | undefined): Claim {
  if (!carried) return incoming;
  const merged: Record<string, unknown> = { ...stored };
  for (const key of carried) {
    if (incoming[key] === undefined) delete merged[key];
    else merged[key] = incoming[key];
  }
  return normaliseClaim(merged as unknown as Claim);
}

/** Equal in everything a reader can see or the database indexes; timestamps aside. */
function sameContent(a: Claim, b: Claim): boolean {
  const strip = ({ created: _c, updated: _u, ...rest }: Claim) => rest;
  return stableJson(strip(normaliseClaim(a))) === stableJson(strip(normaliseClaim(b)));
}

function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)))
      : inner,
  );
}
