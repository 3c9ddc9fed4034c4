// "Open": opens a claim's article in a new tab and asks its content script to scroll to the claim
// and pulse its highlight. The content script carries the request out when the claim is found —
// after a slow load or a late re-render too — so this only asks until one is there to hear it.
import browser from 'webextension-polyfill';
import { t } from '../core/i18n/translate';
import type { Claim } from '../core/model';
import { isWebUrl } from '../core/url/web-address';
import { REVEAL_WAIT_MS } from '../messages';
import { askTab, PageUnreachable } from '../popup/page-link';

/** 'closed': the reader closed the tab before the claim was shown. */
export type Opened = 'revealed' | 'not-found' | 'closed';

/** How often to ask again while the new page has no content script yet (nothing announces one). */
const RETRY_MS = 200;

export async function openClaim(claim: Claim): Promise<Opened> {
  if (!isWebUrl(claim.url)) throw new Error(t('review_open_not_web'));
  const tab = await browser.tabs.create({ url: claim.url, active: true });
  if (tab.id === undefined) return 'not-found';
  return revealInTab(tab.id, claim.id, Date.now() + REVEAL_WAIT_MS);
}

/**
 * Asks the tab to reveal the claim, again while no content script is there to receive it (the
 * page is still loading, or it navigated away mid-answer); then waits for its answer, which
 * comes when the claim is found or when the time left runs out.
 */
async function revealInTab(tabId: number, id: string, deadline: number): Promise<Opened> {
  for (;;) {
    const within = deadline - Date.now();
    if (within <= 0) return 'not-found';
    try {
      const { found } = await askTab(tabId, 'tab/reveal', { id, within }, { allFrames: true });
      return found ? 'revealed' : 'not-found';
    } catch (error) {
      if (!(error instanceof PageUnreachable)) throw error;
    }
    if (!(await tabOpen(tabId))) return 'closed';
    await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
  }
}

function tabOpen(tabId: number): Promise<boolean> {
  return browser.tabs.get(tabId).then(
    () => true,
    () => false,
  );
}
