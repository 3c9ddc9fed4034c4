// Background (Chrome service worker / Firefox event page): owns the database, answers the
// typed messages, keeps the toolbar badge, and turns the context menu and keyboard shortcut
// into "flag the selection" in the active tab; the "open all notes" shortcut opens the review page.
import browser, { type Runtime } from 'webextension-polyfill';
import { t } from '../core/i18n/translate';
import { LIST_REFRESH_MINUTES } from '../core/lists/subscription';
import { openDb } from '../db/schema';
import type { TabEnvelope, TabRequests, TabRequestType } from '../messages';
import { RULES_FRAGMENT } from '../messages';
// Opens the welcome page once, when the extension is installed (not on updates).
import './first-run';
import { dispatch, makeHandlers } from './handlers';
import { senderOf } from './sender';

const db = openDb();

/** To every frame of the tab, or to one (`frameId`). */
function sendToTab<K extends TabRequestType>(
  tabId: number,
  type: K,
  payload: TabRequests[K]['req'],
  frameId?: number,
) {
  const envelope: TabEnvelope<K> = { factmark: 1, type, payload };
  // A tab without the content script (browser pages, the web store) simply has no listener.
  const to = frameId === undefined ? undefined : { frameId };
  return browser.tabs.sendMessage(tabId, envelope, to).catch(() => undefined);
}

/** Sends `tab/refresh` to every frame of every tab; each decides what, if anything, to do. */
function refreshEveryTab(payload: TabRequests['tab/refresh']['req']): void {
  void browser.tabs.query({}).then((tabs) => {
    for (const tab of tabs) if (tab.id !== undefined) void sendToTab(tab.id, 'tab/refresh', payload);
  });
}

const handlers = makeHandlers(db, {
  claimsChanged(pageKeys) {
    // Every tab is told; each frame compares the keys with its own page (a frame's address is not
    // the tab's, and a page's canonical address is known only to the page).
    refreshEveryTab(pageKeys ? { pageKeys } : {});
  },
  recheckPages(scope) {
    refreshEveryTab({ scope });
  },
  setBadge(tabId, count) {
    const text = count > 0 ? String(count) : '';
    void browser.action.setBadgeText({ tabId, text }).catch(() => undefined);
    void browser.action.setBadgeBackgroundColor({ tabId, color: '#0b5563' }).catch(() => undefined);
  },
  frameReport(tabId, report) {
    // A top frame not listening yet asks for the reports again when it starts (page/frames-report).
    void sendToTab(tabId, 'tab/frame-report', report, 0);
  },
  askFramesToReport(tabId) {
    void sendToTab(tabId, 'tab/report-found', {});
  },
  async openRules() {
    await browser.tabs.create({ url: browser.runtime.getURL(`review.html${RULES_FRAGMENT}`) });
  },
});

// Only the extension's own contexts may talk to the background; content scripts get fewer requests.
const own = { id: browser.runtime.id, baseUrl: browser.runtime.getURL('') };

browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
  const from = senderOf(sender, own);
  if (!from) return Promise.resolve({ ok: false, error: 'unknown sender' });
  return dispatch(handlers, message, from);
});

// Subscribed correction lists are fetched again every few hours. Registered at every start, but
// only when missing: create() again would restart the period, and a worker that starts more
// often than that would never refresh.
const LISTS_ALARM = 'factmark-refresh-lists';
void browser.alarms.get(LISTS_ALARM).then((alarm) => {
  if (!alarm) void browser.alarms.create(LISTS_ALARM, { periodInMinutes: LIST_REFRESH_MINUTES });
});
browser.alarms.onAlarm.addListener((alarm) => {
  // Through dispatch, so the refresh drops the compiled rules and repaints tabs like any change.
  if (alarm.name === LISTS_ALARM) void dispatch(handlers, { type: 'lists/refresh', payload: {} }, {});
});

const MENU_ID = 'factmark-flag-claim';

// The title is in the browser's language at install or update (menus keep the title they were made with).
browser.runtime.onInstalled.addListener(() => {
  browser.contextMenus.create({ id: MENU_ID, title: t('menu_flag_claim'), contexts: ['selection'] });
});

browser.contextMenus.onClicked.addListener((info, tab) => {
  if (info.menuItemId === MENU_ID && tab?.id !== undefined) void sendToTab(tab.id, 'tab/flag-selection', {});
});

browser.commands.onCommand.addListener(async (command) => {
  // The review page is the extension's options page: this opens it, or focuses it when open.
  if (command === 'open-review') return void browser.runtime.openOptionsPage().catch(() => undefined);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) return;
  if (command === 'flag-claim') void sendToTab(tab.id, 'tab/flag-selection', {});
  // The top frame steps through the page's highlights (frames keep their own).
  if (command === 'next-highlight') void sendToTab(tab.id, 'tab/step-highlight', { direction: 'next' }, 0);
  if (command === 'previous-highlight')
    void sendToTab(tab.id, 'tab/step-highlight', { direction: 'previous' }, 0);
});
