// A schema.org DataFeed of ClaimReviews, as Data Commons publishes its fact-check feed:
// `dataFeedElement` items (DataFeedItem), each holding one ClaimReview or a list in `item`. An
// element may also be a ClaimReview itself. Every review is a record, numbered across the feed.
// Pure.
import { asArray, hasType, isObject, type Obj } from '../../json/json-ld';
import { type FeedRead, textOf } from './candidate';
import { readReviews } from './claim-review';

export function isDataFeed(value: unknown): value is Obj {
  return isObject(value) && (hasType(value, 'DataFeed') || Array.isArray(value.dataFeedElement));
}

export function readDataFeed(feed: Obj): FeedRead {
  const nodes = asArray(feed.dataFeedElement).flatMap((element) =>
    isObject(element) && !hasType(element, 'ClaimReview') && 'item' in element
      ? asArray(element.item)
      : [element],
  );
  return readReviews(nodes, textOf(feed.name).trim());
}
