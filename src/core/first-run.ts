// Whether Factmark opens its welcome page (welcome.html): once per install, never on an update
// — of Factmark, of the browser, or of a shared module — when the reader already knows it. Pure:
// what `runtime.onInstalled` reports in, yes or no out; src/background/first-run.ts opens the tab.

/** The extension page with the first-run guide; the popup's menu opens it again. */
export const WELCOME_PAGE = 'welcome.html';

/** What `runtime.onInstalled` reports (the fields read here). */
export interface InstallDetails {
  /** 'install', 'update', 'browser_update' (Firefox), 'chrome_update', 'shared_module_update'. */
  reason: string;
  /**
   * Firefox: loaded as a temporary add-on (about:debugging, `web-ext run`, a test). Still a first
   * run: it starts from an empty database like any other install.
   */
  temporary?: boolean;
}

export function shouldShowWelcome(details: InstallDetails): boolean {
  return details.reason === 'install';
}
