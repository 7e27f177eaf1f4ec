import { describe, expect, it } from 'vitest';
import { createKeptAnswers } from './kept-answers';

describe('kept answers', () => {
  it('forgets the answers under a tag and keeps the others; keeps nothing computed across a notice', () => {
    const kept = createKeptAnswers<{ page: number }>();
    kept.ready();
    kept.begin()('a', { page: 1 }, ['p1']);
    kept.begin()('b', { page: 2 }, ['p1', 'p2']);
    kept.begin()('c', { page: 3 }, ['p2']);
    const keep = kept.begin();
    kept.forget('p1');
    expect([kept.read('a'), kept.read('b'), kept.read('c')]).toEqual([undefined, undefined, { page: 3 }]);
    // Started before the notice: it may have read what the change replaced.
    keep('d', { page: 4 }, ['p3']);
    expect(kept.read('d')).toBeUndefined();
    kept.forget('p2');
    expect(kept.size()).toBe(0);
    // A key kept again under other tags answers to those alone.
    kept.begin()('a', { page: 5 }, ['p1']);
    kept.begin()('a', { page: 6 }, ['p3']);
    kept.forget('p1');
    expect(kept.read('a')).toEqual({ page: 6 });
  });
});
