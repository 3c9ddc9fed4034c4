// Re-scanning only the changed text (src/core/text): after any edit to a real article, the
// matches moved past the edit plus the ones found again in the edited stretches (with a margin)
// are exactly the matches a full scan of the new text finds — for the reader's phrase rules and
// for the built-in acronym check.
import { describe, expect, it } from 'vitest';
import { checkAcronyms } from '../../src/core/acronyms';
import { compileRules, findMatches, normalise } from '../../src/core/match';
import {
  addDirty,
  type Edit,
  type Interval,
  joinRuns,
  pieceAt,
  scanWindows,
  searchWindows,
  shiftSpans,
  spliceRuns,
  touchesAny,
} from '../../src/core/text';
import { fixturePageText } from './support/page-text';

interface Span extends Interval {
  what: string;
}

const BBC = fixturePageText('bbc-1.html');
const SEED = fixturePageText('seed-article.html');
/** Phrases that occur in the BBC article (one several times), as a reader's rules. */
const PHRASES = ["the president's face", 'Mr Obama', 'White House', 'gun control'];
const RULES = compileRules(PHRASES.map((phrase) => ({ phrase })));

const ruleMatches = (text: string): Span[] =>
  findMatches(RULES, normalise(text)).map((m) => ({
    start: m.start,
    end: m.end,
    what: PHRASES[m.ruleIndex]!,
  }));
const acronymFindings = (text: string): Span[] =>
  checkAcronyms(text).map((f) => ({ start: f.start, end: f.end, what: f.acronym }));

/** What the content script does after a change: move, then re-scan the dirty stretches only. */
function incremental(
  before: Span[],
  edits: Edit[],
  text: string,
  find: (slice: string) => Span[],
  chunk = 4096,
): { spans: Span[]; scanned: number } {
  let spans = before.map((s) => ({ ...s }));
  let dirty: Interval[] = [];
  for (const edit of edits) {
    spans = shiftSpans(spans, edit).kept;
    dirty = addDirty(dirty, edit);
  }
  const keys = new Set(spans.map(key));
  let scanned = 0;
  for (const w of scanWindows(dirty, text.length, 512, chunk)) {
    scanned += w.end - w.start;
    for (const found of find(text.slice(w.start, w.end))) {
      const span = { start: found.start + w.start, end: found.end + w.start, what: found.what };
      if (touchesAny(span, dirty) && !keys.has(key(span))) {
        keys.add(key(span));
        spans.push(span);
      }
    }
  }
  return { spans: spans.sort(byStart), scanned };
}

const key = (s: Span) => `${s.what}:${s.start}:${s.end}`;
const byStart = (a: Span, b: Span) => a.start - b.start || a.end - b.end;

function apply(text: string, edit: Edit, insert: string): string {
  return text.slice(0, edit.start) + insert + text.slice(edit.oldEnd);
}

