// The one policy for every address Factmark stores, links to or fetches: a claim's page and
// canonical address and its sources (saved, imported or restored), a correction list's address,
// its homepage and its rules' sources. http and https only — file:, javascript:, data:, extension
// and browser pages are not web pages a reader can share, and some run code when opened — and no
// user name or password, which would be stored in clear and shown on every link. Pure.
import { t } from '../i18n/translate';

export type WebAddressCheck =
  | { ok: true; url: URL }
  | { ok: false; problem: 'not-a-url' }
  | { ok: false; problem: 'scheme'; scheme: string }
  | { ok: false; problem: 'credentials' };

/** Whether an address follows the policy, and if not, what is wrong with it. */
export function checkWebAddress(raw: string): WebAddressCheck {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, problem: 'not-a-url' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return { ok: false, problem: 'scheme', scheme: url.protocol };
  }
  if (url.username || url.password) return { ok: false, problem: 'credentials' };
  return { ok: true, url };
}

/** True for the addresses Factmark will save, import, subscribe to or make clickable. */
export function isWebUrl(raw: string): boolean {
  return checkWebAddress(raw).ok;
}

/** Why an address breaks the policy, as a validation message ("url: …"); null when it does not. */
export function webAddressProblem(raw: string): string | null {
  const check = checkWebAddress(raw);
  if (check.ok) return null;
  if (check.problem === 'credentials') return t('validation_credentials');
  return t('validation_not_http');
}

/**
 * What to tell a reader whose typed list address breaks the policy. (Subscribing is the one place
 * a reader types an address to fetch; another would need its own "only http and https" message.)
 */
export function typedAddressError(check: Exclude<WebAddressCheck, { ok: true }>, typed: string): string {
  if (check.problem === 'credentials') return t('address_error_credentials');
  if (check.problem === 'scheme') return t('address_error_scheme', { scheme: check.scheme });
  return t('address_error_not_web', { typed: typed.slice(0, 80) });
}
