// Fact-checks to feed the page's card and the editor's suggestions: one plain PolitiFact-style
// fact-check from a subscribed feed, which each test overrides with what it looks at.
import { type FactCheckView, factCheckId } from '../../../src/core/factchecks/fact-check';
import type { FactCheckMark } from '../../../src/core/factchecks/fact-check-mark';

const LIST_ID = '3b2f7c1e-9a4d-4c6b-8e2f-1a0b9c8d7e6f';

export function makeFactCheck(overrides: Partial<FactCheckView> = {}): FactCheckView {
  const url = overrides.url ?? 'https://www.politifact.com/factchecks/2024/mar/05/wind-turbines-whales/';
  const claim = overrides.claim ?? 'Wind turbines are killing whales off the East Coast.';
  return {
    id: factCheckId(LIST_ID, { url, claim }),
    listId: LIST_ID,
    listTitle: 'PolitiFact (ClaimReview feed)',
    claim,
    title: 'No evidence offshore wind is killing whales',
    url,
    rating: 'False',
    verdict: 'false',
    publisher: 'PolitiFact',
    date: '2024-03-05',
    language: 'en',
    ...overrides,
  };
}

export function makeMark(
  overrides: Partial<FactCheckView> = {},
  shared = ['turbines', 'whales'],
): FactCheckMark {
  return { sentence: 0, factCheck: makeFactCheck(overrides), score: 0.91, shared };
}
