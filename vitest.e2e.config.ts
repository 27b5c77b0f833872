import { defineConfig } from 'vitest/config';
import { aliases } from './aliases.ts';

/** Browser tests: the real app with demo data, driven through Debian's Chromium with playwright-core. */
export default defineConfig({
  resolve: { alias: aliases },
  test: {
    name: 'e2e',
    include: ['test/e2e/**/*.e2e.test.ts'],
    globalSetup: ['test/e2e/support/global-setup.ts'],
    setupFiles: ['test/e2e/support/setup.ts'],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
