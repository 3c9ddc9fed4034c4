// Correction rules found on a page: every rule in one pass, whatever the page's spacing, quotes,
// dashes, accents or script, at word boundaries, with offsets in the page's raw text.
import { describe, expect, it } from 'vitest';
import {
  type CompiledRules,
  compileRules,
  findMatches,
  type Match,
  normalise,
  normalisePhrase,
  type RuleInput,
} from '../../src/core/match';
import { fixturePageText } from './support/page-text';

/** The raw text each match covers, with its rule's phrase. */
function found(rules: RuleInput[], text: string, compiled = compileRules(rules)): [string, string][] {
  return findMatches(compiled, text).map((m) => [
    rules[m.ruleIndex]?.phrase ?? '',
    text.slice(m.start, m.end),
  ]);
}

describe('findMatches: what counts as the same phrase', () => {
  it('ignores case, runs of white space, line breaks, typographic quotes and dashes, and accents', () => {
    const text = 'He said the “Digital\n   Rights Act” — passed in Brüssel — was “final”.';
    const rules = [{ phrase: '"digital rights act"' }, { phrase: 'passed in Brussel' }];
    expect(found(rules, text)).toEqual([
      ['"digital rights act"', '“Digital\n   Rights Act”'],
      ['passed in Brussel', 'passed in Brüssel'],
    ]);
  });

  it('matches a phrase written with a straight dash against an en dash in the page', () => {
    expect(found([{ phrase: 'Kremlin - Peskov' }], 'No app is reliable – Kremlin – Peskov says')).toEqual([
      ['Kremlin - Peskov', 'Kremlin – Peskov'],
    ]);
  });

  it('finds a phrase on the seed article, with offsets into its raw text', () => {
    const text = fixturePageText('seed-article.html');
    const [match, ...rest] = findMatches(compileRules([{ phrase: 'Digital Rights Act (DSA)' }]), text);
    expect(rest).toEqual([]);
    expect(text.slice(match?.start, match?.end)).toBe('Digital Rights Act (DSA)');
  });

  it('with match case, finds only the same capitals', () => {
    const rules = [{ phrase: 'US', matchCase: true }];
    expect(found(rules, 'Tell us about the US and the U.S.')).toEqual([['US', 'US']]);
  });

  it('with match case, still ignores spacing, quotes and accents', () => {
    const rules = [{ phrase: "NATO's  Chief", matchCase: true }];
    expect(found(rules, 'NATO’s chief; NATO’s\nChief')).toEqual([["NATO's  Chief", 'NATO’s\nChief']]);
  });
});

describe('findMatches: word boundaries', () => {
  it('does not match inside a longer word', () => {
    expect(found([{ phrase: 'act' }], 'an action, a fact, an Act.')).toEqual([['act', 'Act']]);
  });

  it('matches next to punctuation, and a phrase that ends in punctuation', () => {
    const rules = [{ phrase: 'U.S.' }, { phrase: 'covid-19' }];
    expect(found(rules, '(U.S.) said COVID-19, not COVID-190.')).toEqual([
      ['U.S.', 'U.S.'],
      ['covid-19', 'COVID-19'],
    ]);
  });

  it('needs no boundaries in Chinese, which is written without spaces', () => {
    expect(found([{ phrase: '中国' }], '在中国的新闻')).toEqual([['中国', '中国']]);
  });

  it('finds phrases in a Chinese news page', () => {
    const text = fixturePageText('qq.html');
    const phrase = [...text.matchAll(/\p{sc=Han}{6}/gu)][3]?.[0] ?? '';
    expect(phrase).not.toBe('');
    const matches = findMatches(compileRules([{ phrase: phrase.slice(1, 5) }]), text);
    expect(matches.length).toBeGreaterThan(0);
    for (const match of matches) expect(text.slice(match.start, match.end)).toBe(phrase.slice(1, 5));
  });

  it('finds Arabic and Hebrew phrases at word boundaries, and Latin text on a right-to-left page', () => {
    const rules = [{ phrase: 'مرحبا بالعالم' }, { phrase: 'שלום' }, { phrase: 'dolor sit amet' }];
    expect(found(rules, 'قال مرحبا بالعالم؛ שָׁלוֹם! שלומות')).toEqual([
      ['مرحبا بالعالم', 'مرحبا بالعالم'],
      ['שלום', 'שָׁלוֹם'],
    ]);
    const page = fixturePageText('rtl-1.html');
    expect(findMatches(compileRules(rules), page)).toHaveLength(2);
  });

  it('finds emoji and phrases that contain them', () => {
    const text = 'Big 🔥 news: fact 🔥 check';
    expect(found([{ phrase: 'fact 🔥 check' }, { phrase: '🔥' }], text)).toEqual([
      ['🔥', '🔥'],
      ['fact 🔥 check', 'fact 🔥 check'],
    ]);
  });
});

