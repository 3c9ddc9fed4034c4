/// <reference types="vite/client" />
// The extension's messages for Node and DOM tests, read as the browsers read them: the
// translations under src/locales/ merged by the build's own code. A setup file (vitest.config.ts)
// installs English before every test file; a test may switch with useLocale().
import { type Fragment, type Locale, renderMessage, toChromeMessages } from '../../src/core/i18n/catalog';
import { useMessages } from '../../src/core/i18n/translate';

const fragments = import.meta.glob<Fragment>('../../src/locales/*/*.json', {
  eager: true,
  import: 'default',
});

/** Every locale's messages, as `_locales/<lang>/messages.json` holds them. */
export function catalogOf(locale: string) {
  const mine = Object.entries(fragments)
    .filter(([path]) => path.includes(`/locales/${locale}/`))
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([, fragment]) => fragment);
  return toChromeMessages(mine);
}

/** Messages in `locale` from now on (falling back to English, as the browsers do). */
export function useLocale(locale: Locale): void {
  const chosen = catalogOf(locale);
  const english = catalogOf('en');
  useMessages({ getMessage: (name) => renderMessage(chosen[name] ?? english[name]) });
}
