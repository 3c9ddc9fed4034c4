// Watches the page for text that arrives or changes after load (infinite scroll, "read more",
// re-rendered articles) and for same-tab navigations (single-page apps), and tells the content
// script once things settle. Never reacts to Factmark's own UI.
import { UI_HOST_TAG } from './text-index';

export interface WatchCallbacks {
  /** Text in the page changed; called at most once per `settleMs`. */
  textChanged(): void;
  /** The tab now shows another page without a load (pushState, popstate); fragments don't count. */
  navigated(url: string): void;
}

export function watchPage(root: Node, callbacks: WatchCallbacks, settleMs = 250): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const page = () => location.href.split('#')[0] ?? location.href;
  let url = page();

  const checkUrl = () => {
    if (page() === url) return false;
    url = page();
    callbacks.navigated(url);
    return true;
  };

  const observer = new MutationObserver((records) => {
    if (!records.some(touchesText)) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      // A single-page app swaps the article and the URL together: reload claims, not just repaint.
      if (!checkUrl()) callbacks.textChanged();
    }, settleMs);
  });
  observer.observe(root, { childList: true, subtree: true, characterData: true });

  // Content scripts cannot see the page's own history.pushState calls; popstate and hashchange
  // cover back/forward, and the mutation that a new article causes covers pushState.
  const onHistory = () => {
    checkUrl();
  };
  window.addEventListener('popstate', onHistory);
  window.addEventListener('hashchange', onHistory);

  return () => {
    observer.disconnect();
    clearTimeout(timer);
    window.removeEventListener('popstate', onHistory);
    window.removeEventListener('hashchange', onHistory);
  };
}

function touchesText(record: MutationRecord): boolean {
  const target = record.target;
  if (isOwnUi(target)) return false;
  if (record.type === 'characterData') return true;
  for (const node of [...record.addedNodes, ...record.removedNodes]) {
    if (isOwnUi(node)) continue;
    if (node.nodeType === Node.TEXT_NODE || (node.nodeType === Node.ELEMENT_NODE && node.textContent))
      return true;
  }
  return false;
}

function isOwnUi(node: Node): boolean {
  const element = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
  return element?.closest(UI_HOST_TAG) != null;
}
