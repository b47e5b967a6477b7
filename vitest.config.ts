import { defineConfig } from 'vitest/config';

// Two projects: fast unit tests (core, kb, renderers, store contract on SQLite/memory) and end-to-end tests that
// start real servers on loopback against the fakes in test/fakes.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts', 'test/*.test.ts', 'test/golden/**/*.test.ts'],
          environment: 'node',
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
          globalSetup: ['test/e2e/global-setup.ts'],
          fileParallelism: false,
        },
      },
    ],
  },
});
