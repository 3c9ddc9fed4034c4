// The content script proper, started by the entry (index.ts) or, in Chromium, by the loader
// (loader.ts) that imports this module. Importing it does nothing by itself: it is a
// web-accessible resource in Chromium, and a page that somehow learned its address would get a
// module with no extension APIs behind it that starts nothing.
import { extensionGone } from './extension-context';
import type { FrameChoice } from './frame-choice';
import { startPageSession } from './page-session';
import { whenBodyExists } from './wait-for-body';

/** Starts one page session once the page has a body. */
export function startPage(choice: FrameChoice): void {
  whenBodyExists(() => {
    // A body that came after the extension was reloaded: the new script (if any) has this page.
    if (!extensionGone()) startPageSession(choice);
  });
}
