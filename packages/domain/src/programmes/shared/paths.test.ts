import { describe, expect, it } from 'vitest';
import { setAtPath } from './paths';

describe('setAtPath', () => {
  it('indexes arrays by numeric segments and copies instead of mutating', () => {
    const draft = { lines: [{ id: 'a', amount: 1 }, { id: 'b' }] };
    const next = setAtPath(draft, ['lines', '1', 'amount'], 5);
    expect(next).toEqual({ lines: [{ id: 'a', amount: 1 }, { id: 'b', amount: 5 }] });
    expect(Array.isArray((next as { lines: unknown }).lines)).toBe(true);
    expect(draft.lines[1]).toEqual({ id: 'b' });
  });
  it('removes a key set to undefined and creates missing objects', () => {
    expect(setAtPath({ publication: { url: 'x', where: 'y' } }, ['publication', 'url'], undefined)).toEqual({ publication: { where: 'y' } });
    expect(setAtPath({}, ['checklist', 'answers'], { 1: 'done' })).toEqual({ checklist: { answers: { 1: 'done' } } });
  });
});
