// The pseudo-locale: every message accented, 40 % longer and bracketed, e.g. "Save" →
// "⟦Šåṽé·· ⟧". A build in it shows at a glance (and to a test) any text that did not come from the
// messages — it stays plain — and any layout that clips longer translations.
import type { ChromeMessage } from './catalog';

export const PSEUDO_OPEN = '⟦';
export const PSEUDO_CLOSE = '⟧';

const ACCENTED: Record<string, string> = Object.fromEntries(
  [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'].map((c, i) => [
    c,
    [...'åƀçđéƒĝĥîĵķļɱñöþǫŕšţûṽŵẋýžÅƁÇĐÉƑĜĤÎĴĶĻṀÑÖÞǪŔŠŢÛṼŴẊÝŽ'][i] ?? c,
  ]),
);

/** Messages that are settings, not text (the language tag and direction): left as they are. */
const NOT_TEXT = new Set(['locale', 'direction']);

/** One message in the pseudo-locale; `$name$` substitutions and `$$` are kept as they are. */
export function pseudoText(message: string): string {
  const parts = message.split(/(\$[A-Za-z0-9_]+\$|\$\$)/);
  const accented = parts.map((part, i) => (i % 2 ? part : [...part].map((c) => ACCENTED[c] ?? c).join('')));
  const letters = parts.filter((_, i) => i % 2 === 0).join('').length;
  return `${PSEUDO_OPEN}${accented.join('')}${'·'.repeat(Math.ceil(letters * 0.4))}${PSEUDO_CLOSE}`;
}

/** A whole catalogue in the pseudo-locale. */
export function pseudoCatalog(messages: Record<string, ChromeMessage>): Record<string, ChromeMessage> {
  return Object.fromEntries(
    Object.entries(messages).map(([key, entry]) => [
      key,
      NOT_TEXT.has(key) ? entry : { ...entry, message: pseudoText(entry.message) },
    ]),
  );
}
