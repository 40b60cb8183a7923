import { defineConfig } from 'vitest/config';

/** Unit tests, tests on the built site, and browser tests (test/browser); dist/ is built first if missing. */
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 600_000,
  },
});
