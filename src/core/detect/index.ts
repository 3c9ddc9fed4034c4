// Check-worthy claim detection: public API. Pure; the model ships in the bundle (model.json).
// The content script imports the model-free modules (language, reasons, selection) directly, so
// its bundle never holds the model: scoring runs in the background.

export {
  CUE_NAMES,
  type Cues,
  DENSE_NAMES,
  extractDocument,
  type SentenceFeatures,
  sentenceCues,
  tokenize,
} from './features';
export { isSupportedLanguage, looksEnglish, SUPPORTED_LANGUAGES } from './language';
export { DEFAULT_MODEL, type DetectModel, parseModel } from './model';
export { explain } from './reasons';
export { scoreLogits, scoreSentences } from './score';
export { SENSITIVITY, type Sensitivity, selectClaims } from './selection';
