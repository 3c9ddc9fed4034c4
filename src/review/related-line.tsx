// A note's related fact-check in the review list, on one compact line: "Fact-checked by
// PolitiFact: False — Wind turbines are killing whales…", the checker's wording linking to the
// fact-check (http/https only). Text only.

import { isolate } from '../core/i18n/reader-text';
import { t } from '../core/i18n/translate';
import { isWebUrl } from '../core/url/web-address';
import type { RelatedFactCheck } from '../messages';
import { WebLink } from '../ui/claim-view';

/** The checker's wording is clipped to this many characters. */
const CLAIM_SHOWN = 120;

export function RelatedLine({ related }: { related: RelatedFactCheck }) {
  const { publisher, rating, claim, url, listTitle } = related.factCheck;
  const checker = publisher || listTitle;
  const wording = clip(claim, CLAIM_SHOWN);
  const why = t(related.via === 'source' ? 'review_related_via_source' : 'review_related_via_match');
  // Who checked it, and their rating: one message for each case, as languages word them apart.
  const label = checker
    ? rating
      ? t('review_fact_checked_by_rated', { checker: isolate(checker), rating: isolate(rating) })
      : t('review_fact_checked_by', { checker: isolate(checker) })
    : rating
      ? t('review_fact_checked_unknown_rated', { rating: isolate(rating) })
      : t('review_fact_checked_unknown');
  return (
    <p class="fact-checked" title={why}>
      <strong class="field-name">{label}</strong> —{' '}
      <bdi>{isWebUrl(url) ? <WebLink href={url}>{wording}</WebLink> : wording}</bdi>
    </p>
  );
}

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
