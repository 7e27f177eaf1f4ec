import { describe, expect, it } from 'vitest';
import { createKeptAnswers } from './kept-answers';

describe('kept answers', () => {
  it('forgets the answers under a tag and keeps the others; keeps nothing computed across a notice', () => {
    const kept = createKeptAnswers<{ page: number }>();
    kept.ready();
    kept.begin()('a', { page: 1 }, ['p1']);
    kept.begin()('b', { page: 2 }, ['p1', 'p2']);
    kept.begin()('c', { page: 3 }, ['p2']);
    kept.forget('p1');
    expect([kept.read('a'), kept.read('b'), kept.read('c')]).toEqual([undefined, undefined, { page: 3 }]);
    kept.forget('p2');
    expect(kept.size()).toBe(0);
    // A key kept again under other tags answers to those alone.
    kept.begin()('a', { page: 5 }, ['p1']);
    kept.begin()('a', { page: 6 }, ['p3']);
    kept.forget('p1');
    expect(kept.read('a')).toEqual({ page: 6 });
  });

  it('keeps nothing computed across a notice under one of its tags, or across forgetAll; a notice under other tags does not stop it', () => {
    const kept = createKeptAnswers<{ page: number }>();
    kept.ready();
    const underP1 = kept.begin();
    const underP2 = kept.begin();
    const underBoth = kept.begin();
    kept.forget('p1');
    // Started before the notice: it may have read what the change replaced.
    underP1('a', { page: 1 }, ['p1']);
    underBoth('b', { page: 2 }, ['p2', 'p1']);
    underP2('c', { page: 3 }, ['p2']);
    expect([kept.read('a'), kept.read('b'), kept.read('c')]).toEqual([undefined, undefined, { page: 3 }]);
    // Begun after the notice: it read what the change wrote.
    kept.begin()('a', { page: 4 }, ['p1']);
    expect(kept.read('a')).toEqual({ page: 4 });

    const untagged = kept.begin();
    const underP3 = kept.begin();
    kept.forgetAll();
    untagged('d', { page: 5 });
    underP3('e', { page: 6 }, ['p3']);
    expect([kept.read('d'), kept.read('e')]).toEqual([undefined, undefined]);
  });

  it('still refuses a computation across a notice under its tag after many other tags were noticed', () => {
    const kept = createKeptAnswers<{ page: number }>();
    kept.ready();
    const underP1 = kept.begin();
    kept.forget('p1');
    for (let i = 0; i < 20_000; i += 1) kept.forget(`other-${i}`);
    underP1('a', { page: 1 }, ['p1']);
    expect(kept.read('a')).toBeUndefined();
    kept.begin()('b', { page: 2 }, ['p1']);
    expect(kept.read('b')).toEqual({ page: 2 });
  });
});
