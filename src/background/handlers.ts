// One handler per request type. Each payload is validated with the protocol's schema before the
// handler sees it; every outcome is a Reply (ok/error) — nothing thrown reaches the sender.
// Kept free of browser APIs (side effects come in through `Effects`) so it is tested in Node.
import * as v from 'valibot';
import { describeIssues } from '../core/claim-schema';
import { scoreSentences } from '../core/detect/score';
import { t } from '../core/i18n/translate';
import { compileRules } from '../core/match';
import { correctionMargin, findCorrections, type RuleSet } from '../core/match/find-corrections';
import { claimPageKeys } from '../core/url/page-key';
import { claimsForPage, deleteClaim, markSeen, saveClaim } from '../db/claims';
import { allRules, deleteRule, enabledRules, rulesById, saveRule, useListVersion } from '../db/rules';
import type { FactmarkDb } from '../db/schema';
import { detectionSettings, updateDetectionSettings } from '../db/settings';
import { isQuotaError } from '../db/storage-errors';
import {
  isRequestType,
  REQUESTS,
  type RecheckScope,
  type Reply,
  type Requests,
  type RequestType,
  requestTypes,
  type TabRequests,
} from '../messages';
import { makeFactCheckHandlers } from './factcheck-handlers';
import { FactCheckIndex } from './factcheck-index';
import { makeListHandlers } from './list-handlers';

/** Who sent a message, as far as the background can tell. */
export interface Sender {
  /** Set when the message comes from a content script in a tab. */
  tabId?: number;
  /** The frame of that tab it comes from: 0 is the top frame. */
  frameId?: number;
  /**
   * 'content': a content script, running in a web page's renderer (see src/background/sender.ts).
   * Absent or 'extension': the popup, the review page or another extension page.
   */
  context?: 'extension' | 'content';
}

/**
 * What a content script may ask for (`from: 'content'` in the protocol's table): its own page's
 * claims and rules, and the writes a reader makes in the page's editor and card. Everything else
 * stays with Factmark's own pages.
 */
export const CONTENT_SCRIPT_REQUESTS: ReadonlySet<RequestType> = new Set(
  requestTypes((spec) => spec.from === 'content'),
);

/** What handlers may do beyond the database: tell tabs to repaint, set the badge. */
export interface Effects {
  /**
   * Tell tabs to repaint: only pages shown under `pageKeys` (a claim saved or deleted), or every
   * page (rules, settings, lists, an extension page's own writes).
   */
  claimsChanged(pageKeys?: string[]): void;
  /** Tell every page to check its text again for `scope` (rules or settings), without re-indexing. */
  recheckPages(scope: RecheckScope): void;
  setBadge(tabId: number, count: number): void;
  /** Pass a same-origin frame's found claims on to its tab's top frame. */
  frameReport(tabId: number, report: TabRequests['tab/frame-report']['req']): void;
  /** Ask every frame of a tab to send its report again. */
  askFramesToReport(tabId: number): void;
  /** Show the review page's rules and lists in a tab. */
  openRules(): Promise<void>;
}

type Handler<K extends RequestType> = (
  payload: Requests[K]['req'],
  sender: Sender,
) => Promise<Requests[K]['res']>;

