// Fact-check feeds: reading a feed file (ClaimReview JSON-LD, a DataFeed, JSON Lines, a Google Fact
// Check Tools answer, CSV) into fact-check drafts. Re-exports only; fetching and storing are the
// background's.
export type { FeedCandidate, FeedFields, FeedRead } from './candidate';
export { type FeedShape, feedShape } from './detect';
export {
  type FeedFormat,
  type FeedParse,
  feedTooLarge,
  isFeedJson,
  parseFactCheckFeed,
  parseFeedJson,
} from './parse-feed';
