import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Each file gets its own databases and starts servers; PGlite start-up dominates, and on a busy
    // 2-core CI machine it took over a minute, so allow it time.
    testTimeout: 60_000, // the CLI tests, which spawn processes, set their own
    hookTimeout: 180_000,
  },
});
