import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Pure functions: one module graph per worker instead of one per file. Importing zod and the
    // programme definitions again for each of ~100 files was most of the run (54 s → 8 s here).
    isolate: false,
  },
});
