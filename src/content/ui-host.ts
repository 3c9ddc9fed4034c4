// The in-page UI's home: one <factmark-ui> element with a closed shadow root, so the page can
// neither read the reader's notes in it nor restyle it.
import { UI_HOST_TAG } from './text-index';

export function createUiHost(css: string): { host: HTMLElement; root: ShadowRoot } {
  const host = document.createElement(UI_HOST_TAG);
  // Inline styles on the host beat page rules that target unknown elements.
  host.setAttribute(
    'style',
    'all: initial !important; position: fixed !important; top: 0 !important; left: 0 !important; width: 0 !important; height: 0 !important; z-index: 2147483647 !important; display: block !important;',
  );
  const root = host.attachShadow({ mode: 'closed' });
  const style = document.createElement('style');
  style.textContent = css;
  root.append(style);
  document.documentElement.append(host);
  return { host, root };
}
