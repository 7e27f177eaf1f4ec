// Plain JavaScript: Vite loads config files with Node, which does not run TypeScript from a linked package.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const API_ORIGIN = 'http://127.0.0.1:3000';

/**
 * One Vite setup for the three apps. In development each app proxies /trpc to the API, so the
 * browser sees one origin and the SameSite=Strict session cookie works as in production.
 * @param {{ port: number, isolateTests?: boolean }} options
 */
export function tsumikiAppConfig({ port, isolateTests = false }) {
  const proxy = { '/trpc': { target: API_ORIGIN, changeOrigin: false } };
  return defineConfig({
    plugins: [react()],
    server: { port, strictPort: true, host: '127.0.0.1', proxy },
    preview: { port, strictPort: true, host: '127.0.0.1', proxy },
    // The manifest lets tooling/scripts/initial-js.mjs tell the entry's chunks from the lazy routes'.
    build: {
      sourcemap: true,
      chunkSizeWarningLimit: 1500,
      manifest: true,
      // zod in a chunk of its own: left to itself, Rolldown merges it with modules the first screen
      // needs, and every app's first screen then downloads the validation library it does not use.
      rolldownOptions: { output: { codeSplitting: { groups: [{ name: 'zod', test: /[\\/]node_modules[\\/]zod[\\/]/ }] } } },
    },
    test: {
      environment: 'happy-dom',
      // Component tests type through whole forms, slow on a busy 2-core CI machine.
      testTimeout: 60_000,
      setupFiles: [new URL('./testing/setup.ts', import.meta.url).pathname],
      // One module graph per worker, not per file: importing React, Mantine and the app again for
      // every file was most of the time (console: 70 s isolated, 21 s not; 438 s in a busy CI).
      // The setup file empties the DOM and localStorage after each test; every render makes its
      // own query client. An app whose files still share state passes isolateTests.
      isolate: isolateTests,
    },
  });
}
