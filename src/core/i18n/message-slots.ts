// A translated message with elements inside it — "press <strong>Flag claim</strong>", a file name
// in bold, a field as code — without cutting the message into pieces (word order differs by
// language) and without parsing markup out of a translation. Each element is a `$name$`
// substitution of the message; it is asked for with a marker in the element's place, and the text
// is split at the markers. Pure strings; src/ui/rich-text.tsx puts the elements in.

/** Private-use characters around a slot's name: no message uses them. */
const OPEN = '\uE000';
const CLOSE = '\uE001';

/** The stand-in for the element named `name`, to pass as that substitution's value. */
export function slot(name: string): string {
  return `${OPEN}${name}${CLOSE}`;
}

/** A stand-in for each name: the substitutions to ask the message for. */
export function slotsFor(names: Iterable<string>): Record<string, string> {
  return Object.fromEntries([...names].map((name) => [name, slot(name)]));
}

/** A run of the message's own text, or the place of the element named `slot`. */
export type MessagePiece = { text: string } | { slot: string };

/**
 * `message` cut at the stand-ins of `names`, in the translation's order; a name the translation
 * leaves out is simply absent. Only the stand-ins of the names asked for count, so a private-use
 * character in reader data (icon fonts use them) cannot be taken for one.
 */
export function splitAtSlots(message: string, names: Iterable<string>): MessagePiece[] {
  const wanted = new Set(names);
  const pieces: MessagePiece[] = [];
  let rest = 0;
  for (const match of message.matchAll(/\uE000([A-Za-z0-9_]+)\uE001/g)) {
    const name = match[1] ?? '';
    if (!wanted.has(name)) continue;
    if (match.index > rest) pieces.push({ text: message.slice(rest, match.index) });
    pieces.push({ slot: name });
    rest = match.index + match[0].length;
  }
  if (rest < message.length) pieces.push({ text: message.slice(rest) });
  return pieces;
}
