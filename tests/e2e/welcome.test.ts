// The welcome page, end to end in real Chromium and Firefox with the built extension: installing
// Factmark (every fresh profile does) opens it by itself; it shows the three steps; the practice
// paragraph is flagged with the keyboard alone — the paragraph focused, a sentence selected with
// Shift+→, "Flag the selection", a verdict, a correction, Ctrl+Enter — and the sentence is then
// highlighted as on a news page and the status line says so, with nothing saved to the notes;
// Alt+Shift+F flags too (headless browsers hand synthetic key presses to the page, never to the
// extension's shortcut); its switches change the real settings, read back through the
// background; axe finds no violation, light and dark; and "Start reading" closes the tab.
// In Arabic (Chromium started with --lang=ar) the page is right to left, Shift+← selects from the
// paragraph's start, and axe finds nothing either. Other e2e files never see the page: the
// harness closes it as the browser starts (keepWelcome keeps it here).
import type { KeyInput } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import arabic from '../../src/locales/ar/welcome.json';
import { type ColorScheme, describeViolations, puppeteerPageOf, runAxe, useColorScheme } from './support/axe';
import {
  BROWSER_NAMES,
  type BrowserName,
  hasBuiltExtension,
  launchBrowser,
  type TestBrowser,
  type TestPage,
  waitFor,
} from './support/browsers';
import { readStoredClaims } from './support/extension-pages';
import { paintedTexts, waitForHighlight, waitForText } from './support/page-actions';

/** The practice paragraph's first sentence: the myth the page asks the reader to flag. */
const MYTH =
  'The Great Wall of China is the only human-made structure visible from space, the mayor said on Monday.';
const SECOND = 'Opening the city’s new tram line';
const CORRECTION = 'Astronauts say the Wall is very hard to see even from low orbit.';
const FLAGGED = 'Practice claim flagged — this is how it will look on news pages.';
const SCHEMES: readonly ColorScheme[] = ['light', 'dark'];

/** Presses `key` `times` times with `modifiers` held, as a reader does. */
async function chord(
  page: TestPage,
  modifiers: readonly KeyInput[],
  key: KeyInput,
  times = 1,
): Promise<void> {
  if (page.browserName === 'chromium') {
    for (let i = 0; i < times; i++) await page.keyboardPress([...modifiers, key].join('+'));
    return;
  }
  const { keyboard } = (await puppeteerPageOf(page)).page;
  for (const modifier of modifiers) await keyboard.down(modifier);
  for (let i = 0; i < times; i++) await keyboard.press(key);
  for (const modifier of [...modifiers].reverse()) await keyboard.up(modifier);
}

/** The detection settings as the background answers them (what the popup reads). */
function settings(page: TestPage): Promise<{ global: boolean; builtIn: boolean }> {
  return page.evaluate(`(async () => {
    const api = globalThis.browser ?? globalThis.chrome;
    const reply = await api.runtime.sendMessage({ factmark: 1, type: 'settings/get', payload: {} });
    if (!reply.ok) throw new Error(reply.error);
    return reply.value;
  })()`);
}

const focused = (page: TestPage) =>
  page.evaluate(() => {
    const active = document.activeElement;
    return active?.id || active?.textContent?.trim() || '';
  });
const selected = (page: TestPage) => page.evaluate(() => window.getSelection()?.toString() ?? '');
const status = (page: TestPage) =>
  page.evaluate(() => document.querySelector('[role=status]')?.textContent?.trim() ?? '');

