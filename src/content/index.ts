// Content script entry as one bundle (Firefox): chooses whether this frame gets Factmark, then
// starts it. Chromium runs loader.ts instead, which loads the same code only where it runs.
import { chooseFrame, whenWorthStarting } from './frame-choice';
import { startPage } from './page-main';

const choice = chooseFrame();
if (choice) whenWorthStarting(choice, () => startPage(choice));
