// Marks the article's sentences that say, in other words, what a subscribed fact-check already
// checked. On each refresh it sends the body's sentences (the refresh's shared read, as
// CheckWorthy gets them) in one `factchecks/match` request and paints the answer as the
// `factmark-factchecked` highlight. The background does the matching; nothing is stored here.
// Unlike check-worthy marks, this never stops for the page's language or the detection switch.
import type { FactCheckMark } from '../core/factchecks/fact-check-mark';
import { FACTCHECK_MATCH_LIMITS, type Requests } from '../messages';
import type { ArticleText } from './article-body';
import type { Highlighter } from './highlighter';

/** The longest page address a request carries (the `url` schema in messages.ts). */
const URL_MAX = 4096;

/** What a fact-checked sentence offers on hover: its range, its text and the best match. */
export interface FactCheckInfo {
  range: Range;
  text: string;
  mark: FactCheckMark;
}

/** Sends a request to the background (`request` from src/request.ts). */
export type Ask = <K extends 'factchecks/match' | 'factchecks/dismiss'>(
  type: K,
  payload: Requests[K]['req'],
) => Promise<Requests[K]['res']>;

/**
 * What one page sends to be matched: its address and its sentences, within the message's limits
 * (the first 5,000 sentences, each cut at 2,000 characters; the address at 4,096), and the key
 * of that request: the same key means the same question, whose answer can be used again.
 */
export function matchPayload(
  url: string,
  texts: readonly string[],
): { url: string; sentences: string[]; key: string } {
  const sentences = texts
    .slice(0, FACTCHECK_MATCH_LIMITS.sentences)
    .map((text) => cut(text, FACTCHECK_MATCH_LIMITS.chars));
  // An address past the message's limit is cut like a sentence (dismissals use the same one).
  const address = cut(url, URL_MAX);
  // JSON, not a join: a sentence may hold a newline (the page's own line breaks inside a paragraph).
  return { url: address, sentences, key: JSON.stringify([address, sentences]) };
}

/** The first `max` UTF-16 units of `text`, never half a surrogate pair. */
function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  const code = text.charCodeAt(max - 1);
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? max - 1 : max);
}

/** The best mark for each sentence (one card per sentence), in sentence order; bad indexes dropped. */
export function bestPerSentence(marks: readonly FactCheckMark[], count: number): FactCheckMark[] {
  const best = new Map<number, FactCheckMark>();
  for (const mark of marks) {
    if (!Number.isInteger(mark.sentence) || mark.sentence < 0 || mark.sentence >= count) continue;
    const held = best.get(mark.sentence);
    if (!held || mark.score > held.score) best.set(mark.sentence, mark);
  }
  return [...best.values()].sort((a, b) => a.sentence - b.sentence);
}

export class PageFactChecks {
  private run = 0;
  private shown: FactCheckInfo[] = [];
  /** The last request's key and answer (in flight or done): the same sentences are not sent twice. */
  private last: { key: string; url: string; answer: Promise<FactCheckMark[]> } | null = null;
  /** Fact-checks the reader said are not this page's claim (a kept answer may still hold them). */
  private dismissed = new Set<string>();

  constructor(
    private readonly highlighter: Highlighter,
    private readonly pageUrl: () => string,
    private readonly ask: Ask,
  ) {}

  /** How many sentences are marked (the popup's "N sentences fact-checked before"). */
  status(): number {
    return this.shown.length;
  }

  /** Forget the last answer: the reader's feeds or dismissals may have changed (a full refresh). */
  forget(): void {
    this.last = null;
    this.dismissed.clear();
  }

  /**
   * Matches this refresh's sentences and repaints. A newer refresh makes this one's answer stale
   * (dropped); a failure clears the marks and is thrown for the caller to log.
   */
  async refresh(article: () => Promise<ArticleText>): Promise<void> {
    const run = ++this.run;
    const stale = () => run !== this.run;
    const { index, sentences } = await article();
    if (stale()) return;
    const payload = matchPayload(
      this.pageUrl(),
      sentences.map((s) => s.text),
    );
    const answer = this.answerFor(payload);
    let marks: FactCheckMark[];
    try {
      marks = await answer;
    } catch (error) {
      if (!stale()) this.show([]);
      throw error;
    }
    if (stale()) return;
    const shown: FactCheckInfo[] = [];
    for (const mark of bestPerSentence(marks, sentences.length)) {
      if (this.dismissed.has(mark.factCheck.id)) continue;
      const sentence = sentences[mark.sentence];
      const range = sentence && index.rangeFor(sentence.start, sentence.end);
      if (sentence && range) shown.push({ range, text: sentence.text, mark });
    }
    this.show(shown);
  }

  /** The last request's answer when these are the same sentences, else a new request's. */
  private answerFor({ key, ...req }: ReturnType<typeof matchPayload>): Promise<FactCheckMark[]> {
    if (this.last?.key === key) return this.last.answer;
    const answer = this.ask('factchecks/match', req).then(({ marks }) => marks);
    this.last = { key, url: req.url, answer };
    // A failed answer is not kept: the next refresh asks again.
    answer.catch(() => {
      if (this.last?.answer === answer) this.last = null;
    });
    return answer;
  }

  /** The fact-checked sentence under a viewport point. */
  at(x: number, y: number): FactCheckInfo | undefined {
    const range = this.highlighter.factCheckAt(x, y);
    return range && this.shown.find((info) => info.range === range);
  }

  /**
   * "Not the same claim": the background never marks this fact-check on this page again, and its
   * marks go at once. On failure the marks stay and the error is thrown (the card shows it).
   */
  async dismiss(id: string): Promise<void> {
    await this.ask('factchecks/dismiss', { url: this.last?.url ?? this.pageUrl(), id });
    this.dismissed.add(id);
    this.show(this.shown.filter((info) => info.mark.factCheck.id !== id));
  }

  private show(shown: FactCheckInfo[]): void {
    this.shown = shown;
    this.highlighter.paintFactChecks(shown.map((info) => info.range));
  }
}
