import { describe, expect, it } from 'vitest';
import { formatThousandYen } from '../shared/amounts';
import { CLT_DEMONSTRATION } from './definition';
import { computeClt } from './compute';
import { ZCltGrantInput, type TCltGrantInput } from './input';
import {
  CLT_EXAMPLE_FACTS as EXAMPLE_FACTS,
  CLT_FORM_4_1 as FORM_4_1,
  CLT_FORM_4_2 as FORM_4_2,
} from './examples';
import type { Reason } from '../shared/reasons';

const def = CLT_DEMONSTRATION;
const parse = (raw: unknown): TCltGrantInput => ZCltGrantInput.parse(raw);
const codes = (reasons: readonly Reason[]) => reasons.map((r) => r.code);

describe('the worked examples of seeds/003 reproduce to the yen', () => {
  const result = computeClt(
    def,
    parse({ programme: 'clt_demonstration', facts: EXAMPLE_FACTS, ...FORM_4_1, ...FORM_4_2 }),
  );
  const f41 = result.breakdown.form4_1;
  const f42 = result.breakdown.form4_2;

  it('様式4-1: 39,600,000 requested, 10,800,000 granted, 28,800,000 own share', () => {
    expect(f41.total).toBe(39_600_000);
    expect(f41.grant).toBe(10_800_000);
    expect(f41.ownShare).toBe(28_800_000);
    expect(f41.byCategory).toEqual({ supplies: 1_100_000, services: 38_500_000, rentals: 0 });
    expect(f41.sections.map((s) => [s.section, s.total, s.grant])).toEqual([
      ['building_demo', 33_000_000, 9_000_000],
      ['design_demo', 3_300_000, 900_000],
      ['performance_demo', 3_300_000, 900_000],
    ]);
  });

  it('様式4-2: 1,031,000 requested, 1,010,000 granted, 21,000 own share', () => {
    expect(f42.total).toBe(1_031_000);
    expect(f42.grant).toBe(1_010_000);
    expect(f42.ownShare).toBe(21_000);
    expect(f42.byCategory).toEqual({
      engineer_pay: 800_000,
      travel: 110_000,
      supplies: 11_000,
      services: 55_000,
      rentals: 55_000,
    });
  });

  it('explains the arithmetic: tax out of the base, then 3/10; engineer pay carries no tax', () => {
    const building = result.breakdown.sections.find((s) => s.section === 'building_demo')!;
    // 33,000,000 × 100/110 = 30,000,000; × 3/10 = 9,000,000.
    expect(building).toMatchObject({
      taxableTaxInclusive: 33_000_000,
      nonTaxable: 0,
      base: 30_000_000,
      beforeCaps: 9_000_000,
      grant: 9_000_000,
    });
    const council = result.breakdown.sections.find((s) => s.section === 'council')!;
    // 231,000 × 100/110 = 210,000; + 800,000 = 1,010,000; 定額 (1/1).
    expect(council).toMatchObject({
      taxableTaxInclusive: 231_000,
      nonTaxable: 800_000,
      base: 1_010_000,
      grant: 1_010_000,
    });
    expect(council.rate).toMatchObject({ numerator: 1, denominator: 1, basis: 'fixed_amount' });
    const tax = result.reasons.filter((r) => r.code === 'grant.tax_excluded');
    expect(tax.map((r) => r.params.base)).toEqual([30_000_000, 3_000_000, 3_000_000, 1_010_000]);
    expect(tax.every((r) => r.source === '003 様式4-1・様式4-2')).toBe(true);
  });

  it('adds up to the proposal: grant 11,810,000, own share 28,821,000, eligible and under the cap', () => {
    expect(result.eligibility.status).toBe('eligible');
    expect(result.grant).toMatchObject({
      requested: 40_631_000,
      computed: 11_810_000,
      amount: 11_810_000,
      ownShare: 28_821_000,
      capHit: null,
      cap: 100_000_000,
    });
    // The council's 1,010,000 is above "100万円程度" but within the 程度: explained, not cut.
    const guide = result.reasons.find((r) => r.code === 'grant.guideline_cap_exceeded')!;
    expect(guide).toMatchObject({ level: 'info', source: '003 §2.5' });
  });

  it('shows the forms in thousand yen', () => {
    expect(formatThousandYen(f41.total)).toBe('39,600千円');
    expect(formatThousandYen(f41.grant)).toBe('10,800千円');
    expect(formatThousandYen(f42.ownShare)).toBe('21千円');
  });

  it('finds the example’s bonus items (existing model, first-time CLT designer, ≥3 and ≥4 storeys)', () => {
    expect(result.breakdown.bonus.items.map((i) => i.code)).toEqual([
      'existing_model',
      'first_time_clt',
      'three_storeys',
      'four_storeys',
    ]);
    expect(result.breakdown.bonus.total).toBe(4);
  });

  it('keeps the example at 3/10, as its form says, though it would qualify for 1/2', () => {
    expect(result.breakdown.rate).toMatchObject({ requested: 'standard', applied: 'standard' });
    expect(result.breakdown.rate.specialConditionsMet).toEqual([
      'three_storeys_or_1000m2_structural',
      'existing_model',
      'further_buildings',
    ]);
  });
});

