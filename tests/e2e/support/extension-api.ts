// The review page in both browsers, and what a test asks of the extension from there (seed a claim,
// find a tab, read the toolbar badge, open the popup over a tab). Chromium opens extension pages
// by address; Firefox lets a test drive only pages the extension opened itself, so there the
// review page is reached as a reader does: a correction card's "Manage corrections".
import { type TestBrowser, type TestPage, waitFor } from './browsers';
import type { ClaimDraft } from './extension-pages';
import { pointOn, waitForHighlight } from './page-actions';

/** Opens the review page; `seedArticle` is the demo article's address (Firefox's way in). */
export async function openReviewPage(browser: TestBrowser, seedArticle: string): Promise<TestPage> {
  if (browser.name === 'chromium') return browser.openExtensionPage('review.html');
  const { seed, review } = await reviewFromCorrectionCard(browser, seedArticle);
  await seed.close();
  return review;
}

/**
 * A reader's way to the review page in both browsers: on the demo article (`seedArticle`), the
 * built-in correction's card, then "Manage corrections" (review.html#rules). The article stays open.
 */
export async function reviewFromCorrectionCard(
  browser: TestBrowser,
  seedArticle: string,
): Promise<{ seed: TestPage; review: TestPage }> {
  const seed = await browser.newPage();
  await seed.goto(seedArticle);
  await waitForHighlight(seed, 'factmark-false', 'Digital Rights Act (DSA)');
  const dsa = await pointOn(seed, null, 'factmark-false');
  await seed.mouseClick(dsa.x, dsa.y);
  await waitFor(() => seed.findByRole('dialog', 'Correction'), 5000);
  await seed.clickByRole('button', 'Manage corrections');
  return { seed, review: await browser.waitForExtensionPage('review.html', 15_000) };
}

/** Runs `body` in an extension page with `api` bound to its extension API (browser or chrome). */
function inExtension<T>(page: TestPage, body: string): Promise<T> {
  return page.evaluate<T>(`(async () => {
    const api = globalThis.browser ?? globalThis.chrome;
    ${body}
  })()`);
}

/** Saves `draft` through the background, as the page's editor saves a claim. */
export async function seedClaim(extensionPage: TestPage, draft: ClaimDraft): Promise<void> {
  const reply = await inExtension<{ ok: boolean; error?: string }>(
    extensionPage,
    `return api.runtime.sendMessage({ factmark: 1, type: 'claims/save', payload: ${JSON.stringify(draft)} });`,
  );
  if (!reply.ok) throw new Error(`seeding the claim failed: ${reply.error}`);
}

/**
 * The id of the tab showing `url`, once its content script answers. Without the "tabs"
 * permission tab addresses are hidden, so each tab's top frame is asked which page it shows.
 */
export async function tabShowing(extensionPage: TestPage, url: string): Promise<number> {
  const find = () =>
    inExtension<number | null>(
      extensionPage,
      `for (const tab of await api.tabs.query({})) {
        const reply = await api.tabs
          .sendMessage(tab.id, { factmark: 1, type: 'tab/status', payload: {} }, { frameId: 0 })
          .catch(() => null);
        if (reply?.ok && reply.value.url === ${JSON.stringify(url)}) return tab.id;
      }
      return null;`,
    );
  return waitFor(find, 15_000, 200, `no tab shows ${url}`);
}

/** The toolbar badge's text over a tab. */
export function badgeText(extensionPage: TestPage, tabId: number): Promise<string> {
  return inExtension<string>(extensionPage, `return api.action.getBadgeText({ tabId: ${tabId} });`);
}

/** Opens the popup as a page about tab `tabId` (opened by the extension, so Firefox can drive it). */
export async function openPopupOver(
  browser: TestBrowser,
  extensionPage: TestPage,
  tabId: number,
): Promise<TestPage> {
  await inExtension(
    extensionPage,
    `await api.tabs.create({ url: api.runtime.getURL('popup.html?tab=${tabId}') });`,
  );
  return browser.waitForExtensionPage('popup.html', 15_000);
}
