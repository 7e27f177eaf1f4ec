import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { errorMessage, isErrorCode } from '../errors';
import { assess, evaluatePrepared, prepareAssessment, replacementCount } from './engine';
import type { TCarbonResult } from './result';
import { gwpOf } from './gwp';
import { densityFromStorage } from './library';
import { ZAssessmentInput, type TAssessmentInputRaw, type TBoqLineInput } from './model';
import { MODULES, STAGE_GROUPS, sumModules } from './modules';
import { evaluationPeriod } from './period';

const GFA = 1000;
const base = (over: Partial<TAssessmentInputRaw> = {}): TAssessmentInputRaw => ({
  project: { name: 'テスト事務所', building: { use: 'office', structure: 'W', grossFloorAreaM2: GFA } },
  assessmentDate: '2026-04-01',
  method: 'detailed',
  boq: [],
  ...over,
});
const line = (id: string, over: Partial<TBoqLineInput>): TBoqLineInput => ({
  id,
  category: '3',
  subItem: '3.5',
  materialKey: 'wood.clt',
  quantity: 1,
  unit: 'm3',
  ...over,
});
function ok(raw: TAssessmentInputRaw): TCarbonResult {
  const out = assess(raw);
  if (!out.ok) throw new Error(JSON.stringify(out.issues));
  return out.result;
}
function issues(raw: unknown) {
  const out = assess(raw);
  if (out.ok) throw new Error('expected issues');
  return out.issues;
}

