import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Each file starts API processes and seeds a database: give them room, one file at a time.
    testTimeout: 180_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
