// "Fact-checked before?" in the editor: up to 3 fact-checks from the reader's feeds that are close
// to the text being flagged, each with a button that takes its article as a source (and its
// verdict, when the reader has not chosen one). The list and the field update are here; the
// editor (claim-editor.tsx) holds the fields.
import type { FactCheckView } from '../core/factchecks/fact-check';
import type { FactCheckSuggestion } from '../core/factchecks/fact-check-mark';
import { t } from '../core/i18n/translate';
import type { Verdict } from '../core/model';
import { RatingBadge } from './fact-check-view';

/** The most suggestions the editor shows. */
export const MAX_SUGGESTIONS = 3;
/** A fact-checker's wording of a claim is cut here in the list (the link has the rest). */
const CLAIM_CHARS = 160;

/** The two editor fields a fact-check fills: the sources textarea (one address a line) and the verdict. */
export interface SuggestedFields {
  sources: string;
  verdict: Verdict | '';
}

/**
 * The fields after "Use this fact-check": its address added to the sources unless already there,
 * and its verdict taken only when the reader has chosen none and the fact-check's is known.
 */
export function withFactCheck(fields: SuggestedFields, factCheck: FactCheckView): SuggestedFields {
  const lines = fields.sources.split(/\r?\n/).map((line) => line.trim());
  const sources = lines.includes(factCheck.url)
    ? fields.sources
    : `${fields.sources.replace(/\s+$/, '')}${fields.sources.trim() ? '\n' : ''}${factCheck.url}`;
  const verdict = fields.verdict === '' && factCheck.verdict ? factCheck.verdict : fields.verdict;
  return { sources, verdict };
}

export function clip(text: string, max = CLAIM_CHARS): string {
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
}

/** The list, or nothing when there are no suggestions. */
export function FactCheckSuggestions({
  suggestions,
  onUse,
}: {
  suggestions: readonly FactCheckSuggestion[];
  onUse(factCheck: FactCheckView): void;
}) {
  const shown = suggestions.slice(0, MAX_SUGGESTIONS);
  if (shown.length === 0) return null;
  return (
    <section class="fm-suggestions" aria-label={t('page_suggestions_title')}>
      <h3 class="fm-suggestions-title">{t('page_suggestions_title')}</h3>
      <ul>
        {shown.map(({ factCheck }) => (
          <li key={factCheck.id}>
            <p class="fm-byline">
              {factCheck.publisher || t('page_suggestions_unknown_publisher')}{' '}
              <RatingBadge factCheck={factCheck} />
            </p>
            <p class="fm-suggested-claim">{clip(factCheck.claim)}</p>
            <button
              type="button"
              aria-label={
                factCheck.publisher
                  ? t('page_suggestions_use_by', { publisher: factCheck.publisher })
                  : t('page_suggestions_use')
              }
              onClick={() => onUse(factCheck)}
            >
              {t('page_suggestions_use')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