describe('each module on a hand-checked case', () => {
  // 10 m³ of CLT in 3.5 (252 kg-CO2e/m³, storage −606), an office: 60 years, default scenario.
  const r = ok(base({ boq: [line('L1', { quantity: 10 })] }));
  const clt = 10 * 252;
  const mass = 10 * ((606 * 12) / 22); // kg, oven-dry density from the storage value

  it('A1–A3 = quantity × factor, and storage is reported apart, never netted', () => {
    expect(r.modules['A1-A3']).toBe(2520);
    expect(r.stages.biogenicStorage).toBe(-6060);
    expect(r.stages.wholeLife).toBeGreaterThan(0);
    expect(r.stages.upfront).toBeCloseTo(clt * 1.08, 9);
  });

  it('A4 and A5 by the construction shares (2% and 6%, listed as assumptions)', () => {
    expect(r.modules.A4).toBeCloseTo(0.02 * clt, 12);
    expect(r.modules.A5).toBeCloseTo(0.06 * clt, 12);
    const ids = r.dataQuality.assumptionsUsed.map((a) => a.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        'a4Rate',
        'a5Rate',
        'repairRatePerYear',
        'replacementCycleYears',
        'endOfLifePerKg',
        'recyclingRate',
      ]),
    );
    for (const a of r.dataQuality.assumptionsUsed) expect(a.sourceStatus).toBe('assumption');
  });

  it('B3 = yearly repair share × A1–A3 × years; structure is not replaced (B4 = 0)', () => {
    expect(r.modules.B3).toBeCloseTo(0.002 * clt * 60, 9);
    expect(r.modules.B4).toBe(0);
  });

  it('C1–C4 from the mass and the recycling share (95% for structure)', () => {
    expect(r.modules.C1).toBeCloseTo(mass * 0.005, 9);
    expect(r.modules.C2).toBeCloseTo(mass * 0.005, 9);
    expect(r.modules.C3).toBeCloseTo(mass * 0.95 * 0.01, 9);
    expect(r.modules.C4).toBeCloseTo(mass * 0.05 * 0.01, 9);
    expect(r.modules.D).toBe(0); // no reuse assumed, so no credit
  });

  it('B4 = replacements × (A1–A5 + C1–C4) of the component', () => {
    // Structural plywood as an internal wall finish (5.2, replaced every 20 years by default):
    // 100 m² × 12 mm = 1.2 m³ → 199.2 kg-CO2e; in 60 years it is replaced twice.
    const wall = line('W1', {
      category: '5',
      subItem: '5.2',
      materialKey: 'wood.plywood_structural',
      quantity: 100,
      unit: 'm2',
      thickness: 0.012,
    });
    const p = ok(base({ boq: [wall] }));
    const a = 1.2 * 166;
    const kg = 1.2 * densityFromStorage(-980);
    const eol = kg * (0.005 + 0.005 + 0.6 * 0.01 + 0.4 * 0.01);
    expect(p.modules['A1-A3']).toBeCloseTo(a, 9);
    expect(p.modules.B4).toBeCloseTo(2 * (a * 1.08 + eol), 9);
    // The user may say the partitions last 30 years: one replacement.
    const q = ok(base({ boq: [wall], scenario: { replacementCycleYears: { '5': 30 } } }));
    expect(q.modules.B4).toBeCloseTo(a * 1.08 + eol, 9);
  });

  it('counts replacements as ⌈period ÷ life⌉ − 1', () => {
    expect(replacementCount(60, 30)).toBe(1);
    expect(replacementCount(60, 20)).toBe(2);
    expect(replacementCount(60, 25)).toBe(2);
    expect(replacementCount(60, 15)).toBe(3);
    expect(replacementCount(60, 60)).toBe(0);
    expect(replacementCount(30, 30)).toBe(0);
    expect(replacementCount(60, 61)).toBe(0);
    expect(replacementCount(60, null)).toBe(0);
  });

  it('lets a more specific default (insulation 4.4 lasts) stand against a category override', () => {
    const ins = line('I1', {
      category: '4',
      subItem: '4.4',
      materialKey: 'wood.insulation_board',
      quantity: 10,
    });
    const ext = line('E1', { category: '4', subItem: '4.2', materialKey: 'wood.sawn_jas', quantity: 10 });
    const r2 = ok(base({ boq: [ins, ext], scenario: { replacementCycleYears: { '4': 25 } } }));
    const cat4 = r2.byCategoryMaterial.filter((m) => m.category === '4');
    expect(cat4.find((m) => m.materialKey === 'wood.insulation_board')!.modules.B4).toBe(0);
    expect(cat4.find((m) => m.materialKey === 'wood.sawn_jas')!.modules.B4).toBeGreaterThan(0);
  });

  it('B1 = charge × leak rate × GWP × years, AR5 or AR6; blowing agents lose at most what they hold', () => {
    const refrigerant = { id: 'VRF-1', gas: 'R410A' as const, chargeKg: 10, annualLeakRate: 0.05 };
    expect(gwpOf('R410A', 'AR5')).toBe(1923.5);
    expect(gwpOf('R410A', 'AR6')).toBe(2255.5);
    expect(gwpOf('R32', 'AR5')).toBe(677);
    expect(gwpOf('R404A', 'AR5')).toBeCloseTo(3942.8, 9);
    expect(gwpOf('R407C', 'AR6')).toBeCloseTo(1907.93, 9);
    expect(ok(base({ refrigerants: [refrigerant] })).modules.B1).toBeCloseTo(10 * 0.05 * 1923.5 * 60, 9);
    expect(ok(base({ refrigerants: [refrigerant], gwpSet: 'AR6' })).modules.B1).toBeCloseTo(
      10 * 0.05 * 2255.5 * 60,
      9,
    );
    const slow = ok(
      base({ blowingAgents: [{ id: 'XPS', gas: 'HFC-245fa', agentKg: 100, annualLossRate: 0.01 }] }),
    );
    expect(slow.modules.B1).toBeCloseTo(100 * 0.6 * 858, 9);
    const fast = ok(
      base({ blowingAgents: [{ id: 'XPS', gas: 'HFC-245fa', agentKg: 100, annualLossRate: 0.02 }] }),
    );
    expect(fast.modules.B1).toBeCloseTo(100 * 858, 9); // 120% over 60 years is capped at all of it
    const custom = ok(
      base({
        refrigerants: [
          { id: 'X', gas: 'custom', gwp: 150, chargeKg: 4, annualLeakRate: 0.1, endOfLifeLossRate: 0.5 },
        ],
      }),
    );
    expect(custom.modules.B1).toBeCloseTo(4 * 0.1 * 150 * 60, 9);
    expect(custom.modules.C1).toBeCloseTo(4 * 0.5 * 150, 9);
  });

  it('B6 = (Σ energy × factor − self-consumed × grid) × years; exports go to D2; B7 water', () => {
    const e = ok(
      base({
        energy: [
          { carrier: 'electricity', annualQuantity: 100_000, unit: 'kWh' },
          { carrier: 'city_gas', annualQuantity: 1_000, unit: 'Nm3' },
          { carrier: 'kerosene', annualQuantity: 2, unit: 'm3' },
        ],
        gridFactorKgCo2ePerKWh: 0.45,
        renewables: [{ id: 'PV', annualGenerationKWh: 10_000, selfConsumedKWh: 8_000 }],
        water: { annualM3: 1_000, factorKgCo2ePerM3: 0.6 },
      }),
    );
    const annual = 100_000 * 0.45 + 1_000 * 2.23 + 2_000 * 2.49 - 8_000 * 0.45;
    expect(e.operational.annualB6).toBeCloseTo(annual, 9);
    expect(e.modules.B6).toBeCloseTo(annual * 60, 6);
    expect(e.d.d2).toBeCloseTo(-2_000 * 0.45 * 60, 9);
    expect(e.modules.D).toBe(e.d.d1 + e.d.d2);
    expect(e.modules.B7).toBeCloseTo(600 * 60, 9);
    expect(e.stages.operational).toBe(e.modules.B6 + e.modules.B7);
    // Default fuel factors are dated, and say so.
    expect(e.dataQuality.energyFactorsOlderThan5Years.map((x) => x.carrier)).toEqual([
      'city_gas',
      'kerosene',
    ]);
  });

  it('B2 and B5 when given; explicit site data replace the A4/A5 shares', () => {
    const s = ok(
      base({
        boq: [line('L1', { quantity: 10 })],
        scenario: {
          maintenanceKgCo2ePerYear: 100,
          refurbishments: [{ id: 'R', label: '外装改修', kgCo2e: 5000 }],
          siteA4KgCo2e: 70,
          siteA5KgCo2e: 300,
        },
      }),
    );
    expect(s.modules.B2).toBe(6000);
    expect(s.modules.B5).toBe(5000);
    expect(s.modules.A4).toBe(70);
    expect(s.modules.A5).toBe(300);
    expect(s.dataQuality.assumptionsUsed.map((a) => a.id)).not.toContain('a4Rate');
  });

  it('credits reuse in D only when the scenario says so', () => {
    const reuse = ok(
      base({
        boq: [line('L1', { quantity: 10 })],
        scenario: { reuseRate: { '3': 0.2 }, recyclingRate: { '3': 0.7 } },
      }),
    );
    expect(reuse.modules.D).toBeCloseTo(-0.2 * 2520, 9);
    expect(reuse.d.d1).toBe(reuse.modules.D);
  });
});

