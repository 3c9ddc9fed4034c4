// Content script entry in Chromium: every frame of every page runs this, so it is a few hundred
// bytes that choose whether this frame gets Factmark (cross-origin frames, ads and players among
// them, do not) and only then import the rest (page-main.ts, built as page.js). page.js is a
// web-accessible resource with use_dynamic_url: its address carries an id Chromium makes anew
// each session, so a page cannot probe for it to learn that Factmark is installed (issue 11).
// Firefox runs index.ts as one bundle: its linter refuses an import() of a computed address.
import { runtimeUrl } from '../runtime-messaging';
import { extensionGone } from './extension-context';
import { chooseFrame, whenWorthStarting } from './frame-choice';

interface PageMain {
  startPage: typeof import('./page-main').startPage;
}

const choice = chooseFrame();
if (choice)
  whenWorthStarting(choice, () => {
    // A frame that waited for text may outlive its extension (reloaded meanwhile).
    if (extensionGone()) return;
    (import(runtimeUrl('page.js')) as Promise<PageMain>).then(
      (main) => main.startPage(choice),
      (error: unknown) => console.warn('Factmark: could not start on this page.', error),
    );
  });
