// Parses JSON from outside (an imported file, a subscribed list) so that nothing in it can
// pollute a prototype, and says in plain words what is wrong when it is not JSON. Pure.

/** Keys that must never become properties of anything built from outside data. */
const HOSTILE_KEYS = ['__proto__', 'constructor', 'prototype'] as const;

/**
 * Deepest nesting accepted. JSON.parse itself takes any depth, but code that reads the value may
 * recurse; no file Factmark reads nests more than a few levels. (The reviver this parse used to
 * run overflowed the stack a little beyond this, and the message was the same.)
 */
const MAX_DEPTH = 1_000;

export type JsonRead = { kind: 'ok'; value: unknown } | { kind: 'invalid'; error: string };

/**
 * What to say when the text is not JSON a reader can use, worded by the caller: each names its
 * own input and what it expected in one whole message, so a translation can order and inflect
 * them as its language needs.
 */
export interface JsonProblems {
  /** The value nests deeper than MAX_DEPTH. */
  tooDeep(): string;
  /** The text is not JSON; `detail` is the parser's own description of where and why. */
  notJson(detail: string): string;
}

export function parseUntrustedJson(text: string, problems: JsonProblems): JsonRead {
  try {
    // JSON.parse itself makes `__proto__` an own data property, never the prototype; the keys
    // are removed afterwards, in one walk. (A reviver that drops them does the same but made
    // parsing a 90 MB backup three times as slow: it calls back for every value in the file.)
    const value: unknown = JSON.parse(text);
    if (!withoutHostileKeys(value)) tooDeep();
    return { kind: 'ok', value };
  } catch (error) {
    if (error instanceof RangeError) return { kind: 'invalid', error: problems.tooDeep() };
    const detail = error instanceof Error ? error.message : String(error);
    return { kind: 'invalid', error: problems.notJson(detail.slice(0, 200)) };
  }
}

/**
 * Deletes every hostile key from a parsed value, at any depth, in place; false (and stops) when
 * it nests deeper than MAX_DEPTH. Iterative: a deep file cannot overflow the stack here.
 */
function withoutHostileKeys(root: unknown): boolean {
  // Two stacks rather than one of pairs: no allocation per value in a file of millions.
  const pending: object[] = [];
  const depths: number[] = [];
  const visit = (inner: unknown, depth: number) => {
    if (typeof inner !== 'object' || inner === null) return;
    pending.push(inner);
    depths.push(depth);
  };
  visit(root, 1);
  while (pending.length > 0) {
    const value = pending.pop()!;
    const depth = depths.pop()!;
    if (depth > MAX_DEPTH) return false;
    if (Array.isArray(value)) {
      for (const item of value) visit(item, depth + 1);
      continue;
    }
    const object = value as Record<string, unknown>;
    for (const key of HOSTILE_KEYS) if (Object.hasOwn(object, key)) delete object[key];
    for (const key of Object.keys(object)) visit(object[key], depth + 1);
  }
  return true;
}

function tooDeep(): never {
  throw new RangeError('nested too deeply');
}