describe('re-scanning only the edited text of a real article', () => {
  it('finds the rule phrases the article uses (the fixture is what the tests think it is)', () => {
    const whats = new Set(ruleMatches(BBC).map((m) => m.what));
    expect([...whats].sort()).toEqual([...PHRASES].sort());
  });

  const at = (needle: string) => {
    const i = BBC.indexOf(needle);
    if (i < 0) throw new Error(`not in the article: ${needle}`);
    return i;
  };
  const cases: [string, () => { edit: Edit; insert: string }][] = [
    [
      'a paragraph added in the middle that names the White House',
      () => ({
        edit: { start: at('Mr Obama'), oldEnd: at('Mr Obama'), newLength: 0 },
        insert: 'Later, the White House said nothing on gun control. ',
      }),
    ],
    [
      'a word inserted inside a phrase breaks that match only',
      () => {
        const i = at("the president's face") + "the president's".length;
        return { edit: { start: i, oldEnd: i, newLength: 0 }, insert: ' tired' };
      },
    ],
    [
      'a letter appended to the last word of a phrase ("face" → "faces") unmatches it',
      () => {
        const i = at("the president's face") + "the president's face".length;
        return { edit: { start: i, oldEnd: i, newLength: 0 }, insert: 's' };
      },
    ],
    [
      'text deleted between two words makes a phrase appear across the join',
      () => {
        const i = at('Mr Obama');
        return { edit: { start: i, oldEnd: i, newLength: 0 }, insert: 'gun XYZ' };
      },
    ],
    [
      'the first 3,000 characters replaced by other text',
      () => ({
        edit: { start: 0, oldEnd: 3000, newLength: 0 },
        insert: 'A new lead. Mr Obama spoke at the White House. ',
      }),
    ],
    ['the whole text removed', () => ({ edit: { start: 0, oldEnd: BBC.length, newLength: 0 }, insert: '' })],
  ];

  for (const [name, make] of cases) {
    it(`rules: ${name}`, () => {
      const { edit, insert } = make();
      edit.newLength = insert.length;
      const after = apply(BBC, edit, insert);
      const { spans, scanned } = incremental(ruleMatches(BBC), [edit], after, ruleMatches);
      expect(spans).toEqual(ruleMatches(after).sort(byStart));
      // Only a small part of a 1 MB-class page is read again (unless the edit is that big).
      if (edit.oldEnd - edit.start < 5000) expect(scanned).toBeLessThan(2 * 512 + insert.length + 2);
    });
  }

  it('rules: the phrase joined across a deletion is found ("gun" + "control")', () => {
    const text = 'We talk about gun and then control of it.';
    const i = text.indexOf(' and then');
    const edit: Edit = { start: i, oldEnd: text.indexOf(' control'), newLength: 0 };
    const after = apply(text, edit, '');
    const { spans } = incremental(ruleMatches(text), [edit], after, ruleMatches);
    expect(spans.map((s) => after.slice(s.start, s.end))).toEqual(['gun control']);
  });

  it('rules: several edits in one batch, each in the offsets the one before left', () => {
    let text = BBC;
    const edits: Edit[] = [];
    const inserts = ['The White House. ', 'gun control ', '', 'Mr Obama, '];
    for (const [n, insert] of inserts.entries()) {
      const start = Math.floor((text.length * (n + 1)) / 6);
      const edit = { start, oldEnd: start + (insert === '' ? 400 : 0), newLength: insert.length };
      text = apply(text, edit, insert);
      edits.push(edit);
    }
    expect(incremental(ruleMatches(BBC), edits, text, ruleMatches).spans).toEqual(
      ruleMatches(text).sort(byStart),
    );
  });

  it('acronyms: "Digital Rights Act (DSA)" is found again when a paragraph above it changes, and when it is retyped', () => {
    const before = acronymFindings(SEED);
    expect(before.map((f) => SEED.slice(f.start, f.end))).toContain('Digital Rights Act (DSA)');
    const i = SEED.indexOf('Digital Rights Act');
    const above: Edit = { start: 100, oldEnd: 140, newLength: 3 };
    const afterAbove = apply(SEED, above, 'New');
    expect(incremental(before, [above], afterAbove, acronymFindings).spans).toEqual(
      acronymFindings(afterAbove),
    );
    const retyped: Edit = { start: i + 8, oldEnd: i + 14, newLength: 7 };
    const afterRetype = apply(SEED, retyped, 'Markets');
    const { spans } = incremental(before, [retyped], afterRetype, acronymFindings);
    expect(spans).toEqual(acronymFindings(afterRetype));
    expect(spans.map((f) => afterRetype.slice(f.start, f.end))).toContain('Digital Markets Act (DSA)');
  });

  it('a full scan cut into windows of 4 KB finds exactly what one pass over the text finds', () => {
    const all: Interval[] = [{ start: 0, end: BBC.length }];
    const windows = scanWindows(all, BBC.length, 512, 4096);
    expect(windows.length).toBe(Math.ceil(BBC.length / 4096));
    const { spans } = incremental([], [{ start: 0, oldEnd: 0, newLength: BBC.length }], BBC, ruleMatches);
    expect(spans).toEqual(ruleMatches(BBC).sort(byStart));
  });
});

