// Test helper: a page's text as the content script would build it (every text node under <body>,
// in document order, nothing added between them), approximated from HTML without a DOM.
// Crude on purpose: it drops <head>, comments, <script>/<style>/<noscript>/<template> blocks and
// every tag, and decodes the common entities. Good enough for anchoring tests; not a parser.

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  middot: '·',
  copy: '©',
  ndash: '–',
  mdash: '—',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  hellip: '…',
};

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (entity, name: string) => {
    if (name[0] === '#') {
      const code =
        name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
    }
    return NAMED[name.toLowerCase()] ?? entity;
  });
}

/** The text of an HTML page's <body>, as one string. */
export function pageTextOf(html: string): string {
  const body = html.replace(/^[\s\S]*?<body\b[^>]*>/i, '').replace(/<\/body>[\s\S]*$/i, '');
  return decodeEntities(
    body
      .replace(/<!--[\s\S]*?-->/g, '')
      .replace(/<(script|style|noscript|template)\b[\s\S]*?<\/\1\s*>/gi, '')
      .replace(/<[^>]*>/g, ''),
  );
}

/** The HTML of a page saved under tests/fixtures/pages/. */
export function fixtureHtml(name: string): string {
  return readFileSync(fileURLToPath(new URL(`../../fixtures/pages/${name}`, import.meta.url)), 'utf8');
}

/** The text of a page saved under tests/fixtures/pages/. */
export function fixturePageText(name: string): string {
  return pageTextOf(fixtureHtml(name));
}
