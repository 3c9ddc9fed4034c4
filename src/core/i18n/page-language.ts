// Puts an extension page (or the in-page UI's root) in the messages' language and direction, so
// Arabic lays out right to left and screen readers pronounce the text in its own language.
import { messageDirection, messageLocale } from './translate';

export function applyPageLanguage(root: HTMLElement): void {
  root.lang = messageLocale();
  root.dir = messageDirection();
}
