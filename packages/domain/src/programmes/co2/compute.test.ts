import { describe, expect, it } from 'vitest';
import { yen } from '../../money';
import { CO2_FACTOR_SUPPORT } from './definition';
import { computeCo2 } from './compute';
import { checkCo2Input, ZCo2GrantInput, type TCo2GrantInput } from './input';
import { isOneYearOrLess, judgeLicence } from './licences';
import { requiredDocuments } from '../shared/documents';

const def = CO2_FACTOR_SUPPORT;
const parse = (raw: object): TCo2GrantInput =>
  ZCo2GrantInput.parse({ programme: 'co2_factor_support', ...raw });
const epd = (id: string, product: string, productCategory: string) => ({
  id,
  kind: 'epd_cfp_verified',
  product,
  productCategory,
  iso14025Verification: true,
  developedByReport: true,
  publication: 'results_report',
});
const cost = (id: string, factorId: string, amount: number, category = 'personnel') => ({
  id,
  category,
  factorId,
  amount,
});

describe('the caps of 001 §2.5 and its three examples', () => {
  it('例1: EPDs for two insulation products get a ¥4,000,000 cap each', () => {
    const r = computeCo2(
      def,
      parse({
        factors: [epd('A', '断熱材A', '断熱材'), epd('B', '断熱材B', '断熱材')],
        lines: [cost('1', 'A', 5_000_000), cost('2', 'B', 5_000_000)],
      }),
    );
    expect(r.breakdown.factors.map((f) => [f.id, f.claimed, f.grant, f.capHit])).toEqual([
      ['A', 5_000_000, 4_000_000, true],
      ['B', 5_000_000, 4_000_000, true],
    ]);
    expect(r.grant).toMatchObject({
      requested: 10_000_000,
      computed: 8_000_000,
      amount: 8_000_000,
      ownShare: 2_000_000,
      capHit: 'per_factor',
    });
    expect(r.eligibility.status).toBe('eligible');
  });

  it('例2: insulation and a window get a cap each (and the office asks to be consulted on several categories)', () => {
    const r = computeCo2(
      def,
      parse({
        factors: [epd('A', '断熱材A', '断熱材'), epd('B', '窓B', '窓')],
        lines: [cost('1', 'A', 3_000_000), cost('2', 'B', 4_500_000)],
      }),
    );
    expect(r.grant.computed).toBe(7_000_000); // 3,000,000 + min(4,500,000, 4,000,000)
    expect(r.reasons.find((x) => x.code === 'eligibility.co2.several_product_categories')?.level).toBe(
      'info',
    );
  });

  it('例3: a PCR and an EPD for the same product are two factors, two caps', () => {
    const pcr = {
      id: 'P',
      kind: 'pcr',
      product: '断熱材A',
      productCategory: '断熱材',
      iso14025Compliant: true,
      developedByReport: true,
    };
    const r = computeCo2(
      def,
      parse({
        factors: [pcr, epd('E', '断熱材A', '断熱材')],
        lines: [cost('1', 'P', 4_400_000), cost('2', 'E', 4_400_000)],
      }),
    );
    expect(r.grant.computed).toBe(8_000_000);
  });

  it('stops at ¥10,000,000 per applicant', () => {
    const factors = ['A', 'B', 'C'].map((id) => epd(id, `製品${id}`, '断熱材'));
    const r = computeCo2(
      def,
      parse({ factors, lines: factors.map((f, i) => cost(String(i), f.id, 4_000_000)) }),
    );
    expect(r.breakdown.beforeApplicantCap).toBe(12_000_000);
    expect(r.grant).toMatchObject({ computed: 10_000_000, capHit: 'per_applicant', cap: 10_000_000 });
  });
});

