import { defineConfig } from 'vitest/config';

// Browser tests: the production build served by `vite preview`, driven in Debian's Chromium.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    globalSetup: ['tests/helpers/e2eGlobalSetup.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: true,
    maxWorkers: 2,
    retry: 0,
    // Two workers share two cores with two browsers: give polls room, never fixed sleeps.
    expect: { poll: { timeout: 5_000, interval: 50 } },
  },
});
