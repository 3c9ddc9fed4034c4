// The message protocol. REQUESTS describes every request an extension context may send to the
// background once: its payload schema, its answer, who may send it, whether it writes and how long
// to wait. The background's checks and the sender's retries and time-outs are derived from it.
// Then the requests the background or popup send to a content script. Types only from core/: the
// protocol knows nothing of how the database stores things.
import * as v from 'valibot';
import { ClaimDraftSchema } from './core/claim-schema';
import type { DetectionSettings } from './core/detect/detection-settings';
import type { FactCheckView } from './core/factchecks/fact-check';
import type { FactCheckMark, FactCheckSuggestion } from './core/factchecks/fact-check-mark';
import type { ListStored, ListSummary } from './core/lists/list-summary';
import type { CorrectionFinding } from './core/match/find-corrections';
import type { Claim } from './core/model';
import { RULE_LIMITS, type Rule, type RuleDetails, RuleDraftSchema } from './core/rule';

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
const REVEAL_WAIT_MAX_MS = 120_000;

/**
 * What one `corrections/find` may send: windows of the page's text (each at most `chars` long),
 * at most `windows` of them; a longer text is sent in several requests.
 */
export const CORRECTION_FIND_LIMITS = { windows: 64, chars: 300_000 } as const;

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
/** A change that makes every page check its text again, without re-indexing it (`tab/refresh`). */
export const RECHECK_SCOPES = ['rules', 'settings'] as const;
export type RecheckScope = (typeof RECHECK_SCOPES)[number];
/** What one page sends to be scored for check-worthiness: the same bounds. */
export const DETECT_LIMITS = FACTCHECK_MATCH_LIMITS;
const factCheckId = v.pipe(
  v.string(),
  v.minLength(3),
  v.maxLength(100),
  v.regex(/^[0-9a-f-]{36}:[0-9a-z]+$/),
);

/** How long a sender waits for an answer; almost every request is a small database read or write. */
export const REQUEST_TIMEOUT_MS = 30_000;
/** Correction lists and feeds are fetched (up to 60 s) and may hold many rules to check and write. */
export const LIST_TIMEOUT_MS = 120_000;

declare const answerType: unique symbol;
/** What a request is answered with: in words for readers of this table, as a type for the compiler. */
export interface Answer<T> {
  readonly description: string;
  readonly [answerType]?: T;
}
function answer<T>(description: string): Answer<T> {
  return { description };
}

/** One request to the background, described once. */
export interface RequestSpec<Payload extends v.GenericSchema = v.GenericSchema, T = unknown> {
  /** The payload's schema: the background checks every payload with it before any handler runs. */
  payload: Payload;
  answer: Answer<T>;
  /**
   * 'content': content scripts may send it as well as Factmark's own pages. A renderer taken over
   * by a page could send anything its content script can, so listing every rule, changing
   * settings, deleting rules and managing lists stay 'extension' (Factmark's pages only).
   */
  from: 'content' | 'extension';
  /**
   * 'read' changes nothing, so a sender asks again once when the worker stopped before answering.
   * A 'write' is never repeated: a save that committed before the worker stopped would happen twice.
   */
  effect: 'read' | 'write';
  /** How long the sender waits before saying the request got no answer. */
  timeoutMs: number;
}