describe('special projects (003 §2.4, §2.7)', () => {
  const big = (storeys: number, decision: 'pending' | 'approved' | 'rejected' = 'approved') =>
    computeClt(
      def,
      parse({
        programme: 'clt_demonstration',
        facts: { ...EXAMPLE_FACTS, storeys },
        rate: { requested: 'special', committeeDecision: decision },
        cltUse: 'panel_only',
        // 660,000,000 incl. tax → 600,000,000 without; × 1/2 = 300,000,000 before the cap.
        building: {
          lines: [
            {
              id: 'b',
              category: 'services',
              amount: 660_000_000,
              workType: 'clt',
              unitPrice: 660_000_000,
              quantity: 1,
            },
          ],
        },
      }),
    );
  it.each([
    [2, 100_000_000, 'special_up_to_2_storeys'],
    [3, 150_000_000, 'special_3_storeys'],
    [4, 200_000_000, 'special_4_storeys_or_more'],
    [12, 200_000_000, 'special_4_storeys_or_more'],
  ])('caps a %i-storey special project at %i', (storeys, cap, id) => {
    const r = big(storeys);
    expect(r.breakdown.rate.applied).toBe('special');
    expect(r.breakdown.capBeforeProjectCap).toBe(300_000_000);
    expect(r.grant.computed).toBe(cap);
    expect(r.grant.capHit).toBe(id);
  });

  it('falls back to 3/10 and ¥100M when the committee rejects it', () => {
    const r = big(4, 'rejected');
    expect(r.breakdown.rate.applied).toBe('standard');
    // 600,000,000 × 3/10 = 180,000,000 → cap 100,000,000.
    expect(r.grant.computed).toBe(100_000_000);
    expect(codes(r.reasons)).toContain('grant.clt.special_rejected');
  });

  it('uses 1/2 provisionally while the committee has not decided, and says so', () => {
    const r = big(3, 'pending');
    expect(r.breakdown.rate.applied).toBe('special');
    expect(r.reasons.find((x) => x.code === 'grant.clt.special_pending_committee')?.level).toBe('warning');
  });

  it('refuses 1/2 when none of the four conditions holds', () => {
    const r = computeClt(
      def,
      parse({
        programme: 'clt_demonstration',
        facts: {
          ...EXAMPLE_FACTS,
          storeys: 2,
          totalFloorAreaM2: 400,
          usesExistingModel: false,
          ownerPlansFurtherBuildings: false,
          technicalIngenuity: false,
        },
        rate: { requested: 'special', committeeDecision: 'approved' },
        design: {
          lines: [
            {
              id: 'd',
              category: 'services',
              amount: 11_000_000,
              designItem: 'basic_design',
              unitPrice: 11_000_000,
              quantity: 1,
            },
          ],
        },
      }),
    );
    expect(r.breakdown.rate.applied).toBe('standard');
    expect(r.grant.computed).toBe(3_000_000); // 10,000,000 × 3/10
    expect(codes(r.reasons)).toContain('grant.clt.special_conditions_not_met');
  });

  it('takes the cap out of the demonstration before the council’s fixed amount', () => {
    const r = computeClt(
      def,
      parse({
        programme: 'clt_demonstration',
        facts: EXAMPLE_FACTS,
        cltUse: 'panel_only',
        // 440,000,000 → 400,000,000 × 3/10 = 120,000,000; council 1,010,000; cap 100,000,000.
        building: { lines: [{ id: 'b', category: 'services', amount: 440_000_000, workType: 'clt' }] },
        ...FORM_4_2,
      }),
    );
    expect(r.grant.computed).toBe(100_000_000);
    expect(r.breakdown.form4_2.grant).toBe(1_010_000);
    expect(r.breakdown.form4_1.grant).toBe(98_990_000);
  });
});

