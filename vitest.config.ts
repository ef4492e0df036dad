import { defineConfig } from 'vitest/config';

// Unit tests live beside the code (src/**/*.test.ts); E2E has its own config.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'test/unit/**/*.test.ts', 'test/fixtures/regtest/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
  },
});