/** Requests to the background (from content scripts, the popup and the review page). */
export const REQUESTS = {
  'claims/for-page': {
    payload: v.strictObject({ url, canonical: v.optional(url) }),
    answer: answer<Claim[]>("the claims saved for the page's address or canonical address"),
    from: 'content',
    effect: 'read',
    timeoutMs: REQUEST_TIMEOUT_MS,
  },
  // The claim schema allows http and https pages only (core/url/web-address.ts): a claim for any
  // other scheme (javascript:, data:, file:) is not one a reader made, and could become a link.
  'claims/save': {
    payload: ClaimDraftSchema,
    answer: answer<Claim>('the claim as saved'),
    from: 'content',
    effect: 'write',
    timeoutMs: REQUEST_TIMEOUT_MS,
  },
  'claims/delete': {
    payload: v.strictObject({ id }),
    answer: answer<{ deleted: boolean }>('whether there was such a claim'),
    from: 'content',
    effect: 'write',
    timeoutMs: REQUEST_TIMEOUT_MS,
  },
  /**
   * A frame's claims, as anchored: the top frame's total sets the badge; a same-origin frame
   * sends which claims it found (and its address), passed on to the top frame (`tab/frame-report`).
   */
  'page/report': {
    payload: v.strictObject({
      total: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(100_000)),
      found: v.optional(foundIds),
      frame: v.optional(url),
    }),
    answer: answer<null>('nothing'),
    from: 'content',
    effect: 'write',
    timeoutMs: REQUEST_TIMEOUT_MS,
  },
  /** The top frame started: ask the tab's frames to send their reports again. */
  'page/frames-report': {
    payload: v.strictObject({}),
    answer: answer<null>('nothing'),
    from: 'content',
    effect: 'write',
    timeoutMs: REQUEST_TIMEOUT_MS,
  },
  /** An extension page wrote to the database itself (import, bulk delete or tag): repaint tabs. */
  'claims/changed': {
    payload: v.strictObject({}),
    answer: answer<null>('nothing'),
    from: 'extension',
    effect: 'write',
    timeoutMs: REQUEST_TIMEOUT_MS,
  },
  /** A content script anchored its page's claims: which were found and which were not. */
  'claims/seen': {
    payload: v.strictObject({ found: foundIds, missing: foundIds }),
    answer: answer<{ updated: number }>('how many claims changed their found/missing state'),
    from: 'content',
    effect: 'write',
    timeoutMs: REQUEST_TIMEOUT_MS,
  },
  /** Claim-detection settings as they apply to a site (the global ones when no host is given). */
  'settings/get': {
    payload: v.strictObject({ host: v.optional(host) }),
    answer: answer<DetectionSettings>('the settings as they apply to the site'),
    from: 'content',
    effect: 'read',
    timeoutMs: REQUEST_TIMEOUT_MS,
  },
  /** Change the global switch, the sensitivity and/or one site's switch (null: follow the global one). */
  'settings/set': {
    payload: v.pipe(
      v.strictObject({
        enabled: v.optional(v.boolean()),
        sensitivity: v.optional(sensitivity),
        host: v.optional(host),
        site: v.optional(v.nullable(v.boolean())),
        builtIn: v.optional(v.boolean()),
      }),
      v.check(
        (change) => change.site === undefined || change.host !== undefined,
        'a site switch needs a host',
      ),
    ),
    answer: answer<DetectionSettings>('the settings after the change'),
    from: 'extension',
    effect: 'write',
    timeoutMs: REQUEST_TIMEOUT_MS,
  },
  /** Save a new rule (no id) or new fields for one; `enabled` switches it on or off. */
  'rules/save': {
    payload: v.strictObject({
      ...RuleDraftSchema.entries,
      id: v.optional(id),
      enabled: v.optional(v.boolean()),
    }),
    answer: answer<Rule>('the rule as saved'),
    from: 'content',
    effect: 'write',
    timeoutMs: REQUEST_TIMEOUT_MS,
  },
  'rules/delete': {
    payload: v.strictObject({ id }),
    answer: answer<{ deleted: boolean }>('whether there was such a rule'),
    from: 'extension',
    effect: 'write',
    timeoutMs: REQUEST_TIMEOUT_MS,
  },
  /** Drop the reader's edit of a list's rule: it says what the list says again. */
  'rules/use-list-version': {
    payload: v.strictObject({ id }),
    answer: answer<Rule>("the rule with its list's wording"),
    from: 'extension',
    effect: 'write',
    timeoutMs: REQUEST_TIMEOUT_MS,
  },
  'rules/list': {
    payload: v.strictObject({}),
    answer: answer<RuleDetails[]>('every rule, with the names of the lists they came from'),
    from: 'extension',
    effect: 'read',
    timeoutMs: REQUEST_TIMEOUT_MS,
  },
  /**
   * Stretches of a page's text, checked against the enabled rules (compiled once, here) and, with
   * `builtIn`, the acronym check: the page paints what is found and never holds the rules.
   */
  'corrections/find': {
    payload: v.strictObject({
      windows: v.pipe(
        v.array(
          v.strictObject({
            start: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(2 ** 31 - 1)),
            text: v.pipe(v.string(), v.maxLength(CORRECTION_FIND_LIMITS.chars)),
            cutBefore: v.optional(v.boolean()),
            cutAfter: v.optional(v.boolean()),
          }),
        ),
        v.maxLength(CORRECTION_FIND_LIMITS.windows),
      ),
      builtIn: v.boolean(),
    }),
    answer: answer<{ findings: CorrectionFinding[]; margin: number }>(
      'what was found, at offsets of the whole text, and how far past an edit a match may reach',
    ),
    from: 'content',
    effect: 'read',
    timeoutMs: REQUEST_TIMEOUT_MS,
  },
  /** The rules behind highlights, for the card. */
  'rules/get': {
    payload: v.strictObject({ ids: v.pipe(v.array(id), v.maxLength(1_000)) }),
    answer: answer<RuleDetails[]>('the rules with these ids, unknown ids left out'),
    from: 'content',
    effect: 'read',
    timeoutMs: REQUEST_TIMEOUT_MS,
  },
  /** Open the review page at its rules and lists (review.html#rules): a correction card's link. */
  'review/open-rules': {
    payload: v.strictObject({}),
    answer: answer<null>('nothing; the page is open'),
    // Opens only our own page; the reader's click on a correction card.
    from: 'content',
    effect: 'write',
    timeoutMs: REQUEST_TIMEOUT_MS,
  },
  // Correction lists (src/background/list-handlers.ts): extension pages only.
  'lists/list': {
    payload: v.strictObject({}),
    answer: answer<ListSummary[]>('every list and feed, with its rule and fact-check counts'),
    from: 'extension',
    effect: 'read',
    timeoutMs: REQUEST_TIMEOUT_MS,
  },
  /** A list file's text and name, as the reader picked it. */
  'lists/import': {
    payload: v.strictObject({
      text: v.pipe(v.string(), v.maxLength(RULE_LIMITS.listChars)),
      name: v.pipe(v.string(), v.maxLength(255)),
    }),
    answer: answer<ListStored>('the list as stored, and the records of the file left out'),
    from: 'extension',
    effect: 'write',
    timeoutMs: LIST_TIMEOUT_MS,
  },
  'lists/subscribe': {
    payload: v.strictObject({ url: v.pipe(v.string(), v.maxLength(4096)) }),
    answer: answer<ListStored>('the list as fetched and stored, and the records left out'),
    from: 'extension',
    effect: 'write',
    timeoutMs: LIST_TIMEOUT_MS,
  },
  /** Fetch one subscribed list again, or every one (no id). */
  'lists/refresh': {
    payload: v.strictObject({ id: v.optional(id) }),
    answer: answer<ListSummary[]>('every list after the refresh, each with its last error if any'),
    from: 'extension',
    effect: 'write',
    timeoutMs: LIST_TIMEOUT_MS,
  },
  'lists/set-enabled': {
    payload: v.strictObject({ id, enabled: v.boolean() }),
    answer: answer<ListSummary>('the list after the change'),
    from: 'extension',
    effect: 'write',
    timeoutMs: REQUEST_TIMEOUT_MS,
  },
  'lists/delete': {
    payload: v.strictObject({ id }),
    answer: answer<{ deleted: boolean }>('whether there was such a list'),
    from: 'extension',
    effect: 'write',
    timeoutMs: REQUEST_TIMEOUT_MS,
  },
  /**
   * The article body's sentences, in order, scored for check-worthiness by the model, which lives
   * in the background: no page parses or compiles it. Scores are probabilities, one a sentence.
   */
  'detect/score': {
    payload: v.strictObject({
      sentences: v.pipe(
        v.array(v.pipe(v.string(), v.maxLength(DETECT_LIMITS.chars))),
        v.maxLength(DETECT_LIMITS.sentences),
      ),
    }),
    answer: answer<{ scores: number[] }>('one check-worthiness score a sentence, in order'),
    from: 'content',
    effect: 'read',
    timeoutMs: REQUEST_TIMEOUT_MS,
  },
  // Known fact-checks (src/background/factcheck-handlers.ts). Feeds themselves are changed by
  // extension pages only; a page may match its sentences, dismiss a mark and ask for suggestions.
  /** The article body's sentences: which say what a subscribed fact-check checked (not dismissed on this page). */
  'factchecks/match': {
    payload: v.strictObject({
      url,
      sentences: v.pipe(
        v.array(v.pipe(v.string(), v.maxLength(FACTCHECK_MATCH_LIMITS.chars))),
        v.maxLength(FACTCHECK_MATCH_LIMITS.sentences),
      ),
    }),
    answer: answer<{ marks: FactCheckMark[] }>('the sentences a fact-check checked, with the fact-check'),
    from: 'content',
    effect: 'read',
    timeoutMs: REQUEST_TIMEOUT_MS,
  },
  /** "Not the same claim": never mark this fact-check on this page again. */
  'factchecks/dismiss': {
    payload: v.strictObject({ url, id: factCheckId }),
    answer: answer<null>('nothing'),
    from: 'content',
    effect: 'write',
    timeoutMs: REQUEST_TIMEOUT_MS,
  },
  /** The fact-checks closest to a selection being flagged, best first (up to 3). */
  'factchecks/suggest': {
    payload: v.strictObject({ text: v.pipe(v.string(), v.maxLength(5_000)) }),
    answer: answer<{ suggestions: FactCheckSuggestion[] }>('up to 3 close fact-checks, best first'),
    from: 'content',
    effect: 'read',
    timeoutMs: REQUEST_TIMEOUT_MS,
  },
  /**
   * The lists an extension page wrote itself (a list or feed file imported on the page, too large to
   * send here): compile the rules and index the fact-checks again, and repaint tabs.
   */
  'factchecks/changed': {
    payload: v.strictObject({}),
    answer: answer<null>('nothing'),
    from: 'extension',
    effect: 'write',
    timeoutMs: REQUEST_TIMEOUT_MS,
  },
  /** The review page: which of these notes a subscribed fact-check is related to (at most one each). */
  'factchecks/related': {
    payload: v.strictObject({ ids: v.pipe(v.array(id), v.maxLength(RELATED_LIMIT)) }),
    answer: answer<{ related: RelatedFactCheck[] }>('the related fact-check of each note that has one'),
    from: 'extension',
    effect: 'read',
    timeoutMs: REQUEST_TIMEOUT_MS,
  },
} as const satisfies Record<string, RequestSpec>;

