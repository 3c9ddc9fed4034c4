// Phrase matching for correction rules: fold a page's text once, find every rule in one pass.
// Pure; the background finds (find-corrections.ts), the content script maps the raw offsets to DOM
// ranges. Re-exports only.
export { type FoldOptions, fold, foldsTo, NormalisedText, normalise, normalisePhrase } from './normalise';
export {
  type CompiledRules,
  compileRules,
  findMatches,
  type Match,
  type MatchOptions,
  type RuleInput,
} from './phrase-matcher';
