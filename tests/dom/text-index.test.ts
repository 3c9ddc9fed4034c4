// The page's text index, in a real browser (Chromium, vitest's browser mode): what it reads of a
// page and what it leaves out, how its offsets become Ranges and back, and how a patch from real
// mutation records keeps it equal to a fresh build — the contract anchoring and matching rely on.
import { afterEach, describe, expect, it } from 'vitest';
import { Slicer } from '../../src/content/slices';
import { TextIndex } from '../../src/content/text-index';

/** A fresh article in the test page's body, built from markup the test controls. */
function article(html: string): HTMLElement {
  const root = document.createElement('article');
  root.innerHTML = html;
  document.body.append(root);
  return root;
}

/** Runs `change` and answers the mutation records it caused under `root`. */
async function recordsOf(root: Node, change: () => void): Promise<MutationRecord[]> {
  const observer = new MutationObserver(() => undefined);
  observer.observe(root, { childList: true, subtree: true, characterData: true });
  change();
  const records = observer.takeRecords();
  observer.disconnect();
  return records;
}

afterEach(() => {
  document.body.replaceChildren();
});

describe('the text index of a page', () => {
  it('reads the text nodes a reader sees, in order and joined as they are, and leaves out scripts, styles, form fields, editors and its own UI', () => {
    const root = article(`<h1>Budget vote</h1><p>The council <b>approved</b> it.</p>
      <script>var hidden = 1;</script><style>p { color: red }</style>
      <textarea>typed text</textarea><div contenteditable="true">a draft</div>
      <factmark-ui>the card</factmark-ui><p>Nine votes to two.</p>`);
    const { text } = TextIndex.build(root);
    // No separator is added between elements: matching and anchoring read the text nodes' own text.
    expect(text.replace(/\s+/g, ' ').trim()).toBe('Budget voteThe council approved it. Nine votes to two.');
  });

  it('reads open shadow roots, before their host’s own children', () => {
    const root = article('<div id="host"><span>light</span></div><p>after</p>');
    const host = root.querySelector('#host')!;
    host.attachShadow({ mode: 'open' }).innerHTML = '<p>shadow text</p><slot></slot>';
    const index = TextIndex.build(root);
    expect(index.text.replace(/\s+/g, ' ')).toBe('shadow textlightafter');
    expect(index.shadowRoots.size).toBe(1);
  });

  it('turns offsets into a Range over exactly that text, across elements, and the Range back into the offsets', () => {
    const root = article('<p>The council <b>approved the budget</b> by nine votes.</p>');
    const index = TextIndex.build(root);
    const start = index.text.indexOf('approved');
    const end = index.text.indexOf(' votes');
    const range = index.rangeFor(start, end)!;
    expect(range.toString()).toBe('approved the budget by nine');
    expect(index.offsetsOf(range)).toEqual({ start, end });
  });

  it('builds the same index in slices as at once', async () => {
    const root = article(
      Array.from({ length: 2_000 }, (_, i) => `<p>Paragraph ${i} with <i>some</i> text.</p>`).join(''),
    );
    const sliced = await TextIndex.buildInSlices(root, new Slicer());
    const whole = TextIndex.build(root);
    expect(sliced.text).toBe(whole.text);
    expect(sliced.size).toBe(whole.size);
    const at = whole.text.indexOf('Paragraph 1500');
    expect(sliced.rangeFor(at, at + 14)!.toString()).toBe('Paragraph 1500');
  });

  it('after a patch from the mutation records, equals a fresh build, and says what it edited', async () => {
    const root = article('<p id="a">The council approved the budget.</p><p id="b">Nine votes to two.</p>');
    const index = TextIndex.build(root);
    const records = await recordsOf(root, () => {
      root.querySelector('#a')!.firstChild!.textContent = 'The council rejected the budget.';
      const more = document.createElement('p');
      more.textContent = 'A later update.';
      root.append(more);
      root.querySelector('#b')!.remove();
    });
    const edits = index.patch(records);
    expect(edits).not.toBeNull();
    expect(edits!.length).toBeGreaterThan(0);
    expect(index.text).toBe(TextIndex.build(root).text);
    const at = index.text.indexOf('later update');
    expect(index.rangeFor(at, at + 12)!.toString()).toBe('later update');
  });

  it('asks to be rebuilt instead of patched when too much changed at once', async () => {
    const root = article(Array.from({ length: 50 }, (_, i) => `<p>p${i}</p>`).join(''));
    const index = TextIndex.build(root);
    const records = await recordsOf(root, () => {
      for (const p of root.querySelectorAll('p')) p.firstChild!.textContent = 'changed';
    });
    expect(index.patch(records, 10)).toBeNull();
  });
});
