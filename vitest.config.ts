import { defineConfig } from 'vitest/config';

/** Unit tests run everywhere; browser tests (test/browser) build the site once in globalSetup. */
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 600_000,
  },
});
