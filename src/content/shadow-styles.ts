// Highlights inside open shadow roots. The ranges are in the document's highlight registry like
// any other, but ::highlight() rules, like all styles, do not cross into a shadow tree: the
// extension's highlight styles (highlights.css, which the manifest injects into the page as
// content.css) are added to each shadow root that has indexed text.
import highlightCss from './highlights.css';

const MARK = 'data-factmark-highlights';

export function styleShadowRoot(root: ShadowRoot): void {
  if (root.querySelector(`style[${MARK}]`)) return;
  const style = root.ownerDocument.createElement('style');
  style.setAttribute(MARK, '');
  style.textContent = highlightCss;
  root.append(style);
}
