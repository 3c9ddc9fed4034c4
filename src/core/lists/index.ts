// Correction lists: reading list files (Factmark's own JSON, schema.org ClaimReview JSON-LD) into
// rule drafts. Re-exports only; fetching, storing and refreshing are the background's.
export { RATING_VERDICTS, verdictOfRating } from '../claim-review-ratings';
export { readClaimReviewList } from './claim-review-list';
export { isFactmarkList, LIST_FORMAT, LIST_VERSION, ListHeaderSchema, ListRuleSchema } from './factmark-list';
export { listName } from './list-name';
export { type ListFormat, type ListParse, type ListSource, parseCorrectionList } from './parse';
export type { InvalidRecord, ListRead } from './read';
export {
  checkListUrl,
  conditionalHeaders,
  type FetchOutcome,
  LIST_FETCH_TIMEOUT_MS,
  LIST_MAX_BYTES,
  LIST_REFRESH_MINUTES,
  type ListUpdate,
  nextListState,
  originPattern,
  patternCovers,
  type UrlCheck,
} from './subscription';
