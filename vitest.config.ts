import { defineConfig } from 'vitest/config';

/*
 * Three projects:
 * - unit: tests beside the code (`src/**`), no global setup and no services, so
 *   `npm run test:unit` runs in seconds on a machine with nothing running;
 * - int: tests against real engines (`test/**`), with the PGlite and PostgreSQL templates
 *   made once per run with every context's records migrations; a service that cannot be
 *   reached fails the run;
 * - browser: real Chromium against a real server (`e2e/**`).
 * `npm test` runs all three.
 */
export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['packages/*/src/**/*.test.ts', 'apps/*/src/**/*.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'int',
          include: ['packages/*/test/**/*.test.ts', 'apps/server/test/**/*.test.ts'],
          globalSetup: ['./apps/server/test/global-setup.ts'],
        },
      },
      {
        extends: true,
        // A page on a shared, loaded machine may take seconds to show what a poll waits for.
        test: { name: 'browser', include: ['e2e/**/*.test.ts'], expect: { poll: { timeout: 10_000 } } },
      },
    ],
  },
});
