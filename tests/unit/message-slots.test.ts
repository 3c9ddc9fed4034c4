// Elements inside a translated message (src/core/i18n/message-slots.ts): the message is asked for
// with a stand-in for each element and cut there, in whatever order the translation puts them.
import { afterEach, describe, expect, it } from 'vitest';
import { slot, slotsFor, splitAtSlots } from '../../src/core/i18n/message-slots';
import { plural, t } from '../../src/core/i18n/translate';
import { useLocale } from '../support/messages';

afterEach(() => useLocale('en'));

describe('splitAtSlots', () => {
  it('cuts a message into its text and the places of its elements', () => {
    const message = `Press ${slot('button')} (or ${slot('keys')}).`;
    expect(splitAtSlots(message, ['button', 'keys'])).toEqual([
      { text: 'Press ' },
      { slot: 'button' },
      { text: ' (or ' },
      { slot: 'keys' },
      { text: ').' },
    ]);
  });

  it('follows the translation’s order, not the order the parts were given in', () => {
    expect(splitAtSlots(`${slot('b')} then ${slot('a')}`, ['a', 'b'])).toEqual([
      { slot: 'b' },
      { text: ' then ' },
      { slot: 'a' },
    ]);
  });

  it('leaves out an element the translation does not use', () => {
    expect(splitAtSlots('One note', ['count'])).toEqual([{ text: 'One note' }]);
  });

  it('takes no stand-in it was not asked for, nor a stray private-use character, for an element', () => {
    const message = `Icon \uE000 ${slot('other')} and ${slot('file')}`;
    expect(splitAtSlots(message, ['file'])).toEqual([
      { text: `Icon \uE000 ${slot('other')} and ` },
      { slot: 'file' },
    ]);
  });

  it('splits a real message asked for with stand-ins, in another language too', () => {
    useLocale('de');
    const pieces = splitAtSlots(t('popup_rule_from_list', slotsFor(['list'])), ['list']);
    expect(pieces.filter((piece) => 'slot' in piece)).toEqual([{ slot: 'list' }]);
    expect(pieces.some((piece) => 'text' in piece && piece.text.trim() !== '')).toBe(true);
  });

  it('puts an element in place of a plural message’s count, the form still chosen by the number', () => {
    useLocale('ru');
    const message = plural('review_import_button', 3, slotsFor(['count']));
    expect(message).toBe(plural('review_import_button', 3).replace('3', slot('count')));
    expect(splitAtSlots(message, ['count'])).toContainEqual({ slot: 'count' });
  });
});