describe('findMatches: overlapping rules', () => {
  const text = 'the bloc’s Digital Rights Act (DSA) and more';

  it('keeps the longest phrase at the leftmost position', () => {
    const rules = [
      { phrase: 'Digital Rights Act' },
      { phrase: 'Digital Rights Act (DSA)' },
      { phrase: 'Rights Act' },
    ];
    expect(found(rules, text)).toEqual([['Digital Rights Act (DSA)', 'Digital Rights Act (DSA)']]);
  });

  it('keeps the leftmost of two phrases that overlap in part', () => {
    const rules = [{ phrase: 'Act (DSA) and' }, { phrase: 'Digital Rights Act' }];
    expect(found(rules, text)).toEqual([['Digital Rights Act', 'Digital Rights Act']]);
  });

  it('reports every rule with the same phrase over the same text, for one card', () => {
    const rules = [{ phrase: 'Digital Rights Act' }, { phrase: 'digital rights act' }];
    const matches = findMatches(compileRules(rules), text);
    expect(matches.map((m) => m.ruleIndex)).toEqual([0, 1]);
    expect(new Set(matches.map((m) => `${m.start}-${m.end}`)).size).toBe(1);
  });

  it("reports every match of every rule with overlaps: 'all'", () => {
    const rules = [{ phrase: 'Digital Rights Act' }, { phrase: 'Rights Act (DSA)' }];
    expect(findMatches(compileRules(rules), text, { overlaps: 'all' }).map((m) => m.ruleIndex)).toEqual([
      0, 1,
    ]);
  });

  it('accepts a page text built once and shared', () => {
    const page = normalise(text);
    expect(findMatches(compileRules([{ phrase: 'DSA' }]), page)).toEqual([
      { ruleIndex: 0, start: text.indexOf('DSA'), end: text.indexOf('DSA') + 3 },
    ]);
  });

  it('never matches a phrase that folds to nothing', () => {
    expect(findMatches(compileRules([{ phrase: ' \u200b ' }]), 'a \u200b b')).toEqual([]);
  });
});

// ---- 10,000 rules ------------------------------------------------------------------------------

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;
const NO_SPACES = /[\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}\p{sc=Thai}]/u;

/** Every match of every rule, found the slow way: each phrase searched for on its own. */
function slowMatches(rules: readonly RuleInput[], raw: string): Match[] {
  const page = normalise(raw);
  const text = page.text;
  const joins = (a: string | undefined, b: string | undefined) =>
    a !== undefined &&
    b !== undefined &&
    WORD_CHAR.test(a) &&
    WORD_CHAR.test(b) &&
    !NO_SPACES.test(a) &&
    !NO_SPACES.test(b);
  const out: Match[] = [];
  rules.forEach((rule, ruleIndex) => {
    const phrase = normalisePhrase(rule.phrase);
    if (!phrase) return;
    for (let at = text.indexOf(phrase); at >= 0; at = text.indexOf(phrase, at + 1)) {
      const end = at + phrase.length;
      if (joins(text[at - 1], text[at]) || joins(text[end - 1], text[end])) continue;
      out.push({ ruleIndex, ...page.rawRange(at, end) });
    }
  });
  return out.sort((a, b) => a.start - b.start || a.ruleIndex - b.ruleIndex);
}

