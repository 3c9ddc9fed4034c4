// Content script entry: decides whether this frame gets Factmark at all, then starts one page
// session (src/content/page-session.tsx) once the page has a body.
import { extensionGone } from './extension-context';
import { highlightsSupported } from './highlighter';
import { startPageSession } from './page-session';
import { whenBodyExists } from './wait-for-body';

/**
 * Which frame this is. The top frame speaks for the tab (badge, popup); a same-origin frame
 * (an embedded part of the article) highlights its own text; a cross-origin frame is left
 * alone: its page is not the one the reader opened.
 */
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

function start(): void {
  const role = frameRole();
  // A body that came after the extension was reloaded: the new script (if any) has this page.
  if (!document.body || !highlightsSupported() || role === 'foreign' || extensionGone()) return;
  const page = readerPage(role);
  if (!page) return;
  startPageSession({ isTop: role === 'top', pageHost: page.hostname });
}

whenBodyExists(start);