export type RequestType = keyof typeof REQUESTS;

type AnswerOf<A> = A extends Answer<infer T> ? T : never;

/** Each request's payload (as its schema outputs it) and answer, derived from REQUESTS. */
export type Requests = {
  [K in RequestType]: {
    req: v.InferOutput<(typeof REQUESTS)[K]['payload']>;
    res: AnswerOf<(typeof REQUESTS)[K]['answer']>;
  };
};

/** Whether `type` names a request to the background (not an inherited property). */
export function isRequestType(type: unknown): type is RequestType {
  return typeof type === 'string' && Object.hasOwn(REQUESTS, type);
}

/** The request types of one kind, in table order. */
export function requestTypes(filter: (spec: RequestSpec) => boolean = () => true): RequestType[] {
  return (Object.keys(REQUESTS) as RequestType[]).filter((type) => filter(REQUESTS[type]));
}

/** What goes over the wire: a typed request, answered with ok/error, never a thrown error. */
export interface Envelope<K extends RequestType = RequestType> {
  factmark: 1;
  type: K;
  payload: Requests[K]['req'];
}

export type Reply<T> = { ok: true; value: T } | { ok: false; error: string };

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

/** Requests a content script answers (from the background and the popup), described once. */
export const TAB_REQUESTS = {
  /** Open the editor on the current selection (context menu, keyboard shortcut). */
  'tab/flag-selection': { payload: v.strictObject({}), answer: answer<null>('nothing; the editor is open') },
  /**
   * The database changed: fetch this page's claims again and repaint. With `pageKeys` (a claim
   * was saved or deleted), only a page shown under one of those keys does; the others do nothing.
   */
  'tab/refresh': {
    payload: v.strictObject({
      pageKeys: v.optional(
        v.pipe(v.array(v.pipe(v.string(), v.maxLength(4096))), v.minLength(1), v.maxLength(2)),
      ),
      /**
       * What changed when it was not a page's claims: the rules (and lists, fact-checks) or the
       * settings. The page checks its text again without indexing it again or re-fetching claims.
       */
      scope: v.optional(v.picklist(RECHECK_SCOPES)),
    }),
    answer: answer<null>('nothing; the page is repainted if the change concerns it'),
  },
  /** What the popup shows: this page's claims and whether each was found. */
  'tab/status': {
    payload: v.strictObject({}),
    answer: answer<PageStatus>("the page's address, title, claims, marks and fact-checked sentences"),
  },
  /**
   * Scroll to a claim and pulse its highlight: at once if it is found, else as soon as it is
   * (a slow page, a late re-render), or answer not found after `within` ms.
   */
  'tab/reveal': {
    payload: v.strictObject({
      id,
      within: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(REVEAL_WAIT_MAX_MS))),
    }),
    answer: answer<{ found: boolean }>('whether the claim was found in time'),
  },
  /**
   * To the top frame: open the card of the next (or previous) claim or correction highlighted on
   * the page, in reading order, and focus it (the keyboard shortcuts).
   */
  'tab/step-highlight': {
    payload: v.strictObject({ direction: v.picklist(['next', 'previous']) }),
    answer: answer<{ found: boolean }>('whether the page has a highlight to move to'),
  },
  /** To the top frame: the claims a same-origin frame found (from its `page/report`). */
  'tab/frame-report': {
    payload: v.strictObject({
      frameId: v.pipe(v.number(), v.integer(), v.minValue(1)),
      frame: url,
      found: foundIds,
    }),
    answer: answer<null>('nothing'),
  },
  /** To a same-origin frame: send your report again (the top frame has just started). */
  'tab/report-found': { payload: v.strictObject({}), answer: answer<null>('nothing') },
} as const satisfies Record<string, Pick<RequestSpec, 'payload' | 'answer'>>;

/** Each tab request's payload and answer, derived from TAB_REQUESTS. */
export type TabRequests = {
  [K in keyof typeof TAB_REQUESTS]: {
    req: v.InferOutput<(typeof TAB_REQUESTS)[K]['payload']>;
    res: AnswerOf<(typeof TAB_REQUESTS)[K]['answer']>;
  };
};

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
  if (!isEnvelope(message) || !Object.hasOwn(TAB_REQUESTS, message.type)) return { kind: 'ignore' };
  const type = message.type as TabRequestType;
  const parsed = v.safeParse(TAB_REQUESTS[type].payload, message.payload, { abortEarly: true });
  if (!parsed.success) return { kind: 'invalid', error: `invalid ${type}` };
  return { kind: 'request', type, payload: parsed.output };
}

function isEnvelope(value: unknown): value is { factmark: 1; type: string; payload: unknown } {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { factmark?: unknown }).factmark === 1 &&
    typeof (value as { type?: unknown }).type === 'string'
  );
}

/** The review page's fragment that opens and shows its rules and lists. */
export const RULES_FRAGMENT = '#rules';
