// A translated sentence with its keyboard shortcuts shown as keys: "Alt+Shift+F", "Ctrl+Enter",
// "Shift+→" become <kbd> elements, each shortcut kept left to right as keyboards label it (inside
// an Arabic sentence too). Messages stay plain text, so translators never handle markup.
import type { ComponentChildren } from 'preact';

// Key names are Latin letters in every language (Alt, Maj, Strg, Entrée); an Arabic "و" (and)
// written against the next shortcut stays out of it.
const KEY = '(?:[\\p{Script=Latin}\\p{N}]+|[←→↑↓])';
/** A shortcut: keys joined by "+", or an arrow on its own. */
const SHORTCUT = new RegExp(`${KEY}(?:\\+${KEY})+|[←→↑↓]`, 'gu');

export function KeysText({ text }: { text: string }) {
  const parts: ComponentChildren[] = [];
  let last = 0;
  for (const match of text.matchAll(SHORTCUT)) {
    const at = match.index;
    if (at > last) parts.push(text.slice(last, at));
    // Nested <kbd>: the HTML way to write a key combination.
    parts.push(
      <kbd key={at} class="keys" dir="ltr">
        {match[0].split('+').map((key, i) => [i > 0 ? '+' : null, <kbd key={key}>{key}</kbd>])}
      </kbd>,
    );
    last = at + match[0].length;
  }
  parts.push(text.slice(last));
  return <>{parts}</>;
}
