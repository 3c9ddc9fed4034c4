// Whether this frame gets Factmark at all, decided before any of its code is loaded: the top
// frame speaks for the tab (badge, popup); a same-origin frame (an embedded part of the article)
// highlights its own text; a cross-origin frame (an ad, a video player) is left alone, as is a
// page that is not on the web. Kept small: every frame of every page runs it.
import { extensionGone } from './extension-context';
import { highlightsSupported } from './highlighter';

/** What a page session needs to know of its frame. */
export interface FrameChoice {
  /** The top frame speaks for the tab (badge, popup). */
  isTop: boolean;
  /** The host of the page the reader opened, whose site settings apply. */
  pageHost: string;
}

function frameRole(): 'top' | 'frame' | 'foreign' {
  if (window.top === window) return 'top';
  try {
    return window.top?.location.origin === location.origin ? 'frame' : 'foreign';
  } catch {
    return 'foreign';
  }
}

/**
 * The page the reader opened, whose site settings apply: this one, or the top page for a
 * same-origin frame (an about:blank or srcdoc frame has no host of its own). Null for a page
 * that is not on the web: Firefox runs content scripts in a new tab's blank page too.
 */
function readerPage(role: 'top' | 'frame'): Location | null {
  const page = role === 'top' ? location : (window.top?.location ?? null);
  return page && /^https?:$/.test(page.protocol) ? page : null;
}

/** This frame's part, or null when Factmark has nothing to do here. */
export function chooseFrame(): FrameChoice | null {
  const role = frameRole();
  if (role === 'foreign' || !highlightsSupported() || extensionGone()) return null;
  const page = readerPage(role);
  return page ? { isTop: role === 'top', pageHost: page.hostname } : null;
}

/**
 * Runs `start` for the top frame at once; for a same-origin frame, once it has text to read. Pages
 * hold empty about:blank frames by the dozen (ad slots, editors waiting for content, trackers),
 * and each would otherwise load and start the page code for nothing.
 */
export function whenWorthStarting(choice: FrameChoice, start: () => void): void {
  if (choice.isTop || hasText()) {
    start();
    return;
  }
  const observer = new MutationObserver(() => {
    if (!hasText()) return;
    observer.disconnect();
    start();
  });
  observer.observe(document, { childList: true, subtree: true, characterData: true });
}

function hasText(): boolean {
  return /\S/.test(document.body?.textContent ?? '');
}
