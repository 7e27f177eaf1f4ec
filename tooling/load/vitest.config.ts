import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Each file starts API processes and seeds a database: give them room, one file at a time.
    // Each run starts API processes under tsx (up to a few minutes on a busy CI machine) before measuring.
    testTimeout: 600_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
