import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Each file gets its own databases; PGlite start-up dominates, so allow it time.
    testTimeout: 30_000, // the CLI tests, which spawn processes, set their own
    hookTimeout: 60_000,
  },
});
