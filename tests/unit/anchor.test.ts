// The anchoring specification: how a selected quote is described, and how it is found again after
// the page changes. Real pages from the corpus, edited the way news pages change.

import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sharedPath } from '../../scripts/shared-dir.mjs';
import {
  collapseWhitespace,
  describeRange,
  type Found,
  findAtSavedPosition,
  findQuote,
  type NotFound,
  PageText,
} from '../../src/core/anchor';
import type { ClaimAnchor } from '../../src/core/model';
import { fixtureHtml, pageTextOf } from './support/page-text';

const SEED = fixtureHtml('seed-article.html');
const DSA_SENTENCE =
  'The platform complies with EU laws, including the bloc’s Digital Rights Act (DSA) and anti-Russian sanctions, the company added.';

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Raw offsets of the nth occurrence of `phrase` in `text`, whatever whitespace is between its words. */
function rangeOf(text: string, phrase: string, nth = 0): [number, number] {
  const words = phrase.trim().split(/\s+/).map(escapeRegExp);
  const pattern = new RegExp(words.join('\\s+'), 'g');
  let seen = 0;
  for (const match of text.matchAll(pattern)) {
    if (seen++ === nth) return [match.index, match.index + match[0].length];
  }
  throw new Error(`"${phrase}" occurs ${seen} times in the text, not ${nth + 1}`);
}

/** The anchor a reader creates by selecting the nth occurrence of `phrase`. */
function anchorFor(text: string, phrase: string, nth = 0): ClaimAnchor {
  const [start, end] = rangeOf(text, phrase, nth);
  const anchor = describeRange(text, start, end);
  if (anchor === null) throw new Error(`"${phrase}" is only whitespace`);
  return anchor;
}

/** What the reader would see highlighted (whitespace collapsed), or why nothing is. */
function highlighted(text: string, result: Found | NotFound): string {
  return result.kind === 'found'
    ? collapseWhitespace(text.slice(result.start, result.end))
    : `not found: ${result.reason}`;
}

/** `html` with `before` replaced by `after`; fails loudly when `before` is not there. */
function edit(html: string, before: string | RegExp, after: string): string {
  const changed = html.replace(before, after);
  if (changed === html) throw new Error(`edit found nothing to change: ${before}`);
  return changed;
}

describe('describeRange', () => {
  const text = pageTextOf(SEED);

  it('collapses every whitespace run in the quote to one space, across paragraphs', () => {
    const anchor = anchorFor(text, 'Dmitry Peskov has said. Speaking with journalists');
    expect(text.slice(anchor.position.start, anchor.position.end)).toContain('\n');
    expect(anchor.quote.exact).toBe('Dmitry Peskov has said. Speaking with journalists');
  });

  it('leaves whitespace at the ends of the selection out of the quote and its offsets', () => {
    const [start, end] = rangeOf(text, 'Speaking with journalists');
    const anchor = describeRange(text, start - 7, end + 1);
    expect(anchor?.quote.exact).toBe('Speaking with journalists');
    expect(anchor?.position).toEqual({ type: 'TextPositionSelector', start, end });
  });

  it('describes a selection of nothing but whitespace as nothing', () => {
    const [start] = rangeOf(text, 'Speaking with journalists');
    expect(describeRange(text, start - 7, start)).toBeNull();
    expect(describeRange(text, start, start)).toBeNull();
  });

  it('keeps 32 characters of whitespace-collapsed context either side', () => {
    const anchor = anchorFor(text, 'Kremlin spokesperson Dmitry Peskov');
    expect(anchor.quote.prefix).toBe('ormation security, including Telegram, '.slice(-32));
    expect(anchor.quote.suffix).toBe(' has said. Speaking with journal');
    expect(anchor.quote.prefix).toHaveLength(32);
    expect(anchor.quote.suffix).toHaveLength(32);
  });

  it('keeps what context there is at the start and end of the page', () => {
    const page = '  Breaking:\n  markets fell.  ';
    const anchor = describeRange(page, 0, page.length);
    expect(anchor?.quote).toEqual({
      type: 'TextQuoteSelector',
      exact: 'Breaking: markets fell.',
      prefix: ' ',
      suffix: ' ',
    });
    expect(describeRange(page, 14, 21)?.quote).toMatchObject({ prefix: ' Breaking: ', suffix: ' fell. ' });
  });

  it('does not cut an emoji in half at the edge of the context', () => {
    const before = `🔥${'x'.repeat(31)}`;
    const after = `${'y'.repeat(31)}🔥`;
    const page = `${before}quote${after}`;
    const anchor = describeRange(page, before.length, before.length + 'quote'.length);
    expect(anchor?.quote.prefix).toBe('x'.repeat(31));
    expect(anchor?.quote.suffix).toBe('y'.repeat(31));
    const whole = describeRange(`a 🔥${page}`, 2, 4);
    expect(whole?.quote.exact).toBe('🔥');
  });
});

