import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { freePort } from './processes';
import { faultsFailed, runFaults } from './faults';

// A private cluster needs the PostgreSQL server binaries and root (to run them as postgres).
const canRunCluster = existsSync('/usr/lib/postgresql') && process.getuid?.() === 0;

describe.runIf(canRunCluster)('pnpm faults, short run (private PostgreSQL cluster)', () => {
  it('answers 503 "try again" through an outage, recovers by itself, keeps one submission per key through a killed process, and refuses uploads to a full or read-only store without orphans', async () => {
    const lines: string[] = [];
    const figures = await runFaults({ users: 4, outageS: 2, kills: 2, port: await freePort(), log: (l) => lines.push(l) });
    expect(figures.outage503, lines.join('\n')).toBeGreaterThan(0);
    expect(figures.status500).toBe(0);
    expect(figures.stackTraces).toBe(0);
    expect(figures.recoverySeconds).not.toBeNull();
    expect(figures.errorsAfterRecovery).toBe(0);
    expect(figures.receipts).toBeGreaterThan(0);
    expect(figures.lostSubmissions).toBe(0);
    expect(figures.duplicatedSubmissions).toBe(0);
    expect(figures.invariantViolations).toBe(0);
    expect(figures.killRetriesWithOneSubmission).toBe(2);
    expect(figures.killsCutInFlight).toBeGreaterThan(0);
    if (figures.storage) expect(figures.storage).toMatchObject({ fullAnswer: '503 attachment.storage_full', readOnlyAnswer: '503 attachment.storage_unavailable', orphanRows: 0, orphanFiles: 0, ok: true });
    expect(faultsFailed(figures)).toBe(false);
  });
});
