// Reader data (a quote, a tag, a list's or file's name, a feed's title, a web host) put into a
// translated message as plain text. Such text may run in the other direction from the message
// around it: an English name in an Arabic sentence, whose closing quote, full stop or neighbouring
// number the bidi algorithm would otherwise pull to the wrong end. Pure strings, no DOM; where the
// data is an element of its own, <bdi> or `dir` does the same job.
import { messageDirection, t } from './translate';

/** First strong isolate … pop directional isolate: the text keeps its own direction inside. */
const FSI = '\u2068';
const PDI = '\u2069';

/**
 * `text` as a unit of its own direction when the messages are right to left. Left-to-right
 * messages get it unchanged: their reader data is mostly in the same direction, and English
 * texts stay byte for byte what the tests compare.
 */
export function isolate(text: string): string {
  return messageDirection() === 'rtl' ? `${FSI}${text}${PDI}` : text;
}

/**
 * Words as a list, each isolated, with the language's comma ("a, b, c"; Arabic "a، b، c"). A
 * message, not Intl.ListFormat: its "unit" lists drop the comma in some languages and add "and"
 * in others, and these are loose words, not a sentence's list.
 */
export function listOf(items: readonly string[]): string {
  return items.map(isolate).join(t('list_separator'));
}
