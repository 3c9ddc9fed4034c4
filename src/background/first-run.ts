// Opens the welcome page in a new tab when Factmark is installed — once per install, not on an
// update (the decision is src/core/first-run.ts). The listener is added at the module's top
// level: the browser hands `onInstalled` only to listeners added while the background starts.
import browser from 'webextension-polyfill';
import { shouldShowWelcome, WELCOME_PAGE } from '../core/first-run';

browser.runtime.onInstalled.addListener((details) => {
  if (!shouldShowWelcome(details)) return;
  // A browser closing as it installs may refuse the tab; the popup's menu opens the guide later.
  void browser.tabs.create({ url: browser.runtime.getURL(WELCOME_PAGE) }).catch(() => undefined);
});
