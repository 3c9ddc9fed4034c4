// The Factmark backup: every stored claim, field for field, in a versioned JSON file — the one
// lossless export. Writes it, and reads it back into claims validated by the claim schema
// (core/claim-schema.ts). Also the claim record every importer produces, and name-based ids.
// Pure; not the importer's format detection (see import.ts) nor the database write.
import * as v from 'valibot';
import { describeIssues, PortableClaimSchema } from '../claim-schema';
import { t } from '../i18n/translate';
import { isObject } from '../json/json-ld';
import type { Claim } from '../model';
import { normaliseClaim } from '../normalise-claim';

export const BACKUP_FORMAT = 'factmark-backup';
export const BACKUP_VERSION = 1;

export interface Backup {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  /** When the file was written (ISO 8601). */
  exported: string;
  claims: Claim[];
}

/** One claim read from a file, numbered from 1 in the file's order. */
export interface ClaimRecord {
  record: number;
  claim: Claim;
  /**
   * The fields the file actually carried, when it is a format that cannot hold every field (a
   * Web Annotation has no canonical URL, a ClaimReview no quote context). Absent: all of them.
   * When the claim exists already, only these fields replace the stored ones.
   */
  carried?: readonly (keyof Claim)[];
}

/** A record that cannot be imported: its number in the file, the field at fault and why. */
export interface InvalidRecord {
  record: number;
  field: string;
  reason: string;
}

export type BackupRead =
  | { kind: 'ok'; records: ClaimRecord[]; invalid: InvalidRecord[] }
  | { kind: 'invalid'; error: string };

/** The backup file's text: every claim as stored, in the order given. */
export function exportBackup(claims: readonly Claim[], now: Date): string {
  const backup: Backup = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exported: now.toISOString(),
    claims: claims.map(normaliseClaim),
  };
  return `${JSON.stringify(backup, null, 1)}\n`;
}

/** True when a parsed JSON value says it is a Factmark backup (of any version). */
export function isBackup(value: unknown): value is { format: string } {
  return isObject(value) && value.format === BACKUP_FORMAT;
}

/** Reads a parsed backup file into validated claims; bad records are listed, not fatal. */
export function readBackup(value: unknown): BackupRead {
  if (!isObject(value) || value.format !== BACKUP_FORMAT) {
    return { kind: 'invalid', error: t('import_error_not_backup') };
  }
  const { version, claims } = value;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { kind: 'invalid', error: t('import_error_backup_version') };
  }
  if (version > BACKUP_VERSION) {
    return {
      kind: 'invalid',
      error: t('import_error_backup_newer', { version: String(version) }),
    };
  }
  if (!Array.isArray(claims)) return { kind: 'invalid', error: t('import_error_backup_no_claims') };
  const records: ClaimRecord[] = [];
  const invalid: InvalidRecord[] = [];
  claims.forEach((raw: unknown, i) => {
    const record = i + 1;
    const parsed = v.safeParse(PortableClaimSchema, raw, { abortEarly: true });
    if (!parsed.success) {
      invalid.push({ record, ...fieldAndReason(parsed.issues) });
      return;
    }
    records.push({ record, claim: normaliseClaim(parsed.output) });
  });
  return { kind: 'ok', records, invalid };
}

/** The first valibot issue as a field path and a reason a reader can act on. */
export function fieldAndReason(issues: readonly v.BaseIssue<unknown>[]): { field: string; reason: string } {
  const first = issues[0];
  const field = first?.path?.map((item) => String(item.key)).join('.') || t('import_field_record');
  const reason = first ? describeIssues([{ ...first, path: undefined }]) : t('validation_invalid');
  return { field, reason };
}

// ---- Deterministic ids ------------------------------------------------------------------------

/** Namespace of the name-based (version 5) UUIDs given to foreign records without one. */
const FACTMARK_NAMESPACE = '3f0c8a52-6d1e-4b7a-9c2f-5e8d7a1b4c60';

/** RFC 4122 version 5 UUID: SHA-1 of namespace and name. Same name, same id, every import. */
export function uuidV5(name: string, namespace = FACTMARK_NAMESPACE): string {
  const ns = namespace.replace(/-/g, '');
  const bytes = new Uint8Array(16 + name.length * 3);
  for (let i = 0; i < 16; i++) bytes[i] = Number.parseInt(ns.slice(i * 2, i * 2 + 2), 16);
  const { written } = new TextEncoder().encodeInto(name, bytes.subarray(16));
  const hash = sha1(bytes.subarray(0, 16 + written));
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = [...hash.subarray(0, 16)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

function sha1(message: Uint8Array): Uint8Array {
  const length = message.length;
  const padded = new Uint8Array((((length + 8) >> 6) + 1) * 64);
  padded.set(message);
  padded[length] = 0x80;
  const view = new DataView(padded.buffer);
  view.setUint32(padded.length - 8, Math.floor(length / 0x20000000));
  view.setUint32(padded.length - 4, (length * 8) >>> 0);
  const h = [0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0];
  const w = new Uint32Array(80);
  for (let block = 0; block < padded.length; block += 64) {
    for (let i = 0; i < 16; i++) w[i] = view.getUint32(block + i * 4);
    for (let i = 16; i < 80; i++) {
      const x = w[i - 3]! ^ w[i - 8]! ^ w[i - 14]! ^ w[i - 16]!;
      w[i] = (x << 1) | (x >>> 31);
    }
    let [a, b, c, d, e] = h as [number, number, number, number, number];
    for (let i = 0; i < 80; i++) {
      const [f, k] =
        i < 20
          ? [(b & c) | (~b & d), 0x5a827999]
          : i < 40
            ? [b ^ c ^ d, 0x6ed9eba1]
            : i < 60
              ? [(b & c) | (b & d) | (c & d), 0x8f1bbcdc]
              : [b ^ c ^ d, 0xca62c1d6];
      const t = (((a << 5) | (a >>> 27)) + f + e + k + w[i]!) >>> 0;
      e = d;
      d = c;
      c = ((b << 30) | (b >>> 2)) >>> 0;
      b = a;
      a = t;
    }
    h[0] = (h[0]! + a) >>> 0;
    h[1] = (h[1]! + b) >>> 0;
    h[2] = (h[2]! + c) >>> 0;
    h[3] = (h[3]! + d) >>> 0;
    h[4] = (h[4]! + e) >>> 0;
  }
  const out = new Uint8Array(20);
  const outView = new DataView(out.buffer);
  for (const [i, word] of h.entries()) outView.setUint32(i * 4, word);
  return out;
}
