// The page watcher, in a real browser: it hands over text changes once the page is quiet, in one
// batch, never for Factmark's own UI or typing in an editor, notices a same-tab navigation, and
// after stop() hears nothing more. Every wait ends on a batch or a navigation being handed over.
import { afterEach, describe, expect, it } from 'vitest';
import { type PageWatch, watchPage } from '../../src/content/watch';

const SETTLE_MS = 20;
const watches: PageWatch[] = [];

/** Starts a watcher on the body; `batches` yields each batch it hands over, in turn. */
function watchBody() {
  const waiting: ((records: MutationRecord[]) => void)[] = [];
  const handed: MutationRecord[][] = [];
  const navigations: string[] = [];
  const navigated = new Promise<string>((resolve) => {
    const watch = watchPage(
      document.body,
      {
        textChanged: (records) => {
          handed.push(records);
          waiting.shift()?.(records);
        },
        navigated: (url) => {
          navigations.push(url);
          resolve(url);
        },
      },
      SETTLE_MS,
    );
    watches.push(watch);
  });
  const nextBatch = () => new Promise<MutationRecord[]>((resolve) => waiting.push(resolve));
  return { watch: watches.at(-1)!, handed, navigations, navigated, nextBatch };
}

const paragraph = (text: string) => {
  const p = document.createElement('p');
  p.textContent = text;
  return p;
};

afterEach(() => {
  for (const watch of watches.splice(0)) watch.stop();
  document.body.replaceChildren();
  history.replaceState(null, '', location.pathname);
});

describe('the page watcher', () => {
  it('hands over a burst of text changes once, as one batch', async () => {
    const p = paragraph('first');
    document.body.append(p);
    const { handed, nextBatch } = watchBody();
    const batch = nextBatch();
    p.firstChild!.textContent = 'second';
    document.body.append(paragraph('third'));
    const records = await batch;
    expect(records.map((r) => r.type).sort()).toEqual(['characterData', 'childList']);
    expect(handed).toHaveLength(1);
  });

  it("never hands over Factmark's own UI, typing in an editor or a style", async () => {
    const editor = document.createElement('div');
    editor.contentEditable = 'true';
    editor.textContent = 'draft';
    const ui = document.createElement('factmark-ui');
    document.body.append(editor, ui);
    const { nextBatch } = watchBody();
    const batch = nextBatch();
    editor.firstChild!.textContent = 'draft, typed on';
    ui.textContent = 'a card';
    const style = document.createElement('style');
    style.textContent = 'p { color: red }';
    document.body.append(style);
    // A change the watcher does hand over, after the ones it must not: the batch holds only it.
    const real = paragraph('news');
    document.body.append(real);
    const records = await batch;
    expect(records).toHaveLength(1);
    expect([...records[0]!.addedNodes]).toEqual([real]);
  });

  it('reports a same-tab navigation instead of the text change that came with it', async () => {
    const { handed, navigated } = watchBody();
    history.pushState(null, '', `${location.pathname}?story=2`);
    document.body.append(paragraph('the next story'));
    expect(await navigated).toBe(`${location.origin}${location.pathname}?story=2`);
    expect(handed).toEqual([]);
  });

  it('hears nothing after stop(), while a watcher still running hears the change', async () => {
    const stopped = watchBody();
    stopped.watch.stop();
    const running = watchBody();
    const batch = running.nextBatch();
    document.body.append(paragraph('after the end'));
    await batch;
    expect(stopped.handed).toEqual([]);
  });
});
