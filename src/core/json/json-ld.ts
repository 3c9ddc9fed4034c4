// Small readers for JSON-LD as found in the wild (schema.org ClaimReview, Web Annotation): a
// value may be one item or an array, a type may be prefixed or a full IRI. Pure.

export type Obj = Record<string, unknown>;

export function isObject(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Whether `@type` (or `type`) names `type`, bare, as `schema:` or as a schema.org IRI. */
export function hasType(value: Obj, type: string): boolean {
  const declared = value['@type'] ?? value.type;
  const matches = (name: unknown) =>
    name === type ||
    name === `schema:${type}` ||
    name === `https://schema.org/${type}` ||
    name === `http://schema.org/${type}`;
  return matches(declared) || (Array.isArray(declared) && declared.some(matches));
}

export function firstOf(value: unknown): unknown {
  return Array.isArray(value) ? value[0] : value;
}

export function asArray(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}
