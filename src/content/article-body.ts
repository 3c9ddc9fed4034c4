// Finds the article body of a page and its sentences, as offsets in the page's TextIndex: what
// check-worthiness detection reads. Menus, headers, footers, asides, comment sections and forms
// are left out. Reads the DOM, never changes it; the splitting itself is src/core/detect/sentences.ts.
import { splitSentences } from '../core/detect/sentences';
import { type TextIndex, UI_HOST_TAG } from './text-index';

/** A sentence of the article body: `index.text.slice(start, end)`. */
export interface BodySentence {
  start: number;
  end: number;
  text: string;
}

/** Elements TextIndex leaves out (kept in step with its SKIP list, so every node read here is indexed). */
const UNINDEXED = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'TEXTAREA',
  'SELECT',
  'OPTION',
  'SVG',
  'IFRAME',
]);

/** Page furniture: never article text. */
const CHROME_TAGS = new Set(['NAV', 'HEADER', 'FOOTER', 'ASIDE', 'FORM', 'BUTTON', 'DIALOG', 'MENU']);
const CHROME_ROLES = new Set([
  'navigation',
  'banner',
  'contentinfo',
  'complementary',
  'search',
  'dialog',
  'menu',
]);
/** Comment sections: "comments", "comment-list", "js-comments" (not "commentary"), Disqus. */
const COMMENTS_RE = /(?:^|[\s_-])comments?(?:$|[\s_-])|disqus/i;

/** Elements whose text is a block of its own: a sentence never runs across their edges. */
const BLOCKS = new Set(
  (
    'P DIV SECTION ARTICLE MAIN BODY H1 H2 H3 H4 H5 H6 LI UL OL DL DT DD BLOCKQUOTE PRE FIGURE ' +
    'FIGCAPTION TABLE THEAD TBODY TR TD TH CAPTION HR BR ADDRESS DETAILS SUMMARY'
  ).split(' '),
);

/** Enough paragraph text for a candidate container to count as the article. */
const MIN_ARTICLE_TEXT = 400;

/** Whether an element is page furniture (navigation, banner, footer, aside, comments, form). */
function isPageChrome(element: Element): boolean {
  if (CHROME_TAGS.has(element.tagName.toUpperCase())) return true;
  const role = element.getAttribute('role');
  if (role && CHROME_ROLES.has(role)) return true;
  if (element.hasAttribute('hidden') || element.getAttribute('aria-hidden') === 'true') return true;
  const id = element.id;
  const cls = element.getAttribute('class');
  return (id !== '' && COMMENTS_RE.test(id)) || (cls !== null && COMMENTS_RE.test(cls));
}

function insideChrome(element: Element, stop: Element | null): boolean {
  for (let e: Element | null = element; e && e !== stop; e = e.parentElement)
    if (isPageChrome(e)) return true;
  return false;
}

/** Text length of the paragraphs under `root` that are not page furniture. */
function paragraphText(root: Element): number {
  let total = 0;
  for (const p of root.querySelectorAll('p')) if (!insideChrome(p, root)) total += p.textContent?.length ?? 0;
  return total;
}

/** Where an article usually is, most telling first. */
const ARTICLE_SELECTORS = ['[itemprop~="articleBody"]', 'article', '[role="main"]', 'main'];

/** Of the elements matching `selector`, the one with the most paragraph text, if it has enough. */
function bestMatch(doc: Document, selector: string): Element | null {
  let best: Element | null = null;
  let bestText = MIN_ARTICLE_TEXT - 1;
  for (const candidate of doc.querySelectorAll(selector)) {
    if (insideChrome(candidate, null)) continue;
    const text = paragraphText(candidate);
    if (text > bestText) {
      best = candidate;
      bestText = text;
    }
  }
  return best;
}

/**
 * The element holding the article: an `itemprop=articleBody`, `<article>`, `[role=main]` or
 * `<main>` with enough paragraph text (the one with the most, when there are several); else the
 * element whose direct paragraphs hold the most text; else the body.
 */
export function findArticleBody(doc: Document): Element {
  for (const selector of ARTICLE_SELECTORS) {
    const best = bestMatch(doc, selector);
    if (best) return best;
  }
  return densestBlock(doc) ?? doc.body;
}

/**
 * findArticleBody, a selector per slice: on a page of 200,000 elements each query over the whole
 * document takes milliseconds, and five of them together would hold the page's thread too long.
 */
async function findArticleBodyInSlices(doc: Document, next: NextSlice): Promise<Element> {
  for (const selector of ARTICLE_SELECTORS) {
    await next();
    const best = bestMatch(doc, selector);
    if (best) return best;
  }
  await next();
  return densestBlock(doc) ?? doc.body;
}

