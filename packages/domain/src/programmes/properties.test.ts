import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fractionOf, taxExclusive } from './shared/amounts';
import { CLT_DEMONSTRATION } from './clt/definition';
import { computeClt } from './clt/compute';
import { ZCltGrantInput } from './clt/input';
import { WORK_TYPES } from './clt/tables';
import { CO2_FACTOR_SUPPORT } from './co2/definition';
import { computeCo2 } from './co2/compute';
import { ZCo2GrantInput } from './co2/input';
import { computeGrant, ZLcaGrantInput } from './input';
import { LCA_IMPLEMENTATION } from './lca/definition';
import { yen } from '../money';

/**
 * Money and cap rules as properties: a grant never exceeds a cap or rate × eligible
 * cost; an ineligible line never raises it; splitting a line changes it by rounding at most.
 */

const amount = fc.integer({ min: 0, max: 400_000_000 });
const CLT_USES = ['panel_only', 'panel_with_other', 'surface_structural', 'surface_non_structural'] as const;

const demoLine = fc.record({
  category: fc.constantFrom('supplies', 'services', 'rentals'),
  amount,
  workType: fc.option(fc.constantFrom(...WORK_TYPES), { nil: undefined }),
  explanation: fc.option(fc.constant('説明'), { nil: undefined }),
});
const councilLine = fc.record({
  category: fc.constantFrom('engineer_pay', 'travel', 'supplies', 'services', 'rentals'),
  amount: fc.integer({ min: 0, max: 5_000_000 }),
});

const cltInput = fc.record({
  storeys: fc.integer({ min: 1, max: 12 }),
  special: fc.boolean(),
  cltUse: fc.constantFrom(...CLT_USES),
  separable: fc.option(fc.integer({ min: 1, max: 100 }), { nil: undefined }),
  building: fc.array(demoLine, { maxLength: 6 }),
  design: fc.array(
    demoLine.map(({ workType: _w, ...l }) => l),
    { maxLength: 3 },
  ),
  council: fc.array(councilLine, { maxLength: 5 }),
});
type CltGen = typeof cltInput extends fc.Arbitrary<infer T> ? T : never;

const toClt = (g: CltGen, extra: { building?: object[] } = {}) =>
  ZCltGrantInput.parse({
    programme: 'clt_demonstration',
    facts: {
      storeys: g.storeys,
      totalFloorAreaM2: 1500,
      usesExistingModel: true,
      ownerIsCouncilOperator: false,
    },
    rate: { requested: g.special ? 'special' : 'standard', committeeDecision: 'approved' },
    cltUse: g.cltUse,
    ...(g.separable
      ? { mixedStructure: { separable: true, cltFloorAreaM2: g.separable, totalFloorAreaM2: 100 } }
      : {}),
    building: { lines: [...g.building.map((l, i) => ({ id: `b${i}`, ...l })), ...(extra.building ?? [])] },
    design: { lines: g.design.map((l, i) => ({ id: `d${i}`, ...l })) },
    council: { lines: g.council.map((l, i) => ({ id: `c${i}`, ...l })) },
  });

const proposalCap = (special: boolean, storeys: number) =>
  !special ? 100_000_000 : storeys <= 2 ? 100_000_000 : storeys === 3 ? 150_000_000 : 200_000_000;

