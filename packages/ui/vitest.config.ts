import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [react()],
  test: {
    environment: 'happy-dom',
    setupFiles: ['./src/testing/setup.ts'],
    // Component tests type and click through whole forms; on a busy 2-core CI machine that can
    // take well over Vitest's 5 s default without anything being wrong.
    testTimeout: 60_000,
    // One module graph per worker, not per file (see vite-config.js).
    isolate: false,
  },
});
