import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // A whole reviewer journey takes close to a minute on a busy 2-core machine; the tests wait for
    // the state they assert, so the limit only has to be generous.
    testTimeout: 180_000,
    // Installing Chromium with apt-get on a fresh machine can take a few minutes.
    hookTimeout: 600_000,
    // Two files (two stacks, two browsers) at a time. One at a time left a core idle for most of
    // the run: a test spends much of its time waiting for a page to render or an API answer. Each
    // file has its own database and ports, so they share nothing.
    fileParallelism: true,
    maxWorkers: 2,
    globalSetup: ['./src/global-setup.ts'],
  },
});
