// The in-page UI's home: one <factmark-ui> element with a closed shadow root, so the page can
// neither read the reader's notes in it nor restyle it.
import { UI_HOST_TAG } from './text-index';

/**
 * Every declaration is !important: an element's own important styles beat the page's. Text
 * spacing alone is `unset` (inherited from <html>), not reset: a reader's text-spacing stylesheet
 * (WCAG 1.4.12) reaches the UI's text through the host, as it reaches the page's. The page gains
 * only that: letter and word spacing; `all` still resets everything else.
 */
const HOST_STYLE: readonly [string, string][] = [
  ['all', 'initial'],
  ['letter-spacing', 'unset'],
  ['word-spacing', 'unset'],
  ['position', 'fixed'],
  ['top', '0'],
  ['left', '0'],
  ['width', '0'],
  ['height', '0'],
  ['z-index', '2147483647'],
  ['display', 'block'],
];

export interface UiHost {
  host: HTMLElement;
  /** The closed shadow root, styled on first use: most pages never show the UI. */
  root(): ShadowRoot;
}

/** The host, in the page until `signal` aborts (the content script's session ended). */
export function createUiHost(css: string, signal: AbortSignal): UiHost {
  // Made in an inert document, which has no custom element registry: a page that defines
  // <factmark-ui> itself cannot run its constructor here, attach a shadow root first, forbid
  // ours (disabledFeatures) or reach ours through ElementInternals.shadowRoot.
  const host = document.implementation.createHTMLDocument('').createElement(UI_HOST_TAG);
  // CSSOM writes and constructed stylesheets are outside any page CSP. Style attributes and
  // <style> added by content scripts pass today in Chrome and Firefox, but only by exemption.
  for (const [property, value] of HOST_STYLE) host.style.setProperty(property, value, 'important');
  const root = host.attachShadow({ mode: 'closed' });
  document.documentElement.append(host);
  keepAttached(host, signal);
  signal.addEventListener('abort', () => host.remove(), { once: true });
  let styled = false;
  return {
    host,
    root() {
      // Parsing the stylesheet is a page load's cost for a UI most pages never show.
      if (!styled) adoptStyles(root, css);
      styled = true;
      return root;
    },
  };
}

/** Re-attachments allowed per page: enough for a framework that re-renders <html> now and then. */
const MAX_REATTACH = 20;

/**
 * Puts the host back when the page takes it out (a framework re-rendering <html>, or a page that
 * removes what it did not make), so the card and flag button keep working. Bounded, so a page
 * that removes it every time cannot keep both sides busy forever.
 */
function keepAttached(host: HTMLElement, signal: AbortSignal): void {
  let left = MAX_REATTACH;
  const observer = new MutationObserver(() => {
    const html = document.documentElement;
    if (host.isConnected || !html) return;
    if (left <= 0) {
      observer.disconnect();
      return;
    }
    left -= 1;
    // Same document, so the adopted stylesheet stays with the shadow root.
    html.append(host);
    watch();
  });
  // <html> itself may be replaced, so watch the document as well as the current <html>.
  const watch = () => {
    observer.observe(document, { childList: true });
    observer.observe(document.documentElement, { childList: true });
  };
  watch();
  signal.addEventListener('abort', () => observer.disconnect(), { once: true });
}

/**
 * A constructed stylesheet, adopted once the host is in the page's document (adoption into
 * another document drops adopted sheets). A <style> element if that fails.
 */
function adoptStyles(root: ShadowRoot, css: string): void {
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    root.adoptedStyleSheets = [sheet];
    if (root.adoptedStyleSheets.length === 1) return;
  } catch {
    // Falls back to a <style> element below.
  }
  const style = document.createElement('style');
  style.textContent = css;
  root.append(style);
}
