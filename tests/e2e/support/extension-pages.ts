// Opening the extension's own pages (popup, review page) in Chromium, and reaching the Playwright
// page behind a harness tab. The review page is ordinary light DOM, so tests drive it with
// Playwright's locators; to reach it (and tabs it opens, downloads, DevTools sessions), importing
// this module records every context the harness launches by wrapping
// `chromium.launchPersistentContext` — the same playwright-core module instance browsers.ts uses.
// Vitest isolates test files, so the record holds the contexts of the importing file only.
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import type { TestBrowser, TestPage } from './browsers';

/** Every Chromium context the harness has launched in this test file, in launch order. */
export const chromiumContexts: BrowserContext[] = [];
const launchPersistent = chromium.launchPersistentContext.bind(chromium);
chromium.launchPersistentContext = (async (...args: Parameters<typeof launchPersistent>) => {
  const context = await launchPersistent(...args);
  chromiumContexts.push(context);
  return context;
}) as typeof chromium.launchPersistentContext;

/** The Playwright page behind a harness tab, found by its URL; `except` pages already handed out. */
export function playwrightPage(context: BrowserContext | undefined, url: string, except: Page[] = []): Page {
  const page = context?.pages().find((candidate) => candidate.url() === url && !except.includes(candidate));
  if (!page) throw new Error(`no Playwright page at ${url}`);
  return page;
}

/**
 * Opens an extension page (e.g. 'review.html') in a new tab of `browser` and returns its
 * Playwright page. `context` defaults to the context launched last.
 */
export async function openPlaywrightExtensionPage(
  browser: TestBrowser,
  path: string,
  context: BrowserContext | undefined = chromiumContexts.at(-1),
  except: Page[] = [],
): Promise<Page> {
  const tab = await browser.openExtensionPage(path);
  return playwrightPage(context, tab.url(), except);
}

/** Opens the popup as it opens over the tab showing `page` (Chromium only). */
export async function openPopupFor(browser: TestBrowser, page: TestPage): Promise<TestPage> {
  return browser.openExtensionPage(`popup.html?tab=${await browser.tabIdOf(page.url())}`);
}

/** A claim as the in-page editor sends it to the background to save. */
export interface ClaimDraft {
  url: string;
  title: string;
  quote: { type: string; exact: string; prefix: string; suffix: string };
  position: { type: string; start: number; end: number };
  verdict: string;
  correction: string;
  note: string;
  sources: string[];
  tags: string[];
}

/** Saves `draft` through the background from an extension page, as the page's editor saves it. */
export async function saveThroughBackground(page: Page, draft: ClaimDraft): Promise<void> {
  const saved = await page.evaluate(
    (payload) =>
      (
        globalThis as unknown as {
          chrome: { runtime: { sendMessage(m: unknown): Promise<{ ok: boolean; error?: string }> } };
        }
      ).chrome.runtime.sendMessage({ factmark: 1, type: 'claims/save', payload }),
    draft,
  );
  if (!saved.ok) throw new Error(`seeding the claim failed: ${saved.error}`);
}

/** A stored claim as plain IndexedDB returns it (the fields these tests look at). */
export interface StoredClaimRecord {
  id: string;
  correction: string;
  note: string;
  found?: boolean;
}

/**
 * Every stored claim, read with plain IndexedDB (not through the worker). Run it in an extension
 * page: `review.evaluate(readStoredClaims)`; it must stay self-contained.
 */
export function readStoredClaims(): Promise<StoredClaimRecord[]> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('factmark');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const all = db.transaction('claims').objectStore('claims').getAll();
      all.onsuccess = () => {
        db.close();
        resolve(all.result as StoredClaimRecord[]);
      };
      all.onerror = () => reject(all.error);
    };
  });
}