describe('CLT grants', () => {
  it('never exceed the proposal cap, nor rate × the tax-exclusive eligible cost of any section', () => {
    fc.assert(
      fc.property(cltInput, (g) => {
        const r = computeClt(CLT_DEMONSTRATION, toClt(g));
        expect(r.grant.computed).toBeLessThanOrEqual(proposalCap(g.special, g.storeys));
        expect(r.grant.computed).toBeLessThanOrEqual(r.grant.requested);
        const rate = r.breakdown.rate.applied === 'special' ? [1, 2] : [3, 10];
        for (const s of r.breakdown.sections) {
          const lines = r.breakdown.lines.filter((l) => l.section === s.section);
          const taxable = lines
            .filter((l) => l.taxTreatment === 'taxable')
            .reduce((a, l) => a + l.counted, 0);
          const nonTaxable = lines
            .filter((l) => l.taxTreatment === 'non_taxable')
            .reduce((a, l) => a + l.counted, 0);
          const base = taxExclusive(yen(taxable)) + nonTaxable;
          const [n, d] = s.section === 'council' ? [1, 1] : rate;
          expect(s.grant).toBeLessThanOrEqual(fractionOf(yen(base), n!, d!));
          for (const l of lines) expect(l.counted).toBeLessThanOrEqual(l.amount);
        }
        expect(r.breakdown.sections.reduce((a, s) => a + s.grant, 0)).toBe(r.grant.computed);
      }),
    );
  });

  it('never rise when an ineligible line is added', () => {
    const ineligible = fc.oneof(
      fc.record({
        category: fc.constant('services'),
        amount,
        workType: fc.constantFrom('electrical', 'mechanical', 'external', 'demolition', 'masonry', 'tiling'),
      }),
      fc.record({
        category: fc.constant('supplies'),
        amount,
        excludedNature: fc.constantFrom('real_estate', 'meeting_food', 'accident'),
      }),
      fc.record({ category: fc.constant('services'), amount, workType: fc.constant('steel') }), // △ without an explanation
    );
    fc.assert(
      fc.property(cltInput, ineligible, (g, extra) => {
        const before = computeClt(CLT_DEMONSTRATION, toClt(g)).grant.computed;
        const after = computeClt(CLT_DEMONSTRATION, toClt(g, { building: [{ id: 'extra', ...extra }] })).grant
          .computed;
        expect(after).toBeLessThanOrEqual(before);
      }),
    );
  });

  it('change by at most a yen when a line is split in two', () => {
    fc.assert(
      fc.property(
        cltInput.filter((g) => g.building.length > 0),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (g, at) => {
          const [first, ...rest] = g.building;
          const part = Math.floor(first!.amount * at);
          const split = {
            ...g,
            building: [{ ...first!, amount: part }, { ...first!, amount: first!.amount - part }, ...rest],
          };
          const a = computeClt(CLT_DEMONSTRATION, toClt(g)).grant.computed;
          const b = computeClt(CLT_DEMONSTRATION, toClt(split)).grant.computed;
          // Sections sum before tax and rate, so only per-line floor-area apportionment can round.
          expect(Math.abs(a - b)).toBeLessThanOrEqual(g.separable ? 1 : 0);
        },
      ),
    );
  });
});

const co2Input = fc.record({
  factorCount: fc.integer({ min: 1, max: 4 }),
  lines: fc.array(
    fc.record({
      category: fc.constantFrom('personnel', 'verification', 'publication', 'database'),
      amount: fc.integer({ min: 0, max: 6_000_000 }),
      factor: fc.nat(3),
      licenceDays: fc.integer({ min: 30, max: 1500 }),
    }),
    { maxLength: 8 },
  ),
});
type Co2Gen = typeof co2Input extends fc.Arbitrary<infer T> ? T : never;

const toCo2 = (g: Co2Gen, extra: object[] = []) => {
  const factors = Array.from({ length: g.factorCount }, (_, i) => ({
    id: `F${i}`,
    kind: 'epd_cfp_verified',
    product: `製品${i}`,
    productCategory: '断熱材',
    iso14025Verification: true,
    developedByReport: true,
    publication: 'results_report',
  }));
  const lines = g.lines.map((l, i) => ({
    id: `l${i}`,
    category: l.category,
    amount: l.amount,
    factorId: `F${l.factor % g.factorCount}`,
    ...(l.category === 'database'
      ? {
          licence: {
            acquisition: 'subscription',
            start: '2025-07-01',
            end: new Date(Date.UTC(2025, 6, 1) + (l.licenceDays - 1) * 86_400_000).toISOString().slice(0, 10),
          },
        }
      : {}),
  }));
  return ZCo2GrantInput.parse({
    programme: 'co2_factor_support',
    period: { approvalDate: '2025-06-02', resultsReportDate: '2026-02-27' },
    factors,
    lines: [...lines, ...extra],
  });
};

