// The translations are complete and consistent: every language has every message, with the same
// substitutions, and the plural forms its grammar needs; what the browsers read is what t() shows.
import { afterEach, describe, expect, it } from 'vitest';
import manifest from '../../manifest.json';
import {
  fillPlaceholders,
  LOCALES,
  placeholderNames,
  pluralBase,
  pluralCategory,
  renderMessage,
  toChromeMessages,
} from '../../src/core/i18n/catalog';
import { PSEUDO_CLOSE, PSEUDO_OPEN, pseudoCatalog, pseudoText } from '../../src/core/i18n/pseudo-locale';
import { formatNumber, messageDirection, plural, t } from '../../src/core/i18n/translate';
import { catalogOf, useLocale } from '../support/messages';

const english = catalogOf('en');
/** Plain messages by name, and plural messages by base name. */
const baseKeys = (catalog: Record<string, unknown>) => new Set(Object.keys(catalog).map(pluralBase));

afterEach(() => useLocale('en'));

describe('every language has every message', () => {
  it('English defines the messages the manifest names', () => {
    const named = [...JSON.stringify(manifest).matchAll(/__MSG_(\w+)__/g)].map((m) => m[1] ?? '');
    expect(named.length).toBeGreaterThan(0);
    for (const key of named) expect(english, key).toHaveProperty(key);
  });

  for (const locale of LOCALES.filter((l) => l !== 'en')) {
    it(`${locale} has every English message and no other`, () => {
      expect([...baseKeys(catalogOf(locale))].sort()).toEqual([...baseKeys(english)].sort());
    });

    it(`${locale} uses the same substitutions as English in every message`, () => {
      const mine = catalogOf(locale);
      const wanted = new Map(
        Object.entries(english).map(([k, m]) => [pluralBase(k), placeholderNames(m.message)]),
      );
      const differ = Object.entries(mine)
        .filter(([key, m]) => {
          const names = placeholderNames(m.message);
          const base = wanted.get(pluralBase(key)) ?? [];
          // A plural form may leave the count out ("one note" — Arabic's "ملاحظة واحدة").
          return pluralCategory(key) ? names.some((n) => !base.includes(n)) : names.join() !== base.join();
        })
        .map(([key]) => key);
      expect(differ).toEqual([]);
    });
  }

  for (const locale of LOCALES) {
    it(`${locale} gives every plural message exactly the forms its grammar has`, () => {
      const categories = new Intl.PluralRules(locale).resolvedOptions().pluralCategories.slice().sort();
      const forms = new Map<string, string[]>();
      for (const key of Object.keys(catalogOf(locale))) {
        const category = pluralCategory(key);
        if (category) forms.set(pluralBase(key), [...(forms.get(pluralBase(key)) ?? []), category]);
      }
      const wrong = [...forms].filter(([, found]) => found.slice().sort().join() !== categories.join());
      expect(wrong).toEqual([]);
    });

    it(`${locale} uses, across each plural message's forms, every substitution English passes`, () => {
      // The forms are numbered by the names they use together (what plural() passes): a name no
      // form uses would shift every later one.
      const used = new Map<string, Set<string>>();
      for (const [key, m] of Object.entries(catalogOf(locale))) {
        if (!pluralCategory(key)) continue;
        const names = used.get(pluralBase(key)) ?? new Set<string>();
        for (const name of placeholderNames(m.message)) names.add(name);
        used.set(pluralBase(key), names);
      }
      const englishNames = new Map<string, Set<string>>();
      for (const [key, m] of Object.entries(english)) {
        if (!pluralCategory(key)) continue;
        const names = englishNames.get(pluralBase(key)) ?? new Set<string>();
        for (const name of placeholderNames(m.message)) names.add(name);
        englishNames.set(pluralBase(key), names);
      }
      const differ = [...used]
        .filter(
          ([base, names]) => [...names].sort().join() !== [...(englishNames.get(base) ?? [])].sort().join(),
        )
        .map(([base]) => base);
      expect(differ).toEqual([]);
    });

    it(`${locale} has no empty message`, () => {
      const empty = Object.entries(catalogOf(locale)).filter(([, m]) => m.message.trim() === '');
      expect(empty.map(([k]) => k)).toEqual([]);
    });
  }
});

