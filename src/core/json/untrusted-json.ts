// Parses JSON from outside (an imported file, a subscribed list) so that nothing in it can
// pollute a prototype, and says in plain words what is wrong when it is not JSON. Pure.

/** Keys that must never become properties of anything built from outside data. */
const HOSTILE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export type JsonRead = { kind: 'ok'; value: unknown } | { kind: 'invalid'; error: string };

/** `what` names the input in messages: "The file", "The list". */
export function parseUntrustedJson(text: string, what: { name: string; expected: string }): JsonRead {
  try {
    return {
      kind: 'ok',
      value: JSON.parse(text, (key, value: unknown) => (HOSTILE_KEYS.has(key) ? undefined : value)),
    };
  } catch (error) {
    if (error instanceof RangeError) {
      return { kind: 'invalid', error: `${what.name} is nested too deeply to be ${what.expected}.` };
    }
    const detail = error instanceof Error ? error.message : String(error);
    return {
      kind: 'invalid',
      error: `${what.name} is not valid JSON (it may be truncated, or not ${what.expected}): ${detail.slice(0, 200)}`,
    };
  }
}
