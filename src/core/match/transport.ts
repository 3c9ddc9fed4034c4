// Compiled rules as JSON-safe data, for runtime messages: Chrome serialises extension messages
// as JSON, where typed arrays do not survive (they arrive as plain objects). Typed arrays go as
// base64 strings of their bytes (little-endian, as every browser platform is); strings stay.
// Decoding checks the result with `deserialise`, so a scan can never read out of bounds.
import {
  type COMPILED_FORMAT,
  type COMPILED_VERSION,
  type CompiledRules,
  deserialise,
} from './phrase-matcher';

/** CompiledRules with every typed array as base64: survives JSON.stringify/parse unchanged. */
export interface EncodedRules {
  format: typeof COMPILED_FORMAT;
  version: typeof COMPILED_VERSION;
  count: number;
  phrases: string;
  cased: string;
  /** Int32Array bytes, base64. */
  phraseStart: string;
  casedStart: string;
  keys: string;
  bucketStart: string;
  bucketRules: string;
  /** Uint8Array bytes, base64. */
  flags: string;
}

export function encodeRules(compiled: CompiledRules): EncodedRules {
  return {
    format: compiled.format,
    version: compiled.version,
    count: compiled.count,
    phrases: compiled.phrases,
    cased: compiled.cased,
    phraseStart: toBase64(compiled.phraseStart),
    casedStart: toBase64(compiled.casedStart),
    keys: toBase64(compiled.keys),
    bucketStart: toBase64(compiled.bucketStart),
    bucketRules: toBase64(compiled.bucketRules),
    flags: toBase64(compiled.flags),
  };
}

/** Rules encoded by `encodeRules`, back in compiled form. Throws on anything else (a bug). */
export function decodeRules(encoded: unknown): CompiledRules {
  if (typeof encoded !== 'object' || encoded === null)
    throw new TypeError('Not encoded rules: not an object');
  const e = encoded as Record<string, unknown>;
  const int32 = (field: string): Int32Array => {
    const bytes = fromBase64(e[field], field);
    if (bytes.length % 4 !== 0) throw new TypeError(`Not encoded rules: ${field} length`);
    return new Int32Array(bytes.buffer, bytes.byteOffset, bytes.length / 4);
  };
  return deserialise({
    format: e.format,
    version: e.version,
    count: e.count,
    phrases: e.phrases,
    cased: e.cased,
    phraseStart: int32('phraseStart'),
    casedStart: int32('casedStart'),
    keys: int32('keys'),
    bucketStart: int32('bucketStart'),
    bucketRules: int32('bucketRules'),
    flags: fromBase64(e.flags, 'flags'),
  });
}

function toBase64(array: Int32Array | Uint8Array): string {
  const bytes = new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
  let binary = '';
  // In slices: String.fromCharCode takes its characters as arguments.
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

function fromBase64(value: unknown, field: string): Uint8Array {
  if (typeof value !== 'string') throw new TypeError(`Not encoded rules: ${field}`);
  let binary: string;
  try {
    binary = atob(value);
  } catch {
    throw new TypeError(`Not encoded rules: ${field} is not base64`);
  }
  // A fresh, aligned buffer: Int32Array views need a byte offset that is a multiple of 4.
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