describe('evaluation period', () => {
  it('follows J-CAT: retail 30, office 60, housing 30/60/90, renovation = new-build − age', () => {
    expect(evaluationPeriod({ use: 'retail', works: 'new' })).toMatchObject({
      ok: true,
      years: 30,
      sourceStatus: 'cited',
    });
    expect(evaluationPeriod({ use: 'office', works: 'new' })).toMatchObject({ ok: true, years: 60 });
    expect(
      [1, 2, 3]
        .map((g) => evaluationPeriod({ use: 'housing', works: 'new', durabilityGrade: g as 1 | 2 | 3 }))
        .map((p) => p.ok && p.years),
    ).toEqual([30, 60, 90]);
    expect(evaluationPeriod({ use: 'office', works: 'renovation', ageYears: 25 })).toMatchObject({
      ok: true,
      years: 35,
      // How the years were found, said in each language.
      rule: '事務所等 60年 − 築25年（躯体改修を伴わない改修）',
      ruleEn: 'offices 60 years − 25 years since completion (renovation without structural work)',
    });
    expect(
      evaluationPeriod({ use: 'office', works: 'renovation', ageYears: 25, structuralWork: true }),
    ).toMatchObject({ ok: true, years: 60 });
    expect(evaluationPeriod({ use: 'school', works: 'new' })).toMatchObject({
      ok: true,
      years: 60,
      sourceStatus: 'assumption',
    });
    expect(evaluationPeriod({ use: 'retail', works: 'renovation', ageYears: 30 })).toMatchObject({
      ok: false,
      code: 'carbon.period_renovation_not_positive',
    });
    expect(evaluationPeriod({ use: 'housing', works: 'new' })).toMatchObject({
      ok: false,
      code: 'carbon.durability_grade_required',
    });
  });

  it('divides per m²·year by the period it used', () => {
    const r = ok(
      base({
        project: { name: 'x', building: { use: 'retail', structure: 'S', grossFloorAreaM2: 500 } },
        boq: [line('L1', { quantity: 2 })],
      }),
    );
    expect(r.evaluationPeriod.years).toBe(30);
    expect(r.perM2Year.modules['A1-A3']).toBe(504 / 500 / 30);
    expect(r.perM2.modules['A1-A3']).toBe(504 / 500);
  });
});

