// Markdown write-up: claims grouped under their page's linked title, each with its verdict,
// quote, correction, note, sources and tags; what readers wrote shows as written and cannot
// inject links, images or HTML.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeMarkdown, exportMarkdown } from '../../src/core/formats';
import type { Claim } from '../../src/core/model';
import { makeClaim } from './support/claims';

const T0 = Date.UTC(2024, 5, 1, 12);

const claim = (partial: Partial<Claim> & Pick<Claim, 'id'>): Claim =>
  makeClaim({ created: T0, updated: T0, ...partial });

/** What a CommonMark renderer shows for escaped text: the backslashes before punctuation go. */
const shown = (markdown: string) => markdown.replace(/\\([!-/:-@[-`{-~])/g, '$1');

describe('Markdown export', () => {
  const claims = [
    claim({
      id: 'a',
      verdict: 'false',
      quote: { type: 'TextQuoteSelector', exact: 'the Digital Rights Act', prefix: '', suffix: '' },
      position: { type: 'TextPositionSelector', start: 90, end: 112 },
      correction: 'It is the Digital Services Act.',
      sources: ['https://eur-lex.europa.eu/eli/reg/2022/2065/oj'],
      tags: ['EU', 'naming'],
    }),
    claim({
      id: 'b',
      url: 'https://other.example/',
      pageKey: 'other.example/',
      title: '',
      note: 'check later',
      created: T0 + 1,
    }),
    claim({
      id: 'c',
      verdict: 'accurate',
      quote: { type: 'TextQuoteSelector', exact: 'first line\nsecond line', prefix: '', suffix: '' },
      position: { type: 'TextPositionSelector', start: 5, end: 20 },
      created: T0 + 2,
    }),
  ];
  const markdown = exportMarkdown(claims, new Date(T0));

  it('groups claims under their page, its title a link, pages in the order first flagged', () => {
    expect(markdown).toContain('Exported from Factmark on 2024-06-01: 3 claims on 2 pages.');
    const headings = markdown.split('\n').filter((line) => line.startsWith('#'));
    expect(headings).toEqual([
      '# Fact-check notes',
      '## [The story](<https://news.example/story>)',
      '### Accurate',
      '### False',
      '## [https://other\\.example/](<https://other.example/>)',
      '### Note',
    ]);
  });

  it('shows the quote as a blockquote, then correction, sources as links, tags', () => {
    expect(markdown).toContain(
      [
        '### False',
        '',
        '> the Digital Rights Act',
        '',
        '**Correction:** It is the Digital Services Act\\.',
        '',
        '**Sources:**',
        '',
        '- [https://eur\\-lex\\.europa\\.eu/eli/reg/2022/2065/oj](<https://eur-lex.europa.eu/eli/reg/2022/2065/oj>)',
        '',
        '**Tags:** EU, naming',
      ].join('\n'),
    );
    expect(markdown).toContain('> first line\n> second line');
  });

  it('escapes notes so they cannot add links, images, HTML or headings', () => {
    const note =
      '[click me](javascript:alert(1)) ![x](https://evil.example/t.png) <script>alert(1)</script>\n# Heading\n<https://evil.example>';
    const out = exportMarkdown(
      [claim({ id: 'x', note, title: 'Page ](javascript:alert(1))' })],
      new Date(T0),
    );
    expect(out).not.toMatch(/[^\\]\[click me\]/);
    expect(out).not.toMatch(/(^|[^\\])<script/);
    expect(out).not.toMatch(/(^|[^\\])!\[/);
    expect(out).not.toMatch(/^# Heading/m);
    expect(out).not.toMatch(/(^|[^\\])<https:\/\/evil/);
    expect(out).toContain('## [Page \\]\\(javascript:alert\\(1\\)\\)](<https://news.example/story>)');
    expect(shown(out)).toContain(note.split('\n')[0]);
  });

  it('links only web addresses', () => {
    const out = exportMarkdown(
      [
        claim({
          id: 'y',
          url: 'file:///home/me/page.html',
          pageKey: 'file:///home/me/page.html',
          title: 'Local',
        }),
      ],
      new Date(T0),
    );
    expect(out).toContain('## Local\n');
  });

  it('escapes any text so it shows exactly as written (trimmed), with nothing left to parse', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const lines = escapeMarkdown(text);
        expect(lines.map(shown)).toEqual(
          text
            .replace(/\r\n?/g, '\n')
            .split('\n')
            .map((line) => line.trim()),
        );
        for (const line of lines) expect(line).not.toMatch(/(^|[^\\])(\\\\)*[[\]<>()`*_#]/);
      }),
      { numRuns: 300 },
    );
  });
});