describe('shared costs are claimed once (001 §2.5)', () => {
  const two = [epd('A', '断熱材A', '断熱材'), epd('B', '断熱材B', '断熱材')];

  it('splits a shared cost between the factors', () => {
    const line = {
      id: 's',
      category: 'verification',
      amount: 600_000,
      shares: [
        { factorId: 'A', amount: 400_000 },
        { factorId: 'B', amount: 200_000 },
      ],
    };
    const r = computeCo2(def, parse({ factors: two, lines: [line] }));
    expect(r.breakdown.lines[0]!.allocations).toEqual([
      { factorId: 'A', amount: 400_000 },
      { factorId: 'B', amount: 200_000 },
    ]);
    expect(r.grant.computed).toBe(600_000);
  });

  it('refuses a split that claims the same cost for each factor in full', () => {
    const line = {
      id: 's',
      category: 'verification',
      amount: 600_000,
      shares: [
        { factorId: 'A', amount: 600_000 },
        { factorId: 'B', amount: 600_000 },
      ],
    };
    const parsed = ZCo2GrantInput.safeParse({ programme: 'co2_factor_support', factors: two, lines: [line] });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues.map((i) => [i.message, i.path])).toEqual([
      ['grant.co2.shared_cost_over_allocated', ['lines', 0, 'shares']],
    ]);
  });

  it('counts the same invoice once when it appears on two lines', () => {
    const r = computeCo2(
      def,
      parse({
        factors: two,
        lines: [
          { ...cost('1', 'A', 500_000, 'publication'), evidenceRef: 'INV-7' },
          { ...cost('2', 'B', 500_000, 'publication'), evidenceRef: 'INV-7' },
        ],
      }),
    );
    expect(r.breakdown.lines.map((l) => l.status)).toEqual(['counted', 'excluded']);
    expect(r.grant.computed).toBe(500_000);
  });
});

describe('licences (001 §4.2(2)(5))', () => {
  const period = { approvalDate: '2025-06-02', resultsReportDate: '2026-02-27' };

  it('knows what "one year or less" means', () => {
    expect(isOneYearOrLess({ acquisition: 'subscription', start: '2025-07-01', end: '2026-06-30' })).toBe(
      true,
    );
    expect(isOneYearOrLess({ acquisition: 'subscription', start: '2025-07-01', end: '2026-07-01' })).toBe(
      false,
    );
    expect(isOneYearOrLess({ acquisition: 'subscription', start: '2024-02-29', end: '2025-02-27' })).toBe(
      true,
    );
    expect(isOneYearOrLess({ acquisition: 'subscription', start: '2024-02-29', end: '2025-02-28' })).toBe(
      false,
    );
    expect(isOneYearOrLess({ acquisition: 'purchase', start: '2025-07-01', usefulLifeYears: 1 })).toBe(true);
    expect(isOneYearOrLess({ acquisition: 'purchase', start: '2025-07-01', usefulLifeYears: 2 })).toBe(false);
  });

  it('counts a licence of a year or less in full, even past the report', () => {
    const j = judgeLicence(
      { acquisition: 'subscription', start: '2025-07-01', end: '2026-06-30' },
      yen(360_000),
      period.resultsReportDate,
    );
    expect(j).toMatchObject({ counted: 360_000, full: true, termDays: 365, usableAfter: true });
  });

  it('prorates a two-year subscription by days to the results report', () => {
    // 2025-07-01 → 2027-06-30 is 730 days; to 2026-02-27 is 242 days (31+31+30+31+30+31+31+27).
    // 730,000 × 242 / 730 = 242,000.
    const j = judgeLicence(
      { acquisition: 'subscription', start: '2025-07-01', end: '2027-06-30' },
      yen(730_000),
      period.resultsReportDate,
    );
    expect(j).toMatchObject({ termDays: 730, usedDays: 242, counted: 242_000, full: false });
  });

  it('prorates a purchase over its useful life, rounding down', () => {
    // Three years from 2025-07-01 end 2028-06-30: 365 + 365 + 366 = 1,096 days; 242 used.
    // 1,000,000 × 242 / 1,096 = 220,802.9… → 220,802.
    const j = judgeLicence(
      { acquisition: 'purchase', start: '2025-07-01', usefulLifeYears: 3 },
      yen(1_000_000),
      period.resultsReportDate,
    );
    expect(j).toMatchObject({ termDays: 1096, usedDays: 242, counted: 220_802 });
  });

  it('flags the two extra forms for ¥20,000 or more that stays usable, and lists them among the report documents', () => {
    const factors = [epd('A', '断熱材A', '断熱材')];
    const line = (id: string, amount: number, end: string) => ({
      id,
      category: 'database',
      factorId: 'A',
      amount,
      licence: { acquisition: 'subscription', start: '2025-07-01', end },
    });
    const r = computeCo2(
      def,
      parse({
        period,
        factors,
        lines: [
          line('big', 20_000, '2026-06-30'),
          line('small', 19_999, '2026-06-30'),
          line('ends', 50_000, '2026-01-31'),
        ],
      }),
    );
    expect(r.breakdown.lines.map((l) => [l.id, l.formsRequired.length])).toEqual([
      ['big', 2],
      ['small', 0],
      ['ends', 0],
    ]);
    const docs = requiredDocuments(def, 'results_report', r.breakdown.documentFacts);
    expect(docs.filter((d) => d.status === 'required').map((d) => d.document.code)).toEqual([
      'report_product_outline',
      'report_parties',
      'publication_evidence',
      'licence_evidence',
      'continued_use_approval_request',
      'residual_value_statement',
    ]);
  });

  it('refuses a licence contracted before the approval notice, and costs after the report', () => {
    const factors = [epd('A', '断熱材A', '断熱材')];
    const r = computeCo2(
      def,
      parse({
        period,
        factors,
        lines: [
          {
            id: 'early',
            category: 'tool',
            factorId: 'A',
            amount: 100_000,
            licence: { acquisition: 'subscription', start: '2025-06-01', end: '2026-05-31' },
          },
          { id: 'late', category: 'publication', factorId: 'A', amount: 100_000, incurredOn: '2026-03-02' },
          { id: 'ok', category: 'publication', factorId: 'A', amount: 100_000, incurredOn: '2026-02-27' },
        ],
      }),
    );
    expect(r.breakdown.lines.map((l) => [l.id, l.status, l.reasons[0]?.code])).toEqual([
      ['early', 'excluded', 'grant.co2.licence_before_approval'],
      ['late', 'excluded', 'grant.co2.after_report'],
      ['ok', 'counted', undefined],
    ]);
  });

  it('asks for the report date when a licence has to be prorated', () => {
    const issues = checkCo2Input({
      period: {},
      factors: [ZCo2GrantInput.shape.factors.element.parse(epd('A', 'x', 'y'))],
      lines: [
        {
          id: 'l',
          category: 'database',
          factorId: 'A',
          amount: yen(100_000),
          licence: { acquisition: 'subscription', start: '2025-07-01', end: '2027-06-30' },
        },
      ],
    });
    expect(issues.map((i) => i.code)).toEqual(['grant.co2.report_date_required']);
  });
});

