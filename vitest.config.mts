import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['server/src/**/*.test.ts', 'test/unit/**/*.test.ts', 'test/lsp/**/*.test.ts', 'test/property/**/*.test.ts', 'test/robustness/**/*.test.ts', 'test/cli/**/*.test.ts', 'test/oracle/**/*.test.ts', 'test/acceptance/**/*.test.ts'],
    // Deadlines catch hangs, never slowness: on a loaded machine (two CPU-bound processes per core
    // beside the suite) a CLI or server test takes several times its idle time. Tests check order
    // and outcome; speed is the bench's.
    testTimeout: 180_000,
    hookTimeout: 180_000,
  },
});
