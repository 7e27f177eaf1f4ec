import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Each file gets its own databases; PGlite start-up dominates, so allow it time.
    testTimeout: 90_000, // a fresh PGlite plus every migration took over 30 s on a loaded 2-core machine
    hookTimeout: 180_000, // a busy CI machine has taken over 60 s to start a file's databases
    // One module graph per worker, not per file: each file makes its own databases in its hooks,
    // nothing is mocked, and the parsed published rules kept per process are keyed by version id.
    // The suite alone on an idle 2-core machine: 103 s isolated, 69 s not.
    isolate: false,
  },
});
