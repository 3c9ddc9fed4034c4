// "Open": opens a claim's article in a new tab and, once its content script has anchored the
// page's claims, asks it to scroll to this one and pulse its highlight.
import browser, { type Tabs } from 'webextension-polyfill';
import type { Claim } from '../core/model';
import { isWebUrl } from '../core/url/web-address';
import { askTab } from '../popup/page-link';

export type Opened = 'revealed' | 'not-found';

const LOAD_TIMEOUT = 30_000;
const REVEAL_ATTEMPTS = 16;
const REVEAL_INTERVAL = 500;

export async function openClaim(claim: Claim): Promise<Opened> {
  if (!isWebUrl(claim.url)) throw new Error('This note’s page is not a web address, so it cannot be opened.');
  const tab = await browser.tabs.create({ url: claim.url, active: true });
  if (tab.id === undefined) return 'not-found';
  await loaded(tab.id);
  // The content script runs when the page is idle and anchors after that: ask until it answers.
  for (let attempt = 0; attempt < REVEAL_ATTEMPTS; attempt++) {
    const reply = await askTab(tab.id, 'tab/reveal', { id: claim.id }).catch(() => null);
    if (reply?.found) return 'revealed';
    await new Promise((resolve) => setTimeout(resolve, REVEAL_INTERVAL));
  }
  return 'not-found';
}

/** Resolves when the tab has finished loading (or after a timeout, or when it is closed). */
function loaded(tabId: number): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      browser.tabs.onUpdated.removeListener(onUpdated);
      browser.tabs.onRemoved.removeListener(onRemoved);
      resolve();
    };
    const onUpdated = (id: number, change: Tabs.OnUpdatedChangeInfoType) => {
      if (id === tabId && change.status === 'complete') done();
    };
    const onRemoved = (id: number) => {
      if (id === tabId) done();
    };
    const timer = setTimeout(done, LOAD_TIMEOUT);
    browser.tabs.onUpdated.addListener(onUpdated);
    browser.tabs.onRemoved.addListener(onRemoved);
    void browser.tabs
      .get(tabId)
      .then((tab) => {
        if (tab.status === 'complete') done();
      })
      .catch(done);
  });
}
