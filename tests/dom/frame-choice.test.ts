// Which frames start Factmark, in a real browser: the top frame at once; a same-origin frame (an
// about:blank ad slot, say) only once it has text, so empty frames load nothing.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { whenWorthStarting } from '../../src/content/frame-choice';

afterEach(() => {
  document.body.replaceChildren();
});

describe('starting in a frame', () => {
  it('starts the top frame at once, even with no text yet', () => {
    const start = vi.fn();
    whenWorthStarting({ isTop: true, pageHost: 'example.org' }, start);
    expect(start).toHaveBeenCalledTimes(1);
  });

  it('starts an empty same-origin frame only once text arrives in it, and only once', async () => {
    document.body.replaceChildren(document.createElement('div'));
    const start = vi.fn();
    whenWorthStarting({ isTop: false, pageHost: 'example.org' }, start);
    document.body.append(document.createElement('img'));
    await new Promise((resolve) => setTimeout(resolve, 0)); // the observer has seen that change
    expect(start).not.toHaveBeenCalled();
    const p = document.createElement('p');
    p.textContent = 'An embedded part of the article.';
    document.body.append(p);
    await vi.waitFor(() => expect(start).toHaveBeenCalledTimes(1));
    p.append(' More text.');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(start).toHaveBeenCalledTimes(1);
  });
});
