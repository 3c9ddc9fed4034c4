// The highlighter, in a real browser: what it registers in the page's CSS highlight registry (the
// only trace Factmark leaves on a page), that a repaint changes only what changed, what is under a
// point, and that disposing it takes back only its own highlights — a newer content script's,
// registered under the same names after an update, stay.
import { afterEach, describe, expect, it } from 'vitest';
import { Highlighter } from '../../src/content/highlighter';

function paragraph(text: string): Text {
  const p = document.createElement('p');
  p.style.font = '20px monospace';
  p.textContent = text;
  document.body.append(p);
  return p.firstChild as Text;
}

function rangeOver(node: Text, word: string): Range {
  const range = document.createRange();
  const at = node.data.indexOf(word);
  range.setStart(node, at);
  range.setEnd(node, at + word.length);
  return range;
}

/** The registry, as name → texts under it. */
function registry(): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [name, highlight] of CSS.highlights) out[name] = [...highlight].map((r) => r.toString());
  return out;
}

afterEach(() => {
  CSS.highlights.clear();
  document.body.replaceChildren();
});

describe('the highlighter', () => {
  it('registers one highlight per verdict, and a repaint keeps the Highlight of what stayed', () => {
    const text = paragraph('The council approved the budget by nine votes to two.');
    const approved = rangeOver(text, 'approved');
    const nine = rangeOver(text, 'nine votes');
    const highlighter = new Highlighter();
    highlighter.paint([
      { id: 'a', paint: 'false', range: approved },
      { id: 'b', paint: 'accurate', range: nine },
    ]);
    expect(registry()).toEqual({ 'factmark-false': ['approved'], 'factmark-accurate': ['nine votes'] });
    const falseHighlight = CSS.highlights.get('factmark-false');

    highlighter.paint([{ id: 'a', paint: 'false', range: approved }]);
    expect(registry()).toEqual({ 'factmark-false': ['approved'] });
    expect(CSS.highlights.get('factmark-false')).toBe(falseHighlight);
    expect(highlighter.size).toBe(1);
  });

  it('lists claims and corrections in reading order, whatever order they were painted in, and leaves out what is not shown', () => {
    const first = paragraph('The council approved the budget by nine votes to two.');
    const second = paragraph('The mayor said the vote was unanimous.');
    const hidden = paragraph('A line the page hides.');
    (hidden.parentElement as HTMLElement).style.display = 'none';
    const highlighter = new Highlighter();
    highlighter.paint([
      { id: 'mayor', paint: 'false', range: rangeOver(second, 'mayor') },
      { id: 'nine', paint: 'misleading', range: rangeOver(first, 'nine votes') },
      { id: 'hidden', paint: 'false', range: rangeOver(hidden, 'hides') },
    ]);
    highlighter.paint(
      [{ id: 'council', paint: 'accurate', range: rangeOver(first, 'council') }],
      'corrections',
    );
    expect(highlighter.inReadingOrder().map((entry) => entry.id)).toEqual(['council', 'nine', 'mayor']);
  });

  it('finds the claim under a point of its highlight, and nothing beside it', () => {
    const text = paragraph('The council approved the budget.');
    const range = rangeOver(text, 'approved');
    const highlighter = new Highlighter();
    highlighter.paint([{ id: 'claim-1', paint: 'false', range }]);
    const box = range.getBoundingClientRect();
    expect(highlighter.claimsAt(box.left + box.width / 2, box.top + box.height / 2)).toEqual(['claim-1']);
    expect(highlighter.claimsAt(box.right + 200, box.top + box.height / 2)).toEqual([]);
  });

  it('keeps sentence marks in their own layers, below claims', () => {
    const text = paragraph('Taxes rose 5% in 2015. The mayor said so.');
    const highlighter = new Highlighter();
    highlighter.paintMarks([rangeOver(text, 'Taxes rose 5% in 2015.')]);
    highlighter.paintFactChecks([rangeOver(text, 'The mayor said so.')]);
    const marks = CSS.highlights.get('factmark-checkworthy')!;
    const factChecked = CSS.highlights.get('factmark-factchecked')!;
    expect(marks.priority).toBeLessThan(factChecked.priority);
    expect(factChecked.priority).toBeLessThan(0);
    highlighter.paintMarks([]);
    expect(CSS.highlights.has('factmark-checkworthy')).toBe(false);
  });

  it('on dispose, unregisters its own highlights, leaves a newer one under the same name, and paints nothing after', () => {
    const text = paragraph('The council approved the budget by nine votes.');
    const old = new Highlighter();
    old.paint([{ id: 'a', paint: 'false', range: rangeOver(text, 'approved') }]);
    old.paintMarks([rangeOver(text, 'nine votes')]);
    old.pulse('a');
    // A newer content script paints the same verdict after an update.
    const newer = new Highlighter();
    newer.paint([{ id: 'b', paint: 'misleading', range: rangeOver(text, 'budget') }]);
    const replacement = new Highlight(rangeOver(text, 'council'));
    CSS.highlights.set('factmark-pulse', replacement);

    old.dispose();
    expect(registry()).toEqual({ 'factmark-misleading': ['budget'], 'factmark-pulse': ['council'] });
    old.paint([{ id: 'a', paint: 'false', range: rangeOver(text, 'approved') }]);
    old.paintMarks([rangeOver(text, 'nine votes')]);
    expect(registry()).toEqual({ 'factmark-misleading': ['budget'], 'factmark-pulse': ['council'] });
  });
});