describe('表1: which construction works count', () => {
  const run = (cltUse: string, lines: object[], extra: object = {}) =>
    computeClt(
      def,
      parse({ programme: 'clt_demonstration', facts: EXAMPLE_FACTS, cltUse, building: { lines }, ...extra }),
    );
  const line = (id: string, workType: string, amount: number, more: object = {}) => ({
    id,
    category: 'services',
    workType,
    amount,
    ...more,
  });

  it('counts ○, excludes ×, and holds △ until it is explained', () => {
    const r = run('panel_only', [
      line('a', 'clt', 11_000_000),
      line('b', 'electrical', 5_500_000),
      line('c', 'steel', 2_200_000),
      line('d', 'waterproofing', 1_100_000, { explanation: 'CLT屋根面の防水性能を検証するため' }),
    ]);
    const byId = Object.fromEntries(r.breakdown.lines.map((l) => [l.id, l]));
    expect([byId.a!.mark, byId.a!.status, byId.a!.counted]).toEqual(['○', 'counted', 11_000_000]);
    expect([byId.b!.mark, byId.b!.status, byId.b!.counted]).toEqual(['×', 'excluded', 0]);
    expect([byId.c!.mark, byId.c!.status, byId.c!.counted]).toEqual(['△', 'pending', 0]);
    expect([byId.d!.mark, byId.d!.status, byId.d!.counted]).toEqual(['△', 'counted', 1_100_000]);
    expect(codes(byId.c!.reasons)).toContain('grant.clt.explanation_required');
    expect(byId.b!.reasons.find((x) => x.code === 'grant.clt.work_not_claimable')?.source).toBe(
      '003 参考資料2 表1',
    );
    // (11,000,000 + 1,100,000) × 100/110 × 3/10 = 3,300,000
    expect(r.grant.computed).toBe(3_300_000);
  });

  it('reads the column: roofing is ○ for panels, △ for structural surfaces, × for non-structural', () => {
    const marks = ['panel_only', 'surface_structural', 'surface_non_structural'].map(
      (u) => run(u, [line('r', 'roofing', 1_100_000)]).breakdown.lines[0]!.mark,
    );
    expect(marks).toEqual(['○', '△', '×']);
  });

  it('applies the bracketed qualifiers: metal fittings only on CLT, no interior wooden fittings, glazing with metal fittings', () => {
    const r = run('panel_only', [
      line('m1', 'metal_fittings', 1_100_000, { attachedToClt: true }),
      line('m2', 'metal_fittings', 1_100_000),
      line('w1', 'wood_fittings', 1_100_000, { interiorFitting: true, explanation: '説明' }),
      line('g1', 'glazing', 1_100_000, { withMetalFittings: true }),
      line('g2', 'glazing', 1_100_000),
    ]);
    expect(r.breakdown.lines.map((l) => [l.id, l.mark, l.status])).toEqual([
      ['m1', '○', 'counted'],
      ['m2', '×', 'excluded'],
      ['w1', '×', 'excluded'],
      ['g1', '○', 'counted'],
      ['g2', '△', 'pending'],
    ]);
  });

  it('limits overheads to their share of the claimable works', () => {
    // Works 20,000,000 of which 15,000,000 claimable (electrical ×); overheads 2,000,000 →
    // limit 2,000,000 × 15,000,000 / 20,000,000 = 1,500,000.
    const r = run(
      'panel_only',
      [line('a', 'clt', 15_000_000), line('b', 'electrical', 5_000_000), line('o', 'overheads', 2_000_000)],
      {
        works: { totalExcludingOverheads: 20_000_000 },
      },
    );
    const o = r.breakdown.lines.find((l) => l.id === 'o')!;
    expect(o).toMatchObject({ mark: '○', status: 'partly_counted', counted: 1_500_000 });
    expect(r.breakdown.overheads).toEqual({
      eligibleWorks: 15_000_000,
      worksTotal: 20_000_000,
      overheadsTotal: 2_000_000,
      limit: 1_500_000,
    });
  });

  it('uses the whole contract’s works when given, and warns when it has to assume them', () => {
    // The budget lists only the CLT works (10,000,000) of a 40,000,000 contract with 4,000,000
    // overheads: limit 4,000,000 × 10/40 = 1,000,000.
    const given = run('panel_only', [line('a', 'clt', 10_000_000), line('o', 'overheads', 4_000_000)], {
      works: { totalExcludingOverheads: 40_000_000 },
    });
    expect(given.breakdown.lines.find((l) => l.id === 'o')!.counted).toBe(1_000_000);
    const assumed = run('panel_only', [line('a', 'clt', 10_000_000), line('o', 'overheads', 4_000_000)]);
    expect(assumed.breakdown.lines.find((l) => l.id === 'o')!.counted).toBe(4_000_000);
    expect(codes(assumed.reasons)).toContain('grant.clt.works_total_assumed');
  });

  it('apportions a separable mixed structure by floor area, but not the CLT works themselves', () => {
    // 300 of 1,000 m² in CLT: the foundation's 10,000,000 → 3,000,000; CLT works stay whole.
    const r = run('panel_with_other', [line('f', 'concrete', 10_000_000), line('c', 'clt', 5_000_000)], {
      mixedStructure: { separable: true, cltFloorAreaM2: 300, totalFloorAreaM2: 1000 },
    });
    expect(r.breakdown.lines.map((l) => [l.id, l.counted, l.status])).toEqual([
      ['f', 3_000_000, 'partly_counted'],
      ['c', 5_000_000, 'counted'],
    ]);
    const inseparable = run('panel_with_other', [line('f', 'concrete', 10_000_000)], {
      mixedStructure: { separable: false, cltFloorAreaM2: 300, totalFloorAreaM2: 1000 },
    });
    expect(inseparable.breakdown.lines[0]!.counted).toBe(10_000_000);
  });
});

