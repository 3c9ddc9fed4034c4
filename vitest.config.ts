import { playwright } from '@vitest/browser-playwright';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

/**
 * The extension's build imports a .css file as its text (for shadow roots); Vite's `?inline`
 * import gives the same string, so the DOM tests load the content script's modules unchanged.
 */
const cssAsText: Plugin = {
  name: 'css-as-text',
  enforce: 'pre',
  async resolveId(source, importer) {
    if (!source.endsWith('.css') || !importer) return null;
    const resolved = await this.resolve(source, importer, { skipSelf: true });
    return resolved ? `${resolved.id}?inline` : null;
  },
};

/** Debian's Chromium (CHROME_PATH overrides): the browser tools never download one. */
const CHROMIUM = process.env.CHROME_PATH ?? '/usr/bin/chromium';

// Three projects: fast Node unit tests; the content script's DOM code (text index, highlighter,
// watcher, page session) tested where it runs, in Chromium with vitest's browser mode; and
// end-to-end tests that drive real browsers with the built extension (slower, one browser at a
// time on a 2-core machine). They run one after another (groupOrder): left to run together, the
// 10,000-input fuzzing took both cores from the browsers, and e2e waits failed with nothing broken.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
          setupFiles: ['tests/support/setup-messages.ts'],
          sequence: { groupOrder: 0 },
          // A time-out only catches a hang: a loaded 2-core machine can take seconds over 100,000
          // generated claims, and that is no failure (speed is measured by `npm run bench`).
          testTimeout: 60_000,
        },
      },
      {
        plugins: [cssAsText],
        test: {
          name: 'dom',
          include: ['tests/dom/**/*.test.ts?(x)'],
          setupFiles: ['tests/support/setup-messages.ts'],
          sequence: { groupOrder: 1 },
          testTimeout: 60_000,
          browser: {
            enabled: true,
            headless: true,
            screenshotFailures: false,
            provider: playwright({
              launchOptions: {
                executablePath: CHROMIUM,
                args: process.getuid?.() === 0 ? ['--no-sandbox'] : [],
              },
            }),
            instances: [{ browser: 'chromium' }],
          },
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          sequence: { groupOrder: 2 },
          // Time-outs catch hangs only: a browser on a loaded 2-core machine can take minutes over
          // what takes seconds on a quiet one (waits scale too: WAIT_SCALE in support/browsers.ts).
          testTimeout: 300_000,
          hookTimeout: 300_000,
          // expect.poll with no time-out of its own gives up after 1 s by default.
          expect: { poll: { timeout: 15_000 } },
          fileParallelism: false,
        },
      },
    ],
  },
});
