// Builds a claim record from validated fields: exactly the fields claim-schema.ts declares, in its
// order, copied (so no caller shares arrays with another), with the lookup keys recomputed from the
// URLs. Used by every writer: a save, an import, a backup. Pure; validation is the schemas'.
import {
  CLAIM_FIELDS,
  type Claim,
  type ClaimFields,
  POSITION_FIELDS,
  QUOTE_FIELDS,
  READER_FIELDS,
} from './claim-schema';
import { pageKey } from './url/page-key';

/** A claim before its lookup keys are known. */
export type UnkeyedClaim = Omit<Claim, 'pageKey' | 'canonicalKey'>;

/** The claim's fields in the schema's order, keys recomputed; `found`/`checked` left out. */
export function normaliseClaim(claim: UnkeyedClaim): Claim {
  const canonical = claim.canonical || undefined;
  // Built field by field rather than by spreading the claim and picking from the copy: a backup
  // of 100,000 claims is normalised on import, and the intermediate copy doubled the time.
  const out: Record<string, unknown> = {};
  for (const key of CLAIM_FIELDS) {
    let field: unknown;
    if (key === 'canonical') field = canonical;
    else if (key === 'pageKey') field = pageKey(claim.url) ?? claim.url;
    else if (key === 'canonicalKey') field = canonical ? (pageKey(canonical) ?? undefined) : undefined;
    else if (key === 'quote') field = pick(claim.quote, QUOTE_FIELDS);
    else if (key === 'position') field = pick(claim.position, POSITION_FIELDS);
    else field = claim[key];
    if (field === undefined) continue;
    out[key] = Array.isArray(field) ? [...field] : field;
  }
  // Every required key is set: the keys come from the schema the type is inferred from.
  return out as Claim;
}

/** The fields the reader writes, copied: what an edit replaces on a saved claim. */
export function readerFields(fields: ClaimFields): ClaimFields {
  return pick(fields, READER_FIELDS);
}

/** Only the named fields, in that order, absent ones left out and arrays copied. */
function pick<T extends object>(value: T, keys: readonly (keyof T)[]): T {
  const out: Partial<T> = {};
  for (const key of keys) {
    const field = value[key];
    if (field === undefined) continue;
    out[key] = (Array.isArray(field) ? [...field] : field) as T[keyof T];
  }
  // Every required key is copied: the keys come from the schema the type is inferred from.
  return out as T;
}
