import { defineConfig } from 'vitest/config';

// Two projects: fast Node unit tests, and end-to-end tests that drive real browsers (slower,
// one browser at a time on a 2-core machine). The unit tests run first and the browsers after
// them (groupOrder): left to run together, the 10,000-input fuzzing took both cores from the
// browsers, and e2e waits failed with nothing broken.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
          sequence: { groupOrder: 0 },
          // A time-out only catches a hang: a loaded 2-core machine can take seconds over 100,000
          // generated claims, and that is no failure (speed is measured by `npm run bench`).
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          sequence: { groupOrder: 1 },
          // Time-outs catch hangs only: a browser on a loaded 2-core machine can take minutes over
          // what takes seconds on a quiet one (waits scale too: WAIT_SCALE in support/browsers.ts).
          testTimeout: 300_000,
          hookTimeout: 300_000,
          // expect.poll with no time-out of its own gives up after 1 s by default.
          expect: { poll: { timeout: 15_000 } },
          fileParallelism: false,
        },
      },
    ],
  },
});
