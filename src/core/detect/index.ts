// Check-worthy claim detection: public API. Pure; the model ships in the bundle (model.json).

export {
  CUE_NAMES,
  type Cues,
  DENSE_NAMES,
  extractDocument,
  type SentenceFeatures,
  sentenceCues,
  tokenize,
} from './features';
export { DEFAULT_MODEL, type DetectModel, parseModel } from './model';
export {
  explain,
  isSupportedLanguage,
  looksEnglish,
  SENSITIVITY,
  type Sensitivity,
  SUPPORTED_LANGUAGES,
  scoreLogits,
  scoreSentences,
  selectClaims,
} from './score';
