// The message protocol, one table: every request an extension context may send to the
// background, its payload schema and its answer; and every request the background or popup may
// send to a content script. The background validates each payload with these schemas.
import * as v from 'valibot';
import { ClaimDraftSchema } from './core/claim-schema';
import type { FactCheckView } from './core/factchecks/fact-check';
import type { EncodedRules } from './core/match/transport';
import type { Claim, Verdict } from './core/model';
import { RULE_LIMITS, type Rule, RuleDraftSchema } from './core/rule';
import type { ListStored, ListSummary } from './db/lists';
import type { RuleDetails } from './db/rules';
import type { DetectionSettings } from './db/settings';

const id = v.pipe(v.string(), v.uuid());
const url = v.pipe(v.string(), v.maxLength(4096));
/** A page's host name (or IP address), as `location.hostname` gives it. */
const host = v.pipe(
  v.string(),
  v.minLength(1),
  v.maxLength(253),
  v.regex(/^(?:[\p{L}\p{N}_.-]+|\[[0-9a-f:.]+\])$/iu),
);
const sensitivity = v.picklist(['fewer', 'more']);
const foundIds = v.pipe(v.array(id), v.maxLength(10_000));
/** How long "Open" waits for its claim to be found on a page that is slow or re-renders late. */
export const REVEAL_WAIT_MS = 60_000;
/** The longest a content script may be asked to wait for a claim before it answers "not found". */
export const REVEAL_WAIT_MAX_MS = 120_000;

/** The enabled rules a page matches, compiled once in the background and sent as JSON-safe data. */
export interface RulesForPage {
  /** Rule i of the compiled set is ids[i], painted as verdicts[i] (null: a note). */
  ids: string[];
  verdicts: (Verdict | null)[];
  compiled: EncodedRules;
}

/** A sentence of a page that says what a subscribed fact-check checked. */
export interface FactCheckMark {
  /** Which of the request's sentences (its index). */
  sentence: number;
  factCheck: FactCheckView;
  /** The re-ranker's probability that the fact-check checks this sentence (0–1). */
  score: number;
  /** Words the sentence shares with the fact-check's claim, as the sentence writes them. */
  shared: string[];
}

/** A fact-check close to a text being flagged (the editor offers up to 3). */
export interface FactCheckSuggestion {
  factCheck: FactCheckView;
  score: number;
}

/** A fact-check related to a saved note: one of its sources, or matched from its quote. */
export interface RelatedFactCheck {
  claimId: string;
  factCheck: FactCheckView;
  /** 1 for a source; else the re-ranker's probability (0–1). */
  score: number;
  /** 'source': the note cites the fact-check's article; 'match': its quote says what was checked. */
  via: 'source' | 'match';
}

/** The most notes one `factchecks/related` asks about. */
export const RELATED_LIMIT = 1_000;

/** The most sentences one page sends to be matched, and the longest sentence. */
export const FACTCHECK_MATCH_LIMITS = { sentences: 5_000, chars: 2_000 } as const;
const factCheckId = v.pipe(
  v.string(),
  v.minLength(3),
  v.maxLength(100),
  v.regex(/^[0-9a-f-]{36}:[0-9a-z]+$/),
);

