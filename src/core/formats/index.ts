// The export and import formats, in one place for the UI: backup, Web Annotation, ClaimReview,
// CSV, Markdown out; backup, Web Annotation (and Hypothesis), ClaimReview in. Re-exports only.
export {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  type Backup,
  type ClaimRecord,
  exportBackup,
  type InvalidRecord,
  readBackup,
  uuidV5,
} from './backup';
export { type ClaimReview, claimToReview, exportClaimReviews } from './claim-review';
export { CSV_MEDIA_TYPE, csvCell, exportCsv } from './csv';
export {
  type Existing,
  IMPORT_LIMITS,
  type ImportFormat,
  type ImportOptions,
  type ImportPlan,
  type ImportResult,
  parseImport,
  planImport,
} from './import';
export { escapeMarkdown, exportMarkdown, MARKDOWN_MEDIA_TYPE } from './markdown';
export {
  claimToAnnotation,
  exportWebAnnotations,
  WEB_ANNOTATION_MEDIA_TYPE,
  type WebAnnotation,
} from './web-annotation';
