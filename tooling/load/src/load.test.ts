import { randomBytes } from 'node:crypto';
import { testBackends } from '@tsumiki/db/testing';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseMix, runLoad, usersPerJourney } from './load';
import { API_NODE_FLAGS } from './processes';

const hasPostgres = (await testBackends()).some((b) => b.name === 'postgres');

describe('load mix', () => {
  it('splits the users by journey, at least one per journey asked for', () => {
    expect(usersPerJourney(200, parseMix('applicant:70,console:20,dashboard:10'))).toEqual({ applicant: 140, console: 40, dashboard: 20 });
    expect(usersPerJourney(3, parseMix('applicant:98,console:1,dashboard:1'))).toEqual({ applicant: 1, console: 1, dashboard: 1 });
    expect(() => parseMix('applicant:70,admin:30')).toThrow(/LOAD_MIX/);
  });
});

describe('the API as the load starts it', () => {
  it('runs with the node flags npm start gives it, so the load measures what production runs', () => {
    const scripts = (file: string): Record<string, string> => (JSON.parse(readFileSync(new URL(file, import.meta.url), 'utf8')) as { scripts: Record<string, string> }).scripts;
    const startCommand = (command: string | undefined) => command?.match(/node ((?:--[\w-]+=?\S* )*)\S*server\.js/)?.[1]?.trim().split(' ') ?? [];
    expect(startCommand(scripts('../../../package.json')['start:run'])).toEqual([...API_NODE_FLAGS]);
    expect(startCommand(scripts('../../../apps/api/package.json').start)).toEqual([...API_NODE_FLAGS]);
  });
});

describe.runIf(hasPostgres)('pnpm load, short run (20 users × 30 s, two API processes)', () => {
  it('serves every journey without an error, loses and doubles no submission, and leaves the invariants whole', async () => {
    const lines: string[] = [];
    const figures = await runLoad({
      users: 20,
      // Long enough for applicants to get through a whole journey (13 requests with the uploads)
      // while the rest of CI runs beside it: in one clean-clone run, 8 s ended with no applicant
      // through (each request took over half a second).
      durationS: 30,
      mix: { applicant: 70, console: 20, dashboard: 10 },
      apiProcesses: 2,
      poolMax: 5,
      submitted: 100,
      // A rate needs seconds, not the mixed run's thirty: the bare route saturates both cores while
      // it runs, and the rest of CI runs beside this test.
      bareDurationS: 3,
      twinDurationS: 1,
      twinConnections: 10,
      keep: false,
      dbName: `tsumiki_load_test_${randomBytes(4).toString('hex')}`,
      log: (line) => lines.push(line),
    });
    expect(figures.api.requests).toBeGreaterThan(20);
    expect(figures.errorsTotal).toBe(0);
    expect(figures.submissions, lines.join('\n')).toBeGreaterThan(0);
    expect(figures.lostSubmissions).toBe(0);
    expect(figures.duplicatedSubmissions).toBe(0);
    expect(figures.invariantViolations).toBe(0);
    expect(figures.dbConnections.max).toBeGreaterThan(0);
    expect(figures.throughputRatio).toBeGreaterThan(0);
    // Where the time goes: each journey's procedures, with the API's own measure from /metrics.
    const seen = figures.procedures.map((p) => p.procedure);
    expect(seen).toEqual(expect.arrayContaining(['programmes.list', 'applications.createDraft', 'review.queue', 'ccus.overview']));
    expect(figures.procedures.find((p) => p.procedure === 'review.queue')?.serverMeanMs).toBeGreaterThan(0);
    expect(figures.server?.sessionCheckMeanMs).toBeGreaterThan(0);
    // Each kind of user's share, and (on Linux) what the API and the database spent on them.
    expect(figures.journeys.map((j) => j.group).sort()).toEqual(['applicant', 'console', 'dashboard']);
    expect(figures.journeys.reduce((n, j) => n + j.requests, 0)).toBe(figures.procedures.reduce((n, p) => n + p.requests, 0));
    if (process.platform === 'linux') expect(figures.cpu?.apiS).toBeGreaterThan(0);
    // Each twin answered (no failures counted above) and was measured beside its procedure.
    expect(figures.twins.map((t) => t.procedure)).toEqual(['programmes.list', 'review.queue', 'ccus.overview', 'applications.get']);
    for (const t of figures.twins) expect(t.twinRps).toBeGreaterThan(0);
  });
});
