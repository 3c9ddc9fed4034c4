// Offsets into a changing page text: patching the joined text, moving spans past edits, and
// which stretches to scan again. Re-exports only.
export {
  addDirty,
  type Edit,
  type Interval,
  scanWindows,
  searchWindows,
  shiftSpans,
  touches,
  touchesAny,
} from './edits';
export { joinRuns, pieceAt, type Runs, spliceRuns } from './runs';
