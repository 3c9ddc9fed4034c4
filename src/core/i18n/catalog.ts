// The message catalogue: how the translations under src/locales/ become the `_locales/` folder
// Chromium and Firefox read. Translations are written compactly — a message names its
// substitutions inline as `$name$` — and the build adds the `placeholders` block the browsers
// need. Each placeholder's content is its name in braces, `{name}`, not a position: `t()` fills
// the names itself, so a translation may put them wherever its grammar wants, leave one out, or
// use one twice, and a caller can never put a value in another's place.

/** One area's messages in one language, as written under src/locales/<lang>/<area>.json. */
export type Fragment = Record<string, { message: string; description?: string }>;

/** A message as `_locales/<lang>/messages.json` holds it. */
export interface ChromeMessage {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string; example?: string }>;
}

/** The locales Factmark ships; the first is the default (`default_locale`). */
export const LOCALES = ['en', 'de', 'fr', 'es', 'ru', 'ar'] as const;
export type Locale = (typeof LOCALES)[number];

/** Plural forms are messages named `<key>__<category>` (Intl.PluralRules' categories). */
export const PLURAL_SEPARATOR = '__';

/** Chromium accepts message names of ASCII letters, digits and underscores, and `@` for its own. */
const KEY = /^[A-Za-z0-9_]+$/;
const PLACEHOLDER = /\$([A-Za-z0-9_]+)\$/g;

/** The substitutions a message names, `$count$` → 'count' (lower-case, sorted, each once). */
export function placeholderNames(message: string): string[] {
  const names = new Set<string>();
  for (const match of message.matchAll(PLACEHOLDER)) names.add((match[1] ?? '').toLowerCase());
  return [...names].sort();
}

/** The base name of a plural form (`notes__one` → 'notes'), or the key itself. */
export function pluralBase(key: string): string {
  const at = key.indexOf(PLURAL_SEPARATOR);
  return at < 0 ? key : key.slice(0, at);
}

/** The plural category of a key (`notes__one` → 'one'), or null for a plain message. */
export function pluralCategory(key: string): string | null {
  const at = key.indexOf(PLURAL_SEPARATOR);
  return at < 0 ? null : key.slice(at + PLURAL_SEPARATOR.length);
}

/**
 * One language's fragments merged into the messages the browsers read. Throws on what would make
 * a browser refuse the extension or show a wrong text: a key two areas both define, a bad key.
 */
export function toChromeMessages(fragments: readonly Fragment[]): Record<string, ChromeMessage> {
  const out: Record<string, ChromeMessage> = {};
  for (const fragment of fragments) {
    for (const [key, { message, description }] of Object.entries(fragment)) {
      if (!KEY.test(key)) throw new Error(`message key "${key}": only letters, digits and _`);
      if (key in out) throw new Error(`message key "${key}" is defined twice`);
      const names = placeholderNames(message);
      const entry: ChromeMessage = { message };
      if (description) entry.description = description;
      if (names.length > 0)
        entry.placeholders = Object.fromEntries(names.map((name) => [name, { content: `{${name}}` }]));
      out[key] = entry;
    }
  }
  return out;
}

/**
 * A message as the browser returned it, with each `{name}` its placeholders left filled from
 * `values` (names compared without case, as the browsers compare them). Only the message's own
 * text is searched, never a value put in, and a name without a value stays as it is.
 */
export function fillPlaceholders(text: string, values: Readonly<Record<string, string>>): string {
  const byName = new Map(Object.entries(values).map(([name, value]) => [name.toLowerCase(), value]));
  return text.replace(
    /\{([A-Za-z0-9_]+)\}/g,
    (whole, name: string) => byName.get(name.toLowerCase()) ?? whole,
  );
}

/**
 * What a browser's `i18n.getMessage` returns for `key`: the message with each `$name$` replaced by
 * its placeholder's content (here `{name}`, for `fillPlaceholders`), `$$` as `$`. The Node and DOM
 * tests read messages through this, so they see what the browsers show.
 */
export function renderMessage(entry: ChromeMessage | undefined): string {
  if (!entry) return '';
  const byName = new Map(
    Object.entries(entry.placeholders ?? {}).map(([name, { content }]) => [name.toLowerCase(), content]),
  );
  return entry.message
    .replace(PLACEHOLDER, (whole, name: string) => byName.get(name.toLowerCase()) ?? whole)
    .replace(/\$\$/g, '$');
}
