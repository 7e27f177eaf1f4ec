import { describe, expect, it } from 'vitest';
import { displayParams, listedNames, listedNamesParams } from './display-params';
import { errorMessage } from './errors';

describe('message parameters as read', () => {
  it('writes amounts with separators and leaves years, rates and names alone', () => {
    expect(displayParams({ taxable: 33_000_000, year: 2026, rate: 0.3, name: '本体工事', negative: -12_345 })).toEqual({ taxable: '33,000,000', year: 2026, rate: 0.3, name: '本体工事', negative: '-12,345' });
  });

  it('gives the requirement reasons the same amounts the tables show', () => {
    const text = errorMessage('grant.tax_excluded', 'ja', { section: '本体工事', taxable: 33_000_000, taxExcluded: 30_000_000, nonTaxable: 0, base: 30_000_000 });
    expect(text).toContain('消費税込33,000,000円から消費税相当額を除いた30,000,000円に');
  });
});

describe('listedNames', () => {
  it('lists names with 「、」 in Japanese and a comma in English, each language its own names', () => {
    expect(listedNames(['床', '壁'], 'ja')).toBe('床、壁');
    expect(listedNames(['floor', 'wall'], 'en')).toBe('floor, wall');
    const params = listedNamesParams('items', [{ ja: '床', en: 'floor' }, { ja: '壁', en: 'wall' }]);
    expect(params).toEqual({ items: '床、壁', itemsEn: 'floor, wall' });
    expect(errorMessage('carbon.warn_assumptions_used', 'en', { count: 2, ...params })).toContain('(floor, wall)');
  });
});