describe('表2 and the other costs', () => {
  const design = (items: object[], cltUse?: string) =>
    computeClt(
      def,
      parse({
        programme: 'clt_demonstration',
        facts: EXAMPLE_FACTS,
        ...(cltUse ? { cltUse } : {}),
        design: { lines: items },
      }),
    );

  it('counts design ○, equipment design △, never certification, confirmation or inspection', () => {
    const r = design(
      [
        'basic_design',
        'detailed_design',
        'equipment_design',
        'ground_survey',
        'performance_evaluation',
        'ministerial_certification',
        'building_confirmation',
        'completion_inspection',
      ].map((designItem, i) => ({ id: `d${i}`, category: 'services', designItem, amount: 1_100_000 })),
      'panel_only',
    );
    expect(r.breakdown.lines.map((l) => l.mark)).toEqual(['○', '○', '△', '○', '○', '×', '×', '×']);
    expect(r.breakdown.lines.filter((l) => l.counted > 0)).toHaveLength(4);
  });

  it('counts structural design only when CLT is structural', () => {
    const structural = design(
      [{ id: 's', category: 'services', designItem: 'structural_design', amount: 1_100_000 }],
      'surface_structural',
    );
    const nonStructural = design(
      [{ id: 's', category: 'services', designItem: 'structural_design', amount: 1_100_000 }],
      'surface_non_structural',
    );
    expect(structural.breakdown.lines[0]!.mark).toBe('○');
    expect(nonStructural.breakdown.lines[0]!.mark).toBe('×');
  });

  it('excludes the costs 2.6.3 never allows, and long-lived instruments', () => {
    const r = computeClt(
      def,
      parse({
        programme: 'clt_demonstration',
        facts: EXAMPLE_FACTS,
        performance: {
          lines: [
            { id: 'food', category: 'supplies', amount: 33_000, excludedNature: 'meeting_food' },
            {
              id: 'gauge',
              category: 'supplies',
              amount: 55_000,
              measuringInstrument: { usefulLifeYears: 1 },
            },
            {
              id: 'logger',
              category: 'supplies',
              amount: 330_000,
              measuringInstrument: { usefulLifeYears: 5 },
            },
            { id: 'lease', category: 'rentals', amount: 110_000 },
          ],
        },
      }),
    );
    expect(r.breakdown.lines.map((l) => [l.id, l.status])).toEqual([
      ['food', 'excluded'],
      ['gauge', 'counted'],
      ['logger', 'excluded'],
      ['lease', 'counted'],
    ]);
    // (55,000 + 110,000) × 100/110 × 3/10 = 45,000
    expect(r.grant.computed).toBe(45_000);
  });

  it('refuses engineer pay when the owner runs the council', () => {
    const r = computeClt(
      def,
      parse({
        programme: 'clt_demonstration',
        facts: { ...EXAMPLE_FACTS, ownerIsCouncilOperator: true },
        ...FORM_4_2,
      }),
    );
    // Only the taxable 231,000 remains: 210,000.
    expect(r.breakdown.form4_2.grant).toBe(210_000);
    expect(r.breakdown.lines.find((l) => l.id === 'c1')!.reasons[0]!.code).toBe(
      'grant.clt.engineer_pay_same_party',
    );
  });

  it('warns when a form amount is not in thousand yen or lacks its breakdown', () => {
    const r = computeClt(
      def,
      parse({
        programme: 'clt_demonstration',
        facts: EXAMPLE_FACTS,
        performance: { lines: [{ id: 'x', category: 'services', amount: 123_456 }] },
      }),
    );
    expect(codes(r.breakdown.lines[0]!.reasons)).toEqual([
      'grant.clt.not_thousand_yen',
      'grant.clt.breakdown_missing',
    ]);
  });

  it('takes the breakdown as unit price × quantity or in words in 備考 (様式4-1 注1)', () => {
    const warned = (line: object) =>
      codes(
        computeClt(def, parse({ programme: 'clt_demonstration', facts: EXAMPLE_FACTS, performance: { lines: [{ id: 'x', category: 'services', amount: 120_000, ...line }] } }))
          .breakdown.lines[0]!.reasons,
      ).includes('grant.clt.breakdown_missing');
    expect(warned({})).toBe(true);
    expect(warned({ unitPrice: 40_000, quantity: 3 })).toBe(false);
    expect(warned({ remarks: '試験手数料 40千円×3体' })).toBe(false);
  });
});

