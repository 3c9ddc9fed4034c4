// W3C Web Annotation (JSON-LD) export and import. Export: an AnnotationCollection, one
// Annotation per claim. Import: a single annotation, a list, an AnnotationCollection or
// AnnotationPage with its items inline, or a Hypothesis export. Pure; validation of what is read
// happens in import.ts with the claim schemas.

import { t } from '../i18n/translate';
import { asArray, isObject, type Obj } from '../json/json-ld';
import { type Claim, VERDICT_NAMES } from '../model';
import { type InvalidRecord, uuidV5 } from './backup';
import type { Candidate, ReadOutcome } from './import';

export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
export const WEB_ANNOTATION_MEDIA_TYPE = 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"';

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
export type WebAnnotation = { [key: string]: Json };

// Body purposes: one Web Annotation motivation for each thing a reader writes about a claim.
const PURPOSE = {
  verdict: 'assessing',
  correction: 'editing',
  note: 'commenting',
  tag: 'tagging',
  source: 'linking',
} as const;

/** One claim as a standalone Web Annotation (it carries its own @context). */
export function claimToAnnotation(claim: Claim): WebAnnotation {
  const body: Json[] = [];
  // The verdict's English name, which importers (Factmark's among them) read as a rating.
  if (claim.verdict) body.push(textBody(VERDICT_NAMES[claim.verdict], PURPOSE.verdict));
  if (claim.correction) body.push(textBody(claim.correction, PURPOSE.correction));
  if (claim.note) body.push(textBody(claim.note, PURPOSE.note));
  for (const tag of claim.tags) body.push(textBody(tag, PURPOSE.tag));
  for (const source of claim.sources)
    body.push({ type: 'SpecificResource', purpose: PURPOSE.source, source });
  const page: { [key: string]: Json } = { id: claim.url, type: 'Text' };
  if (claim.title) page['dc:title'] = claim.title;
  if (claim.canonical) page.canonical = claim.canonical;
  return {
    '@context': ANNO_CONTEXT,
    id: `urn:uuid:${claim.id}`,
    type: 'Annotation',
    motivation: claim.verdict ? 'assessing' : 'commenting',
    created: new Date(claim.created).toISOString(),
    modified: new Date(claim.updated).toISOString(),
    generator: { type: 'Software', name: 'Factmark' },
    ...(body.length ? { body } : {}),
    target: {
      type: 'SpecificResource',
      source: page,
      selector: [
        {
          type: 'TextQuoteSelector',
          exact: claim.quote.exact,
          prefix: claim.quote.prefix,
          suffix: claim.quote.suffix,
        },
        { type: 'TextPositionSelector', start: claim.position.start, end: claim.position.end },
      ],
    },
  };
}

/** The claims as an AnnotationCollection with its one page of items inline. */
export function exportWebAnnotations(claims: readonly Claim[], now: Date): string {
  const exported = now.toISOString();
  const id = `urn:uuid:${uuidV5(`collection:${exported}:${claims.map((claim) => claim.id).join(',')}`)}`;
  const collection = {
    '@context': ANNO_CONTEXT,
    id,
    type: 'AnnotationCollection',
    label: 'Factmark claims',
    created: exported,
    total: claims.length,
    first: {
      id: `${id}#page-1`,
      type: 'AnnotationPage',
      startIndex: 0,
      items: claims.map(claimToAnnotation),
    },
  };
  return `${JSON.stringify(collection, null, 1)}\n`;
}

function textBody(value: string, purpose: string): Json {
  return { type: 'TextualBody', purpose, value, format: 'text/plain' };
}

// ---- Import -----------------------------------------------------------------------------------

const ANNOTATION_TYPES = ['Annotation', 'AnnotationCollection', 'AnnotationPage', 'oa:Annotation'];

/** True when a parsed JSON value looks like Web Annotations or a Hypothesis export. */
export function isWebAnnotationDocument(value: unknown): boolean {
  const sample = Array.isArray(value) ? value.find(isObject) : value;
  if (!isObject(sample)) return false;
  if (ANNOTATION_TYPES.some((type) => hasType(sample, type))) return true;
  if (contextIncludes(sample['@context'], ANNO_CONTEXT)) return true;
  if (Array.isArray(sample.annotations)) return true;
  return (
    'target' in sample && ('uri' in sample || 'body' in sample || 'bodyValue' in sample || 'text' in sample)
  );
}

