// A note's related fact-check in the review list (src/review/related-line.tsx): who checked it, their
// rating and their wording of the claim, linking to the fact-check. Checked on the tree Preact would render.
import { h, type VNode } from 'preact';
import { describe, expect, it } from 'vitest';
import type { RelatedFactCheck } from '../../src/messages';
import { RelatedLine } from '../../src/review/related-line';
import { makeFactCheck } from './support/fact-checks';
import { elements, expand, texts } from './support/render-tree';

const related = (overrides: Parameters<typeof makeFactCheck>[0] = {}): RelatedFactCheck => ({
  claimId: '00000000-0000-4000-8000-000000000001',
  factCheck: makeFactCheck(overrides),
  score: 0.8,
  via: 'match',
});
const render = (item: RelatedFactCheck) => expand(h(RelatedLine, { related: item }));
const links = (tree: (VNode | string)[]) =>
  elements(tree).filter((node) => node.type === 'a') as VNode<{ href: string }>[];

describe('the related fact-check line of a note', () => {
  it('says who fact-checked it, their rating and their claim, linking to the fact-check', () => {
    const tree = render(related());
    expect(texts(tree).join('')).toBe(
      'Fact-checked by PolitiFact: False — Wind turbines are killing whales off the East Coast.',
    );
    expect(links(tree).map((a) => a.props.href)).toEqual([
      'https://www.politifact.com/factchecks/2024/mar/05/wind-turbines-whales/',
    ]);
  });

  it('clips a long claim, and names the feed when the fact-check has no publisher or rating', () => {
    const claim = `The governor said ${'very '.repeat(40)}many things.`;
    const text = texts(render(related({ claim, publisher: '', rating: '' }))).join('');
    expect(text.startsWith('Fact-checked by PolitiFact (ClaimReview feed) — The governor said very')).toBe(
      true,
    );
    expect(text.endsWith('…')).toBe(true);
    expect(text.length).toBeLessThan(200);
  });

  it('links to nothing but a web page', () => {
    const tree = render(related({ url: 'javascript:alert(1)' }));
    expect(links(tree)).toEqual([]);
    expect(texts(tree).join('')).toContain('Wind turbines are killing whales');
  });
});
