import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['server/src/**/*.test.ts', 'test/unit/**/*.test.ts', 'test/lsp/**/*.test.ts', 'test/property/**/*.test.ts', 'test/robustness/**/*.test.ts', 'test/cli/**/*.test.ts', 'test/oracle/**/*.test.ts', 'test/acceptance/**/*.test.ts'],
    testTimeout: 20_000,
  },
});
