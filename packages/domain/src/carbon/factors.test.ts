import { describe, expect, it } from 'vitest';
import {
  effectiveA1a3,
  indexFactors,
  isOlderThanFiveYears,
  rankFactors,
  selectFactor,
  yearsBefore,
  ZEmissionFactor,
  type TDataType,
  type TEmissionFactorInput,
} from './factors';
import { densityFromStorage, STARTER_LIBRARY, WOOD_ROWS } from './library';

const factor = (id: string, dataType: TDataType, extra: Partial<TEmissionFactorInput> = {}) =>
  ZEmissionFactor.parse({
    id,
    materialKey: 'concrete.test',
    nameJa: id,
    nameEn: id,
    productCategory: 'concrete',
    declaredUnit: 'm3',
    a1a3: 100,
    dataType,
    owner: 'test',
    source: 'test fixture',
    publishedOn: '2025-01-01',
    ...(dataType === 'generic' ? { uplift: { factor: 1.1, basis: 'test' } } : {}),
    ...extra,
  });

describe('the wood table of seeds/002', () => {
  // 木材製品の排出原単位と炭素貯蔵量の例 (seeds/002 l.2628–2639): ① kg-CO2e/m³, ② storage.
  const table: [string, number, number][] = [
    ['wood.sawn_jas', 80, -606],
    ['wood.glulam_small', 108, -606],
    ['wood.glulam_medium', 161, -606],
    ['wood.plywood_structural', 166, -980],
    ['wood.plywood_formwork', 205, -980],
    ['wood.clt', 252, -606],
    ['wood.lvl', 329, -980],
    ['wood.particleboard', 444, -986],
    ['wood.hardboard', 331, -1228],
    ['wood.mdf', 850, -1082],
    ['wood.insulation_board', 235, -276],
  ];

  it.each(table)('%s: %d kg-CO2e/m³ with its storage %d kept apart', (key, a1a3, storage) => {
    const entries = STARTER_LIBRARY.filter((f) => f.materialKey === key);
    expect(entries).toHaveLength(1);
    const f = entries[0]!;
    expect(f.declaredUnit).toBe('m3');
    expect(f.a1a3).toBe(a1a3);
    expect(f.biogenicStorage).toBe(storage);
    expect(f.source).toContain('第四次答申 参考資料');
  });

  it('matches the table’s reference column ①−② for every row', () => {
    const reference: Record<string, number> = {
      'wood.sawn_jas': -526,
      'wood.glulam_small': -498,
      'wood.glulam_medium': -445,
      'wood.plywood_structural': -814,
      'wood.plywood_formwork': -775,
      'wood.clt': -354,
      'wood.lvl': -651,
      'wood.particleboard': -542,
      'wood.hardboard': -897,
      'wood.mdf': -232,
      'wood.insulation_board': -41,
    };
    for (const row of WOOD_ROWS) expect(row.a1a3 + row.storage).toBe(reference[row.key]);
  });

  it('derives densities only from the storage value, for end-of-life mass', () => {
    // 606 kg-CO2/m³ ÷ (0.5 × 44/12) = 330.5… kg/m³ (oven-dry スギ).
    expect(densityFromStorage(-606)).toBeCloseTo(330.545, 3);
    expect(STARTER_LIBRARY.find((f) => f.materialKey === 'wood.clt')!.density).toBeCloseTo(330.545, 3);
  });

  it('holds the other first- and second-category materials as gaps, with no number', () => {
    const gaps = STARTER_LIBRARY.filter((f) => f.gap);
    for (const key of [
      'steel.section',
      'glass.float',
      'aluminium.extrusion',
      'board.gypsum',
      'insulation.glass_wool',
    ]) {
      const g = gaps.find((f) => f.materialKey === key);
      expect(g, key).toBeDefined();
      expect(g!.a1a3).toBeNull();
      expect(g!.gapReason).toBeTruthy();
    }
    // Every value is either the wood table or a generic factor built from published figures.
    expect(
      STARTER_LIBRARY.filter((f) => !f.gap).every((f) => f.materialKey.startsWith('wood.') || f.dataType === 'generic'),
    ).toBe(true);
    // Every gap says what the user can do about it.
    for (const g of gaps) expect(g.gapReason).toContain('出典を添えて');
  });
});

