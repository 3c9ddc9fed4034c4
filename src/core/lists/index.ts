// Correction lists: reading list files into rule drafts (Factmark's own JSON) or fact-check drafts
// (fact-check feeds: core/factchecks/feed/). Re-exports only; fetching, storing and refreshing are
// the background's.
export { RATING_VERDICTS, verdictOfRating } from '../claim-review-ratings';
export { isFactmarkList, LIST_FORMAT, LIST_VERSION, ListHeaderSchema, ListRuleSchema } from './factmark-list';
export { listName } from './list-name';
export { type ListFormat, type ListParse, type ListSource, parseCorrectionList } from './parse';
export type { InvalidRecord, ListRead } from './read';
export { sourceName, titleFromSource } from './source';
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