describe('bad input gets a clear issue naming the line, and no result', () => {
  const codes = (list: { code: string }[]) => list.map((i) => i.code);

  it('unknown material', () => {
    const list = issues(base({ boq: [line('L1', {}), line('柱-7', { materialKey: 'unobtainium' })] }));
    expect(list).toEqual([
      expect.objectContaining({ code: 'carbon.material_unknown', lineId: '柱-7', path: ['boq', 1] }),
    ]);
    expect(list[0]!.params).toMatchObject({ line: '柱-7', row: 2, material: 'unobtainium' });
  });

  it('negative quantity', () => {
    const list = issues(base({ boq: [line('L1', {}), line('L2', { quantity: -3 })] }));
    expect(list).toEqual([
      expect.objectContaining({
        code: 'carbon.quantity_negative',
        lineId: 'L2',
        path: ['boq', 1, 'quantity'],
      }),
    ]);
  });

  it('a unit that cannot convert says what is missing', () => {
    const list = issues(
      base({
        boq: [
          line('P1', { materialKey: 'wood.plywood_structural', unit: 'm2' }),
          line('P2', { materialKey: 'wood.clt', unit: 'kWh' }),
          line('P3', { materialKey: 'wood.clt', unit: 'piece' }),
        ],
      }),
    );
    expect(list.map((i) => [i.code, i.lineId])).toEqual([
      ['carbon.unit_needs_thickness', 'P1'],
      ['carbon.unit_incompatible', 'P2'],
      ['carbon.unit_needs_kg_per_piece', 'P3'],
    ]);
    expect(list[0]!.params).toMatchObject({ from: 'm2', to: 'm3' });
  });

  it('an unknown unit, sub-item or category', () => {
    expect(codes(issues(base({ boq: [line('L1', { unit: '坪' as 'm2' })] })))).toEqual([
      'carbon.unit_unknown',
    ]);
    expect(codes(issues(base({ boq: [line('L1', { subItem: '3.7' })] })))).toEqual([
      'carbon.sub_item_unknown',
    ]);
    expect(codes(issues(base({ boq: [line('L1', { subItem: '4.1' })] })))).toEqual([
      'carbon.sub_item_mismatch',
    ]);
    expect(codes(issues(base({ boq: [line('L1', { subItem: undefined })] })))).toEqual([
      'carbon.sub_item_required',
    ]);
    expect(
      ok(base({ boq: [line('L1', { category: '1', subItem: undefined })] })).byCategory[0]!.lineCount,
    ).toBe(1);
  });

  it('missing floor area and period 0', () => {
    expect(
      codes(issues(base({ project: { name: 'x', building: { use: 'office', structure: 'S' } as never } }))),
    ).toEqual(['carbon.floor_area_required']);
    expect(
      codes(
        issues(
          base({ project: { name: 'x', building: { use: 'office', structure: 'S', grossFloorAreaM2: 0 } } }),
        ),
      ),
    ).toEqual(['carbon.floor_area_required']);
    expect(codes(issues(base({ evaluationPeriodYears: 0 })))).toEqual(['carbon.period_not_positive']);
    const renovation = issues(
      base({
        project: {
          name: 'x',
          building: {
            use: 'retail',
            structure: 'S',
            grossFloorAreaM2: 100,
            works: 'renovation',
            ageYears: 32,
          },
        },
      }),
    );
    expect(renovation).toEqual([
      expect.objectContaining({
        code: 'carbon.period_renovation_not_positive',
        params: { newBuild: 30, age: 32, years: -2 },
      }),
    ]);
  });

  it('duplicate line ids, missing grid factor, water without a factor', () => {
    expect(codes(issues(base({ boq: [line('L1', {}), line('L1', {})] })))).toEqual([
      'carbon.line_id_duplicate',
    ]);
    expect(
      codes(issues(base({ energy: [{ carrier: 'electricity', annualQuantity: 1, unit: 'kWh' }] }))),
    ).toEqual(['carbon.grid_factor_required']);
    expect(codes(issues(base({ water: { annualM3: 10 } as never })))).toEqual([
      'carbon.water_factor_required',
    ]);
    expect(
      codes(issues(base({ energy: [{ carrier: 'city_gas', annualQuantity: 1, unit: 'kWh' }] }))),
    ).toEqual(['carbon.energy_unit_mismatch']);
  });

  it('a gap material is a missing factor, not a zero; a partial result only on request, marked incomplete', () => {
    const boq = [line('L1', {}), line('S-1', { materialKey: 'steel.section', subItem: '3.3', unit: 't' })];
    expect(issues(base({ boq }))).toEqual([
      expect.objectContaining({ code: 'carbon.factor_missing', lineId: 'S-1' }),
    ]);
    const partial = ok(base({ boq, allowIncomplete: true }));
    expect(partial.complete).toBe(false);
    expect(partial.dataQuality.missingFactors).toEqual({
      count: 1,
      lineIds: ['S-1'],
      materials: ['steel.section'],
    });
    expect(partial.warnings.map((w) => w.code)).toContain('carbon.warn_incomplete_missing_factors');
    // The gap is named by the library's name in the reader's language, counted without a plural to get wrong.
    const gap = partial.warnings.find((w) => w.code === 'carbon.warn_incomplete_missing_factors')!;
    expect(errorMessage(gap.code, 'ja', gap.params)).toContain('鉄骨（形鋼・鋼板）');
    expect(errorMessage(gap.code, 'en', gap.params)).toMatch(/^Lines without a factor: 1 \([^\u3040-\u30ff\u4e00-\u9fff]+\)\./u);
    const refused = issues(base({ boq }))[0]!;
    expect(errorMessage(refused.code, 'en', refused.params)).toContain('no usable factor yet for “Structural steel sections”');
    expect(partial.modules['A1-A3']).toBe(252);
  });

  it('every issue and warning code is in the catalogue', () => {
    const all = [
      ...issues(base({ boq: [line('', { quantity: Number.NaN, unit: 'x' as 'm3', category: '9' as '1' })] })),
      ...issues({ nonsense: true }),
    ];
    expect(all.length).toBeGreaterThan(3);
    for (const i of all) expect(isErrorCode(i.code), i.code).toBe(true);
  });
});

