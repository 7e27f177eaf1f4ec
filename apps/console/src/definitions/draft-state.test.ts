import { LCA_IMPLEMENTATION } from '@tsumiki/domain/programmes';
import { describe, expect, it } from 'vitest';
import { setAt, withItem, withoutItem } from './draft-state';

describe('the draft held by the editor', () => {
  it('replaces the value at a path in a copy, leaving the definition it came from alone', () => {
    const next = setAt(LCA_IMPLEMENTATION, ['sections', 0, 'rates', 0, 'rate', 'denominator'], 2);
    expect(next.sections[0]?.rates[0]?.rate).toEqual({ numerator: 1, denominator: 2 });
    expect(LCA_IMPLEMENTATION.sections[0]?.rates[0]?.rate).toEqual({ numerator: 1, denominator: 1 });
    expect(Array.isArray(next.sections)).toBe(true);
    expect(next.caps).toEqual(LCA_IMPLEMENTATION.caps);
  });

  it('makes the objects a path needs, and adds or removes list items', () => {
    const noted = setAt(LCA_IMPLEMENTATION, ['budget', 'note', 'ja'], '予算は公募要領による');
    expect(noted.budget).toMatchObject({ note: { ja: '予算は公募要領による' } });
    const added = withItem(LCA_IMPLEMENTATION, ['requiredDocuments'], LCA_IMPLEMENTATION.requiredDocuments, { code: 'report' });
    expect(added.requiredDocuments).toHaveLength(LCA_IMPLEMENTATION.requiredDocuments.length + 1);
    expect(withoutItem(LCA_IMPLEMENTATION, ['caps'], LCA_IMPLEMENTATION.caps, 0).caps.map((c) => c.id)).toEqual(['with_bim', 'factor_addition']);
  });
});
