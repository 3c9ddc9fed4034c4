// Watches the page for text that arrives or changes after load (infinite scroll, "read more",
// re-rendered articles, text in open shadow roots) and for same-tab navigations (single-page
// apps), and hands the content script the mutation records once things settle, so it can patch
// only what changed. Never reacts to Factmark's own UI or to typing in an editor.
import { inEditorOrUi } from './text-index';

export interface WatchCallbacks {
  /** Text in the page changed: the records since the last call (at most once per `settleMs`). */
  textChanged(records: MutationRecord[]): void;
  /** The tab now shows another page without a load (pushState, popstate); fragments don't count. */
  navigated(url: string): void;
}

export interface PageWatch {
  /** Also watch an open shadow root the index found. */
  observe(root: ShadowRoot): void;
  /** The records not yet handed over (the content script patches with them before it reads the text). */
  takePending(): MutationRecord[];
  stop(): void;
}

const OPTIONS: MutationObserverInit = { childList: true, subtree: true, characterData: true };

export function watchPage(root: Node, callbacks: WatchCallbacks, settleMs = 250): PageWatch {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let pending: MutationRecord[] = [];
  const watched = new WeakSet<ShadowRoot>();
  const page = () => location.href.split('#')[0] ?? location.href;
  let url = page();

  const checkUrl = () => {
    if (page() === url) return false;
    url = page();
    pending = [];
    callbacks.navigated(url);
    return true;
  };

  const observer = new MutationObserver((records) => {
    const relevant = records.filter(touchesText);
    if (relevant.length === 0) return;
    for (const record of relevant) pending.push(record);
    clearTimeout(timer);
    timer = setTimeout(() => {
      // A single-page app swaps the article and the URL together: reload claims, not just repaint.
      if (checkUrl()) return;
      const batch = pending;
      pending = [];
      callbacks.textChanged(batch);
    }, settleMs);
  });
  observer.observe(root, OPTIONS);

  // Content scripts cannot see the page's own history.pushState calls; popstate and hashchange
  // cover back/forward, and the mutation that a new article causes covers pushState.
  const onHistory = () => {
    checkUrl();
  };
  window.addEventListener('popstate', onHistory);
  window.addEventListener('hashchange', onHistory);

  return {
    observe(shadow) {
      if (watched.has(shadow)) return;
      watched.add(shadow);
      observer.observe(shadow, OPTIONS);
    },
    takePending() {
      const batch = [...pending, ...observer.takeRecords().filter(touchesText)];
      pending = [];
      clearTimeout(timer);
      return batch;
    },
    stop() {
      observer.disconnect();
      clearTimeout(timer);
      window.removeEventListener('popstate', onHistory);
      window.removeEventListener('hashchange', onHistory);
    },
  };
}

/** Added or removed elements whose text is never read: Factmark's UI, styles (its own in shadow roots), scripts. */
const IGNORED = new Set(['factmark-ui', 'style', 'script', 'template', 'noscript']);

function touchesText(record: MutationRecord): boolean {
  // Typing in an editor, and Factmark's own UI, never cause a re-scan.
  if (inEditorOrUi(record.target)) return false;
  if (record.type === 'characterData') return true;
  for (const list of [record.addedNodes, record.removedNodes]) {
    for (const node of list) {
      if (node.nodeType === Node.TEXT_NODE) return true;
      if (
        node.nodeType === Node.ELEMENT_NODE &&
        !IGNORED.has((node as Element).localName) &&
        node.textContent
      )
        return true;
    }
  }
  return false;
}