describe('the catalogue as the browsers read it', () => {
  it('gives each substitution a placeholder named as it is, wherever the text puts it', () => {
    const messages = toChromeMessages([{ moved: { message: 'Moved $title$ to $count$ lists' } }]);
    expect(messages.moved?.placeholders).toEqual({
      count: { content: '{count}' },
      title: { content: '{title}' },
    });
    const shown = renderMessage(messages.moved);
    expect(shown).toBe('Moved {title} to {count} lists');
    expect(fillPlaceholders(shown, { count: '3', title: 'Budget' })).toBe('Moved Budget to 3 lists');
  });

  it("fills only the message's own placeholders: a value that looks like one stays as it is", () => {
    expect(fillPlaceholders('{a} and {b}', { a: '{b}', b: 'B' })).toBe('{b} and B');
    expect(fillPlaceholders('{missing}', {})).toBe('{missing}');
    expect(fillPlaceholders('{pagetitle}', { pageTitle: 'News' })).toBe('News');
  });

  it('a translation may leave a substitution out, or use it twice', () => {
    useLocale('en');
    const messages = toChromeMessages([{ x: { message: '$file$, $file$' } }]);
    expect(fillPlaceholders(renderMessage(messages.x), { count: '1', file: 'notes.json' })).toBe(
      'notes.json, notes.json',
    );
  });

  it('shows each substitution in its place in every language, whichever forms leave the count out', () => {
    useLocale('ar');
    expect(plural('review_page_row_label', 1, { page: 'BBC News' })).toContain('BBC News');
    expect(plural('review_tagged', 1, { tag: 'energy' })).toContain('energy');
    useLocale('en');
    expect(
      plural('list_error_none_usable', 1, {
        where: 'in the list',
        record: '1',
        field: 'phrase',
        reason: 'x',
      }),
    ).toBe('The only rule in the list cannot be used (record 1, phrase: x).');
  });

  it('refuses a key two areas both define, and a key a browser would reject', () => {
    expect(() => toChromeMessages([{ a: { message: 'x' } }, { a: { message: 'y' } }])).toThrow(/twice/);
    expect(() => toChromeMessages([{ 'a-b': { message: 'x' } }])).toThrow(/letters/);
  });

  it('writes a literal dollar sign as $$', () => {
    expect(renderMessage({ message: 'Costs $$5' })).toBe('Costs $5');
  });
});

describe('the pseudo-locale', () => {
  it('accents every letter, keeps substitutions, and is 40 % longer, bracketed', () => {
    const message = 'Deleted $count$ notes from $site$.';
    const pseudo = pseudoText(message);
    expect(pseudo.startsWith(PSEUDO_OPEN) && pseudo.endsWith(PSEUDO_CLOSE)).toBe(true);
    expect(pseudo).toContain('$count$');
    expect(pseudo).toContain('$site$');
    expect(pseudo.replace(/\$\w+\$/g, '')).not.toMatch(/[A-Za-z]/);
    const text = (m: string) => m.replace(/\$\w+\$|[⟦⟧]/g, '').length;
    expect(text(pseudo)).toBeGreaterThanOrEqual(text(message) * 1.4);
  });

  it('leaves the language tag and direction alone', () => {
    const pseudo = pseudoCatalog(english);
    expect(pseudo.locale?.message).toBe('en');
    expect(pseudo.direction?.message).toBe('ltr');
    expect(pseudo.command_open_review?.message).toBe(pseudoText('Open all notes'));
  });
});

describe('t() and plural() in a language', () => {
  it('Russian picks the one, few and many forms by count', () => {
    useLocale('ru');
    const [one, few, many, again] = [1, 3, 5, 21].map((n) => plural('review_deleted_count', n));
    expect(new Set([one, few, many]).size).toBe(3);
    expect(again).toBe(one?.replace('1', '21'));
  });

  it('English says "1 note" and "2 notes"', () => {
    expect(plural('review_deleted_count', 1)).toBe('Deleted 1 note.');
    expect(plural('review_deleted_count', 2)).toBe('Deleted 2 notes.');
  });

  it('German writes numbers with its own grouping', () => {
    useLocale('de');
    expect(formatNumber(12345)).toBe('12.345');
  });

  it('Arabic is laid out right to left; English left to right', () => {
    useLocale('ar');
    expect(messageDirection()).toBe('rtl');
    useLocale('en');
    expect(messageDirection()).toBe('ltr');
  });

  it('a message reads in the chosen language', () => {
    useLocale('fr');
    expect(t('command_open_review')).toBe('Ouvrir toutes les notes');
  });
});