describe('method coverage (J-CAT table)', () => {
  it('says what the simple method leaves out, and warns about lines entered there', () => {
    const r = ok(
      base({
        method: 'simple',
        boq: [
          line('L1', {}),
          line('R1', { category: '4', subItem: '4.1', materialKey: 'wood.plywood_structural' }),
        ],
      }),
    );
    expect(r.coverage.notCovered.map((s) => s.code)).toEqual([
      '1',
      '4.1',
      '4.2',
      '4.3',
      '4.4',
      '4.9',
      '5.1',
      '5.2',
      '5.3',
      '5.4',
      '5.5',
      '5.9',
      '6.1',
    ]);
    expect(r.coverage.partial.map((s) => s.code)).toEqual(['3.9']);
    expect(r.coverage.linesOutsideMethod).toEqual({ count: 1, lineIds: ['R1'], subItems: ['4.1'] });
    expect(r.warnings.map((w) => w.code)).toContain('carbon.warn_lines_outside_method');
    // The method is named in the reader's language.
    const outside = r.warnings.find((w) => w.code === 'carbon.warn_lines_outside_method')!;
    expect(errorMessage(outside.code, 'ja', outside.params)).toContain('簡易算定法');
    expect(errorMessage(outside.code, 'en', outside.params)).toContain('the simple method does not take');
    expect(r.coverage.modulesWithoutInput).toEqual(['B1', 'B6', 'B7']);
  });

  it('the standard method adds finishes but not insulation; the detailed covers everything', () => {
    const std = ok(base({ method: 'standard' }));
    expect(std.coverage.notCovered.map((s) => s.code)).toEqual(['1', '4.4', '4.9', '5.5', '6.1']);
    expect(std.coverage.partial.map((s) => s.code)).toEqual(['3.9', '5.9']);
    expect(ok(base({ method: 'detailed' })).coverage.notCovered).toEqual([]);
  });

  it('recommends formwork quantities for RC under the simple and standard methods', () => {
    const rc = ok(
      base({
        method: 'standard',
        project: { name: 'x', building: { use: 'office', structure: 'RC', grossFloorAreaM2: GFA } },
      }),
    );
    expect(rc.warnings.map((w) => w.code)).toContain('carbon.warn_formwork_recommended_rc');
  });
});