describe('other cost rules', () => {
  const factors = [epd('A', '断熱材A', '断熱材')];
  it('counts only the personnel share of outsourced work, and asks for its person-days', () => {
    const r = computeCo2(
      def,
      parse({
        factors,
        lines: [
          {
            id: 'o',
            category: 'personnel',
            factorId: 'A',
            amount: 2_200_000,
            outsourcing: { personnelShare: 1_500_000 },
          },
        ],
      }),
    );
    expect(r.breakdown.lines[0]).toMatchObject({ counted: 1_500_000, status: 'partly_counted' });
    expect(r.breakdown.lines[0]!.reasons.map((x) => x.code)).toEqual([
      'grant.co2.outsourced_personnel_share',
      'grant.co2.outsourcing_breakdown_needed',
    ]);
  });

  it('leaves next year’s verification and publication for next year’s application', () => {
    const r = computeCo2(
      def,
      parse({
        factors,
        lines: [
          cost('1', 'A', 1_000_000),
          { ...cost('2', 'A', 800_000, 'verification'), nextFiscalYearWork: true },
        ],
      }),
    );
    expect(r.grant.computed).toBe(1_000_000);
  });
});

describe('factor kinds (001 §2.1)', () => {
  it('drops a calculation rule that does not show A1–A3 on its own, and only its costs', () => {
    const rule = {
      id: 'R',
      kind: 'calculation_rule',
      product: '窓',
      productCategory: '断熱材',
      stages: ['A1', 'A2', 'A3', 'A4', 'C4'],
      a1a3ShownSeparately: false,
      ruleMadeBy: 'industry_body',
      refreshIntervalYears: 5,
      followsCfpGuideline: true,
      developedByReport: true,
      publication: 'results_report',
    };
    const r = computeCo2(
      def,
      parse({
        factors: [rule, epd('A', '断熱材A', '断熱材')],
        lines: [cost('1', 'R', 1_000_000), cost('2', 'A', 1_000_000)],
      }),
    );
    expect(r.breakdown.factors.map((f) => [f.id, f.status, f.grant])).toEqual([
      ['R', 'ineligible', 0],
      ['A', 'eligible', 1_000_000],
    ]);
    expect(r.eligibility.status).toBe('eligible');
    expect(r.grant.amount).toBe(1_000_000);
    const separate = computeCo2(
      def,
      parse({ factors: [{ ...rule, a1a3ShownSeparately: true }], lines: [cost('1', 'R', 1_000_000)] }),
    );
    expect(separate.breakdown.factors[0]!.status).toBe('eligible');
  });

  it('requires the cradle-to-gate stages for a calculation rule', () => {
    const rule = {
      id: 'R',
      kind: 'calculation_rule',
      product: 'x',
      productCategory: 'y',
      stages: ['A1', 'A3'],
      ruleMadeBy: 'industry_body',
      developedByReport: true,
    };
    const r = computeCo2(def, parse({ factors: [rule], lines: [cost('1', 'R', 100_000)] }));
    expect(r.eligibility.status).toBe('ineligible');
    expect(r.reasons.map((x) => x.code)).toContain('eligibility.co2.kind4_cradle_to_gate');
    expect(r.grant.amount).toBe(0);
  });

  it('treats the 5-year refresh and third-party review of an unverified CFP as recommendations', () => {
    const cfp = {
      id: 'C',
      kind: 'cfp_unverified',
      product: 'x',
      productCategory: 'y',
      dataType: 'industry_representative',
      industryValueSetting: 'average',
      usesExistingData: true,
      backgroundDatabase: 'idea',
      refreshIntervalYears: 7,
      thirdPartyReview: false,
      developedByReport: true,
      publication: 'results_report',
    };
    const r = computeCo2(def, parse({ factors: [cfp], lines: [cost('1', 'C', 100_000)] }));
    // 'idea' is not a database 001 names: the applicant has to confirm it is managed.
    expect(r.eligibility.status).toBe('undetermined');
    expect(
      r.eligibility.criteria.find((c) => c.code === 'eligibility.co2.kind2_background_database')!.missing,
    ).toEqual(['backgroundDatabaseManaged']);
    const named = computeCo2(
      def,
      parse({ factors: [{ ...cfp, backgroundDatabase: 'AIST-IDEA' }], lines: [cost('1', 'C', 100_000)] }),
    );
    expect(named.eligibility.status).toBe('eligible');
    expect(named.reasons.filter((x) => x.level === 'warning').map((x) => x.code)).toEqual([
      'eligibility.co2.refresh_five_years',
      'eligibility.co2.kind2_third_party_review',
    ]);
  });

  it('needs a reason to set industry data above the average', () => {
    const cfp = {
      id: 'C',
      kind: 'cfp_unverified',
      product: 'x',
      productCategory: 'y',
      dataType: 'industry_representative',
      industryValueSetting: 'above_average',
      developedByReport: true,
    };
    const r = computeCo2(def, parse({ factors: [cfp], lines: [] }));
    expect(r.breakdown.factors[0]!.status).toBe('ineligible');
    const reasoned = computeCo2(
      def,
      parse({ factors: [{ ...cfp, aboveAverageReason: '個社データの作成を促すため' }], lines: [] }),
    );
    expect(
      reasoned.eligibility.criteria.find((c) => c.code === 'eligibility.co2.kind2_industry_average')!.status,
    ).toBe('met');
  });

  it('needs the expected publication date when publication moves to next year', () => {
    const deferred = { ...epd('A', 'x', 'y'), publication: 'next_fiscal_year' };
    expect(computeCo2(def, parse({ factors: [deferred], lines: [] })).eligibility.status).toBe('ineligible');
    expect(
      computeCo2(def, parse({ factors: [{ ...deferred, expectedPublicationOn: '2026-09-30' }], lines: [] }))
        .eligibility.status,
    ).toBe('eligible');
  });
});
