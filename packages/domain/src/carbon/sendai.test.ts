import { describe, expect, it } from 'vitest';
import { compareResults } from './compare';
import { assess } from './engine';
import type { TCarbonResult } from './result';
import { SENDAI_CITY_GAS_KG_PER_M3 } from './energy';
import { gwpOf } from './gwp';
import type { TAssessmentInputRaw } from './model';
import { JCAT_ROWS, MODULES } from './modules';

/**
 * 仙台市役所本庁舎 (seeds/002 l.2402–2487): per-stage GHG per m² of floor area (59,969.14 m²) for
 * the reduction design (削減案) and the reference design (基準案), with their totals and the
 * 37.9% reduction the chart reports (「基準比37.9%削減」).
 */
const GFA = 59_969.14;
const TABLE = {
  //            削減案  基準案
  'A1-A3': [1244, 1317],
  A4: [30, 30],
  A5: [76, 79],
  B1: [109, 109],
  B2: [10, 19],
  B3: [124, 124],
  'B4-B5': [304, 306],
  B6: [3549, 6808],
  B7: [5, 5],
  'C1-C4': [33, 33],
} as const;
const TOTALS = { proposal: 5484, baseline: 8830, difference: -3346 };

/**
 * Inputs that reproduce one design's per-m² stage values through the engine's own formulas:
 * a structure of (synthetic, test-only) concrete and steel factors for A1–A3, measured site
 * totals for A4–A5, a refrigerant circuit for B1, an annual maintenance figure for B2, a repair
 * rate for B3, a refurbishment for B4–B5, electricity and Sendai city gas (2.29 kg-CO2/m³,
 * seeds/002 l.2429) with on-site generation for B6, water for B7, and a per-kg end-of-life figure
 * for C1–C4. Nothing below reads the table's totals: they are what the test checks.
 */
function design(column: 0 | 1, label: string): TAssessmentInputRaw {
  const per = (key: keyof typeof TABLE) => TABLE[key][column] * GFA; // kg-CO2e for the building
  const years = 60; // 事務所等
  const a1a3 = per('A1-A3');
  const concreteM3 = (0.55 * a1a3) / 300;
  const steelT = (0.45 * a1a3) / 1500;
  const massKg = concreteM3 * 2300 + steelT * 1000;
  const r32 = gwpOf('R32', 'AR5');
  const annualB6 = per('B6') / years;
  const gasM3 = 400_000;
  const grid = 0.5;
  const selfConsumed = column === 0 ? 600_000 : 0;
  const electricity = (annualB6 - gasM3 * SENDAI_CITY_GAS_KG_PER_M3) / grid + selfConsumed;
  return {
    project: {
      name: `仙台市役所本庁舎（${label}）`,
      building: {
        use: 'office',
        structure: 'mixed',
        grossFloorAreaM2: GFA,
        storeysAboveGround: 15,
        storeysBelowGround: 2,
        region: '宮城県仙台市',
      },
    },
    assessmentDate: '2026-04-01',
    method: 'standard',
    factors: [
      {
        id: 'test.concrete',
        materialKey: 'test.concrete',
        nameJa: '試験用コンクリート',
        nameEn: 'Test concrete',
        productCategory: 'concrete',
        declaredUnit: 'm3',
        a1a3: 300,
        dataType: 'epd_industry',
        owner: 'test',
        source: 'test fixture',
        publishedOn: '2025-01-01',
        density: 2300,
      },
      {
        id: 'test.steel',
        materialKey: 'test.steel',
        nameJa: '試験用鋼材',
        nameEn: 'Test steel',
        productCategory: 'steel',
        declaredUnit: 't',
        a1a3: 1500,
        dataType: 'epd_industry',
        owner: 'test',
        source: 'test fixture',
        publishedOn: '2025-01-01',
      },
    ],
    boq: [
      {
        id: 'RC',
        category: '3',
        subItem: '3.1',
        materialKey: 'test.concrete',
        quantity: concreteM3,
        unit: 'm3',
      },
      { id: 'S', category: '3', subItem: '3.3', materialKey: 'test.steel', quantity: steelT, unit: 't' },
    ],
    refrigerants: [
      { id: 'VRF', gas: 'R32', chargeKg: per('B1') / (0.02 * r32 * years), annualLeakRate: 0.02 },
    ],
    energy: [
      { carrier: 'electricity', annualQuantity: electricity, unit: 'kWh' },
      {
        carrier: 'city_gas',
        annualQuantity: gasM3,
        unit: 'Nm3',
        factorKgCo2ePerUnit: SENDAI_CITY_GAS_KG_PER_M3,
        factorSource: 'seeds/002 l.2429 仙台市ガス局',
      },
    ],
    gridFactorKgCo2ePerKWh: grid,
    renewables:
      column === 0 ? [{ id: 'PV', annualGenerationKWh: 700_000, selfConsumedKWh: selfConsumed }] : [],
    water: { annualM3: per('B7') / years / 0.5, factorKgCo2ePerM3: 0.5 },
    scenario: {
      siteA4KgCo2e: per('A4'),
      siteA5KgCo2e: per('A5'),
      maintenanceKgCo2ePerYear: per('B2') / years,
      repairRatePerYear: { '3': per('B3') / (a1a3 * years) },
      replacementCycleYears: { '3': null },
      refurbishments: [{ id: 'R1', label: '設備・内外装更新', kgCo2e: per('B4-B5') }],
      endOfLifePerKg: { c1: per('C1-C4') / massKg, c2: 0, c3: 0, c4: 0 },
    },
  };
}