/** The parent whose paragraphs hold the most text. */
function densestBlock(doc: Document): Element | null {
  const totals = new Map<Element, number>();
  for (const p of doc.body.querySelectorAll('p')) {
    const parent = p.parentElement;
    if (!parent || insideChrome(p, null)) continue;
    totals.set(parent, (totals.get(parent) ?? 0) + (p.textContent?.length ?? 0));
  }
  let best: Element | null = null;
  let bestText = 0;
  for (const [parent, text] of totals) {
    if (text > bestText) {
      best = parent;
      bestText = text;
    }
  }
  return best;
}

/** Waits for the next slice of time and answers its budget in ms (see checkworthy.ts). */
export type NextSlice = () => Promise<number>;

/** What the walk needs to know of an element: is its text left out, and which block holds it. */
interface Place {
  skip: boolean;
  block: Element;
}

/**
 * The sentences of `root`'s text, in document order, as offsets in `index` (which must have been
 * built over `root` or an ancestor of it). Page furniture inside `root` is left out of a
 * sentence's text (its range may still span an inline piece, such as a footnote marker); a
 * sentence never crosses a block's edge (paragraph, heading, list item, table cell). With `next`,
 * the walk pauses for the next slice whenever it has used the current one's budget.
 */
export async function bodySentences(
  index: TextIndex,
  root: Element,
  next?: NextSlice,
): Promise<BodySentence[]> {
  const places = new Map<Element, Place>();
  places.set(root, { skip: false, block: root });
  const placeOf = (element: Element): Place => {
    const known = places.get(element);
    if (known) return known;
    const parent = element.parentElement;
    const above = parent ? placeOf(parent) : { skip: false, block: root };
    const tag = element.tagName.toUpperCase();
    const place: Place = {
      skip: above.skip || UNINDEXED.has(tag) || element.localName === UI_HOST_TAG || isPageChrome(element),
      block: BLOCKS.has(tag) ? element : above.block,
    };
    places.set(element, place);
    return place;
  };

  const sentences: BodySentence[] = [];
  // The current block's text, and where each of its pieces starts in the index.
  let text = '';
  let pieceAt: number[] = [];
  let pieceOffset: number[] = [];
  let block: Element | null = null;
  /** The index offset of a place in the block's text: the last piece starting at or before it. */
  const toOffset = (at: number): number => {
    let lo = 0;
    let hi = pieceAt.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((pieceAt[mid] ?? 0) <= at) lo = mid;
      else hi = mid - 1;
    }
    return (pieceOffset[lo] ?? 0) + at - (pieceAt[lo] ?? 0);
  };
  const flush = () => {
    if (text.trim() === '') {
      if (text !== '') {
        text = '';
        pieceAt = [];
        pieceOffset = [];
      }
      return;
    }
    for (const span of splitSentences(text)) {
      sentences.push({
        start: toOffset(span.start),
        end: toOffset(span.end - 1) + 1,
        text: text.slice(span.start, span.end),
      });
    }
    text = '';
    pieceAt = [];
    pieceOffset = [];
  };

  const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let budget = next ? await next() : Number.POSITIVE_INFINITY;
  let sliceStart = performance.now();
  let count = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (next && ++count % 16 === 0 && performance.now() - sliceStart > budget) {
      budget = await next();
      sliceStart = performance.now();
    }
    const data = (node as Text).data;
    const parent = node.parentElement;
    if (data.length === 0 || !parent) continue;
    const place = placeOf(parent);
    if (place.skip) continue;
    const offset = index.startOf(node as Text);
    // Not in the index (added to the page since it was built, or changed): left out.
    if (offset === null || !index.text.startsWith(data, offset)) continue;
    if (place.block !== block) {
      flush();
      block = place.block;
    }
    pieceAt.push(text.length);
    pieceOffset.push(offset);
    text += data;
  }
  flush();
  return sentences;
}

/** The article body's sentences and the index their offsets are in: one read feeds every consumer. */
export interface ArticleText {
  index: TextIndex;
  sentences: BodySentence[];
}

/**
 * One refresh's read of the article, shared: the first consumer to ask starts it (finding the
 * body and walking its text in slices), the others wait for the same answer. A consumer that
 * never asks (check-worthy marks switched off) costs nothing.
 */
export function sharedArticle(doc: Document, index: TextIndex, next: NextSlice): () => Promise<ArticleText> {
  let read: Promise<ArticleText> | undefined;
  return () => {
    read ??= findArticleBodyInSlices(doc, next).then(async (body) => ({
      index,
      sentences: await bodySentences(index, body, next),
    }));
    return read;
  };
}
