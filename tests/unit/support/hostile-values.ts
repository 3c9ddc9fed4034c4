// Test helper for the fuzz suites: fast-check arbitraries for what an attacker or a broken file
// can put where a field is expected — wrong types, oversized strings and arrays, URLs that run
// code or read local files, prototype-pollution keys, deep nesting — and a mutator that puts one of
// them into an otherwise valid value, so most inputs get past the first check and reach the later ones.
import fc from 'fast-check';

/** Built once: fast-check then shares them instead of generating megabytes per run. */
const BIG = {
  string5k: 'x'.repeat(5_001),
  string20k: 'n'.repeat(20_001),
  string1m: 'm'.repeat(1_000_001),
  url5k: `https://example.org/${'a'.repeat(5_000)}`,
  array10k: Array.from(
    { length: 10_001 },
    (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
  ),
  array100k: new Array<number>(100_001).fill(1),
};

/** Nested `depth` levels of arrays (or objects): recursion limits, stack overflows. */
export function nested(depth: number, kind: 'array' | 'object' = 'array'): unknown {
  let value: unknown = 'deep';
  for (let i = 0; i < depth; i++) value = kind === 'array' ? [value] : { a: value };
  return value;
}

// Deeper than this cannot be sent at all: the browser's own serialisation overflows first
// (JSON text nested deeper is fuzzed as text, in the importers).
const DEEP = [nested(2_000), nested(2_000, 'object')];

export const HOSTILE_URLS = [
  'javascript:alert(document.cookie)',
  'JAVASCRIPT:alert(1)',
  ' javascript:alert(1)',
  'java\tscript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'data:,hello',
  'file:///etc/passwd',
  'vbscript:msgbox(1)',
  'blob:https://example.org/00000000-0000-4000-8000-000000000000',
  'chrome-extension://abcdefghijklmnop/review.html',
  'moz-extension://00000000-0000-4000-8000-000000000000/popup.html',
  'about:blank',
  'view-source:https://example.org/',
  '//evil.example/x',
  'http://',
  'https://[::1',
  'not a url',
  '',
  BIG.url5k,
];

/** Objects whose own keys try to reach a prototype when copied, merged or assigned. */
export function pollutingObjects(): unknown[] {
  const nullProto = Object.create(null) as Record<string, unknown>;
  nullProto.polluted = true;
  return [
    JSON.parse('{"__proto__": {"polluted": true}}'),
    JSON.parse('{"constructor": {"prototype": {"polluted": true}}}'),
    JSON.parse('{"prototype": {"polluted": true}, "__proto__": []}'),
    nullProto,
  ];
}

/** One value that does not belong where a field is expected. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.constantFrom<unknown>(null, undefined, true, 0, -1, 1.5, 2 ** 53, -0, NaN, Infinity),
  },
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_URLS) },
  { weight: 2, arbitrary: fc.constantFrom<unknown>(BIG.string5k, BIG.string20k, BIG.string1m) },
  { weight: 2, arbitrary: fc.constantFrom<unknown>(BIG.array10k, BIG.array100k) },
  { weight: 2, arbitrary: fc.constantFrom(...pollutingObjects()) },
  { weight: 1, arbitrary: fc.constantFrom(...DEEP) },
  { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 3, arbitrary: fc.anything({ maxDepth: 3, maxKeys: 5, withNullPrototype: true }) },
);

type Path = (string | number)[];

/** Paths to the values inside a JSON-like value (objects and arrays), the root excluded; the
 * first few levels only, since a hostile value may already be nested 100,000 deep. */
function pathsOf(value: unknown, prefix: Path = [], out: Path[] = []): Path[] {
  if (typeof value !== 'object' || value === null || prefix.length >= 8 || out.length > 200) return out;
  for (const [key, inner] of Object.entries(value)) {
    const path = [...prefix, Array.isArray(value) ? Number(key) : key];
    out.push(path);
    pathsOf(inner, path, out);
  }
  return out;
}

function copyOf(value: unknown): Record<string | number, unknown> {
  return (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<string | number, unknown>;
}

/**
 * The root with the containers along `path` copied (the rest shared, so a value nested thousands
 * deep is never walked), and the last container on the path, to change in place.
 */
function copyAlong(
  root: unknown,
  path: Path,
): { root: unknown; parent: Record<string | number, unknown> | null } {
  if (typeof root !== 'object' || root === null) return { root, parent: null };
  const top = copyOf(root);
  let parent = top;
  for (const key of path.slice(0, -1)) {
    const inner = parent[key];
    if (typeof inner !== 'object' || inner === null) return { root: top, parent: null };
    const copy = copyOf(inner);
    parent[key] = copy;
    parent = copy;
  }
  return { root: top, parent };
}

/**
 * A valid value with one thing wrong: a field replaced by a hostile value, a field removed, or an
 * extra field (sometimes named __proto__ or constructor) added somewhere.
 */
export function mutated(valid: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return fc
    .tuple(
      valid,
      fc.nat(),
      fc.constantFrom('replace', 'replace', 'remove', 'add'),
      hostileValue,
      fc.constantFrom('__proto__', 'constructor', 'prototype', 'extra', 'toString'),
    )
    .map(([base, pick, how, value, key]) => {
      const paths = pathsOf(base);
      if (paths.length === 0 || how === 'add') {
        // Into the root, or into the object a path leads to.
        const path = paths.length === 0 || pick % 3 === 0 ? [] : (paths[pick % paths.length] as Path);
        const { root, parent } = copyAlong(base, [...path, key]);
        if (!parent) return root;
        // defineProperty: a plain assignment to __proto__ would set the prototype, not add a key.
        Object.defineProperty(parent, key, { value, enumerable: true, writable: true, configurable: true });
        return root;
      }
      const path = paths[pick % paths.length] as Path;
      const { root, parent } = copyAlong(base, path);
      const last = path[path.length - 1] as string | number;
      if (!parent) return root;
      if (how === 'remove') delete parent[last];
      else parent[last] = value;
      return root;
    });
}

/**
 * `count` values drawn from `arbitrary` once, then picked from: generating rich valid values (web
 * URLs, whole claims) costs more than parsing them, so the fuzzers start from a generated pool
 * and spend their time on the mutations.
 */
export function pooled<T>(arbitrary: fc.Arbitrary<T>, count: number, seed: number): fc.Arbitrary<T> {
  return fc.constantFrom(...fc.sample(arbitrary, { numRuns: count, seed }));
}

/** Object.prototype's own keys now, to check later that nothing was added to it. */
export function prototypeKeys(): string[] {
  return [Object.prototype, Array.prototype, Function.prototype].flatMap((proto) =>
    Reflect.ownKeys(proto).map(String),
  );
}

/** True when a fuzz input polluted a prototype (a key appeared, or `{}.polluted` reads as set). */
export function prototypePolluted(before: readonly string[]): boolean {
  const probe: Record<string, unknown> = {};
  const now = prototypeKeys();
  return (
    probe.polluted !== undefined || now.length !== before.length || now.some((key, i) => key !== before[i])
  );
}
