import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Loading and subsetting a 5 MB CJK font takes a moment on a busy 2-core machine.
    testTimeout: 30_000,
  },
});
