// How a claim is shown (src/ui/claim-view.tsx, used by the in-page card and the popup): what the
// reader wrote is text, whatever markup it holds, and only http/https sources become links —
// opened in a new tab with no opener and no referrer. Checked on the component tree Preact would
// render, with function components expanded.
import { type ComponentChild, h, type VNode } from 'preact';
import { describe, expect, it } from 'vitest';
import type { Claim } from '../../src/core/model';
import { ClaimView, SourceLinks, type WordsAs } from '../../src/ui/claim-view';
import { makeClaim } from './support/claims';
import { elements, expand, texts } from './support/render-tree';

const T0 = Date.UTC(2026, 0, 1);

const claim = (partial: Partial<Claim>): Claim =>
  makeClaim({ id: 'c1', verdict: 'false', created: T0, updated: T0, ...partial });

type LinkProps = { href: string; target: string; rel: string; children: ComponentChild };

describe('SourceLinks', () => {
  const sources = [
    'https://www.bbc.co.uk/news/world-123',
    'http://example.org/report',
    'javascript:alert(document.cookie)',
    'JaVaScRiPt:alert(1)',
    ' javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    'ftp://files.example/x',
    '//evil.example/protocol-relative',
    'not a url',
  ];

  it('links only the http and https sources, in a new tab with rel="noopener noreferrer"', () => {
    const links = elements(expand(h(SourceLinks, { sources }))).filter((n) => n.type === 'a');
    expect(links.map((a) => (a.props as LinkProps).href)).toEqual([
      'https://www.bbc.co.uk/news/world-123',
      'http://example.org/report',
    ]);
    for (const a of links) {
      expect((a.props as LinkProps).target).toBe('_blank');
      expect((a.props as LinkProps).rel).toBe('noopener noreferrer');
    }
    // Each link reads as its host and path.
    expect(links.map((a) => texts(expand((a.props as LinkProps).children)).join(''))).toEqual([
      'bbc.co.uk/news/world-123',
      'example.org/report',
    ]);
  });

  it('shows nothing at all when no source is a web address', () => {
    expect(expand(h(SourceLinks, { sources: ['javascript:alert(1)', 'data:text/plain,hi'] }))).toEqual([]);
  });
});

const markup = {
  correction: `<b onmouseover="alert(1)">bold</b>`,
  note: `<img src=x onerror="alert(document.domain)">\nsecond line`,
  tags: ['<i>tag</i>', '<script>alert(1)</script>'],
  quote: '</blockquote><iframe src="javascript:alert(1)">',
};
const view = (as?: WordsAs) =>
  expand(
    h(ClaimView, {
      claim: claim({
        correction: markup.correction,
        note: markup.note,
        tags: markup.tags,
        quote: { type: 'TextQuoteSelector', exact: markup.quote, prefix: '', suffix: '' },
        sources: ['javascript:alert(1)', 'https://example.org/ok'],
      }),
      ...(as ? { as } : {}),
    }),
  );

function expectNoMarkup(tree: (VNode | string)[]) {
  const tags = new Set(elements(tree).map((n) => n.type));
  for (const made of ['img', 'b', 'i', 'script', 'iframe']) expect(tags.has(made)).toBe(false);
  for (const n of elements(tree)) expect(n.props).not.toHaveProperty('dangerouslySetInnerHTML');
  const hrefs = elements(tree)
    .filter((n) => n.type === 'a')
    .map((n) => (n.props as LinkProps).href);
  expect(hrefs).toEqual(['https://example.org/ok']);
}

describe('ClaimView as text (popup)', () => {
  const tree = view();

  it('shows a quote, correction, note and tags written as HTML as the text they are', () => {
    const shown = texts(tree);
    for (const text of [markup.quote, markup.correction, markup.note, ...markup.tags]) {
      expect(shown).toContain(text);
    }
  });

  it('makes no element from that markup and never sets HTML', () => expectNoMarkup(tree));
});

describe('ClaimView unsearchable (in-page card)', () => {
  const tree = view('unsearchable');
  const generated = elements(tree)
    .map((n) => (n.props as { 'data-text'?: string })['data-text'])
    .filter((t): t is string => t !== undefined);

  it("puts the reader's correction, note, tags and source names in generated content, not text nodes", () => {
    for (const text of [markup.correction, markup.note, ...markup.tags, 'example.org/ok']) {
      expect(generated).toContain(text);
      expect(texts(tree).some((t) => t.includes(text))).toBe(false);
    }
    // The quote is the page's own text: it stays text.
    expect(texts(tree)).toContain(markup.quote);
  });

  it('still makes no element from that markup and never sets HTML', () => expectNoMarkup(tree));
});
