import { describe, expect, it } from 'vitest';
import { yen } from '../money';
import { cltExampleApplicationContent } from '../programmes';
import { publicationRows } from './reports';
import { breakdownBy, breakdownKeysOf, BREAKDOWNS_OF, prefectureOf, publicationSourceOf, scoreDistribution, traitsOf } from './statistics';

describe('publication source of an application', () => {
  it('takes the applicant named in the form and the plan, and the organisation when the form names nobody', () => {
    const content = cltExampleApplicationContent();
    const source = publicationSourceOf({ status: 'selected', title: ' CLT実証 ', trackingNumber: 'CLT-2026-0002', organisationName: '杉山木材', content });
    expect(source).toMatchObject({ implementers: ['株式会社〇〇木材'], summary: 'CLTパネル工法普及モデルによる4階建て事務所の実証', receiptNumber: 'CLT-2026-0002' });
    expect(publicationSourceOf({ status: 'selected', title: 't', organisationName: '杉山木材', content: {} })).toMatchObject({ implementers: ['杉山木材'], summary: '' });
  });

  it('summarises a CO2 factor application by its products, and only selected ones are published', () => {
    const content = { grant: { factors: [{ product: '押出法ポリスチレンフォーム' }, { product: '硬質ウレタンフォーム' }] } };
    const selected = publicationSourceOf({ status: 'grant_decided', title: 'EPD策定', organisationName: '断熱建材工業会', content });
    const rejected = publicationSourceOf({ status: 'not_selected', title: '不採択', organisationName: 'x', content });
    expect(publicationRows([selected, rejected])).toEqual([{ 事業名: 'EPD策定', 実施者: '断熱建材工業会', 概要: '押出法ポリスチレンフォーム・硬質ウレタンフォームの原単位の策定' }]);
  });
});

describe('traits for the statistics', () => {
  it('reads the prefecture at the start of an address, never a placeholder', () => {
    expect(prefectureOf('高知県高知市〇〇町2-2')).toBe('高知県');
    expect(prefectureOf('東京都千代田区霞が関2-1-3')).toBe('東京都');
    expect(prefectureOf('京都府京都市')).toBe('京都府');
    expect(prefectureOf('北海道札幌市')).toBe('北海道');
    expect(prefectureOf('神奈川県横浜市')).toBe('神奈川県');
    expect(prefectureOf('〇〇県〇〇市〇〇町1-1')).toBeNull();
    expect(prefectureOf('千代田区')).toBeNull();
    expect(prefectureOf(undefined)).toBeNull();
  });

  it('reads use, CLT structure and region from the content, null where it says nothing', () => {
    const content = cltExampleApplicationContent();
    expect(traitsOf(content)).toEqual({ use: '事務所', structure: 'panel_only', region: null });
    expect(traitsOf({ grant: { cltUse: 'nonsense' } })).toEqual({ use: null, structure: null, region: null });
  });

  it('breaks each programme down by what its applications give: no CLT structure on the CO2 programme', () => {
    expect(BREAKDOWNS_OF.co2_factor_support).not.toContain('structure');
    expect(BREAKDOWNS_OF.co2_factor_support).not.toContain('use');
    const co2 = {
      applicant: { address: '東京都中央区〇〇1-2-3' },
      grant: { applicant: { kind: 'industry_body' }, factors: [{ kind: 'pcr' }, { kind: 'epd_cfp_verified' }, { kind: 'pcr' }] },
    };
    expect(breakdownKeysOf(co2, 'applicantKind', 'ja')).toEqual(['業界団体']);
    expect(breakdownKeysOf(co2, 'applicantKind', 'en')).toEqual(['Industry body']);
    expect(breakdownKeysOf(co2, 'applicantRegion', 'ja')).toEqual(['東京都']);
    // Counted once under each kind of factor developed, in the programme's order.
    expect(breakdownKeysOf(co2, 'factorKind', 'ja')).toEqual([expect.stringMatching(/^EPD又はCFP/), expect.stringMatching(/^PCR|製品カテゴリールール/)]);
    expect(breakdownKeysOf({}, 'factorKind', 'ja')).toEqual([null]);
    expect(breakdownKeysOf(cltExampleApplicationContent(), 'structure', 'ja')).toEqual(['CLTパネル工法のみ']);
  });

  it('groups counts and amounts by key, the unknown group last', () => {
    const rows = breakdownBy([
      { status: 'submitted', key: '事務所', requestedAmount: yen(100) },
      { status: 'grant_decided', key: '事務所', requestedAmount: yen(200), grantedAmount: yen(150) },
      { status: 'not_selected', key: null, requestedAmount: yen(50) },
      { status: 'selected', key: '共同住宅', requestedAmount: yen(70) },
    ]);
    expect(rows).toEqual([
      { key: '事務所', count: 2, selected: 1, requested: 300, granted: 150 },
      { key: '共同住宅', count: 1, selected: 1, requested: 70, granted: 0 },
      { key: null, count: 1, selected: 0, requested: 50, granted: 0 },
    ]);
  });

  it('bins sheet totals from 0 to the maximum, the maximum in the last bin', () => {
    const bins = scoreDistribution([0, 9.9, 10, 55, 100, 101, -1], 100, 10);
    expect(bins).toHaveLength(10);
    expect(bins[0]).toEqual({ from: 0, to: 10, count: 2 });
    expect(bins[1]!.count).toBe(1);
    expect(bins[5]!.count).toBe(1);
    expect(bins[9]).toEqual({ from: 90, to: 100, count: 1 });
    expect(scoreDistribution([1], 0)).toEqual([]);
  });
});