/** Reads annotations into candidates; annotations without a quoted text target are refused. */
export function readWebAnnotations(value: unknown): ReadOutcome {
  const listed = annotationsIn(value);
  if (listed.kind === 'invalid') return listed;
  const candidates: Candidate[] = [];
  const invalid: InvalidRecord[] = [];
  listed.items.forEach((item, i) => {
    const record = i + 1;
    const read = readAnnotation(item, record);
    if ('reason' in read) invalid.push(read);
    else candidates.push(read);
  });
  return { kind: 'ok', format: listed.format, total: listed.items.length, candidates, invalid };
}

type Listed =
  | { kind: 'ok'; format: 'web-annotation' | 'hypothesis'; items: unknown[] }
  | { kind: 'invalid'; error: string };

function annotationsIn(value: unknown): Listed {
  if (Array.isArray(value)) {
    const hypothesis = value.some((item) => isObject(item) && isHypothesis(item));
    return { kind: 'ok', format: hypothesis ? 'hypothesis' : 'web-annotation', items: value };
  }
  if (!isObject(value)) return { kind: 'invalid', error: t('import_error_not_web_annotation') };
  if (Array.isArray(value.annotations)) return { kind: 'ok', format: 'hypothesis', items: value.annotations };
  if (hasType(value, 'AnnotationCollection')) {
    const first = value.first;
    if (isObject(first) && Array.isArray(first.items))
      return { kind: 'ok', format: 'web-annotation', items: first.items };
    if (Array.isArray(value.items)) return { kind: 'ok', format: 'web-annotation', items: value.items };
    return {
      kind: 'invalid',
      error:
        typeof first === 'string'
          ? t('import_error_collection_elsewhere', { address: first.slice(0, 200) })
          : t('import_error_collection_empty'),
    };
  }
  if (hasType(value, 'AnnotationPage')) {
    if (Array.isArray(value.items)) return { kind: 'ok', format: 'web-annotation', items: value.items };
    return { kind: 'invalid', error: t('import_error_page_empty') };
  }
  return { kind: 'ok', format: isHypothesis(value) ? 'hypothesis' : 'web-annotation', items: [value] };
}

function isHypothesis(annotation: Obj): boolean {
  return typeof annotation.uri === 'string' && Array.isArray(annotation.target) && !('type' in annotation);
}

function readAnnotation(item: unknown, record: number): Candidate | InvalidRecord {
  if (!isObject(item))
    return { record, field: t('import_field_record'), reason: t('import_reason_not_annotation') };
  const text = findTextTarget(item.target);
  if (!text) {
    const reason = noTextReason(item.target);
    return { record, field: 'target', reason };
  }
  const url = text.source ?? (typeof item.uri === 'string' ? item.uri : undefined);
  if (url === undefined)
    return { record, field: 'target.source', reason: t('import_reason_no_page_address') };

  const read = readBodies(item);
  const candidate: Candidate = {
    record,
    url,
    exact: text.quote.exact,
    prefix: text.quote.prefix ?? '',
    suffix: text.quote.suffix ?? '',
    verdict: read.verdict,
    correction: read.corrections.join('\n\n'),
    note: read.notes.join('\n\n'),
    sources: read.sources,
    tags: read.tags,
  };
  const id = typeof item.id === 'string' ? item.id : undefined;
  if (id?.toLowerCase().startsWith('urn:uuid:')) candidate.id = id.slice('urn:uuid:'.length);
  else if (id) candidate.foreignId = isHypothesis(item) ? `hypothesis:${id}` : id;
  if (text.position) {
    candidate.start = text.position.start;
    candidate.end = text.position.end;
  }
  const title = text.title ?? hypothesisTitle(item);
  if (title !== undefined) candidate.title = title;
  if (text.canonical !== undefined) candidate.canonical = text.canonical;
  if (item.created !== undefined) candidate.created = item.created;
  const modified = item.modified ?? item.updated;
  if (modified !== undefined) candidate.updated = modified;
  return candidate;
}

/** Why a target is not a quoted passage of text, in terms of what it is instead. */
function noTextReason(target: unknown): string {
  if (target === undefined) return t('import_reason_no_target');
  const targets = asArray(target);
  const selectorTypes = new Set(
    targets
      .flatMap((item) => (isObject(item) ? flattenSelectors(item.selector) : []))
      .map((selector) => (typeof selector.type === 'string' ? selector.type : t('import_untyped_selector'))),
  );
  return selectorTypes.size
    ? t('import_reason_selects_with', { selectors: [...selectorTypes].join(', ').slice(0, 200) })
    : t('import_reason_whole_resource');
}

