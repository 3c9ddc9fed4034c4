// Every string a reader sees goes through here: `t()` for a message, `plural()` for one with a
// count, and the Intl formatters for numbers and dates. Messages come from the browser's
// `i18n.getMessage` (the `_locales/` folder the build writes from src/locales/), so the extension
// follows the browser's language; Node and DOM tests install the same messages with useMessages().
//
// The language for plurals, numbers and dates is the one the messages are in (the `locale`
// message), not the browser's: a reader whose browser speaks Japanese reads English messages, and
// should then read "3 notes", not a Japanese date inside an English sentence.
import { fillPlaceholders, PLURAL_SEPARATOR } from './catalog';

type En = typeof import('../../locales/en/common.json') &
  typeof import('../../locales/en/page.json') &
  typeof import('../../locales/en/popup.json') &
  typeof import('../../locales/en/review.json') &
  typeof import('../../locales/en/welcome.json');

/** Every message name the English catalogue defines (the key test holds the others to it). */
export type MessageKey = Extract<keyof En, string>;

/** Messages with plural forms, by their base name: `notes__one`, `notes__other` → 'notes'. */
export type PluralKey = {
  [K in MessageKey]: K extends `${infer Base}${typeof PLURAL_SEPARATOR}other` ? Base : never;
}[MessageKey];

/** Named substitutions: `$count$` in a message is `{ count: … }` here. */
export type Substitutions = Readonly<Record<string, string | number>>;

/**
 * The part of `browser.i18n` this needs (both browsers have it, synchronously, everywhere). No
 * substitutions are passed: the placeholders come back as `{name}`, filled here by name.
 */
export interface MessageSource {
  getMessage(name: string): string;
}

let source: MessageSource | null = null;

/** Where messages come from in tests (the browsers' own `i18n` otherwise). */
export function useMessages(messages: MessageSource | null): void {
  source = messages;
  cachedLocale = null;
}

function messages(): MessageSource {
  if (source) return source;
  const api = globalThis as { browser?: { i18n?: MessageSource }; chrome?: { i18n?: MessageSource } };
  const found = api.browser?.i18n ?? api.chrome?.i18n;
  if (!found) throw new Error('No message catalogue: not in an extension, and useMessages() was not called');
  return found;
}

/**
 * The message `key` with `substitutions` in it. Numbers are formatted for the language. A missing
 * message shows its key — visible, so the pseudo-locale test and readers' reports catch it.
 */
export function t(key: MessageKey, substitutions?: Substitutions): string {
  return lookup(key, substitutions) || key;
}

function lookup(key: string, substitutions?: Substitutions): string {
  const text = messages().getMessage(key);
  if (!substitutions || !text) return text;
  const values: Record<string, string> = {};
  for (const [name, value] of Object.entries(substitutions))
    values[name] = typeof value === 'number' ? formatNumber(value) : value;
  return fillPlaceholders(text, values);
}

/**
 * The plural form of `key` for `count` (the language's own categories: Russian's one/few/many,
 * Arabic's zero…other), with `$count$` formatted as a number — unless `substitutions` gives
 * `count` a text of its own (rich text puts an element's stand-in there: src/ui/rich-text.tsx).
 */
export function plural(key: PluralKey, count: number, substitutions: Substitutions = {}): string {
  const category = pluralRules().select(count);
  const subs = { count, ...substitutions };
  return (
    lookup(`${key}${PLURAL_SEPARATOR}${category}`, subs) ||
    lookup(`${key}${PLURAL_SEPARATOR}other`, subs) ||
    `${key}${PLURAL_SEPARATOR}other`
  );
}

let cachedLocale: {
  tag: string;
  direction: 'ltr' | 'rtl';
  rules: Intl.PluralRules;
  number: Intl.NumberFormat;
} | null = null;

/** The language the messages are in (BCP 47), for Intl and the `lang` attribute. */
export function messageLocale(): string {
  return localeParts().tag;
}

/** 'rtl' when the messages are in a language written right to left (Arabic). */
export function messageDirection(): 'ltr' | 'rtl' {
  return localeParts().direction;
}

function localeParts() {
  if (!cachedLocale) {
    const tag = lookup('locale') || 'en';
    cachedLocale = {
      tag,
      direction: lookup('direction') === 'rtl' ? 'rtl' : 'ltr',
      rules: new Intl.PluralRules(tag),
      number: new Intl.NumberFormat(tag),
    };
  }
  return cachedLocale;
}

function pluralRules(): Intl.PluralRules {
  return localeParts().rules;
}

/** A number as the language writes it (1,000 · 1.000 · 1 000 · ١٬٠٠٠). */
export function formatNumber(value: number): string {
  return localeParts().number.format(value);
}

/** A date (and time, if `withTime`) as the language writes it. */
export function formatDate(at: number | Date, withTime = false): string {
  return new Intl.DateTimeFormat(messageLocale(), {
    dateStyle: 'medium',
    ...(withTime ? { timeStyle: 'short' } : {}),
  }).format(at);
}
