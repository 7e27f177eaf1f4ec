import { describe, expect, it } from 'vitest';
import { isSharedAnswer, sharedAnswer } from './shared-answer';

describe('shared answers', () => {
  it('are frozen all the way down, so one caller cannot change what the next is sent', () => {
    const answer = sharedAnswer({ associations: [{ summaries: [{ actual: 1 }] }], asOf: new Date('2026-01-31T15:00:00Z') });
    expect(isSharedAnswer(answer)).toBe(true);
    expect(Object.isFrozen(answer.associations[0]!.summaries[0])).toBe(true);
    expect(() => {
      (answer.associations[0]!.summaries[0] as { actual: number }).actual = 2;
    }).toThrow(TypeError);
  });

  it('are only the objects marked: a copy, a primitive or nothing is not one', () => {
    const answer = sharedAnswer({ total: 1 });
    expect(isSharedAnswer({ ...answer })).toBe(false);
    expect(isSharedAnswer(Object.freeze({ total: 1 }))).toBe(false);
    expect(isSharedAnswer(1)).toBe(false);
    expect(isSharedAnswer(null)).toBe(false);
    expect(isSharedAnswer(undefined)).toBe(false);
  });
});
