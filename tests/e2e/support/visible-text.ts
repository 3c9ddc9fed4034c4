// What a reader sees of the extension's own UI, read in the page: every visible text and every
// text a screen reader announces (aria-label, title, placeholder, alt), and the elements whose
// text is clipped. The pseudo-locale and language tests check these.

export interface VisibleText {
  /** Each text, with where it was found (tag and attribute or "text"). */
  texts: { text: string; where: string }[];
  /** Elements whose text overflows a box that hides the overflow. */
  clipped: { text: string; where: string }[];
}

/**
 * Main-world function: reads `scope` — 'document' for an extension page, 'ui' for the in-page UI
 * (the closed root, exposed to the page by exposeClosedRoot).
 */
export function readVisibleText(scope: 'document' | 'ui'): VisibleText {
  const root: Document | ShadowRoot | null | undefined =
    scope === 'document' ? document : document.querySelector('factmark-ui')?.shadowRoot;
  const texts: VisibleText['texts'] = [];
  const clipped: VisibleText['clipped'] = [];
  if (!root) return { texts, clipped };
  const describe = (el: Element) =>
    `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.classList.length ? `.${[...el.classList].join('.')}` : ''}`;
  const shown = (el: Element) =>
    el.checkVisibility({ visibilityProperty: true }) || el.closest('select') !== null;
  const hiddenForAll = (el: Element) => el.closest('[hidden], [aria-hidden="true"], template') !== null;
  const skip = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE']);
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.nodeType === Node.TEXT_NODE) {
      const parent = node.parentElement;
      const text = node.textContent?.trim() ?? '';
      if (!parent || !text || skip.has(parent.tagName) || hiddenForAll(parent) || !shown(parent)) continue;
      texts.push({ text, where: describe(parent) });
      continue;
    }
    const el = node as Element;
    if (skip.has(el.tagName) || hiddenForAll(el) || !shown(el)) continue;
    for (const attribute of ['aria-label', 'title', 'placeholder', 'alt', 'aria-description']) {
      const value = el.getAttribute(attribute)?.trim();
      if (value) texts.push({ text: value, where: `${describe(el)}[${attribute}]` });
    }
    // Reader data shown as generated content (claim-view.tsx's `Words`): checked as text too.
    const generated = el.getAttribute('data-text')?.trim();
    if (generated) texts.push({ text: generated, where: `${describe(el)}[data-text]` });
    const ownText = [...el.childNodes].some((c) => c.nodeType === Node.TEXT_NODE && c.textContent?.trim());
    if (!ownText || el.closest('.visually-hidden')) continue;
    const style = getComputedStyle(el);
    const hides = (overflow: string) => overflow === 'hidden' || overflow === 'clip';
    const wide =
      el.scrollWidth > el.clientWidth + 1 && (hides(style.overflowX) || style.textOverflow === 'ellipsis');
    const tall = el.scrollHeight > el.clientHeight + 1 && hides(style.overflowY);
    if (wide || tall) clipped.push({ text: el.textContent?.trim() ?? '', where: describe(el) });
  }
  return { texts, clipped };
}

/** A web address or host and path (a source, the page, an example address). */
const WEB_ADDRESS = /^(?:https?:\/\/)?[\w-]+(?:\.[\w-]+)+(?::\d+)?(?:\/\S*)?$/;
/** A key's name as printed on keyboards everywhere. */
const KEY_NAME = /^(?:Alt|Ctrl|Shift|Esc|Enter|Tab|Delete|Backspace|[A-Z0-9])$/;

/** Text no translation changes: numbers and punctuation, web addresses, key names. */
export function neverTranslated(text: string): boolean {
  return /^[\p{N}\p{P}\p{S}\s]*$/u.test(text) || WEB_ADDRESS.test(text) || KEY_NAME.test(text);
}
