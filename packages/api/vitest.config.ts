import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Each file gets its own databases; PGlite start-up dominates, so allow it time.
    testTimeout: 30_000,
    hookTimeout: 180_000, // a busy CI machine has taken over 60 s to start a file's databases
    // One module graph per worker, not per file: each file makes its own databases and servers in
    // its hooks, nothing is mocked, and what modules keep (parsed published rules, upload targets)
    // is keyed by ids, as for a server's many requests. The suite alone on an idle 2-core machine:
    // 260 s isolated, 200 s not (import 46 → 6 s).
    isolate: false,
  },
});
