// Acronyms spelt out with the wrong name: the curated table and the checker. Re-exports only.
export { type AcronymFinding, checkAcronyms } from './check';
export { ACRONYMS, type AcronymEntry } from './table';