describe('findQuote', () => {
  const text = pageTextOf(SEED);
  const anchor = anchorFor(text, DSA_SENTENCE);

  it('finds a quote exactly where it was saved', () => {
    const result = findQuote(text, anchor);
    expect(result).toMatchObject({
      kind: 'found',
      strategy: 'position',
      start: anchor.position.start,
      end: anchor.position.end,
    });
    expect(result.kind === 'found' && result.score).toBe(1);
  });

  it('finds the quote after a paragraph is inserted above it', () => {
    const changed = pageTextOf(
      edit(
        SEED,
        '<article>',
        '<article>\n<p class="update">Update, 28 Aug: this story has been updated.</p>',
      ),
    );
    const result = findQuote(changed, anchor);
    expect(highlighted(changed, result)).toBe(DSA_SENTENCE);
    expect(result).toMatchObject({ start: rangeOf(changed, DSA_SENTENCE)[0], strategy: 'exact' });
  });

  it('finds the quote after paragraphs above it are removed', () => {
    const changed = pageTextOf(edit(SEED, /<p>Speaking with[\s\S]*?<p>“This is why/, '<p>“This is why'));
    const result = findQuote(changed, anchor);
    expect(highlighted(changed, result)).toBe(DSA_SENTENCE);
    expect(result).toMatchObject({ start: rangeOf(changed, DSA_SENTENCE)[0] });
  });

  it('tells two identical quotes apart by their surrounding words', () => {
    const quote = 'Telegram is no exception';
    const html = edit(
      SEED,
      '</article>',
      '<p>Asked again on Wednesday, Peskov repeated that Telegram is no exception and declined to say more.</p></article>',
    );
    const page = pageTextOf(html);
    const second = anchorFor(page, quote, 1);
    // Text inserted above moves the first occurrence exactly onto the second's stored offsets.
    const shift = rangeOf(page, quote, 1)[0] - rangeOf(page, quote, 0)[0];
    const filler = 'Readers’ note. '.repeat(Math.ceil(shift / 15)).slice(0, shift);
    const [top] = rangeOf(page, 'No messaging app is reliable – Kremlin');
    const changed = page.slice(0, top) + filler + page.slice(top);
    expect(changed.startsWith(quote, second.position.start)).toBe(true);

    const result = findQuote(changed, second);
    expect(result).toMatchObject({ kind: 'found', start: rangeOf(changed, quote, 1)[0] });
    expect(findQuote(page, anchorFor(page, quote, 0))).toMatchObject({ start: rangeOf(page, quote, 0)[0] });
  });

  it('finds the quote after a few words inside it are edited', () => {
    const corrected =
      'The platform complies with European Union laws, including the bloc’s Digital Services Act (DSA) and anti-Russian sanctions, the company added.';
    const changed = pageTextOf(edit(SEED, DSA_SENTENCE, corrected));
    const result = findQuote(changed, anchor);
    expect(highlighted(changed, result)).toBe(corrected);
    expect(result).toMatchObject({ kind: 'found', strategy: 'fuzzy' });
  });

  it('finds the quote after the words right around it change', () => {
    const changed = pageTextOf(
      edit(
        edit(
          SEED,
          /Telegram has denied any wrongdoing,[^.]*\.” /,
          'Telegram, asked on Monday, denied any wrongdoing. ',
        ),
        'Meanwhile, numerous opinion leaders',
        'Numerous opinion leaders, meanwhile,',
      ),
    );
    const result = findQuote(changed, anchor);
    expect(highlighted(changed, result)).toBe(DSA_SENTENCE);
    expect(result).toMatchObject({ start: rangeOf(changed, DSA_SENTENCE)[0] });
  });

  it('finds the quote when whitespace and line breaks differ (re-flowed HTML, nbsp)', () => {
    const reflowed = edit(
      SEED,
      DSA_SENTENCE,
      DSA_SENTENCE.replace('the bloc’s', 'the&nbsp;bloc’s').replace(/ /g, '\n          '),
    )
      .replace(/\n\s+</g, '<')
      .replace(/<\/p><p>/g, '</p>\n\n\t<p>');
    const changed = pageTextOf(reflowed);
    expect(changed).toContain('the\u00a0bloc’s');
    const result = findQuote(changed, anchor);
    expect(highlighted(changed, result)).toBe(DSA_SENTENCE);
    expect(result).toMatchObject({
      start: rangeOf(changed, DSA_SENTENCE)[0],
      end: rangeOf(changed, DSA_SENTENCE)[1],
    });
  });

  it('reports a quote whose sentence was removed as absent', () => {
    const changed = pageTextOf(edit(SEED, ` ${DSA_SENTENCE}`, ''));
    expect(findQuote(changed, anchor)).toEqual({ kind: 'not-found', reason: 'absent' });
  });

  it('reports not-found when most words of the quote were replaced', () => {
    const rewritten =
      'The company says it obeys every European rule, among them the Digital Services Act and the sanctions on Russia.';
    const changed = pageTextOf(edit(SEED, DSA_SENTENCE, rewritten));
    expect(findQuote(changed, anchor)).toMatchObject({ kind: 'not-found' });
  });

  it('never attaches a quote to a sentence elsewhere that shares half its words', () => {
    const original =
      'Russian government employees should not use any messenger app for official purposes as none of them are safe in terms of information security';
    const saved = anchorFor(text, original);
    const changed = pageTextOf(
      edit(
        edit(SEED, /<p>Russian government employees[^<]*<\/p>/, ''),
        '</article>',
        '<p>Russian government employees may use any messenger app for personal purposes as most of them are safe enough for private chats.</p></article>',
      ),
    );
    expect(findQuote(changed, saved)).toMatchObject({ kind: 'not-found' });
  });

  it('never moves a quote to a near-identical sentence with other surroundings', () => {
    const original =
      'Peskov denied that the presidential administration had asked officials to delete messages';
    const saved = anchorFor(text, original);
    const changed = pageTextOf(
      edit(
        edit(SEED, /<p>Speaking with journalists[^<]*<\/p>/, ''),
        '</article>',
        '<p>Lavrov, for his part, said nobody denied that the presidential administration had asked officials to delete messages.</p></article>',
      ),
    );
    expect(findQuote(changed, saved)).toMatchObject({ kind: 'not-found' });
  });

  it('prefers the edited quote where it was over an exact copy elsewhere with other surroundings', () => {
    const saved = anchorFor(text, 'arrest of Telegram founder Pavel Durov');
    const changed = pageTextOf(
      edit(
        edit(SEED, 'arrest of Telegram founder Pavel Durov', 'arrest of Telegram’s founder Pavel Durov'),
        '<ul>',
        '<ul><li><a href="#">Profile: the arrest of Telegram founder Pavel Durov, explained</a></li>',
      ),
    );
    const result = findQuote(changed, saved);
    expect(highlighted(changed, result)).toBe('arrest of Telegram’s founder Pavel Durov');
    expect(result).toMatchObject({ start: rangeOf(changed, 'arrest of Telegram’s founder Pavel Durov')[0] });
  });

  it('reports ambiguous when a quote occurs twice and nothing around either resembles where it was', () => {
    const saved = anchorFor(text, '“no messenger is reliable”');
    const changed = [
      'Opinion. Critics mocked the claim that “no messenger is reliable” as a convenient excuse.',
      'Others welcomed it: “no messenger is reliable” became a slogan overnight.',
    ].join('\n\n');
    expect(findQuote(changed, saved)).toEqual({ kind: 'not-found', reason: 'ambiguous' });
  });

  it('finds a sentence that was edited and moved far down a news page, by the words around it', () => {
    const bbc = fixtureHtml('bbc-1.html');
    const paragraph = /<p>But with just 18 months left in power,[^<]*<\/p>/;
    const quote = 'he said gun control was the area where he has been "most frustrated and most stymied"';
    const saved = anchorFor(pageTextOf(bbc), quote);
    const moved = quote.replace('the area where he', 'the one area in which he');
    const paragraphHtml = bbc.match(paragraph)?.[0] ?? '';
    const changed = pageTextOf(
      edit(
        edit(bbc, paragraph, ''),
        /(<p>Mr Obama will become the first US president[^<]*<\/p>)/,
        `$1${paragraphHtml.replace(quote, moved)}`,
      ),
    );
    const page = new PageText(changed);
    const [start] = rangeOf(changed, moved);
    expect(page.collapsedOffset(start) - page.collapsedOffset(saved.position.start)).toBeGreaterThan(3000);
    const result = findQuote(page, saved);
    expect(highlighted(changed, result)).toBe(moved);
    expect(result).toMatchObject({ strategy: 'fuzzy', start });
  });

  it('anchors many quotes on one page with one shared PageText, as it would with the string', () => {
    const quotes = [
      DSA_SENTENCE,
      'Kremlin spokesperson Dmitry Peskov',
      'a crackdown on free speech',
      'St. Kitts and Nevis',
    ];
    const anchors = quotes.map((quote) => anchorFor(text, quote));
    const changed = pageTextOf(edit(SEED, '<article>', '<article><p>Live: follow our coverage.</p>'));
    const page = new PageText(changed);
    const shared = anchors.map((a) => findQuote(page, a));
    expect(shared).toEqual(anchors.map((a) => findQuote(changed, a)));
    expect(shared.map((r) => highlighted(changed, r))).toEqual(quotes);
  });
});

