// Finding an element by its ARIA role and accessible name in a Chromium page driven by
// playwright-core, even inside the extension's closed shadow root (<factmark-ui>), which page
// scripts and Playwright's locators cannot enter: the accessibility tree, asked over CDP, has no
// shadow boundaries. Used by the end-to-end harness (tests/e2e/support/browsers.ts, whose Firefox
// side measures with `boxOf` too) and by `npm run screenshots`.
import type { Page } from 'playwright-core';

/** An element's box in the viewport, in CSS pixels. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Runs in the page, with `this` the element (shipped as source): its box, after scrolling it to the
 * middle of the view when `scroll` is true; null when it has no size.
 */
export function boxOf(this: Element, scroll: boolean): Box | null {
  if (scroll) this.scrollIntoView({ block: 'center', inline: 'center' });
  const r = this.getBoundingClientRect();
  return r.width > 0 && r.height > 0 ? { x: r.x, y: r.y, width: r.width, height: r.height } : null;
}

/**
 * `boxOf` as the source of a function of `(scroll)` called on the element, with a `__name` shim:
 * esbuild and tsx (keepNames) wrap nested functions in `__name(...)`, which the page lacks.
 */
const BOX_OF_SOURCE = `function (scroll) { const __name = (f) => f; return (${boxOf.toString()}).call(this, scroll); }`;

/**
 * The box of the first element with this role and accessible name that has a size, or null.
 * `scrollIntoView`: scroll it to the middle of the view first (to click it), or measure it where
 * it is (to see whether it fits).
 */
export async function findByRole(
  page: Page,
  role: string,
  name: string,
  { scrollIntoView }: { scrollIntoView: boolean },
): Promise<Box | null> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
    const { nodes } = await cdp.send('Accessibility.queryAXTree', {
      backendNodeId: root.backendNodeId,
      role,
      accessibleName: name,
    });
    for (const node of nodes) {
      if (node.ignored || node.backendDOMNodeId === undefined) continue;
      const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: node.backendDOMNodeId });
      if (!object.objectId) continue;
      const { result } = await cdp.send('Runtime.callFunctionOn', {
        objectId: object.objectId,
        functionDeclaration: BOX_OF_SOURCE,
        arguments: [{ value: scrollIntoView }],
        returnByValue: true,
      });
      if (result.value) return result.value as Box;
    }
    return null;
  } finally {
    await cdp.detach().catch(() => {});
  }
}