describe('data quality', () => {
  it('shares of A1–A3 by data type, unreviewed-CFP and age warnings, per factor provenance', () => {
    const epd = {
      id: 'maker.clt.2025',
      materialKey: 'wood.clt',
      nameJa: 'CLT（A社）',
      nameEn: 'CLT (maker A)',
      productCategory: 'wood',
      declaredUnit: 'm3' as const,
      a1a3: 200,
      dataType: 'epd_company' as const,
      owner: 'A社',
      source: 'test EPD',
      publishedOn: '2025-10-01',
    };
    const r = ok(
      base({
        factors: [epd],
        boq: [line('L1', { quantity: 3 }), line('L2', { materialKey: 'wood.particleboard', quantity: 1 })],
      }),
    );
    expect(r.dataQuality.factorsUsed.map((f) => f.id)).toEqual(['maker.clt.2025', 'jp.rinya.particleboard']);
    expect(r.dataQuality.a1a3ByDataType.epd_company).toEqual({ kgCo2e: 600, share: 600 / 1044 });
    expect(r.dataQuality.a1a3ByDataType.cfp_unreviewed).toEqual({ kgCo2e: 444, share: 444 / 1044 });
    expect(r.dataQuality.unreviewedCfp).toEqual([
      { factorId: 'jp.rinya.particleboard', materialKey: 'wood.particleboard', lineCount: 1 },
    ]);
    expect(r.dataQuality.olderThan5Years).toEqual([
      { factorId: 'jp.rinya.particleboard', publishedOn: '2018-01-01' },
    ]);
    expect(r.warnings.map((w) => w.code)).toEqual(
      expect.arrayContaining([
        'carbon.warn_unreviewed_cfp',
        'carbon.warn_factor_old',
        'carbon.warn_assumptions_used',
      ]),
    );
    // Factors, materials and defaults are named in the reader's language (a publisher keeps its own name).
    const message = (code: string, locale: 'ja' | 'en') => errorMessage(code, locale, r.warnings.find((w) => w.code === code)!.params);
    expect(message('carbon.warn_unreviewed_cfp', 'en')).toMatch(/^Material “Particleboard \(PB\)” uses/);
    expect(message('carbon.warn_factor_old', 'en')).toMatch(/^Factor “Particleboard \(PB\)” was published/);
    expect(message('carbon.warn_factor_old', 'ja')).toContain('パーティクルボード');
    expect(message('carbon.warn_assumptions_used', 'en')).not.toMatch(/[\u3040-\u30ff\u4e00-\u9fff、]/u);
    expect(message('carbon.warn_assumptions_used', 'ja')).toMatch(/[^、]+、[^、]+/u);
  });

  it('marks lines whose mass is unknown: C1–C4 not computed, result not complete', () => {
    const factor = {
      id: 'test.glass',
      materialKey: 'glass.float',
      nameJa: 'ガラス（試験用）',
      nameEn: 'Glass (test)',
      productCategory: 'glass',
      declaredUnit: 'm2' as const,
      a1a3: 10,
      dataType: 'epd_industry' as const,
      owner: 'test',
      source: 'test fixture',
      publishedOn: '2025-01-01',
    };
    const r = ok(
      base({
        factors: [factor],
        boq: [
          line('G1', { category: '4', subItem: '4.3', materialKey: 'glass.float', unit: 'm2', quantity: 5 }),
        ],
      }),
    );
    expect(r.complete).toBe(false);
    expect(r.dataQuality.linesWithoutMass).toEqual({ count: 1, lineIds: ['G1'] });
    expect(r.modules.C1).toBe(0);
  });
});

