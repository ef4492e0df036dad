import { defineConfig } from 'vitest/config';

// E2E: real Chromium with the built extension. Files run one after another (2-core
// machines); each file shares one browser launch across its tests where state allows.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    globalSetup: ['test/e2e/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    environment: 'node',
    // The default output, then the adversarial suite's "case | result" table (issue 7).
    reporters: ['default', './test/e2e/adversarial-reporter.ts'],
  },
});