describe('CO2 factor support', () => {
  it('never exceeds ¥4M per factor, ¥10M per applicant, or the eligible cost', () => {
    fc.assert(
      fc.property(co2Input, (g) => {
        const r = computeCo2(CO2_FACTOR_SUPPORT, toCo2(g));
        for (const f of r.breakdown.factors) {
          expect(f.grant).toBeLessThanOrEqual(4_000_000);
          expect(f.grant).toBeLessThanOrEqual(f.claimed);
        }
        expect(r.grant.computed).toBeLessThanOrEqual(10_000_000);
        expect(r.grant.computed).toBeLessThanOrEqual(r.grant.eligibleCost);
      }),
    );
  });

  it('never rises when a cost outside the period or for next year is added', () => {
    const bad = fc.oneof(
      fc.record({
        category: fc.constant('publication'),
        amount: fc.integer({ min: 0, max: 6_000_000 }),
        incurredOn: fc.constant('2025-05-01'),
      }),
      fc.record({
        category: fc.constant('verification'),
        amount: fc.integer({ min: 0, max: 6_000_000 }),
        nextFiscalYearWork: fc.constant(true),
      }),
    );
    fc.assert(
      fc.property(co2Input, bad, (g, extra) => {
        const before = computeCo2(CO2_FACTOR_SUPPORT, toCo2(g)).grant.computed;
        const after = computeCo2(CO2_FACTOR_SUPPORT, toCo2(g, [{ id: 'extra', factorId: 'F0', ...extra }]))
          .grant.computed;
        expect(after).toBeLessThanOrEqual(before);
      }),
    );
  });

  it('change by at most a yen per split line when a line is split (licence proration rounds per line)', () => {
    fc.assert(
      fc.property(
        co2Input.filter((g) => g.lines.length > 0),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (g, at) => {
          const [first, ...rest] = g.lines;
          const part = Math.floor(first!.amount * at);
          const split = {
            ...g,
            lines: [{ ...first!, amount: part }, { ...first!, amount: first!.amount - part }, ...rest],
          };
          const a = computeCo2(CO2_FACTOR_SUPPORT, toCo2(g)).grant.computed;
          const b = computeCo2(CO2_FACTOR_SUPPORT, toCo2(split)).grant.computed;
          expect(Math.abs(a - b)).toBeLessThanOrEqual(first!.category === 'database' ? 1 : 0);
        },
      ),
    );
  });
});

describe('LCA implementation support', () => {
  it('never exceeds its cap (6.5M / 5M, +4M with factors) or the cost', () => {
    fc.assert(
      fc.property(
        fc.boolean(),
        fc.boolean(),
        fc.array(fc.integer({ min: 0, max: 20_000_000 }), { maxLength: 5 }),
        (bim, factors, amounts) => {
          const r = computeGrant(
            LCA_IMPLEMENTATION,
            ZLcaGrantInput.parse({
              programme: 'lca_implementation',
              facts: { withBimModel: bim, developsFactors: factors },
              lines: amounts.map((a, i) => ({
                id: String(i),
                category: i % 2 && factors ? 'factor_development' : 'lca_calculation',
                amount: a,
              })),
            }),
          );
          expect(r.grant.computed).toBeLessThanOrEqual(
            (bim ? 5_000_000 : 6_500_000) + (factors ? 4_000_000 : 0),
          );
          expect(r.grant.computed).toBeLessThanOrEqual(r.grant.requested);
        },
      ),
    );
  });
});