describe.skipIf(!hasBuiltExtension()).each(BROWSER_NAMES)('the welcome page in %s', (name: BrowserName) => {
  let browser: TestBrowser;
  let welcome: TestPage;
  beforeAll(async () => {
    browser = await launchBrowser(name, { keepWelcome: true });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('opens by itself when Factmark is installed, and shows the three steps', async () => {
    welcome = await browser.waitForExtensionPage('welcome.html', 15_000);
    await waitForText(welcome, 'How it works');
    expect(await welcome.evaluate(() => document.title)).toBe('Welcome to Factmark');
    expect(
      await welcome.evaluate(() => [document.documentElement.lang, document.documentElement.dir]),
    ).toEqual(['en', 'ltr']);
    const headings = await welcome.evaluate(() =>
      Array.from(document.querySelectorAll('h1, h2, h3'), (h) => `${h.localName} ${h.textContent}`),
    );
    expect(headings).toEqual([
      'h1 Welcome to Factmark',
      'h2 How it works',
      'h3 Flag a claim',
      'h3 See it again',
      'h3 Review your notes',
      'h2 Try it here',
      'h2 Your settings',
      'h3 Correction lists and fact-check feeds',
    ]);
    const steps = await welcome.evaluate(() =>
      Array.from(document.querySelectorAll('ol.steps > li'), (li) => li.textContent ?? ''),
    );
    expect(steps).toHaveLength(3);
    expect(steps[0]).toContain('Alt+Shift+F');
    expect(steps[0]).toContain('Ctrl+Enter saves');
    expect(steps[1]).toContain('Alt+Shift+N and Alt+Shift+P');
    expect(steps[2]).toContain('All notes button — or Alt+Shift+R — opens a page where you can search, edit');
    expect(welcome.pageErrors).toEqual([]);
  });

  it('flags a practice sentence with the keyboard alone: marked in the paragraph, announced, not saved', async () => {
    // Tab order: the paragraph, then "Flag the selection". With nothing selected: a hint.
    await welcome.evaluate(() => document.getElementById('practice-text')?.focus());
    await welcome.keyboardPress('Tab');
    expect(await focused(welcome)).toBe('Flag the selection');
    await welcome.keyboardPress('Enter');
    await waitFor(async () => (await status(welcome)).startsWith('First select a sentence'), 5000);
    expect(await welcome.evaluate(() => document.querySelector('.practice-editor'))).toBeNull();

    await chord(welcome, ['Shift'], 'Tab');
    expect(await focused(welcome)).toBe('practice-text');
    await chord(welcome, ['Shift'], 'ArrowRight', MYTH.length);
    expect(await selected(welcome)).toBe(MYTH);

    await welcome.keyboardPress('Tab');
    await welcome.keyboardPress('Enter');
    await waitFor(async () => (await focused(welcome)) === 'practice-verdict', 5000, 50, 'no editor');
    expect(
      await welcome.evaluate(() => document.querySelector('.practice-editor .fm-quote')?.textContent),
    ).toBe(MYTH);
    await welcome.keyboardPress('ArrowDown');
    expect(
      await welcome.evaluate(() => (document.getElementById('practice-verdict') as HTMLSelectElement).value),
    ).toBe('false');
    await welcome.keyboardPress('Tab');
    expect(await focused(welcome)).toBe('practice-correction');
    await welcome.keyboardType(CORRECTION);
    await chord(welcome, ['Control'], 'Enter');

    await waitForHighlight(welcome, 'factmark-false', MYTH);
    expect(await paintedTexts(welcome)).toEqual([MYTH]);
    await waitFor(async () => (await status(welcome)) === FLAGGED, 5000, 50, 'no status line');
    expect(await welcome.evaluate(() => document.querySelector('.practice-editor'))).toBeNull();
    expect(await focused(welcome)).toBe('Flag the selection');

    // Practice only: the notes database holds no claim.
    await waitFor(() => welcome.findByRole('switch', 'Mark check-worthy sentences on all sites'), 5000);
    expect(await welcome.evaluate(readStoredClaims)).toEqual([]);
    expect(welcome.pageErrors).toEqual([]);
  });

  it('flags the selection on Alt+Shift+F too; Escape closes the editor and leaves the marks', async () => {
    await welcome.selectText(SECOND);
    await chord(welcome, ['Alt', 'Shift'], 'KeyF');
    await waitFor(async () => (await focused(welcome)) === 'practice-verdict', 5000, 50, 'no editor');
    expect(
      await welcome.evaluate(() => document.querySelector('.practice-editor .fm-quote')?.textContent),
    ).toBe(SECOND);
    await welcome.keyboardPress('Escape');
    await waitFor(() => welcome.evaluate(() => document.querySelector('.practice-editor') === null), 5000);
    expect(await focused(welcome)).toBe('Flag the selection');
    expect(await paintedTexts(welcome)).toEqual([MYTH]);

    // Text outside the paragraph: a hint, and no editor.
    await welcome.selectText('How it works');
    await welcome.clickByRole('button', 'Flag the selection');
    await waitFor(async () => (await status(welcome)).startsWith('That selection is outside'), 5000);
    expect(await welcome.evaluate(() => document.querySelector('.practice-editor'))).toBeNull();
  });

  it('changes the real settings: check-worthy marks and the built-in acronym check', async () => {
    const before = await settings(welcome);
    const checkworthy = 'Mark check-worthy sentences on all sites';
    await welcome.clickByRole('switch', checkworthy);
    await waitFor(async () => (await settings(welcome)).global === !before.global, 5000, 50, 'not saved');
    // And back, by keyboard: the switch has the focus after the click.
    await welcome.keyboardPress(' ');
    await waitFor(async () => (await settings(welcome)).global === before.global, 5000, 50, 'not saved back');
    expect(
      await welcome.evaluate(
        () => (document.getElementById('setting-checkworthy') as HTMLInputElement).checked,
      ),
    ).toBe(before.global);

    await welcome.clickByRole('switch', 'Flag acronyms given the wrong name (built-in check)');
    await waitFor(async () => (await settings(welcome)).builtIn === !before.builtIn, 5000, 50, 'not saved');
    await welcome.keyboardPress(' ');
    await waitFor(
      async () => (await settings(welcome)).builtIn === before.builtIn,
      5000,
      50,
      'not saved back',
    );

    const link = await welcome.evaluate(() => {
      const a = Array.from(document.querySelectorAll('a')).find((el) => /lists/.test(el.textContent ?? ''));
      return a ? [new URL(a.href).pathname + new URL(a.href).hash, a.target] : null;
    });
    expect(link).toEqual(['/review.html#rules', '_blank']);
  });

  it('has no axe violation, light and dark, with a practice claim marked and with the editor open', async () => {
    const found: string[] = [];
    const audit = async (what: string) => {
      for (const scheme of SCHEMES) {
        await useColorScheme(browser, welcome, scheme);
        const { violations } = await runAxe(welcome);
        if (violations.length > 0) found.push(`── ${what}, ${scheme}:\n${describeViolations(violations)}`);
      }
    };
    await audit('the welcome page with a practice claim marked');
    await welcome.selectText(SECOND);
    await welcome.clickByRole('button', 'Flag the selection');
    await waitFor(async () => (await focused(welcome)) === 'practice-verdict', 5000, 50, 'no editor');
    await audit('the welcome page with the practice editor open');
    await welcome.keyboardPress('Escape');
    await useColorScheme(browser, welcome, 'light');
    expect(found.join('\n'), 'axe violations').toBe('');
  });

  it('closes its tab on "Start reading"', async () => {
    await welcome.clickByRole('button', 'Start reading');
    await waitFor(
      () => welcome.evaluate(() => false).catch(() => true),
      5000,
      100,
      'the welcome tab is still open',
    );
  });
});

describe.skipIf(!hasBuiltExtension())('the welcome page in Arabic, in chromium', () => {
  let browser: TestBrowser;
  beforeAll(async () => {
    browser = await launchBrowser('chromium', { keepWelcome: true, chromiumArgs: ['--lang=ar'] });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('reads right to left, selects from the start of the paragraph with Shift+←, and has no axe violation', async () => {
    const welcome = await browser.waitForExtensionPage('welcome.html', 15_000);
    await waitForText(welcome, arabic.welcome_steps_heading.message);
    expect(
      await welcome.evaluate(() => [
        document.title,
        document.documentElement.lang,
        document.documentElement.dir,
      ]),
    ).toEqual([arabic.welcome_page_title.message, 'ar', 'rtl']);

    // Right to left, ← goes forward in the text: the first words are selected.
    const opening = arabic.welcome_practice_text.message.split(' ').slice(0, 3).join(' ');
    await welcome.evaluate(() => document.getElementById('practice-text')?.focus());
    await chord(welcome, ['Shift'], 'ArrowLeft', opening.length);
    expect(await selected(welcome)).toBe(opening);

    const found: string[] = [];
    for (const scheme of SCHEMES) {
      await useColorScheme(browser, welcome, scheme);
      const { violations } = await runAxe(welcome);
      if (violations.length > 0) found.push(`── Arabic, ${scheme}:\n${describeViolations(violations)}`);
    }
    expect(found.join('\n'), 'axe violations').toBe('');
    expect(welcome.pageErrors).toEqual([]);
  });
});
