// The page's "Fact-checked before" card (src/ui/fact-check-view.tsx, in the card of
// src/content/page-ui.tsx): what a reader sees of a fact-check that checked a sentence of the page,
// and what "Not the same claim" does. Checked on the tree Preact would render, function components
// expanded; the feed's words are drawn as generated content in the page, so both text nodes and
// `data-text` count as shown.
import { type ComponentChild, h, type VNode } from 'preact';
import { describe, expect, it } from 'vitest';
import { FactCheckPanel, notTheSameClaim, readableDate } from '../../src/ui/fact-check-view';
import { makeMark } from './support/fact-checks';
import { elements, expand } from './support/render-tree';

type LinkProps = { href: string; target: string; rel: string; children: ComponentChild };
type ButtonProps = { onClick(): void; 'aria-label'?: string; children: ComponentChild };

/** Every piece of text a reader sees: text nodes and generated content. */
function shown(tree: (VNode | string)[]): string {
  return tree
    .map((n) => (typeof n === 'string' ? n : ((n.props as { 'data-text'?: string })['data-text'] ?? '')))
    .join('');
}

function panel(mark = makeMark(), extra: { error?: string; onNotTheSame?(): void; onClose?(): void } = {}) {
  return expand(
    h(FactCheckPanel, {
      mark,
      error: extra.error ?? '',
      onNotTheSame: extra.onNotTheSame ?? (() => undefined),
      onClose: extra.onClose ?? (() => undefined),
      as: 'unsearchable',
    }),
  );
}

/** The class of the rating's badge. */
const badgeClass = (tree: (VNode | string)[]) =>
  elements(tree)
    .map((n) => (n.props as { class?: unknown }).class)
    .find((c): c is string => typeof c === 'string' && c.startsWith('fm-verdict'));
const links = (tree: (VNode | string)[]) =>
  elements(tree)
    .filter((n) => n.type === 'a')
    .map((n) => n.props as LinkProps);
const buttons = (tree: (VNode | string)[]) =>
  elements(tree)
    .filter((n) => n.type === 'button')
    .map((n) => n.props as ButtonProps);

describe('the Fact-checked before card', () => {
  it('shows the heading, publisher, rating as published, a readable date, the claim and the words in common', () => {
    const text = shown(panel());
    expect(text).toContain('Fact-checked before');
    expect(text).toContain('PolitiFact');
    expect(text).toContain('False');
    expect(text).toContain(readableDate('2024-03-05'));
    expect(text).not.toContain('2024-03-05');
    expect(text).toContain('Wind turbines are killing whales off the East Coast.');
    expect(text).toContain('Words in common: turbines, whales');
    expect(text).toContain('Feed: PolitiFact (ClaimReview feed)');
  });

  it('colours a known rating as its verdict and shows an unknown one in its own words, uncoloured', () => {
    expect(badgeClass(panel())).toBe('fm-verdict fm-verdict-false');
    const tree = panel(makeMark({ rating: 'Four Bananas', verdict: null }));
    expect(shown(tree)).toContain('Four Bananas');
    expect(badgeClass(tree)).toBe('fm-verdict fm-rating-unknown');
  });

  it('links "Read the fact-check" to the fact-check, in a new tab with no opener or referrer', () => {
    const [link, ...more] = links(panel());
    expect(more).toEqual([]);
    expect(link?.href).toBe('https://www.politifact.com/factchecks/2024/mar/05/wind-turbines-whales/');
    expect(link?.target).toBe('_blank');
    expect(link?.rel).toBe('noopener noreferrer');
    expect(shown(expand(link?.children))).toBe('Read the fact-check');
  });

  it('makes no link of a javascript: or data: address', () => {
    expect(links(panel(makeMark({ url: 'javascript:alert(document.cookie)' })))).toEqual([]);
    expect(links(panel(makeMark({ url: 'data:text/html,<script>alert(1)</script>' })))).toEqual([]);
  });

  it('says nothing of words in common when there are none', () => {
    expect(shown(panel(makeMark({}, [])))).not.toContain('Words in common');
  });

  it('offers "Not the same claim" and a labelled close button, and shows an error as an alert', () => {
    let dismissed = 0;
    let closed = 0;
    const tree = panel(makeMark(), {
      error: 'Could not dismiss this fact-check: Try again.',
      onNotTheSame: () => dismissed++,
      onClose: () => closed++,
    });
    const [notSame, close] = buttons(tree);
    expect(shown(expand(notSame?.children))).toBe('Not the same claim');
    expect(close?.['aria-label']).toBe('Close');
    notSame?.onClick();
    close?.onClick();
    expect([dismissed, closed]).toEqual([1, 1]);
    const alert = elements(tree).find((n) => (n.props as { role?: string }).role === 'alert');
    expect(shown(expand(alert))).toBe('Could not dismiss this fact-check: Try again.');
  });
});

describe('Not the same claim', () => {
  it('dismisses the fact-check by its id, then closes the card', async () => {
    const calls: string[] = [];
    const id = makeMark().factCheck.id;
    await notTheSameClaim(
      id,
      async (dismissed) => void calls.push(`dismiss ${dismissed}`),
      () => calls.push('close'),
      (message) => calls.push(`error ${message}`),
    );
    expect(calls).toEqual([`dismiss ${id}`, 'close']);
  });

  it('keeps the card open and says why when the dismissal fails', async () => {
    const calls: string[] = [];
    await notTheSameClaim(
      makeMark().factCheck.id,
      async () => {
        throw new Error('Could not reach Factmark. Try again.');
      },
      () => calls.push('close'),
      (message) => calls.push(message),
    );
    expect(calls).toEqual(['Could not dismiss this fact-check: Could not reach Factmark. Try again.']);
  });
});

describe('readableDate', () => {
  it('writes a published day in words', () => {
    expect(readableDate('2024-03-05', 'en-GB')).toBe('5 March 2024');
    expect(readableDate('2024-03-05', 'en-US')).toBe('March 5, 2024');
  });

  it('keeps a published day the same calendar day for a reader west of UTC', () => {
    const zone = process.env.TZ;
    process.env.TZ = 'America/Los_Angeles';
    try {
      expect(new Date('2024-03-05T00:00:00Z').getDate()).toBe(4); // the zone took effect
      expect(readableDate('2024-03-05', 'en-GB')).toBe('5 March 2024');
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });

  it('reads a date with a time', () => {
    expect(readableDate('2023-11-30T12:00:00Z', 'en-GB')).toBe('30 November 2023');
  });

  it('keeps text it cannot read as a date as published', () => {
    expect(readableDate('last Tuesday', 'en-GB')).toBe('last Tuesday');
    expect(readableDate('2024-13-45', 'en-GB')).toBe('2024-13-45');
    expect(readableDate('', 'en-GB')).toBe('');
  });
});