describe('properties', () => {
  const materials = ['wood.clt', 'wood.sawn_jas', 'wood.glulam_small', 'wood.mdf', 'wood.hardboard'] as const;
  const subItems = [
    ['3', '3.5'],
    ['4', '4.2'],
    ['5', '5.1'],
    ['6', '6.1'],
    ['1', '1'],
  ] as const;
  const arbLines = fc.array(
    fc.record({
      material: fc.constantFrom(...materials),
      where: fc.constantFrom(...subItems),
      quantity: fc.double({ min: 0, max: 1e4, noNaN: true }),
    }),
    { maxLength: 40 },
  );
  const toBoq = (ls: { material: string; where: readonly [string, string]; quantity: number }[]) =>
    ls.map((l, i) =>
      line(`L${i}`, {
        materialKey: l.material,
        category: l.where[0] as '3',
        subItem: l.where[1],
        quantity: l.quantity,
      }),
    );

  it('every total is exactly the sum of its parts, added in the stated order', () => {
    fc.assert(
      fc.property(arbLines, fc.double({ min: 0, max: 1e6, noNaN: true }), (ls, kwh) => {
        const r = ok(
          base({
            boq: toBoq(ls),
            energy: [{ carrier: 'electricity', annualQuantity: kwh, unit: 'kWh' }],
            gridFactorKgCo2ePerKWh: 0.4,
            refrigerants: [{ id: 'r', gas: 'R32', chargeKg: 5, annualLeakRate: 0.03 }],
          }),
        );
        for (const m of MODULES) {
          let t = 0;
          for (const c of r.byCategory) t += c.modules[m];
          expect(t + r.buildingLevel.modules[m]).toBe(r.modules[m]);
        }
        for (const g of Object.keys(STAGE_GROUPS) as (keyof typeof STAGE_GROUPS)[])
          expect(r.stages[g]).toBe(sumModules(r.modules, STAGE_GROUPS[g]));
        expect(r.stages.wholeLife).toBe(
          MODULES.filter((m) => m !== 'D').reduce((s, m) => s + r.modules[m], 0),
        );
        // Per material is a view over the same numbers: equal up to rounding.
        const materialsTotal = r.byMaterial.reduce((s, m) => s + m.modules['A1-A3'], 0);
        expect(Math.abs(materialsTotal - r.modules['A1-A3'])).toBeLessThanOrEqual(
          1e-9 * Math.max(1, r.modules['A1-A3']),
        );
      }),
      { numRuns: 60 },
    );
  });

  it('scaling every quantity by k scales A1–A3 and storage by k', () => {
    fc.assert(
      fc.property(arbLines, fc.double({ min: 0.01, max: 100, noNaN: true }), (ls, k) => {
        const a = ok(base({ boq: toBoq(ls) }));
        const b = ok(base({ boq: toBoq(ls.map((l) => ({ ...l, quantity: l.quantity * k }))) }));
        const tol = 1e-9 * Math.max(1, Math.abs(a.modules['A1-A3'] * k));
        expect(Math.abs(b.modules['A1-A3'] - k * a.modules['A1-A3'])).toBeLessThanOrEqual(tol);
        expect(Math.abs(b.stages.biogenicStorage - k * a.stages.biogenicStorage)).toBeLessThanOrEqual(
          1e-9 * Math.max(1, Math.abs(a.stages.biogenicStorage * k)),
        );
      }),
      { numRuns: 60 },
    );
  });

  it('splitting a line in two changes nothing', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1e4, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (q, share) => {
          const one = ok(base({ boq: [line('A', { quantity: q })] }));
          const two = ok(
            base({ boq: [line('A', { quantity: q * share }), line('B', { quantity: q - q * share })] }),
          );
          expect(two.modules['A1-A3']).toBeCloseTo(one.modules['A1-A3'], 6);
        },
      ),
      { numRuns: 50 },
    );
  });
});

describe('prepared assessments and scenario variants', () => {
  it('evaluates variants without re-reading the bill of quantities', () => {
    const input = ZAssessmentInput.parse(
      base({
        boq: [line('L1', { category: '5', subItem: '5.1', materialKey: 'wood.sawn_jas', quantity: 10 })],
      }),
    );
    const prepared = prepareAssessment(input);
    if (!prepared.ok) throw new Error('prepare');
    const baseline = evaluatePrepared(prepared.prepared);
    const longer = evaluatePrepared(prepared.prepared, { replacementCycleYears: { '5': 30 } });
    const bad = evaluatePrepared(prepared.prepared, { reuseRate: { '5': 0.6 }, recyclingRate: { '5': 0.6 } });
    expect(baseline.ok && longer.ok && baseline.result.modules.B4 / longer.result.modules.B4).toBeCloseTo(
      2,
      12,
    );
    expect(bad).toEqual({
      ok: false,
      issues: [expect.objectContaining({ code: 'carbon.eol_rates_exceed_one', params: { category: '5' } })],
    });
  });
});
