// The messages' language and direction on a page's root (an extension page) or on each top
// element of the in-page UI's shadow root, so Arabic lays out right to left and screen readers
// pronounce the text in its own language.
import { messageDirection, messageLocale } from './translate';

/** `lang` and `dir` as attributes (for an element rendered with them). */
export function languageAttributes(): { lang: string; dir: 'ltr' | 'rtl' } {
  return { lang: messageLocale(), dir: messageDirection() };
}

export function applyPageLanguage(root: HTMLElement): void {
  Object.assign(root, languageAttributes());
}