/** 10,000 distinct phrases of one to six words: most taken from the page, the rest made up. */
function tenThousandRules(text: string): RuleInput[] {
  const words = text.match(/[\p{L}\p{N}’'-]+/gu) ?? [];
  let seed = 20240502;
  const random = () => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed / 2 ** 32;
  };
  const seen = new Set<string>();
  const rules: RuleInput[] = [];
  while (rules.length < 10_000) {
    const length = 1 + Math.floor(random() * 6);
    const at = Math.floor(random() * (words.length - length));
    const taken = words.slice(at, at + length);
    const phrase = random() < 0.8 ? taken.join(' ') : `${taken.join(' ')} zq${rules.length}`;
    const key = normalisePhrase(phrase);
    if (phrase.length < 3 || seen.has(key)) continue;
    seen.add(key);
    rules.push({ phrase });
  }
  return rules;
}

describe('10,000 rules over a news page', () => {
  const text = fixturePageText('wapo-1.html');
  const rules = tenThousandRules(text);
  const compiled: CompiledRules = compileRules(rules);

  it('finds exactly what searching for each phrase on its own finds', () => {
    const fast = findMatches(compiled, text, { overlaps: 'all' });
    expect(fast.length).toBeGreaterThan(5_000);
    expect(fast).toEqual(slowMatches(rules, text));
  });

  it('finds phrases that start with a digit, punctuation, an emoji or Chinese among them', () => {
    const odd = [
      '1,944 species',
      '«Tiny Bones»',
      '🙂 smile please',
      '中国的',
      '— said the minister',
      '#1 hit',
    ];
    const page = `${text}\nAbout 1,944 species. He said «Tiny Bones» twice. 🙂 smile please! 在中国的 — said the minister. A #1 hit.`;
    const all = [...rules, ...odd.map((phrase) => ({ phrase }))];
    const found = findMatches(compileRules(all), page, { overlaps: 'all' });
    expect(found).toEqual(slowMatches(all, page));
    const oddFound = found.filter((m) => m.ruleIndex >= rules.length).map((m) => page.slice(m.start, m.end));
    // Each found once, as written in the page (the Chinese one inside a longer run of characters).
    expect(oddFound).toEqual(odd);
  });

  it('finds the same in a page checked a window at a time as in the whole page, with one rule set', () => {
    const key = (m: Match) => `${m.ruleIndex}:${m.start}:${m.end}`;
    const whole = findMatches(compiled, text, { overlaps: 'all' });
    const found = new Set<string>();
    const windows: [number, number][] = [];
    // Cut at white space, as a scan of edited stretches is, and offsets put back.
    for (let from = 0; from < text.length; ) {
      let to = Math.min(text.length, from + 4096);
      while (to < text.length && !/\s/.test(text[to] ?? '')) to++;
      windows.push([from, to]);
      for (const m of findMatches(compiled, text.slice(from, to), { overlaps: 'all' })) {
        found.add(key({ ...m, start: m.start + from, end: m.end + from }));
      }
      from = to;
    }
    expect(windows.length).toBeGreaterThan(5);
    const inOneWindow = whole.filter((m) => windows.some(([from, to]) => from <= m.start && m.end <= to));
    expect(inOneWindow.length).toBeGreaterThan(whole.length * 0.95);
    expect(inOneWindow.filter((m) => !found.has(key(m)))).toEqual([]);
    expect(found.size).toBe(inOneWindow.length);
  });

  it('resolves overlaps into separate ranges, longest first at each position', () => {
    const matches = findMatches(compiled, text);
    expect(matches.length).toBeGreaterThan(300);
    for (let i = 1; i < matches.length; i++) {
      const previous = matches[i - 1];
      const current = matches[i];
      if (!previous || !current) continue;
      const sameRange = previous.start === current.start && previous.end === current.end;
      expect(sameRange || current.start >= previous.end).toBe(true);
    }
  });
});
