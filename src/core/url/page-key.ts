// Normalises a page URL into the key claims are stored under, so that the same article is
// recognised behind tracking parameters, fragments and cosmetic differences. Pure.

/** Query parameters that only track the reader and never change the article shown. */
const TRACKING_PARAMS = new Set([
  'fbclid',
  'gclid',
  'dclid',
  'gbraid',
  'wbraid',
  'msclkid',
  'yclid',
  'twclid',
  'igshid',
  'mc_cid',
  'mc_eid',
  'mkt_tok',
  '_ga',
  '_gl',
  '_hsenc',
  '_hsmi',
  'ref_src',
  'ref_url',
  'cmpid',
  'ito',
  'ocid',
  'smid',
  'soc_src',
  'soc_trk',
  'at_medium',
  'at_campaign',
  'share',
  'guccounter',
  'guce_referrer',
  'guce_referrer_sig',
]);

function isTracking(name: string): boolean {
  const lower = name.toLowerCase();
  return lower.startsWith('utm_') || lower.startsWith('at_') || TRACKING_PARAMS.has(lower);
}

/**
 * The key a page's claims are stored under: scheme and host lower-cased, `www.` and default
 * ports dropped, fragment and tracking parameters removed, remaining parameters sorted, a
 * trailing slash ignored. Returns null for a string that is not an absolute URL.
 */
export function pageKey(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    url.hash = '';
    return url.href;
  }
  const host = url.hostname.toLowerCase().replace(/^www\./, '');
  const port = url.port ? `:${url.port}` : '';
  const params = [...url.searchParams].filter(([name]) => !isTracking(name));
  params.sort(([a, av], [b, bv]) => (a === b ? (av < bv ? -1 : av > bv ? 1 : 0) : a < b ? -1 : 1));
  const query = params.length ? `?${new URLSearchParams(params).toString()}` : '';
  let path = url.pathname;
  if (path.length > 1 && path.endsWith('/')) path = path.slice(0, -1);
  // http and https serve the same article; the key must not split a page's claims in two.
  return `${host}${port}${path}${query}`;
}

/** The keys under which a page's claims may be stored: its own URL and its canonical URL. */
export function pageKeys(url: string, canonical?: string): string[] {
  const keys = new Set<string>();
  const own = pageKey(url);
  if (own) keys.add(own);
  if (canonical) {
    const declared = pageKey(canonical);
    if (declared) keys.add(declared);
  }
  return [...keys];
}

/** The page keys a claim is shown under: its page's, and its canonical page's when it has one. */
export function claimPageKeys(claim: { pageKey: string; canonicalKey?: string }): string[] {
  return claim.canonicalKey && claim.canonicalKey !== claim.pageKey
    ? [claim.pageKey, claim.canonicalKey]
    : [claim.pageKey];
}

/**
 * Whether a change to the claims under `changed` keys concerns the page at `url` (and its
 * canonical address): undefined means every page.
 */
export function concernsPage(
  changed: readonly string[] | undefined,
  url: string,
  canonical?: string,
): boolean {
  if (changed === undefined) return true;
  const own = pageKeys(url, canonical);
  return changed.some((key) => own.includes(key));
}
