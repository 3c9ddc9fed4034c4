// The detector's language gate: whether a page's declared language or its text is one the model
// was trained for. Pure, and free of the model, so the content script asks it before sending
// anything to be scored.

/**
 * Languages the detector has a model for (a unit test holds this to the shipped model's own
 * language; written out so the content script can ask without loading the model).
 */
export const SUPPORTED_LANGUAGES: readonly string[] = ['en'];

const LANG_TAG_RE = /^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*$/;

/**
 * Whether the detector can run on a page: pass the page's `lang` attribute (e.g. "en-GB") or a
 * sample of its text. A language tag is judged by its primary subtag; text is judged by how many
 * of its words are common English function words (a single word is read as a language tag).
 * Anything else: the caller says "not available"
 * rather than guessing.
 */
export function isSupportedLanguage(textOrLang: string): boolean {
  const s = textOrLang.trim();
  if (s === '') return false;
  if (LANG_TAG_RE.test(s) && s.length <= 35) {
    const primary = s.split(/[-_]/)[0]?.toLowerCase() ?? '';
    return SUPPORTED_LANGUAGES.includes(primary);
  }
  return looksEnglish(s);
}

/** Whether a text sample reads as English: enough letters are Latin, enough words are English function words. */
export function looksEnglish(text: string): boolean {
  const share = latinShare(text);
  if (share === null || share < 0.9) return false;
  const words = text.toLowerCase().match(/[a-z]+(?:'[a-z]+)?/g) ?? [];
  if (words.length === 0) return false;
  let hits = 0;
  for (const w of words) if (ENGLISH_WORDS.has(w)) hits++;
  const need = words.length < 8 ? 0.2 : 0.25;
  return hits / words.length >= need;
}

const ENGLISH_WORDS = new Set(
  (
    'the of and to a in is it that for was on are as with he she they be at by this have from or one had ' +
    'not but what all were when we there can an your which their said if do will each about how up out ' +
    'them then many some so these would other into has more her two like him see time could no make than ' +
    'been who its now people my over only also after did just most should because any those very our ' +
    "says while where i you his me us new year years percent million don't it's"
  ).split(' '),
);

const LETTER = /\p{L}/u;

/**
 * The share of a text's letters (code points) that are A–Z or a–z; null when it has none. Counted
 * in one pass: ASCII by its code, the rest by the Unicode property (collecting every letter as a
 * string cost a page load milliseconds on a long article).
 */
export function latinShare(text: string): number | null {
  let letters = 0;
  let latin = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if ((code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a)) {
      letters++;
      latin++;
    } else if (code >= 0x80) {
      const point = text.codePointAt(i) ?? code;
      if (point > 0xffff) i++;
      if (LETTER.test(String.fromCodePoint(point))) letters++;
    }
  }
  return letters === 0 ? null : latin / letters;
}