describe('CLT eligibility (003 §2.1)', () => {
  const judge = (facts: object) =>
    computeClt(
      def,
      parse({ programme: 'clt_demonstration', facts: { ...EXAMPLE_FACTS, ...facts }, ...FORM_4_1 }),
    ).eligibility;
  const failed = (facts: object) =>
    judge(facts)
      .criteria.filter((c) => c.status === 'not_met' && c.level === 'required')
      .map((c) => c.code);

  it('refuses detached houses', () => {
    expect(failed({ mainUseDetachedHouse: true })).toEqual(['eligibility.clt.not_detached_house']);
  });

  it('needs ≥3 storeys or ≥300 m², unless one of the three exceptions applies', () => {
    const small = {
      storeys: 2,
      totalFloorAreaM2: 299,
      firstTimeCltDesignerOrContractor: false,
      fireRule2018Building: false,
      buildsAdoptedDesignDemo: false,
    };
    expect(failed(small)).toEqual(['eligibility.clt.size']);
    expect(failed({ ...small, totalFloorAreaM2: 300 })).toEqual([]);
    expect(failed({ ...small, storeys: 3 })).toEqual([]);
    expect(failed({ ...small, firstTimeCltDesignerOrContractor: true })).toEqual([]);
    expect(failed({ ...small, fireRule2018Building: true })).toEqual([]);
    expect(failed({ ...small, buildsAdoptedDesignDemo: true })).toEqual([]);
  });

  it('needs a cost comparison, except for a design-only proposal', () => {
    expect(failed({ costComparison: false })).toEqual(['eligibility.clt.cost_comparison']);
    const designOnly = computeClt(
      def,
      parse({
        programme: 'clt_demonstration',
        facts: { ...EXAMPLE_FACTS, costComparison: false },
        design: FORM_4_1.design,
      }),
    ).eligibility;
    expect(designOnly.criteria.find((c) => c.code === 'eligibility.clt.cost_comparison')!.status).toBe(
      'not_applicable',
    );
  });

  it('allows completion up to 2027-02-19 with carry-over, and not a day later', () => {
    expect(failed({ plannedCompletion: '2027-02-19' })).toEqual([]);
    expect(failed({ plannedCompletion: '2027-02-20' })).toEqual(['eligibility.clt.completion_latest']);
    const carried = judge({ plannedCompletion: '2026-12-25' });
    expect(carried.status).toBe('eligible');
    expect(carried.reasons.find((r) => r.code === 'eligibility.clt.completion_carry_over')?.level).toBe(
      'info',
    );
  });

  it('needs a council, a funding plan, land, and a council operator who is not an individual', () => {
    expect(
      failed({
        councilExamines: false,
        fundingPlanClear: false,
        landSecured: false,
        councilOperatorIsIndividual: true,
      }),
    ).toEqual([
      'eligibility.clt.council',
      'eligibility.clt.funding_plan',
      'eligibility.clt.land',
      'eligibility.clt.council_operator_not_individual',
    ]);
  });

  it('gives no grant to an ineligible proposal but shows what it would be', () => {
    const r = computeClt(
      def,
      parse({ programme: 'clt_demonstration', facts: { ...EXAMPLE_FACTS, landSecured: false }, ...FORM_4_1 }),
    );
    expect(r.grant.computed).toBe(10_800_000);
    expect(r.grant.amount).toBe(0);
    expect(r.grant.ownShare).toBe(39_600_000);
    expect(codes(r.reasons)).toContain('grant.ineligible_no_grant');
  });

  it('is undetermined, not ineligible, while facts are missing', () => {
    const r = computeClt(def, parse({ programme: 'clt_demonstration', ...FORM_4_1 }));
    expect(r.eligibility.status).toBe('undetermined');
    expect(r.grant.amount).toBe(10_800_000);
    expect(codes(r.reasons)).toContain('grant.provisional');
  });

  it('counts the bonus items cumulatively, including the 5-storey panel one', () => {
    const r = computeClt(
      def,
      parse({
        programme: 'clt_demonstration',
        facts: {
          ...EXAMPLE_FACTS,
          storeys: 5,
          nationwideChain: true,
          woodUseAgreement: true,
          fireRule2018Building: true,
        },
        ...FORM_4_1,
      }),
    );
    expect(r.breakdown.bonus.total).toBe(8);
  });
});
