// Correction-list files saved under tests/fixtures/lists/, read as a subscription or import gets them.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The text of tests/fixtures/lists/<name> (the e2e tests serve the same files). */
export function listFile(name: string): string {
  return readFileSync(fileURLToPath(new URL(`../../fixtures/lists/${name}`, import.meta.url)), 'utf8');
}
