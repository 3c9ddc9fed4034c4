// Talks to the content script of the tab the popup is about: the active tab, or the tab named by
// `?tab=ID` (used when the popup is opened as a page, e.g. by tests or from the review page).
import browser from 'webextension-polyfill';
import { t } from '../core/i18n/translate';
import type { Reply, TabEnvelope, TabRequests, TabRequestType } from '../messages';

export async function targetTabId(): Promise<number | null> {
  const param = new URLSearchParams(location.search).get('tab');
  if (param && /^\d+$/.test(param)) return Number(param);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

export class PageUnreachable extends Error {}

/**
 * Asks the tab's top frame, which speaks for the tab; with `allFrames`, every frame (the first
 * answer wins: for `tab/reveal`, the frame that finds the claim).
 */
export async function askTab<K extends TabRequestType>(
  tabId: number,
  type: K,
  payload: TabRequests[K]['req'],
  { allFrames = false } = {},
): Promise<TabRequests[K]['res']> {
  const envelope: TabEnvelope<K> = { factmark: 1, type, payload };
  let reply: Reply<TabRequests[K]['res']> | undefined;
  try {
    const to = allFrames ? undefined : { frameId: 0 };
    reply = (await browser.tabs.sendMessage(tabId, envelope, to)) as Reply<TabRequests[K]['res']> | undefined;
  } catch {
    throw new PageUnreachable(t('popup_page_unreachable'));
  }
  if (!reply) throw new PageUnreachable(t('popup_page_unreachable'));
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
}
