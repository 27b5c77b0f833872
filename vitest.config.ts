import { defineConfig } from 'vitest/config';
import { aliases } from './aliases.ts';

/**
 * Two projects: `unit` (pure code, no database) and `integration` (module tests against a real PostgreSQL server:
 * the embedded one, or TEST_DATABASE_URL). Browser tests have their own config (vitest.e2e.config.ts).
 */
export default defineConfig({
  resolve: { alias: aliases },
  test: {
    testTimeout: 30_000,
    hookTimeout: 120_000,
    projects: [
      {
        resolve: { alias: aliases },
        test: {
          name: 'unit',
          environment: 'node',
          include: [
            'src/domain/**/*.test.ts',
            'common/**/*.test.ts',
            'src/**/*.unit.test.ts',
            'web/src/**/*.test.{ts,tsx}',
            'scripts/**/*.test.ts',
          ],
          testTimeout: 60_000,
        },
      },
      {
        resolve: { alias: aliases },
        test: {
          name: 'integration',
          environment: 'node',
          include: ['src/**/*.test.ts'],
          exclude: ['src/domain/**', 'src/**/*.unit.test.ts', '**/node_modules/**'],
          globalSetup: ['test/support/global-database.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
