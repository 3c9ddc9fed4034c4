// How a fact-check from a subscribed feed reads, in the page's "Fact-checked before" card and in
// the editor's suggestions: who published it, their rating as published (coloured and patterned
// like a verdict when Factmark knows what it means), when, the claim as they worded it, and a link
// to their article (http/https only). Everything is rendered as text. No state: the card's state
// lives in src/content/page-ui.tsx.
import type { FactCheckView } from '../core/factchecks/fact-check';
import type { FactCheckMark } from '../core/factchecks/fact-check-mark';
import { isolate, listOf } from '../core/i18n/reader-text';
import { messageLocale, t } from '../core/i18n/translate';
import { paintOf, VERDICT_LABELS } from '../core/model';
import { WebLink, Words, type WordsAs } from './claim-view';

/**
 * A published date as a reader reads it ("5 March 2024" in the language of Factmark's messages,
 * so the card never mixes languages); the text as published when it is not a date this can read.
 * A date alone (yyyy-mm-dd) is that calendar day wherever the reader is, not the day before in a
 * time zone west of UTC.
 */
export function readableDate(raw: string, locale: string = messageLocale()): string {
  const text = raw.trim();
  const dateOnly = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const when = dateOnly ? new Date(`${text}T00:00:00Z`) : /^\d{4}-\d{2}/.test(text) ? new Date(text) : null;
  if (!when || Number.isNaN(when.getTime())) return text;
  return when.toLocaleDateString(locale, {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    ...(dateOnly ? { timeZone: 'UTC' } : {}),
  });
}

/**
 * The fact-checker's rating, always in their words. Coloured and patterned like the verdict it
 * means when that is known; a plain outlined badge when not ("Four Bananas").
 */
export function RatingBadge({ factCheck, as }: { factCheck: FactCheckView; as?: WordsAs | undefined }) {
  const { verdict, rating } = factCheck;
  const words = rating || (verdict ? VERDICT_LABELS[verdict] : t('page_rating_none'));
  return (
    <span
      class={verdict ? `fm-verdict fm-verdict-${paintOf(verdict)}` : 'fm-verdict fm-rating-unknown'}
      title={
        verdict
          ? t('page_rating_known_title', { verdict: VERDICT_LABELS[verdict] })
          : t('page_rating_unknown_title')
      }
    >
      <Words text={words} as={as} />
    </span>
  );
}

/** "Politifact · 5 March 2024": who and when, each only when the feed says. */
function Byline({ factCheck, as }: { factCheck: FactCheckView; as?: WordsAs | undefined }) {
  const parts = [factCheck.publisher, factCheck.date ? readableDate(factCheck.date) : ''].filter(Boolean);
  if (parts.length === 0) return null;
  return (
    <p class="fm-byline">
      <Words text={parts.join(' · ')} as={as} />
    </p>
  );
}

/**
 * A sentence's match, as the card shows it: publisher and date, the rating, the fact-checker's
 * wording of the claim, the words in common, the link, and the feed. The feed's words are drawn
 * as `as` says ('unsearchable' in the page: which feeds a reader follows is theirs to keep).
 */
export function FactCheckDetails({ mark, as }: { mark: FactCheckMark; as?: WordsAs | undefined }) {
  const { factCheck, shared } = mark;
  return (
    <div class="fm-claim fm-factcheck">
      <Byline factCheck={factCheck} as={as} />
      <RatingBadge factCheck={factCheck} as={as} />
      <blockquote class="fm-quote">
        <Words text={factCheck.claim} as={as} />
      </blockquote>
      {shared.length > 0 && (
        <p class="fm-shared">
          <Words text={t('page_factcheck_words_in_common', { words: listOf(shared) })} as={as} />
        </p>
      )}
      <p>
        <WebLink href={factCheck.url}>{t('page_factcheck_read')}</WebLink>
      </p>
      {factCheck.listTitle && (
        <p class="fm-origin">
          <Words text={t('page_factcheck_feed', { feed: isolate(factCheck.listTitle) })} as={as} />
        </p>
      )}
    </div>
  );
}

export interface FactCheckPanelProps {
  mark: FactCheckMark;
  /** Why "Not the same claim" failed; '' when it has not. */
  error: string;
  onNotTheSame(): void;
  onClose(): void;
  as?: WordsAs | undefined;
}

/** The card's contents: heading, details, any error, and its two buttons. */
export function FactCheckPanel({ mark, error, onNotTheSame, onClose, as }: FactCheckPanelProps) {
  return (
    <>
      <h2 class="fm-title">{t('page_factcheck_title')}</h2>
      <FactCheckDetails mark={mark} as={as} />
      {error && (
        <p class="fm-error" role="alert">
          {error}
        </p>
      )}
      <div class="fm-actions">
        <button type="button" onClick={onNotTheSame}>
          {t('page_factcheck_not_same')}
        </button>
        <button type="button" aria-label={t('page_close')} onClick={onClose}>
          ×
        </button>
      </div>
    </>
  );
}

/**
 * "Not the same claim": dismiss the fact-check for this page, then close the card; on failure
 * the card stays open and says why (the mark stays too).
 */
export async function notTheSameClaim(
  id: string,
  dismiss: (id: string) => Promise<void>,
  close: () => void,
  showError: (message: string) => void,
): Promise<void> {
  try {
    await dismiss(id);
  } catch (failure) {
    return showError(
      t('page_factcheck_dismiss_failed', {
        error: failure instanceof Error ? failure.message : String(failure),
      }),
    );
  }
  close();
}
