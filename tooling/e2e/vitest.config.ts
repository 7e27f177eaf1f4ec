import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // A whole reviewer journey takes close to a minute on a busy 2-core machine; the tests wait for
    // the state they assert, so the limit only has to be generous.
    testTimeout: 180_000,
    // Installing Chromium with apt-get on a fresh machine can take a few minutes.
    hookTimeout: 600_000,
    // One browser at a time: the machines here have two cores.
    fileParallelism: false,
    globalSetup: ['./src/global-setup.ts'],
  },
});
