// Splits a block of text (one paragraph) into sentences, as offsets into that text. Pure: no DOM.
// Knows the full stops that do not end a sentence: titles and other abbreviations ("Mr.",
// "Gen."), initials and dotted acronyms ("J. K.", "U.S."), decimals ("3.5"), and a stop followed
// by a lower-case word. Closing quotes and brackets after the stop belong to the sentence.
// Not a paragraph finder: callers split the page into blocks first (src/content/article-body.ts).

/** One sentence: `text.slice(start, end)`, without leading or trailing white space. */
export interface SentenceSpan {
  start: number;
  end: number;
}

/** Words after which a full stop is part of the word (a name or a number follows). */
const ABBREVIATIONS = new Set(
  (
    'mr mrs ms mx dr prof sr jr st mt ft gen gov sen rep lt col capt cpt sgt cmdr adm maj pres ' +
    'supt rev hon messrs mme mlle vs v al eg ie approx cf fig dept est'
  ).split(' '),
);

/** Words after which a full stop is part of the word when a number follows ("No. 5", "Aug. 27"). */
const BEFORE_NUMBER = new Set(
  'no nos vol p pp art sec ch jan feb mar apr jun jul aug sep sept oct nov dec'.split(' '),
);

/** Sentence-final punctuation, then any closing quotes or brackets, then white space or the end. */
const TERMINAL_RE = /[.!?…]+["'”’»)\]]*(?=\s|$)/g;
const WORD_BEFORE_RE = /([^\s"'“‘«([]+)$/;
const INITIALS_RE = /^(?:\p{L}\.)*\p{L}$/u;
const LOWER_RE = /\p{Ll}/u;
const DIGIT_RE = /\d/;
const SPACE_RE = /\s/;

export function splitSentences(text: string): SentenceSpan[] {
  const spans: SentenceSpan[] = [];
  let from = 0;
  // exec on the one regex rather than matchAll, which copies it on every call: a page calls this
  // once per paragraph, list item and table cell, thousands of times on a long article.
  TERMINAL_RE.lastIndex = 0;
  for (let match = TERMINAL_RE.exec(text); match; match = TERMINAL_RE.exec(text)) {
    const at = match.index;
    const end = at + match[0].length;
    let next = end;
    while (next < text.length && SPACE_RE.test(text[next] ?? '')) next++;
    if (next < text.length && !endsSentence(text, at, match[0], text[next] ?? '')) continue;
    push(spans, text, from, end);
    from = end;
  }
  push(spans, text, from, text.length);
  return spans;
}

/** Whether the punctuation `mark` found at `at` ends a sentence, given the next visible character. */
function endsSentence(text: string, at: number, mark: string, nextChar: string): boolean {
  if (LOWER_RE.test(nextChar)) return false;
  if (mark[0] !== '.' || mark.startsWith('..')) return true;
  const word = WORD_BEFORE_RE.exec(text.slice(Math.max(0, at - 24), at))?.[1] ?? '';
  if (word === '') return true;
  const lower = word.toLowerCase();
  if (ABBREVIATIONS.has(lower)) return false;
  if (BEFORE_NUMBER.has(lower) && DIGIT_RE.test(nextChar)) return false;
  // "J.", "U.S.", "a.m.": an initial or a dotted acronym.
  return !INITIALS_RE.test(word);
}

function push(spans: SentenceSpan[], text: string, from: number, to: number): void {
  let start = from;
  let end = to;
  while (start < end && SPACE_RE.test(text[start] ?? '')) start++;
  while (end > start && SPACE_RE.test(text[end - 1] ?? '')) end--;
  if (end > start) spans.push({ start, end });
}
