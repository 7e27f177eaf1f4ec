import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { defineConfig } from 'vitest/config';

/** The files that walk every route of the three apps: the run's longest (some 210 s and 95 s). */
const WALKS_EVERY_ROUTE = /(^|\/)(accessibility|screen-text)\.e2e\.test\.ts$/;

/**
 * Vitest starts the files it has timed longest first, and on a clean clone, with no timings, the
 * largest files first. The route walks are short files, so a clean-clone CI started them last and
 * the accessibility walk ran alone for 80 s while the other worker had nothing left to do.
 */
class RouteWalksFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const walks = (file: TestSpecification) => WALKS_EVERY_ROUTE.test(file.moduleId);
    return [...sorted.filter(walks), ...sorted.filter((file) => !walks(file))];
  }
}

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
    // A worker imports the stack (the API, the database, Playwright) once, not once per file: each
    // file's own stack, database and browser are started by its hooks (useBrowserStack), and no
    // module holds state between files. Eight short files took 95.6 s isolated, 84.7 s not
    // (import 28.1 → 11.2 s, `vitest run` on an idle 2-core machine).
    isolate: false,
    sequence: { sequencer: RouteWalksFirst },
    globalSetup: ['./src/global-setup.ts'],
  },
});
