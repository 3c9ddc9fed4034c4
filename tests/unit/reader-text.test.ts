// Reader data inside a translated message (src/core/i18n/reader-text.ts): in Arabic it is kept
// apart from the sentence's direction; in a left-to-right language it is left exactly as written.
import { afterEach, describe, expect, it } from 'vitest';
import { isolate, listOf } from '../../src/core/i18n/reader-text';
import { t } from '../../src/core/i18n/translate';
import { useLocale } from '../support/messages';

afterEach(() => useLocale('en'));

describe('isolate', () => {
  it('leaves reader data unchanged in a left-to-right language', () => {
    expect(isolate('Desk corrections.')).toBe('Desk corrections.');
    useLocale('de');
    expect(isolate('Desk corrections.')).toBe('Desk corrections.');
  });

  it('wraps it in a first-strong isolate in Arabic, so its full stop stays at its own end', () => {
    useLocale('ar');
    expect(isolate('Desk corrections.')).toBe('\u2068Desk corrections.\u2069');
  });

  it('keeps an isolated name whole inside an Arabic sentence', () => {
    useLocale('ar');
    const sentence = t('popup_lists_refreshed', { name: isolate('Desk corrections') });
    expect(sentence).toContain('\u2068Desk corrections\u2069');
  });
});

describe('listOf', () => {
  it('joins words with the English comma', () => {
    expect(listOf(['turbines', 'whales', 'coast'])).toBe('turbines, whales, coast');
  });

  it('uses the Arabic comma and isolates each word in Arabic', () => {
    useLocale('ar');
    expect(listOf(['turbines', 'whales'])).toBe('\u2068turbines\u2069، \u2068whales\u2069');
  });

  it('gives one word alone, and nothing for none', () => {
    expect(listOf(['turbines'])).toBe('turbines');
    expect(listOf([])).toBe('');
  });
});
