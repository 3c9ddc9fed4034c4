import { defineConfig } from 'vitest/config';

// Two projects: fast Node unit tests, and end-to-end tests that drive real browsers (slower,
// one browser at a time on a 2-core machine).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
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
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