describe('moving spans and dirty stretches past edits', () => {
  it('moves spans after an edit, keeps spans before it, drops spans it touches (edges included)', () => {
    const spans = [
      { start: 0, end: 5 },
      { start: 10, end: 20 },
      { start: 20, end: 25 },
      { start: 30, end: 40 },
    ];
    const { kept, touched } = shiftSpans(spans, { start: 20, oldEnd: 22, newLength: 10 });
    expect(kept).toEqual([
      { start: 0, end: 5 },
      { start: 38, end: 48 },
    ]);
    expect(touched).toHaveLength(2);
  });

  it('merges dirty stretches that an edit overlaps and moves the ones after it', () => {
    let dirty = addDirty([], { start: 100, oldEnd: 100, newLength: 50 }); // [100, 150)
    dirty = addDirty(dirty, { start: 10, oldEnd: 20, newLength: 0 }); // [10,10), [90, 140)
    expect(dirty).toEqual([
      { start: 10, end: 10 },
      { start: 90, end: 140 },
    ]);
    dirty = addDirty(dirty, { start: 120, oldEnd: 200, newLength: 5 });
    expect(dirty).toEqual([
      { start: 10, end: 10 },
      { start: 90, end: 125 },
    ]);
    expect(touchesAny({ start: 5, end: 10 }, dirty)).toBe(true);
    expect(touchesAny({ start: 11, end: 20 }, dirty)).toBe(false);
    expect(touchesAny({ start: 125, end: 130 }, dirty)).toBe(true);
  });
});

describe('the joined text of the page, patched piece by piece', () => {
  const paragraphs = BBC.split(/(?<=\n)/).filter((p) => p.length > 0);

  it('replacing some paragraphs gives the same text and offsets as joining them afresh', () => {
    const runs = joinRuns([...paragraphs.keys()], paragraphs);
    expect(runs.text).toBe(BBC);
    const fresh = ['An added line.\n', 'Another one.\n'];
    const edit = spliceRuns(runs, 5, 9, [-1, -2], fresh);
    const expected = [...paragraphs.slice(0, 5), ...fresh, ...paragraphs.slice(9)];
    expect(runs.text).toBe(expected.join(''));
    const again = joinRuns([...expected.keys()], expected);
    expect([...runs.starts]).toEqual([...again.starts]);
    expect(edit.start).toBe(paragraphs.slice(0, 5).join('').length);
    expect(edit.oldEnd - edit.start).toBe(paragraphs.slice(5, 9).join('').length);
    expect(edit.newLength).toBe(fresh.join('').length);
    // The piece holding a character is found by its offset.
    const offset = runs.text.indexOf('Another one.');
    expect(runs.pieces[pieceAt(runs.starts, offset)]).toBe(-2);
  });

  it('appending at the end and removing everything both work', () => {
    const runs = joinRuns(['a'], ['first ']);
    expect(spliceRuns(runs, 1, 1, ['b'], ['second'])).toEqual({ start: 6, oldEnd: 6, newLength: 6 });
    expect(runs.text).toBe('first second');
    expect(spliceRuns(runs, 0, 2, [], [])).toEqual({ start: 0, oldEnd: 12, newLength: 0 });
    expect(runs.text).toBe('');
    expect(runs.starts.length).toBe(0);
  });
});

describe('windows for looking a quote up a piece of a long page at a time', () => {
  it('cover the whole text, overlap enough to hold any stretch that long, and start where the quote was', () => {
    const windows = searchWindows(BBC.length, 20_000, 8192, 1024);
    expect(windows[0]!.start).toBeLessThanOrEqual(20_000);
    expect(windows[0]!.end).toBeGreaterThan(20_000);
    const sorted = [...windows].sort((a, b) => a.start - b.start);
    expect(sorted[0]!.start).toBe(0);
    expect(sorted.at(-1)!.end).toBe(BBC.length);
    for (let i = 1; i < sorted.length; i++)
      expect(sorted[i - 1]!.end - sorted[i]!.start).toBeGreaterThanOrEqual(1024);
    // Every sentence of the article (up to the overlap long) lies wholly inside some window.
    for (const match of BBC.matchAll(/[^.]{20,900}\./g)) {
      const start = match.index;
      const end = start + match[0].length;
      expect(windows.some((w) => w.start <= start && w.end >= end)).toBe(true);
    }
  });

  it('a short text is one window', () => {
    expect(searchWindows(100, 50, 8192, 1024)).toEqual([{ start: 0, end: 100 }]);
  });
});
