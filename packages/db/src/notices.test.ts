import { describe, expect, it } from 'vitest';
import { sharedRoundTrips } from './notices';

/** A round trip that answers when the test says, remembering what had been called when it started. */
function controlledRoundTrips() {
  const started: { callsBefore: number; answer: () => void; failWith: (e: Error) => void }[] = [];
  let calls = 0;
  const roundTrip = () =>
    new Promise<void>((resolve, reject) => {
      started.push({ callsBefore: calls, answer: resolve, failWith: reject });
    });
  const settle = sharedRoundTrips(roundTrip);
  const call = () => {
    calls += 1;
    let done = false;
    const settled = settle().then(() => (done = true));
    return { settled, isDone: () => done };
  };
  return { started, call };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('sharedRoundTrips (settling the session cache)', () => {
  it('answers every caller with a round trip that started after its call, with at most two round trips for many callers', async () => {
    const { started, call } = controlledRoundTrips();
    const first = call();
    expect(started).toHaveLength(1);
    await tick();
    // Ten callers while the first round trip is out: it may have left before their commits.
    const waiting = Array.from({ length: 10 }, call);
    await tick();
    expect(started).toHaveLength(1);
    started[0]!.answer();
    await first.settled;
    await tick();
    expect(waiting.some((w) => w.isDone())).toBe(false);
    // One more round trip for all ten, started after every one of them called.
    expect(started).toHaveLength(2);
    expect(started[1]!.callsBefore).toBe(11);
    started[1]!.answer();
    await Promise.all(waiting.map((w) => w.settled));
    expect(started).toHaveLength(2);
  });

  it('lets callers in the same synchronous run as a start share it: their commits were answered before it left', async () => {
    const { started, call } = controlledRoundTrips();
    const together = [call(), call(), call()];
    expect(started).toHaveLength(1);
    started[0]!.answer();
    await Promise.all(together.map((c) => c.settled));
    expect(started).toHaveLength(1);
  });

  it('starts afresh once everything is answered, and goes on after a round trip that failed', async () => {
    const { started, call } = controlledRoundTrips();
    const first = call();
    await tick();
    const second = call();
    started[0]!.failWith(new Error('connection lost'));
    await expect(first.settled).rejects.toThrow('connection lost');
    await tick();
    expect(started).toHaveLength(2);
    started[1]!.answer();
    await second.settled;
    const third = call();
    expect(started).toHaveLength(3);
    started[2]!.answer();
    await third.settled;
  });
});
