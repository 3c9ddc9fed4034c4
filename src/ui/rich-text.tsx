// A translated message with elements inside it: the message's `$name$` substitutions that are
// markup (a <strong> label, <kbd> keys, a <code> field, a <bdi> name) are put in as elements, at
// the places the translation gives them — never as markup parsed from a translation. The string
// work is src/core/i18n/message-slots.ts.
import { type ComponentChild, Fragment } from 'preact';
import { slotsFor, splitAtSlots } from '../core/i18n/message-slots';
import { type MessageKey, type PluralKey, plural, type Substitutions, t } from '../core/i18n/translate';

/** The message's substitutions that are elements, by name. */
export type RichParts = Readonly<Record<string, ComponentChild>>;

/** The message `key` with `parts` as elements in it (and `substitutions` as plain text). */
export function richText(
  key: MessageKey,
  parts: RichParts,
  substitutions: Substitutions = {},
): ComponentChild[] {
  return render(t(key, { ...substitutions, ...slotsFor(Object.keys(parts)) }), parts);
}

/**
 * The plural form of `key` for `count` with `parts` as elements in it. A part named `count` takes
 * the place of the formatted count ("<strong>3</strong> new").
 */
export function richPlural(
  key: PluralKey,
  count: number,
  parts: RichParts,
  substitutions: Substitutions = {},
): ComponentChild[] {
  return render(plural(key, count, { ...substitutions, ...slotsFor(Object.keys(parts)) }), parts);
}

function render(message: string, parts: RichParts): ComponentChild[] {
  return splitAtSlots(message, Object.keys(parts)).map((piece, i) => (
    <Fragment key={i}>{'slot' in piece ? parts[piece.slot] : piece.text}</Fragment>
  ));
}