describe('findQuote on right-to-left and Chinese pages', () => {
  const ARABIC =
    'قال المتحدث باسم الكرملين دميتري بيسكوف إنه لا يوجد تطبيق مراسلة موثوق بما يكفي لضمان أمن المعلومات، بما في ذلك تيليغرام.';
  const rtl = edit(fixtureHtml('rtl-1.html'), '</article>', `<p>\n    ${ARABIC}\n  </p>\n</article>`);
  const rtlText = pageTextOf(rtl);
  const arabicQuote = 'لا يوجد تطبيق مراسلة موثوق بما يكفي';

  it('finds an Arabic quote on a right-to-left page where it was saved, and after a paragraph above', () => {
    const saved = anchorFor(rtlText, arabicQuote);
    expect(saved.quote.exact).toBe(arabicQuote);
    expect(findQuote(rtlText, saved)).toMatchObject({ strategy: 'position', start: saved.position.start });
    const changed = pageTextOf(edit(rtl, '<h1>', '<p>تحديث: أضيفت فقرة جديدة.</p><h1>'));
    const result = findQuote(changed, saved);
    expect(highlighted(changed, result)).toBe(arabicQuote);
    expect(result).toMatchObject({ start: rangeOf(changed, arabicQuote)[0] });
  });

  it('finds an Arabic quote after a word inside it is edited', () => {
    const saved = anchorFor(rtlText, ARABIC);
    const editedSentence = ARABIC.replace('موثوق', 'آمن');
    const changed = pageTextOf(edit(rtl, ARABIC, editedSentence));
    expect(highlighted(changed, findQuote(changed, saved))).toBe(editedSentence);
  });

  it('picks the occurrence nearest the stored position when identical sentences have identical context', () => {
    // rtl-1.html repeats the same Latin sentences in two paragraphs, with the same 32 characters
    // around them: only the stored position can tell them apart.
    const quote = 'Ut enim ad minim veniam';
    const saved = anchorFor(rtlText, quote, 1);
    const changed = pageTextOf(edit(rtl, '<h1>Lorem</h1>', '<h1>Lorem ipsum</h1>'));
    expect(findQuote(changed, saved)).toMatchObject({ kind: 'found', start: rangeOf(changed, quote, 1)[0] });
  });

  const qq = fixtureHtml('qq.html');
  const qqText = pageTextOf(qq);
  const chinese = 'DNC建立在神经网络的概念之上，神经网络可以模拟人类思想活动的方式。';

  it('finds a Chinese quote where it was saved, and after a paragraph above is edited', () => {
    const saved = anchorFor(qqText, chinese);
    expect(findQuote(qqText, saved)).toMatchObject({ strategy: 'position', start: saved.position.start });
    const changed = pageTextOf(
      edit(qq, '这款产品具有极其重要的意义，', '这款产品具有非常重要的意义（编者注：本段已更新），'),
    );
    const result = findQuote(changed, saved);
    expect(highlighted(changed, result)).toBe(chinese);
    expect(result).toMatchObject({ start: rangeOf(changed, chinese)[0] });
  });

  it('finds a Chinese quote after characters inside it are edited', () => {
    const saved = anchorFor(qqText, chinese);
    const editedSentence = chinese.replace('模拟', '模仿');
    const changed = pageTextOf(edit(qq, chinese, editedSentence));
    expect(highlighted(changed, findQuote(changed, saved))).toBe(editedSentence);
  });
});

