// The welcome page, shown once after installing (src/background/first-run.ts) and again from the
// popup's menu: the three steps, a paragraph to practise flagging on, the settings that matter,
// and a button that closes the tab. Everything is local: the page fetches nothing.
import browser from 'webextension-polyfill';
import { t } from '../core/i18n/translate';
import { Practice } from './practice';
import { SettingsSection } from './settings-section';
import { Steps } from './steps';

export function WelcomeApp() {
  return (
    <>
      <header class="welcome-header">
        <img src="icons/icon-48.png" alt="" width={48} height={48} />
        <h1>{t('welcome_heading')}</h1>
        <p class="intro">{t('welcome_intro')}</p>
      </header>
      <main>
        <Steps />
        <Practice />
        <SettingsSection />
        <div class="done">
          <p>{t('welcome_done_again')}</p>
          <button type="button" class="button primary" onClick={() => void closeTab()}>
            {t('welcome_done')}
          </button>
        </div>
      </main>
    </>
  );
}

/**
 * Closes this tab. A page may close with window.close() only a window a script opened, and this
 * tab was opened by the background (or the popup), so the tab is removed through the tabs API.
 */
async function closeTab(): Promise<void> {
  try {
    const tab = await browser.tabs.getCurrent();
    if (tab?.id !== undefined) return await browser.tabs.remove(tab.id);
  } catch {
    // Not in a tab of its own (say, opened in a window by another route): try the plain way.
  }
  window.close();
}
