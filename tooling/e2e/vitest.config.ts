import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    testTimeout: 60_000,
    // Installing Chromium with apt-get on a fresh machine can take a few minutes.
    hookTimeout: 600_000,
    // One browser at a time: the machines here have two cores.
    fileParallelism: false,
  },
});