function run(raw: TAssessmentInputRaw): TCarbonResult {
  const out = assess(raw);
  if (!out.ok) throw new Error(JSON.stringify(out.issues));
  return out.result;
}

describe('Sendai city hall: two designs, per stage, adding up', () => {
  const proposal = run(design(0, '削減案'));
  const baseline = run(design(1, '基準案'));
  const cmp = compareResults(baseline, proposal, 'perM2');

  it('the table itself adds up (5,484 and 8,830; ▲3,346)', () => {
    const sum = (col: 0 | 1) => Object.values(TABLE).reduce((s, v) => s + v[col], 0);
    expect(sum(0)).toBe(TOTALS.proposal);
    expect(sum(1)).toBe(TOTALS.baseline);
    expect(TOTALS.proposal - TOTALS.baseline).toBe(TOTALS.difference);
  });

  it('each J-CAT row of each design comes out at the table’s kg-CO2e/m²', () => {
    expect(cmp.jcatRows.map((r) => r.key)).toEqual(JCAT_ROWS.map((r) => r.key));
    for (const r of cmp.jcatRows) {
      const [p, b] = TABLE[r.key as keyof typeof TABLE];
      expect(Math.round(r.proposal), `${r.key} 削減案`).toBe(p);
      expect(Math.round(r.baseline), `${r.key} 基準案`).toBe(b);
      expect(Math.round(r.difference), `${r.key} 差`).toBe(p - b);
    }
  });

  it('the totals are the sums of the stages: 5,484, 8,830, ▲3,346 and 37.9%', () => {
    const whole = cmp.stages.find((s) => s.key === 'wholeLife')!;
    expect(Math.round(whole.proposal)).toBe(TOTALS.proposal);
    expect(Math.round(whole.baseline)).toBe(TOTALS.baseline);
    expect(Math.round(whole.difference)).toBe(TOTALS.difference);
    expect(Math.round(-whole.change! * 1000) / 10).toBe(37.9);
    // The J-CAT rows add up to the whole-life figure the engine reports.
    for (const side of ['proposal', 'baseline'] as const) {
      const rows = cmp.jcatRows.reduce((s, r) => s + r[side], 0);
      expect(rows).toBeCloseTo(whole[side], 9);
    }
    // And in absolute terms, the whole life is exactly the sum of the modules in order.
    for (const r of [proposal, baseline]) {
      expect(r.stages.wholeLife).toBe(MODULES.filter((m) => m !== 'D').reduce((s, m) => s + r.modules[m], 0));
    }
  });

  it('keeps D and storage out of the totals; the proposal exports surplus PV (D2)', () => {
    expect(proposal.d.d2).toBeCloseTo(-(700_000 - 600_000) * 0.5 * 60, 6);
    expect(baseline.d.d2).toBe(0);
    expect(proposal.stages.biogenicStorage).toBe(0);
    expect(cmp.modules.find((m) => m.key === 'B6')!.change).toBeCloseTo((3549 - 6808) / 6808, 9);
  });
});
