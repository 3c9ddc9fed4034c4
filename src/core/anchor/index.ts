// Anchoring: describe a selected range as a claim's anchor, and find that anchor again in a page's
// text, however the page has changed since. Pure; the content script maps offsets to the DOM.

export { CONTEXT_LENGTH, describeRange } from './describe';
export {
  FIND_DEFAULTS,
  type FindOptions,
  type Found,
  findAtSavedPosition,
  findQuote,
  type NotFound,
  type Strategy,
} from './find-quote';
export { collapseWhitespace, isWhitespace, PageText } from './page-text';