describe('factor selection', () => {
  const all: TDataType[] = [
    'io_statistic',
    'generic',
    'national_default',
    'cfp_unreviewed',
    'cfp_reviewed',
    'epd_industry',
    'epd_company',
  ];

  it('takes the best data type available: EPD > reviewed CFP > unreviewed CFP > default > IO', () => {
    // Remove the best each time; the next one down must be chosen.
    for (let best = all.length - 1; best >= 0; best--) {
      const index = indexFactors(all.slice(0, best + 1).map((t) => factor(`f.${t}`, t)));
      const s = selectFactor(index, 'concrete.test', undefined, '2026-04-01');
      expect(s.ok && s.factor.dataType).toBe(all[best]);
    }
  });

  it('does not pick the lowest number: a worse type with a smaller value still loses', () => {
    const index = indexFactors([
      factor('low', 'national_default', { a1a3: 10 }),
      factor('epd', 'epd_industry', { a1a3: 500 }),
    ]);
    const s = selectFactor(index, 'concrete.test', undefined, '2026-04-01');
    expect(s.ok && s.factor.id).toBe('epd');
  });

  it('prefers a factor still valid on the assessment date, then the newest', () => {
    const index = indexFactors([
      factor('expired-epd', 'epd_company', { validUntil: '2025-12-31' }),
      factor('default', 'national_default'),
      factor('old-cfp', 'cfp_reviewed', { publishedOn: '2023-01-01' }),
      factor('new-cfp', 'cfp_reviewed', { publishedOn: '2024-06-01' }),
    ]);
    const s = selectFactor(index, 'concrete.test', undefined, '2026-04-01');
    expect(s.ok && s.factor.id).toBe('new-cfp');
    expect(rankFactors(index, 'concrete.test', '2026-04-01').map((f) => f.id)).toEqual([
      'new-cfp',
      'old-cfp',
      'default',
      'expired-epd',
    ]);
    // Before the EPD expired it wins.
    const before = selectFactor(index, 'concrete.test', undefined, '2025-06-01');
    expect(before.ok && before.factor.id).toBe('expired-epd');
  });

  it('uses a pinned factor even when a better one exists, and says how many alternatives there were', () => {
    const index = indexFactors([factor('epd', 'epd_industry'), factor('io', 'io_statistic')]);
    const s = selectFactor(index, 'concrete.test', 'io', '2026-04-01');
    expect(s).toMatchObject({ ok: true, pinned: true, alternatives: 1 });
    expect(s.ok && s.factor.id).toBe('io');
    expect(selectFactor(index, 'concrete.test', 'nope', '2026-04-01')).toEqual({
      ok: false,
      reason: 'factor_not_found',
    });
  });

  it('never chooses a gap and reports a missing factor instead', () => {
    const s = selectFactor(indexFactors(STARTER_LIBRARY), 'steel.section', undefined, '2026-04-01');
    expect(s.ok).toBe(false);
    expect(!s.ok && s.reason).toBe('factor_missing');
    expect(!s.ok && s.gapReason).toContain('第1カテゴリー');
    expect(selectFactor(indexFactors(STARTER_LIBRARY), 'unobtainium', undefined, '2026-04-01')).toEqual({
      ok: false,
      reason: 'material_unknown',
    });
  });

  it('flags factors published more than five years before the assessment date', () => {
    expect(yearsBefore('2026-04-01', 5)).toBe('2021-04-01');
    expect(yearsBefore('2028-02-29', 5)).toBe('2023-02-28');
    expect(isOlderThanFiveYears({ publishedOn: '2021-03-31' }, '2026-04-01')).toBe(true);
    expect(isOlderThanFiveYears({ publishedOn: '2021-04-01' }, '2026-04-01')).toBe(false);
    const s = selectFactor(indexFactors(STARTER_LIBRARY), 'wood.particleboard', undefined, '2026-04-01');
    expect(s.ok && s.olderThan5Years).toBe(true); // Nakano et al. 2018
  });

  it('applies and records the uplift of a national default (×1.1–×1.3), and refuses others', () => {
    const d = factor('default', 'national_default', {
      uplift: { factor: 1.2, basis: 'completeness: a missing process of 5–10%' },
    });
    expect(effectiveA1a3(d)).toBeCloseTo(120, 12);
    expect(
      ZEmissionFactor.safeParse({ ...d, uplift: { factor: 1.4, basis: 'x' } }).error?.issues[0]?.message,
    ).toBe('carbon.uplift_out_of_range');
    expect(ZEmissionFactor.safeParse({ ...d, dataType: 'epd_industry' }).error?.issues[0]?.message).toBe(
      'carbon.uplift_not_default',
    );
    expect(ZEmissionFactor.safeParse({ ...d, uplift: undefined, a1a3: null }).error?.issues[0]?.message).toBe(
      'carbon.factor_value_required',
    );
    expect(ZEmissionFactor.safeParse({ ...d, biogenicStorage: 5 }).error?.issues[0]?.message).toBe(
      'carbon.storage_positive',
    );
  });
});
