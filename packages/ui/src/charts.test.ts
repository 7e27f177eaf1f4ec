import { describe, expect, it } from 'vitest';
import { referenceLineAtRight } from './charts';

describe('referenceLineAtRight', () => {
  it('puts the label right of the plot, with a margin as wide as the label', () => {
    const wide = referenceLineAtRight({ y: 62.3, label: '8団体計 62.3%', color: 'red.6' });
    expect(wide.referenceLines).toEqual([{ y: 62.3, label: '8団体計 62.3%', color: 'red.6', labelPosition: 'right' }]);
    const narrow = referenceLineAtRight({ y: 100, label: '100%', color: 'red.6' });
    // Three full-width characters and seven narrow ones against four narrow ones.
    expect(wide.barChartProps.margin.right).toBe(3 * 12 + 7 * 7 + 10);
    expect(narrow.barChartProps.margin.right).toBe(4 * 7 + 10);
  });
});