export function makeHandlers(db: FactmarkDb, effects: Effects): { [K in RequestType]: Handler<K> } {
  // The enabled rules compiled once, until a rule is written (a restarted worker starts without
  // them and compiles again on the first request).
  let forPage: Promise<RuleSet> | null = null;
  // The fact-checks' index, brought up to date on the first match after any list changes.
  const factChecks = new FactCheckIndex(db);
  const rulesChanged = () => {
    forPage = null;
    factChecks.changed();
    effects.recheckPages('rules');
  };
  const compileForPage = async (): Promise<RuleSet> => {
    const rules = await enabledRules(db);
    return {
      ids: rules.map((rule) => rule.id),
      verdicts: rules.map((rule) => rule.verdict),
      compiled: compileRules(rules),
    };
  };
  const rulesForPages = (): Promise<RuleSet> => {
    const pending = forPage ?? compileForPage();
    forPage = pending;
    // A failed compile is not kept: the next request tries again.
    pending.catch(() => {
      if (forPage === pending) forPage = null;
    });
    return pending;
  };
  return {
    'claims/for-page': async ({ url, canonical }) => claimsForPage(db, url, canonical),
    'claims/save': async (draft) => {
      const claim = await saveClaim(db, draft);
      effects.claimsChanged(claimPageKeys(claim));
      return claim;
    },
    'claims/delete': async ({ id }) => {
      const deleted = await deleteClaim(db, id);
      if (deleted) effects.claimsChanged(claimPageKeys(deleted));
      return { deleted: deleted !== undefined };
    },
    // The top frame speaks for the tab (the badge); a frame's findings go to the top frame, which
    // lists them in the popup. The frame id comes from the browser, not from the page.
    'page/report': async ({ total, found, frame }, { tabId, frameId }) => {
      if (tabId === undefined) return null;
      if (frameId === undefined || frameId === 0) effects.setBadge(tabId, total);
      else effects.frameReport(tabId, { frameId, frame: frame ?? '', found: found ?? [] });
      return null;
    },
    'page/frames-report': async (_, { tabId }) => {
      if (tabId !== undefined) effects.askFramesToReport(tabId);
      return null;
    },
    'claims/changed': async () => {
      effects.claimsChanged();
      return null;
    },
    // Only the reporting tab anchored anything, and it has painted already: no repaint needed.
    'claims/seen': async ({ found, missing }) => ({ updated: await markSeen(db, found, missing) }),
    'settings/get': async ({ host }) => detectionSettings(db, host),
    // The model is compiled once per background life, not once per page.
    'detect/score': async ({ sentences }) => ({ scores: scoreSentences(sentences) }),
    // Tabs repaint on 'tab/refresh', which also makes them read their settings again.
    'settings/set': async (change) => {
      const settings = await updateDetectionSettings(db, change);
      effects.recheckPages('settings');
      return settings;
    },
    'rules/save': async (save) => {
      const rule = await saveRule(db, save);
      rulesChanged();
      return rule;
    },
    'rules/delete': async ({ id }) => {
      const deleted = await deleteRule(db, id);
      if (deleted) rulesChanged();
      return { deleted };
    },
    'rules/use-list-version': async ({ id }) => {
      const rule = await useListVersion(db, id);
      if (!rule) throw new Error(t('rule_deleted'));
      rulesChanged();
      return rule;
    },
    'rules/list': async () => allRules(db),
    'corrections/find': async ({ windows, builtIn }) => {
      const rules = await rulesForPages();
      return { findings: findCorrections(windows, rules, builtIn), margin: correctionMargin(rules, builtIn) };
    },
    'rules/get': async ({ ids }) => rulesById(db, ids),
    'review/open-rules': async () => {
      await effects.openRules();
      return null;
    },
    ...makeListHandlers(db, { rulesChanged }),
    ...makeFactCheckHandlers(db, factChecks, { factChecksChanged: rulesChanged }),
  };
}

/**
 * Validates an incoming message and runs its handler; the answer is always a Reply. A malformed
 * message is a bug in Factmark's own code (or a page's probing), never something a reader did:
 * those errors stay in English, for developers; a handler's errors are the reader's, translated.
 */
export async function dispatch(
  handlers: ReturnType<typeof makeHandlers>,
  message: unknown,
  sender: Sender,
): Promise<Reply<unknown>> {
  if (typeof message !== 'object' || message === null) return { ok: false, error: 'not a Factmark message' };
  const { type, payload } = message as { type?: unknown; payload?: unknown };
  if (!isRequestType(type)) return { ok: false, error: `unknown request: ${safeText(type)}` };
  if (sender.context === 'content' && !CONTENT_SCRIPT_REQUESTS.has(type)) {
    return { ok: false, error: `${type} is only available to Factmark's own pages, not to a web page.` };
  }
  // abortEarly: an oversized array of wrong items would otherwise collect an issue per item (seconds).
  const parsed = v.safeParse(REQUESTS[type].payload, payload, { abortEarly: true });
  if (!parsed.success) return { ok: false, error: `invalid ${type}: ${describeIssues(parsed.issues)}` };
  try {
    const handler = handlers[type] as Handler<typeof type>;
    const value = await handler(parsed.output as Requests[typeof type]['req'], sender);
    return { ok: true, value };
  } catch (error) {
    return { ok: false, error: errorText(error) };
  }
}

function errorText(error: unknown): string {
  // A full disk gets the same advice wherever it happens (src/db/storage-errors.ts).
  if (isQuotaError(error)) return t('storage_full_nothing_saved');
  return error instanceof Error ? error.message : t('error_unexpected');
}

/** A value from a message, quoted in an error without throwing (String() throws on some objects). */
function safeText(value: unknown): string {
  return typeof value === 'string' ? value.slice(0, 50) : typeof value;
}
