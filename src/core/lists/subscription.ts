// What to make of fetching a subscribed correction list: which addresses may be subscribed to,
// the conditional-request headers for a refresh, and, from the HTTP outcome, the list's next
// state — new rules or fact-checks to store, or the same kept with a fresh date or a clear error. Pure: the
// background does the fetching (src/background/lists.ts) and the storing (src/db/lists.ts).
import { LIMITS } from '../claim-schema';
import { FACT_CHECK_LIMITS, type FactCheckDraft } from '../factchecks/fact-check';
import { megabytes } from '../formats/size';
import { t } from '../i18n/translate';
import type { CorrectionList, RuleDraft } from '../rule';
import { checkWebAddress, typedAddressError } from '../url/web-address';
import { parseCorrectionList } from './parse';
import type { InvalidRecord } from './read';

/** How often subscribed lists are fetched again, and how long one fetch may take (a big feed is ~150 MB). */
export const LIST_REFRESH_MINUTES = 6 * 60;
export const LIST_FETCH_TIMEOUT_MS = 60_000;
/**
 * Bytes read from a list response before giving up (UTF-8 needs at least one byte a character):
 * as much as the largest fact-check feed; a phrase list past its own 20 MB is refused when parsed.
 */
export const LIST_MAX_BYTES = FACT_CHECK_LIMITS.feedChars;

export type UrlCheck = { ok: true; url: string } | { ok: false; error: string };

/** A list address as typed: the page-address policy (url/web-address.ts), not too long. */
export function checkListUrl(raw: string): UrlCheck {
  const text = raw.trim();
  if (text === '') return { ok: false, error: t('subscribe_error_no_address') };
  if (text.length > LIMITS.url) {
    return { ok: false, error: t('subscribe_error_too_long', { max: String(LIMITS.url) }) };
  }
  const checked = checkWebAddress(text);
  if (!checked.ok) return { ok: false, error: typedAddressError(checked, text) };
  const { url } = checked;
  url.hash = '';
  return { ok: true, url: url.href };
}

/** The host-permission pattern a subscription needs: `https://example.org/*`. */
export function originPattern(url: string): string {
  return `${new URL(url).origin}/*`;
}

/** Validators for a conditional refresh; none before a first successful fetch. */
export function conditionalHeaders(
  list: Pick<CorrectionList, 'etag' | 'lastModified'>,
): Record<string, string> {
  const headers: Record<string, string> = {};
  if (list.etag) headers['If-None-Match'] = list.etag;
  if (list.lastModified) headers['If-Modified-Since'] = list.lastModified;
  return headers;
}

/** What came back from one fetch of a list address. */
export type FetchOutcome =
  | { kind: 'unreachable'; reason: string }
  | { kind: 'too-large' }
  | { kind: 'response'; status: number; etag?: string | null; lastModified?: string | null; text: string };

export type ListUpdate =
  /**
   * A new copy: store these rules, or these fact-checks (a feed), in place of the old ones. One of
   * the two is always empty; `listKind` says which the list holds.
   */
  | {
      kind: 'replace';
      list: CorrectionList;
      listKind: 'rules' | 'fact-checks';
      rules: RuleDraft[];
      factChecks: FactCheckDraft[];
      invalid: InvalidRecord[];
    }
  /** The rules or fact-checks stay as they are; only the list's record changes (fetched date or error). */
  | { kind: 'keep'; list: CorrectionList };

/**
 * The list's next state after a fetch. A 304 keeps the copy and dates it; a good 200 replaces it;
 * anything else keeps the previous copy in force and says why on the list. A first fetch
 * (`subscribing`) has no previous copy: its error says to check the address instead.
 */
export function nextListState(
  list: CorrectionList,
  outcome: FetchOutcome,
  now: number,
  { subscribing = false }: { subscribing?: boolean } = {},
): ListUpdate {
  const url = list.url ?? '';
  const failed = (error: string): ListUpdate => ({ kind: 'keep', list: { ...list, error } });
  const unreachable = (reason: string) =>
    failed(t(subscribing ? 'list_subscribe_unreachable' : 'list_refresh_unreachable', { url, reason }));
  if (outcome.kind === 'unreachable') return unreachable(outcome.reason);
  if (outcome.kind === 'too-large') {
    const size = megabytes(LIST_MAX_BYTES);
    return failed(t(subscribing ? 'list_subscribe_too_large' : 'list_refresh_too_large', { url, size }));
  }
  if (outcome.status === 304) {
    const { error: _error, ...rest } = list;
    return { kind: 'keep', list: { ...rest, fetched: now } };
  }
  // A status code is a code, not a number to format for the language.
  if (outcome.status < 200 || outcome.status > 299) return unreachable(`HTTP ${outcome.status}`);
  const parsed = parseCorrectionList(outcome.text, { url });
  if (parsed.kind === 'invalid') {
    const error = parsed.error;
    return failed(t(subscribing ? 'list_subscribe_invalid' : 'list_refresh_invalid', { url, error }));
  }
  const { error: _error, etag: _etag, lastModified: _lastModified, ...rest } = list;
  return {
    kind: 'replace',
    list: {
      ...rest,
      title: parsed.list.title,
      fetched: now,
      ...(outcome.etag ? { etag: outcome.etag } : {}),
      ...(outcome.lastModified ? { lastModified: outcome.lastModified } : {}),
    },
    listKind: parsed.list.kind,
    rules: parsed.list.rules,
    factChecks: parsed.list.factChecks,
    invalid: parsed.invalid,
  };
}

/**
 * True when a granted host pattern (`https://*.example.org/*`, `<all_urls>`) already covers this
 * address's origin, so subscribing need not ask again. Paths are not compared: a host permission
 * is granted for whole origins.
 */
export function patternCovers(pattern: string, url: string): boolean {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return false;
  }
  const scheme = target.protocol.slice(0, -1);
  if (pattern === '<all_urls>') return scheme === 'http' || scheme === 'https';
  const match = /^(\*|https?):\/\/(\*|\*\.[^/:]+|[^/*:]+|\[[^\]]+\])(?::(\d+|\*))?\//.exec(pattern);
  if (!match) return false;
  const [, wantScheme, wantHost = '', wantPort] = match;
  if (wantScheme !== '*' ? wantScheme !== scheme : scheme !== 'http' && scheme !== 'https') return false;
  if (wantPort && wantPort !== '*' && wantPort !== target.port) return false;
  const host = target.hostname.toLowerCase();
  if (wantHost === '*') return true;
  if (wantHost.startsWith('*.')) {
    const base = wantHost.slice(2).toLowerCase();
    return host === base || host.endsWith(`.${base}`);
  }
  return host === wantHost.toLowerCase();
}