/** Requests to the background (from content scripts, the popup and the review page). */
export const requestSchemas = {
  'claims/for-page': v.strictObject({ url, canonical: v.optional(url) }),
  // The claim schema allows http and https pages only (core/url/web-address.ts): a claim for any
  // other scheme (javascript:, data:, file:) is not one a reader made, and could become a link.
  'claims/save': ClaimDraftSchema,
  'claims/delete': v.strictObject({ id }),
  /**
   * A frame's claims, as anchored: the top frame's total sets the badge; a same-origin frame
   * sends which claims it found (and its address), passed on to the top frame (`tab/frame-report`).
   */
  'page/report': v.strictObject({
    total: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(100_000)),
    found: v.optional(foundIds),
    frame: v.optional(url),
  }),
  /** The top frame started: ask the tab's frames to send their reports again. */
  'page/frames-report': v.strictObject({}),
  /** An extension page wrote to the database itself (import, bulk delete or tag): repaint tabs. */
  'claims/changed': v.strictObject({}),
  /** A content script anchored its page's claims: which were found and which were not. */
  'claims/seen': v.strictObject({
    found: foundIds,
    missing: foundIds,
  }),
  /** Claim-detection settings as they apply to a site (the global ones when no host is given). */
  'settings/get': v.strictObject({ host: v.optional(host) }),
  /** Change the global switch, the sensitivity and/or one site's switch (null: follow the global one). */
  'settings/set': v.pipe(
    v.strictObject({
      enabled: v.optional(v.boolean()),
      sensitivity: v.optional(sensitivity),
      host: v.optional(host),
      site: v.optional(v.nullable(v.boolean())),
      builtIn: v.optional(v.boolean()),
    }),
    v.check((change) => change.site === undefined || change.host !== undefined, 'a site switch needs a host'),
  ),
  /** Save a new rule (no id) or new fields for one; `enabled` switches it on or off. */
  'rules/save': v.strictObject({
    ...RuleDraftSchema.entries,
    id: v.optional(id),
    enabled: v.optional(v.boolean()),
  }),
  'rules/delete': v.strictObject({ id }),
  /** Drop the reader's edit of a list's rule: it says what the list says again. */
  'rules/use-list-version': v.strictObject({ id }),
  'rules/list': v.strictObject({}),
  /** The enabled rules, compiled for matching (ids and verdicts by rule index). */
  'rules/for-page': v.strictObject({}),
  /** The rules behind highlights, for the card. */
  'rules/get': v.strictObject({ ids: v.pipe(v.array(id), v.maxLength(1_000)) }),
  /** Open the review page at its rules and lists (review.html#rules, from a correction's card). */
  'review/open-rules': v.strictObject({}),
  // Correction lists (src/background/list-handlers.ts): extension pages only.
  'lists/list': v.strictObject({}),
  /** A list file's text and name, as the reader picked it. */
  'lists/import': v.strictObject({
    text: v.pipe(v.string(), v.maxLength(RULE_LIMITS.listChars)),
    name: v.pipe(v.string(), v.maxLength(255)),
  }),
  'lists/subscribe': v.strictObject({ url: v.pipe(v.string(), v.maxLength(4096)) }),
  /** Fetch one subscribed list again, or every one (no id). */
  'lists/refresh': v.strictObject({ id: v.optional(id) }),
  'lists/set-enabled': v.strictObject({ id, enabled: v.boolean() }),
  'lists/delete': v.strictObject({ id }),
  // Known fact-checks (src/background/factcheck-handlers.ts).
  /** The article body's sentences: which say what a subscribed fact-check checked (not dismissed on this page). */
  'factchecks/match': v.strictObject({
    url,
    sentences: v.pipe(
      v.array(v.pipe(v.string(), v.maxLength(FACTCHECK_MATCH_LIMITS.chars))),
      v.maxLength(FACTCHECK_MATCH_LIMITS.sentences),
    ),
  }),
  /** "Not the same claim": never mark this fact-check on this page again. */
  'factchecks/dismiss': v.strictObject({ url, id: factCheckId }),
  /** The fact-checks closest to a selection being flagged, best first (up to 3). */
  'factchecks/suggest': v.strictObject({ text: v.pipe(v.string(), v.maxLength(5_000)) }),
  /**
   * The lists an extension page wrote itself (a list or feed file imported on the page, too large to
   * send here): compile the rules and index the fact-checks again, and repaint tabs.
   */
  'factchecks/changed': v.strictObject({}),
  /** The review page: which of these notes a subscribed fact-check is related to (at most one each). */
  'factchecks/related': v.strictObject({ ids: v.pipe(v.array(id), v.maxLength(RELATED_LIMIT)) }),
} as const;

export interface Requests {
  'claims/for-page': { req: v.InferOutput<(typeof requestSchemas)['claims/for-page']>; res: Claim[] };
  'claims/save': { req: v.InferOutput<(typeof requestSchemas)['claims/save']>; res: Claim };
  'claims/delete': { req: { id: string }; res: { deleted: boolean } };
  'page/report': { req: v.InferOutput<(typeof requestSchemas)['page/report']>; res: null };
  'page/frames-report': { req: Record<string, never>; res: null };
  'claims/changed': { req: Record<string, never>; res: null };
  'claims/seen': { req: { found: string[]; missing: string[] }; res: { updated: number } };
  'settings/get': { req: v.InferOutput<(typeof requestSchemas)['settings/get']>; res: DetectionSettings };
  'settings/set': { req: v.InferOutput<(typeof requestSchemas)['settings/set']>; res: DetectionSettings };
  'rules/save': { req: v.InferOutput<(typeof requestSchemas)['rules/save']>; res: Rule };
  'rules/delete': { req: { id: string }; res: { deleted: boolean } };
  'rules/use-list-version': { req: { id: string }; res: Rule };
  'rules/list': { req: Record<string, never>; res: RuleDetails[] };
  'rules/for-page': { req: Record<string, never>; res: RulesForPage };
  'rules/get': { req: { ids: string[] }; res: RuleDetails[] };
  'review/open-rules': { req: Record<string, never>; res: null };
  'lists/list': { req: Record<string, never>; res: ListSummary[] };
  'lists/import': { req: { text: string; name: string }; res: ListStored };
  'lists/subscribe': { req: { url: string }; res: ListStored };
  'lists/refresh': { req: { id?: string }; res: ListSummary[] };
  'lists/set-enabled': { req: { id: string; enabled: boolean }; res: ListSummary };
  'lists/delete': { req: { id: string }; res: { deleted: boolean } };
  'factchecks/match': { req: { url: string; sentences: string[] }; res: { marks: FactCheckMark[] } };
  'factchecks/dismiss': { req: { url: string; id: string }; res: null };
  'factchecks/suggest': { req: { text: string }; res: { suggestions: FactCheckSuggestion[] } };
  'factchecks/changed': { req: Record<string, never>; res: null };
  'factchecks/related': { req: { ids: string[] }; res: { related: RelatedFactCheck[] } };
}

