// A readable fact-check write-up in Markdown: claims grouped by page (the page's title as a
// linked heading), each with its verdict, the quote, correction, note, sources and tags. Text a
// reader wrote is escaped so it shows as written and cannot add links, images or HTML. Pure.
import { plural, t } from '../i18n/translate';
import { type Claim, PAINT_LABELS, paintOf } from '../model';
import { isWebUrl } from '../url/web-address';

export const MARKDOWN_MEDIA_TYPE = 'text/markdown;charset=utf-8';

/** The write-up: pages in the order their first claim was made, claims in page order. */
export function exportMarkdown(claims: readonly Claim[], now: Date): string {
  const pages = new Map<string, Claim[]>();
  for (const claim of [...claims].sort((a, b) => a.created - b.created)) {
    const page = pages.get(claim.pageKey);
    if (page) page.push(claim);
    else pages.set(claim.pageKey, [claim]);
  }
  // A write-up for people, in the reader's language; the date stays ISO 8601 (unambiguous).
  const out = [
    `# ${t('markdown_title')}`,
    '',
    t('markdown_exported', {
      date: now.toISOString().slice(0, 10),
      claims: plural('markdown_claims', claims.length),
      pages: plural('markdown_on_pages', pages.size),
    }),
  ];
  for (const pageClaims of pages.values()) {
    pageClaims.sort((a, b) => a.position.start - b.position.start);
    const first = pageClaims[0]!;
    out.push('', `## ${link(first.title.trim() || first.url, first.url)}`);
    for (const claim of pageClaims) out.push('', ...claimSection(claim));
  }
  return `${out.join('\n')}\n`;
}

function claimSection(claim: Claim): string[] {
  const lines = [`### ${PAINT_LABELS[paintOf(claim.verdict)]}`, ''];
  lines.push(...escapeMarkdown(claim.quote.exact).map((line) => (line ? `> ${line}` : '>')));
  if (claim.correction) lines.push('', ...labelled(t('markdown_correction'), claim.correction));
  if (claim.note) lines.push('', ...labelled(t('markdown_note'), claim.note));
  if (claim.sources.length) {
    lines.push('', `**${t('markdown_sources')}**`, '');
    for (const source of claim.sources) lines.push(`- ${link(source, source)}`);
  }
  if (claim.tags.length) {
    lines.push(
      '',
      `**${t('markdown_tags')}** ${claim.tags.map((tag) => escapeMarkdown(tag).join(' ')).join(', ')}`,
    );
  }
  return lines;
}

/** "**Label:** text" (the label with its colon), each further line a hard line break, blank lines kept. */
function labelled(label: string, text: string): string[] {
  const [first = '', ...rest] = escapeMarkdown(text);
  return [`**${label}** ${first}`, ...rest].map((line, i, all) => (line && all[i + 1] ? `${line}\\` : line));
}

/** A link for web addresses (target in <…>, so no character of it can end the link early); text otherwise. */
function link(text: string, url: string): string {
  const label = escapeMarkdown(text).join(' ');
  if (!isWebUrl(url)) return label;
  return `[${label}](<${new URL(url).href}>)`;
}

/**
 * User text as Markdown that renders as the same characters: every character CommonMark could
 * read as syntax is backslash-escaped (links, images, emphasis, code, HTML, headings, lists,
 * tables, entities), leading spaces cannot make a code block. One string a line.
 */
export function escapeMarkdown(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.trim().replace(/[\\`*_{}[\]()<>#+\-.!|~=&"]/g, '\\$&'));
}
