// Test helper for the file-parser fuzz suites (importers, correction lists, fact-check feeds):
// file text made from a valid document with one thing wrong, cut short or spliced with a hostile
// value; text that is no document at all; and the loop that feeds generated files to a parser and
// reports the first problem (a throw, an invalid record out, a prototype changed).
import fc from 'fast-check';
import * as v from 'valibot';
import { expect } from 'vitest';
import { FactCheckDraftSchema } from '../../../src/core/factchecks/fact-check';
import { recordFigure } from '../../support/reliability';
import { HOSTILE_URLS, hostileValue, mutated, prototypeKeys, prototypePolluted } from './hostile-values';

const protoBefore = prototypeKeys();

/**
 * File text from a document: the document with one thing wrong, serialised; or the valid file cut
 * short, or with a hostile value spliced into its text; or a hostile value serialised on its own.
 */
export function fileText(document: fc.Arbitrary<unknown>): fc.Arbitrary<string> {
  const serialised = (value: unknown) => JSON.stringify(value) ?? 'undefined';
  return fc.oneof(
    { weight: 1, arbitrary: document.map(serialised) },
    { weight: 6, arbitrary: mutated(document).map(serialised) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(document.map(serialised), fc.nat())
        .map(([file, cut]) => file.slice(0, cut % file.length)),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(
          document.map(serialised),
          fc.nat(),
          fc.constantFrom(...HOSTILE_URLS, '"__proto__":{"x":1},', '\u0000', '\uFEFF'),
        )
        .map(
          ([file, at, insert]) =>
            `${file.slice(0, at % file.length)}${insert}${file.slice(at % file.length)}`,
        ),
    },
    { weight: 1, arbitrary: hostileValue.map(serialised) },
  );
}

/** Text that is not a document of any kind: random text, JSON of anything, nesting 100,000 deep. */
export const anyText: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.json({ maxDepth: 4 }),
  fc.constantFrom(
    '',
    '\uFEFF',
    '   ',
    `${'['.repeat(100_000)}${']'.repeat(100_000)}`,
    `${'{"a":'.repeat(50_000)}1${'}'.repeat(50_000)}`,
    '{"format":"factmark-backup","version":1,"claims":{"__proto__":[]}}',
    '{"__proto__":{"polluted":true},"format":"factmark-backup"}',
    '{"constructor":{"prototype":{"polluted":true}}}',
    'null',
    '[]',
    '{}',
  ),
);

/**
 * Feeds `runs` generated files to `check` (which returns a problem or null); records the figure.
 * Returns the first problem found, with a short view of the file that caused it.
 */
async function fuzz(
  name: string,
  files: fc.Arbitrary<string>,
  check: (file: string) => string | null,
  seed: number,
  { figures, guarantee, runs }: { figures: string[]; guarantee: string; runs: number },
) {
  let inputs = 0;
  let refused = 0;
  let problem: string | null = null;
  try {
    fc.assert(
      fc.property(files, (file) => {
        inputs++;
        let found: string | null;
        try {
          found = check(file);
        } catch (error) {
          found = `threw ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`;
        }
        if (!found && prototypePolluted(protoBefore)) found = 'a prototype was changed';
        if (found === 'refused') {
          refused++;
          found = null;
        }
        if (found) {
          problem ??= `${found} — file: ${file.slice(0, 300)}${file.length > 300 ? `…(${file.length} chars)` : ''}`;
          return false;
        }
        return true;
      }),
      { numRuns: runs, seed, endOnFailure: true },
    );
  } catch (error) {
    problem ??= error instanceof Error ? error.message.slice(0, 500) : String(error);
  }
  const line = `${name}: ${inputs.toLocaleString('en')} generated files, ${refused.toLocaleString('en')} refused with a message, ${problem ? 'FAILED' : '0 throws, every record valid'}`;
  figures.push(line);
  recordFigure({
    guarantee: `${guarantee}: ${name}`,
    figure: line.slice(name.length + 2),
    held: !problem && inputs >= runs,
  });
  return { inputs, problem };
}

/**
 * A test body that fuzzes `check` with `runs` generated files, records the figure under
 * `guarantee`, and fails the test on a problem or when fewer files ran.
 */
export function survivalCheck(figures: string[], guarantee: string, runs: number) {
  return async (
    name: string,
    files: fc.Arbitrary<string>,
    check: (file: string) => string | null,
    seed: number,
  ): Promise<void> => {
    const { inputs, problem } = await fuzz(name, files, check, seed, { figures, guarantee, runs });
    expect(problem).toBeNull();
    expect(inputs).toBeGreaterThanOrEqual(runs);
  };
}

/** The first fact-check that would not pass the save path's schema, as a problem; null if none. */
export function factChecksProblem(factChecks: readonly unknown[]): string | null {
  for (const factCheck of factChecks) {
    if (!v.is(FactCheckDraftSchema, factCheck)) {
      return `a fact-check fails the fact-check schema: ${JSON.stringify(factCheck).slice(0, 200)}`;
    }
  }
  return null;
}