export type RequestType = keyof Requests;

/** What goes over the wire: a typed request, answered with ok/error, never a thrown error. */
export interface Envelope<K extends RequestType = RequestType> {
  factmark: 1;
  type: K;
  payload: Requests[K]['req'];
}

export type Reply<T> = { ok: true; value: T } | { ok: false; error: string };

/** Requests a content script answers (from the background and the popup). */
export interface TabRequests {
  /** Open the editor on the current selection (context menu, keyboard shortcut). */
  'tab/flag-selection': { req: Record<string, never>; res: null };
  /** The database changed: fetch this page's claims again and repaint. */
  'tab/refresh': { req: Record<string, never>; res: null };
  /** What the popup shows: this page's claims and whether each was found. */
  'tab/status': { req: Record<string, never>; res: PageStatus };
  /**
   * Scroll to a claim and pulse its highlight: at once if it is found, else as soon as it is
   * (a slow page, a late re-render), or answer not found after `within` ms.
   */
  'tab/reveal': { req: { id: string; within?: number }; res: { found: boolean } };
  /** To the top frame: the claims a same-origin frame found (from its `page/report`). */
  'tab/frame-report': { req: { frameId: number; frame: string; found: string[] }; res: null };
  /** To a same-origin frame: send your report again (the top frame has just started). */
  'tab/report-found': { req: Record<string, never>; res: null };
}

export type TabRequestType = keyof TabRequests;

export interface TabEnvelope<K extends TabRequestType = TabRequestType> {
  factmark: 1;
  type: K;
  payload: TabRequests[K]['req'];
}

export interface PageStatus {
  url: string;
  canonical?: string;
  title: string;
  claims: { claim: Claim; found: boolean }[];
  /** Check-worthy sentence marks on this page (absent from content scripts that predate them). */
  detection?: DetectionStatus;
  /** How many sentences on this page were fact-checked before (subscribed feeds). */
  factChecked?: number;
}

/** Whether check-worthy sentences are marked on a page, and if not, why. */
export type DetectionStatus =
  | { kind: 'off' }
  | { kind: 'working' }
  | { kind: 'not-available'; reason: 'language' | 'no-text' }
  | { kind: 'on'; marked: number };

export const tabRequestSchemas = {
  'tab/flag-selection': v.strictObject({}),
  'tab/refresh': v.strictObject({}),
  'tab/status': v.strictObject({}),
  'tab/reveal': v.strictObject({
    id,
    within: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(REVEAL_WAIT_MAX_MS))),
  }),
  'tab/frame-report': v.strictObject({
    frameId: v.pipe(v.number(), v.integer(), v.minValue(1)),
    frame: url,
    found: foundIds,
  }),
  'tab/report-found': v.strictObject({}),
} as const;

/** What a content script makes of an incoming runtime message. */
export type TabRequestRead =
  | { kind: 'request'; type: TabRequestType; payload: unknown }
  | { kind: 'invalid'; error: string }
  /** Not for this listener: no answer at all, so another listener (or none) may answer. */
  | { kind: 'ignore' };

/**
 * Reads a tab request. Only this extension's background and pages can reach a content script's
 * runtime listener, but the id is checked anyway, as the background does: anything else, or
 * anything that is not a tab request, is ignored; a tab request with a bad payload is refused.
 */
export function readTabRequest(message: unknown, sender: { id?: string }, ownId: string): TabRequestRead {
  if (typeof sender.id !== 'string' || sender.id !== ownId) return { kind: 'ignore' };
  if (!isEnvelope(message) || !Object.hasOwn(tabRequestSchemas, message.type)) return { kind: 'ignore' };
  const type = message.type as TabRequestType;
  const parsed = v.safeParse(tabRequestSchemas[type], message.payload, { abortEarly: true });
  if (!parsed.success) return { kind: 'invalid', error: `invalid ${type}` };
  return { kind: 'request', type, payload: parsed.output };
}

export function isEnvelope(value: unknown): value is { factmark: 1; type: string; payload: unknown } {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { factmark?: unknown }).factmark === 1 &&
    typeof (value as { type?: unknown }).type === 'string'
  );
}

/** The review page's fragment that opens and shows its rules and lists. */
export const RULES_FRAGMENT = '#rules';