describe('findQuote on a large page', () => {
  const path = sharedPath('corpus', 'news', 'wikipedia-2.html');
  const available = existsSync(path);

  it.skipIf(!available)(
    'finds fifty quotes after text is inserted above them and words inside ten of them are edited (needs the shared corpus)',
    () => {
      const text = pageTextOf(readFileSync(path, 'utf8'));
      const page = new PageText(text);
      // Fifty sentences spread evenly over the page's prose.
      const sentences = page.collapsed.match(/[A-Z][a-z]+ [a-z]+ [^.!?]{40,200}[.!?]/g) ?? [];
      expect(sentences.length).toBeGreaterThan(200);
      const step = Math.floor(sentences.length / 50);
      const chosen = Array.from({ length: 50 }, (_, i) => sentences[i * step] ?? '');
      const anchors = chosen.map((s) => anchorFor(text, s));
      // Edit one word in the middle of ten quotes (from the end, so earlier offsets stay valid).
      let changed = text;
      const edited = new Map<number, string>();
      for (let i = 45; i >= 0; i -= 5) {
        const a = anchors[i];
        if (a === undefined) continue;
        const mid = Math.floor((a.position.start + a.position.end) / 2);
        changed = `${changed.slice(0, mid)}XYZZY${changed.slice(mid + 3)}`;
        edited.set(i, collapseWhitespace(changed.slice(a.position.start, a.position.end + 2)));
      }
      changed = `Editor’s note: this article was revised.\n${changed}`;
      const changedPage = new PageText(changed);
      const results = anchors.map((a) => findQuote(changedPage, a));
      results.forEach((result, i) => {
        const expected = edited.get(i) ?? chosen[i];
        expect(result.kind, `quote ${i}`).toBe('found');
        expect(highlighted(changed, result), `quote ${i}`).toBe(expected);
      });
    },
  );
  it.skipIf(!available)(
    'maps every collapsed character of the page back to the raw character it came from (needs the shared corpus)',
    () => {
      const text = pageTextOf(readFileSync(path, 'utf8'));
      const page = new PageText(text);
      const collapsed = page.collapsed;
      expect(collapsed).toBe(collapseWhitespace(text));
      // Half a million characters: collect the wrong ones rather than assert each.
      const wrong: string[] = [];
      let last = -1;
      for (let i = 0; i < collapsed.length; i++) {
        const raw = page.rawOffset(i);
        const char = text[raw] ?? '';
        const same = collapsed[i] === ' ' ? /\s/.test(char) : char === collapsed[i];
        // Every thousandth offset: the way back lands on the same character.
        const back = i % 1000 !== 0 || page.collapsedOffset(raw) === i;
        if (raw <= last || !same || !back) wrong.push(`${i} → ${raw}`);
        last = raw;
      }
      expect(wrong.slice(0, 5)).toEqual([]);
      expect(page.rawOffset(collapsed.length)).toBe(text.length);
    },
  );

  it.skipIf(!available)(
    'finds an unchanged quote at its saved offsets, and the same text by its context when the offsets are stale (needs the shared corpus)',
    () => {
      const text = pageTextOf(readFileSync(path, 'utf8'));
      const page = new PageText(text);
      const sentences = page.collapsed.match(/[A-Z][a-z]+ [a-z]+ [^.!?]{40,200}[.!?]/g) ?? [];
      const step = Math.floor(sentences.length / 40);
      const anchors = Array.from({ length: 40 }, (_, i) => anchorFor(text, sentences[i * step] ?? ''));
      for (const anchor of anchors) {
        const here = findQuote(page, anchor);
        const { start, end } = anchor.position;
        expect(here).toMatchObject({ kind: 'found', strategy: 'position', start, end });
        // Offsets from before 25 characters of text were inserted above: found by its context.
        const shift = start - page.rawOffset(page.collapsedOffset(start) - 25);
        const stale = { ...anchor, position: { ...anchor.position, start: start - shift, end: end - shift } };
        const moved = findQuote(page, stale);
        expect(moved).toMatchObject({ kind: 'found', start, end });
        // The check at the saved offsets alone, for callers that search a window at a time.
        expect(findAtSavedPosition(text, anchor)).toMatchObject({ start, end, strategy: 'position' });
        expect(findAtSavedPosition(text, stale)).toBeNull();
        expect(moved.kind === 'found' && moved.strategy).not.toBe('position');
      }
    },
  );
});
