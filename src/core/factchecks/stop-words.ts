// English stop words left out of the lexical index and of the shared-word features. Short on
// purpose: negations ("not", "no", "never") and quantity words ("all", "most", "only") are kept,
// because a fact-check often turns on them ("did not", "all vaccines").

export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'a an and are as at be been being but by can could did do does doing for from had has have having he ' +
    'her here hers herself him himself his how i if in into is it its itself just me my myself of on or ' +
    'our ours ourselves she should so than that the their theirs them themselves then there these they ' +
    'this those through to too us very was we were what when where which while who whom why will with ' +
    'would you your yours yourself yourselves am about after again also any because before between both ' +
    'during each few further over own same some such under until up down out off once other more ' +
    'via rt amp im its s t ll ve re d m'
  ).split(' '),
);
