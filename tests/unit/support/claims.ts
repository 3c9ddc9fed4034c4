// Saved claims to feed the code under test: one plain claim with every field set, which each test
// file overrides with what it looks at (its page, quote, verdict, times).
import type { Claim, ClaimDraft } from '../../../src/core/model';
import { pageKey } from '../../../src/core/url/page-key';

/** The id of a test's i-th claim: a valid UUID (v4 shape) that sorts by i. */
export const claimId = (i: number) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;

/** A claim on a plain news story, no verdict, nothing written; `overrides` replace whole fields. */
export function makeClaim(overrides: Partial<Claim> = {}): Claim {
  return {
    id: claimId(0),
    url: 'https://news.example/story',
    title: 'The story',
    pageKey: 'news.example/story',
    quote: { type: 'TextQuoteSelector', exact: 'a quote', prefix: '', suffix: '' },
    position: { type: 'TextPositionSelector', start: 0, end: 7 },
    verdict: null,
    correction: '',
    note: '',
    sources: [],
    tags: [],
    created: 0,
    updated: 0,
    ...overrides,
  };
}

/** A claim's fields as property tests generate them: the quote in parts, an offset and a length, an age. */
export interface GeneratedClaimFields {
  id: string;
  url: string;
  canonical?: string | undefined;
  title: string;
  exact: string;
  prefix: string;
  suffix: string;
  start: number;
  length: number;
  verdict: Claim['verdict'];
  correction: string;
  note: string;
  sources: string[];
  tags: string[];
  created: number;
  age: number;
}

/**
 * The claim those fields make, as the database would hold it. `ownKey` gives its page key (each
 * test says what it expects for an address page-key.ts cannot read); the canonical key is pageKey's.
 */
export function claimFromFields(fields: GeneratedClaimFields, ownKey: (url: string) => string): Claim {
  const { exact, prefix, suffix, start, length, canonical, age, ...rest } = fields;
  const canonicalKey = canonical ? pageKey(canonical) : null;
  return {
    id: rest.id,
    url: rest.url,
    ...(canonical ? { canonical } : {}),
    title: rest.title,
    pageKey: ownKey(rest.url),
    ...(canonicalKey ? { canonicalKey } : {}),
    quote: { type: 'TextQuoteSelector', exact, prefix, suffix },
    position: { type: 'TextPositionSelector', start, end: start + length },
    verdict: rest.verdict,
    correction: rest.correction,
    note: rest.note,
    sources: rest.sources,
    tags: rest.tags,
    created: rest.created,
    updated: rest.created + age,
  };
}

/**
 * What the in-page editor sends to save a claim: "Digital Rights Act (DSA)" on the seed article,
 * verdict False, corrected to the Digital Services Act. `overrides` replace whole fields.
 */
export function makeDraft(overrides: Partial<ClaimDraft> = {}): ClaimDraft {
  return {
    url: 'http://127.0.0.1:8080/seed-article.html',
    title: 'Seed',
    quote: { type: 'TextQuoteSelector', exact: 'Digital Rights Act (DSA)', prefix: '', suffix: '' },
    position: { type: 'TextPositionSelector', start: 10, end: 34 },
    verdict: 'false',
    correction: 'Digital Services Act',
    note: '',
    sources: [],
    tags: [],
    ...overrides,
  };
}