interface TextTarget {
  source: string | undefined;
  title: unknown;
  canonical: unknown;
  quote: { exact: unknown; prefix: unknown; suffix: unknown };
  position: { start: unknown; end: unknown } | undefined;
}

/** The first target with a TextQuoteSelector (directly, or refining another selector). */
function findTextTarget(target: unknown): TextTarget | null {
  for (const candidate of asArray(target).slice(0, 100)) {
    if (!isObject(candidate)) continue;
    const selectors = flattenSelectors(candidate.selector);
    const quote = selectors.find((selector) => hasType(selector, 'TextQuoteSelector'));
    if (!quote) continue;
    const position = selectors.find((selector) => hasType(selector, 'TextPositionSelector'));
    const source = candidate.source;
    const sourceObject = isObject(source) ? source : undefined;
    const sourceUrl = typeof source === 'string' ? source : sourceObject?.id;
    return {
      source: typeof sourceUrl === 'string' ? sourceUrl : undefined,
      title: sourceObject?.['dc:title'],
      canonical: sourceObject?.canonical,
      quote: { exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix },
      position: position ? { start: position.start, end: position.end } : undefined,
    };
  }
  return null;
}

/** Selectors in a list, each followed by what refines it (bounded, so no file can loop us). */
function flattenSelectors(selector: unknown): Obj[] {
  const out: Obj[] = [];
  for (const item of asArray(selector).slice(0, 20)) {
    let current: unknown = item;
    for (let depth = 0; depth < 5 && isObject(current); depth++) {
      out.push(current);
      current = current.refinedBy;
    }
  }
  return out;
}

interface Bodies {
  verdict: string | null;
  corrections: string[];
  notes: string[];
  sources: unknown[];
  tags: unknown[];
}

function readBodies(annotation: Obj): Bodies {
  const read: Bodies = { verdict: null, corrections: [], notes: [], sources: [], tags: [] };
  if (typeof annotation.bodyValue === 'string' && annotation.bodyValue) read.notes.push(annotation.bodyValue);
  // Hypothesis: the note is `text`, the tags are `tags`.
  if (typeof annotation.text === 'string' && annotation.text) read.notes.push(annotation.text);
  if (Array.isArray(annotation.tags)) read.tags.push(...annotation.tags);
  for (const body of asArray(annotation.body).slice(0, 1_000)) readBody(body, read, 0);
  return read;
}

function readBody(body: unknown, read: Bodies, depth: number): void {
  if (typeof body === 'string') {
    read.sources.push(body);
    return;
  }
  if (!isObject(body) || depth > 3) return;
  if (hasType(body, 'Choice')) {
    // A Choice offers alternatives: take the first, as a client showing one would.
    const [first] = asArray(body.items);
    readBody(first, read, depth + 1);
    return;
  }
  if (hasType(body, 'Composite') || hasType(body, 'List') || hasType(body, 'Independents')) {
    for (const item of asArray(body.items).slice(0, 1_000)) readBody(item, read, depth + 1);
    return;
  }
  const purposes = asArray(body.purpose).filter((purpose): purpose is string => typeof purpose === 'string');
  const value = body.value;
  if (typeof value === 'string' && (hasType(body, 'TextualBody') || !('source' in body))) {
    if (purposes.includes(PURPOSE.verdict)) read.verdict = value;
    else if (purposes.includes(PURPOSE.tag)) read.tags.push(value);
    else if (purposes.includes(PURPOSE.correction)) read.corrections.push(value);
    else if (value) read.notes.push(value);
    return;
  }
  if (purposes.includes(PURPOSE.tag)) return; // A tag that is a resource (an IRI) has no words to show.
  const link = 'source' in body ? body.source : body.id;
  const linkUrl = isObject(link) ? link.id : link;
  if (linkUrl !== undefined) read.sources.push(linkUrl);
}

function hypothesisTitle(annotation: Obj): unknown {
  const document = annotation.document;
  if (!isObject(document)) return undefined;
  const title = document.title;
  return Array.isArray(title) ? title[0] : title;
}

function hasType(value: Obj, type: string): boolean {
  const declared = value.type ?? value['@type'];
  return declared === type || (Array.isArray(declared) && declared.includes(type));
}

function contextIncludes(context: unknown, iri: string): boolean {
  return context === iri || (Array.isArray(context) && context.includes(iri));
}
