// The article body's sentences, in a real browser: each sentence's offsets point at its own text
// in the page's index, however many links and inline pieces its paragraph is made of and though
// footnote markers inside it are left out of its text; page furniture and empty blocks give none.
import { afterEach, describe, expect, it } from 'vitest';
import { bodySentences } from '../../src/content/article-body';
import { TextIndex } from '../../src/content/text-index';

afterEach(() => {
  document.body.replaceChildren();
});

describe("the article body's sentences", () => {
  it('point at their own text in the index, in a paragraph of many links and footnote markers', async () => {
    const root = document.createElement('article');
    // One paragraph of 80 pieces (text, a link, a marker, text…) holding 20 sentences; the
    // markers are in the index but not in a sentence's text.
    const pieces = Array.from(
      { length: 20 },
      (_, i) =>
        `Sentence ${i} cites <a href="#r${i}">source ${i}</a><sup aria-hidden="true">[${i}]</sup> and ends here. `,
    ).join('');
    root.innerHTML = `<h1>A long paragraph</h1><p>${pieces}</p><div>   </div><nav>Home. About us.</nav>`;
    document.body.append(root);
    const index = TextIndex.build(document.body);
    const sentences = await bodySentences(index, root);
    expect(sentences.map((s) => s.text)).toEqual([
      'A long paragraph',
      ...Array.from({ length: 20 }, (_, i) => `Sentence ${i} cites source ${i} and ends here.`),
    ]);
    for (const s of sentences) {
      const marker = /^Sentence (\d+)/.exec(s.text)?.[1];
      expect(index.text.slice(s.start, s.end)).toBe(
        marker === undefined ? s.text : s.text.replace(` and ends`, `[${marker}] and ends`),
      );
    }
  });
});
