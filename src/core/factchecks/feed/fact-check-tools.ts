// Google Fact Check Tools API answers (claims:search, or a file saved from it): `claims`, each
// with the claim's `text` and the fact-checkers' `claimReview` entries. Each entry is one
// fact-check of that claim and one record, numbered across the file. Pure.
import type { InvalidRecord } from '../../formats/backup';
import { t } from '../../i18n/translate';
import { asArray, isObject, type Obj } from '../../json/json-ld';
import { type FeedCandidate, type FeedRead, type FieldNames, textOf, tooManyFactChecks } from './candidate';

const FIELDS: FieldNames = {
  claim: 'text',
  title: 'claimReview.title',
  url: 'claimReview.url',
  rating: 'claimReview.textualRating',
  publisher: 'claimReview.publisher',
  date: 'claimReview.reviewDate',
  language: 'claimReview.languageCode',
};

export function isFactCheckToolsAnswer(value: unknown): value is Obj & { claims: unknown[] } {
  return isObject(value) && Array.isArray(value.claims);
}

export function readFactCheckToolsAnswer(answer: { claims: unknown[] }): FeedRead {
  // One entry a claimReview; a claim with none is one (refused) entry.
  const entries = answer.claims.flatMap((claim): { claim: unknown; review: unknown }[] =>
    isObject(claim) && Array.isArray(claim.claimReview) && claim.claimReview.length > 0
      ? claim.claimReview.map((review: unknown) => ({ claim, review }))
      : [{ claim, review: undefined }],
  );
  const tooMany = tooManyFactChecks(entries.length);
  if (tooMany) return tooMany;
  const candidates: FeedCandidate[] = [];
  const invalid: InvalidRecord[] = [];
  entries.forEach(({ claim, review }, i) => {
    const record = i + 1;
    if (!isObject(claim)) invalid.push({ record, field: 'claims', reason: t('feed_reason_not_claim') });
    else if (!isObject(review))
      invalid.push({ record, field: 'claimReview', reason: t('feed_reason_no_review') });
    else candidates.push({ record, fields: fieldsOf(claim, review) });
  });
  return { kind: 'ok', name: '', candidates, invalid, fieldNames: FIELDS };
}

function fieldsOf(claim: Obj, review: Obj): FeedCandidate['fields'] {
  const publisher = asArray(review.publisher)[0];
  return {
    claim: textOf(claim.text),
    title: textOf(review.title),
    url: textOf(review.url),
    rating: textOf(review.textualRating),
    publisher: isObject(publisher) ? textOf(publisher.name) || textOf(publisher.site) : textOf(publisher),
    date: textOf(review.reviewDate),
    language: textOf(review.languageCode),
  };
}
