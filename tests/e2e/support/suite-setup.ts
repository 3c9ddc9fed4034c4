// One server and one browser per test suite: each helper registers the suite's beforeAll/afterAll
// (in the describe block, or the file, it is called from) and hands back a stand-in that forwards
// to the live server or browser once beforeAll has run, so tests keep writing `server.url(...)`
// and `browser.newPage()`. Vitest runs afterAll hooks in reverse order, so a browser set up after
// the server is closed before it.
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll } from 'vitest';
import { type BrowserName, type LaunchOptions, launchBrowser, type TestBrowser } from './browsers';
import { startServer, type TestServer } from './server';

/** The saved news pages and test pages under tests/fixtures/pages. */
export const FIXTURE_PAGES = fileURLToPath(new URL('../../fixtures/pages', import.meta.url));

function notYet(what: string): never {
  throw new Error(`${what} is used before its beforeAll ran (use it inside a test or hook)`);
}

/** Serves `root` (or only `setPage` bodies) from beforeAll to afterAll of the calling scope. */
export function useServer(root?: string): TestServer {
  let server: TestServer | undefined;
  beforeAll(async () => {
    server = await startServer(root);
  });
  afterAll(async () => {
    await server?.close();
  });
  const live = () => server ?? notYet('the test server');
  return {
    get origin() {
      return live().origin;
    },
    get port() {
      return live().port;
    },
    get requests() {
      return live().requests;
    },
    url: (path) => live().url(path),
    setPage: (path, body, contentType, headers) => live().setPage(path, body, contentType, headers),
    removePage: (path) => live().removePage(path),
    hold: (path) => live().hold(path),
    delay: (path, ms) => live().delay(path, ms),
    close: () => live().close(),
  };
}

/**
 * Launches `name` (with the built extension, or as `options` say; a function is called when the
 * suite starts, e.g. to build a variant first) from beforeAll to afterAll of the calling scope.
 */
export function useBrowser(
  name: BrowserName,
  options: LaunchOptions | (() => Promise<LaunchOptions>) = {},
): TestBrowser {
  let browser: TestBrowser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser(name, typeof options === 'function' ? await options() : options);
  });
  afterAll(async () => {
    await browser?.close();
  });
  const live = () => browser ?? notYet(`the ${name} browser`);
  return {
    name,
    get extensionId() {
      return live().extensionId;
    },
    get backgroundErrors() {
      return live().backgroundErrors;
    },
    newPage: () => live().newPage(),
    openExtensionPage: (path) => live().openExtensionPage(path),
    tabIdOf: (url) => live().tabIdOf(url),
    sendTabRequest: (url, type, payload) => live().sendTabRequest(url, type, payload),
    waitForExtensionPage: (path, timeoutMs) => live().waitForExtensionPage(path, timeoutMs),
    waitForPage: (url, timeoutMs) => live().waitForPage(url, timeoutMs),
    close: () => live().close(),
  };
}
