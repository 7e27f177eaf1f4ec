import { describe, expect, it } from 'vitest';
import { errorMessage, errorMessages } from '../errors';
import { computeGrantFromJson } from './application-form';
import { toInputIssues, validateGrantInput, ZGrantComputeInput } from './input';

/** What `tsumiki grant compute <programme> <input.json>` and the API go through. */
describe('validating JSON input', () => {
  const issuesOf = (programme: string, raw: unknown) => {
    const v = validateGrantInput(programme, raw);
    return v.ok ? [] : v.issues;
  };

  it('names the programme from the command line when the JSON leaves it out', () => {
    const out = computeGrantFromJson('lca_implementation', {
      facts: { withBimModel: false },
      lines: [{ id: '1', category: 'lca_calculation', amount: 1_000_000 }],
    });
    expect(out.ok).toBe(true);
    if (out.ok) expect(out.result.grant.computed).toBe(1_000_000);
  });

  it('refuses an unknown programme and a mismatched one', () => {
    // A screen names the programmes there are by their names, never their codes.
    const [unknown] = issuesOf('zeb', {});
    expect(errorMessage(unknown!.code, 'ja', unknown!.params)).toBe(
      '公募「zeb」は登録されていません（選べるもの: 「令和7年度 CLT建築実証事業」、「令和7年度 CO2原単位等の策定に係る支援」、「建築GX・DX推進事業（LCA実施型）」、「汎用の補助事業（補助率・上限額・費目・提出書類）」）。',
    );
    expect(errorMessage(unknown!.code, 'en', unknown!.params)).toContain('(choose one of: “FY2025 CLT building demonstration subsidy”, “FY2025 support for developing CO2 emission factors”');
    for (const locale of ['ja', 'en'] as const) expect(errorMessage(unknown!.code, locale, unknown!.params)).not.toMatch(/_(support|demonstration|implementation|share)\b/);
    // So does a programme the input's own union refuses (the schema of every built-in at once).
    const parsed = ZGrantComputeInput.safeParse({ programme: 'zeb' });
    const [fromUnion] = parsed.success ? [] : toInputIssues(parsed.error.issues, { programme: 'zeb' });
    expect([fromUnion?.code, fromUnion?.params.programme, fromUnion?.params.options]).toEqual(['programmes.unknown', 'zeb', unknown!.params.options]);
    // Where the code is typed (an input file's `programme`), the name comes with it.
    const [mismatch] = issuesOf('clt_demonstration', { programme: 'co2_factor_support' });
    expect(errorMessage(mismatch!.code, 'ja', mismatch!.params)).toBe(
      '入力ファイルの公募（co2_factor_support）と指定した公募「令和7年度 CLT建築実証事業」（clt_demonstration）が一致しません。',
    );
    expect(issuesOf('clt_demonstration', [])[0]!.code).toBe('grant.input_not_object');
  });

  it('points at the field with a catalogue code for wrong types, negative and absurd amounts', () => {
    const issues = issuesOf('clt_demonstration', {
      council: {
        lines: [
          { id: 'a', category: 'travel', amount: '110000' },
          { id: 'b', category: 'travel', amount: -1 },
          { id: 'c', category: 'travel', amount: 1.5 },
          { id: 'd', category: 'travel', amount: 5_000_000_000_000 },
          { id: 'e', category: 'lunch', amount: 1 },
        ],
      },
    });
    expect(issues.map((i) => [i.code, i.path.join('.')])).toEqual([
      ['grant.amount_not_number', 'council.lines.0.amount'],
      ['grant.amount_negative', 'council.lines.1.amount'],
      ['grant.amount_not_integer', 'council.lines.2.amount'],
      ['grant.amount_too_large', 'council.lines.3.amount'],
      ['grant.category_unknown', 'council.lines.4.category'],
    ]);
    expect(errorMessage(issues[1]!.code, 'ja', issues[1]!.params)).toBe(
      '金額は0円以上で入力してください（council.lines.1.amount）。',
    );
  });

  it('catches a typo in a field name instead of ignoring it', () => {
    const issues = issuesOf('lca_implementation', {
      lines: [{ id: '1', category: 'lca_calculation', ammount: 5 }],
    });
    expect(issues.map((i) => i.code)).toEqual(['grant.amount_not_number', 'grant.field_unknown']);
    expect(issues[1]!.params.keys).toBe('ammount');
  });

  it('reports cross-field problems with the line named', () => {
    const issues = issuesOf('clt_demonstration', {
      building: {
        lines: [
          { id: 'x', category: 'services', amount: 1_000, workType: 'clt', unitPrice: 300, quantity: 3 },
        ],
      },
      council: { lines: [{ id: 'x', category: 'engineer_pay', amount: 1 }] },
    });
    expect(issues.map((i) => [i.code, i.path.join('.')])).toEqual([
      ['grant.breakdown_mismatch', 'building.lines.0.amount'],
      ['grant.line_id_duplicate', 'council.lines.0.id'],
      ['grant.clt.clt_use_required', 'cltUse'],
    ]);
    expect(errorMessage(issues[0]!.code, 'ja', issues[0]!.params)).toBe(
      '行「x」の金額1000円が、単価300円×数量3＝900円と一致しません。',
    );
  });

  it('refuses engineer pay in a demonstration section, and demonstration-only categories in the council', () => {
    const issues = issuesOf('clt_demonstration', {
      design: { lines: [{ id: 'e', category: 'engineer_pay', amount: 1 }] },
    });
    expect(issues.map((i) => i.code)).toEqual(['grant.category_not_in_section']);
  });

  it('gives every issue a message in both languages', () => {
    const issues = issuesOf('co2_factor_support', {
      factors: [{ id: 'A', kind: 'epd' }],
      lines: [{ id: '1', category: 'database', amount: 10, factorId: 'Z' }],
      period: { approvalDate: '2025-02-30' },
    });
    expect(issues.length).toBeGreaterThan(0);
    for (const i of issues) {
      expect(errorMessage(i.code, 'ja', i.params)).not.toBe(errorMessage('internal.error', 'ja'));
      expect(errorMessage(i.code, 'en', i.params)).not.toMatch(/\{\{/);
    }
    expect(issues.map((i) => i.code)).toEqual([
      'programmes.date_invalid',
      'grant.co2.factor_kind_unknown',
      'grant.co2.product_required',
      'grant.co2.product_category_required',
    ]);
  });

  it('accepts the discriminated union directly for callers that already have the programme', () => {
    expect(ZGrantComputeInput.safeParse({ programme: 'lca_implementation', lines: [] }).success).toBe(true);
    expect(ZGrantComputeInput.safeParse({ programme: 'nope', lines: [] }).success).toBe(false);
    // The programme's own cross-field checks still run inside the union.
    const clt = ZGrantComputeInput.safeParse({
      programme: 'clt_demonstration',
      building: { lines: [{ id: 'w', category: 'services', amount: 1, workType: 'clt' }] },
    });
    expect(clt.error?.issues.map((i) => i.message)).toEqual(['grant.clt.clt_use_required']);
  });
});

describe('every reason can be shown in both languages', () => {
  const placeholders = (code: string, locale: 'ja' | 'en') =>
    [...errorMessages[locale][code as keyof typeof errorMessages.ja].matchAll(/\{\{(\w+)\}\}/g)].map(
      (m) => m[1]!,
    );

  it('fills every placeholder of every reason a busy computation produces', () => {
    const clt = computeGrantFromJson('clt_demonstration', {
      facts: {
        storeys: 2,
        totalFloorAreaM2: 500,
        ownerIsCouncilOperator: true,
        councilEngineers: 3,
        plannedCompletion: '2026-12-01',
        usesExistingModel: true,
      },
      rate: { requested: 'special' },
      cltUse: 'panel_with_other',
      mixedStructure: { separable: true, cltFloorAreaM2: 250, totalFloorAreaM2: 500 },
      building: {
        lines: [
          { id: 'a', category: 'services', amount: 10_000_500, workType: 'concrete' },
          { id: 'b', category: 'services', amount: 1_000_000, workType: 'steel' },
          { id: 'c', category: 'services', amount: 1_000_000, workType: 'painting', explanation: '説明' },
          { id: 'd', category: 'services', amount: 1_000_000, workType: 'electrical' },
          { id: 'e', category: 'services', amount: 1_000_000, workType: 'overheads' },
          { id: 'f', category: 'supplies', amount: 200_000, measuringInstrument: { usefulLifeYears: 1 } },
          { id: 'g', category: 'supplies', amount: 200_000, excludedNature: 'seminar_fee' },
        ],
      },
      design: {
        lines: [
          { id: 'h', category: 'services', amount: 1_000_000, designItem: 'building_confirmation' },
          { id: 'i', category: 'services', amount: 1_000_000, designItem: 'equipment_design' },
        ],
      },
      council: { lines: [{ id: 'j', category: 'engineer_pay', amount: 2_000_000 }] },
    });
    const co2 = computeGrantFromJson('co2_factor_support', {
      period: { approvalDate: '2025-06-02', resultsReportDate: '2026-02-27' },
      factors: [
        {
          id: 'A',
          kind: 'calculation_rule',
          product: 'x',
          productCategory: 'y',
          stages: ['A1', 'A2', 'A3', 'C1'],
          ruleMadeBy: 'company',
          genericRuleExists: true,
        },
        {
          id: 'B',
          kind: 'epd_cfp_verified',
          product: 'z',
          productCategory: 'w',
          iso14025Verification: true,
          developedByReport: true,
          publication: 'next_fiscal_year',
        },
      ],
      lines: [
        {
          id: '1',
          category: 'database',
          amount: 900_000,
          shares: [
            { factorId: 'A', amount: 300_000 },
            { factorId: 'B', amount: 300_000 },
          ],
          licence: { acquisition: 'purchase', start: '2025-07-01', usefulLifeYears: 3 },
        },
        {
          id: '2',
          category: 'personnel',
          factorId: 'B',
          amount: 9_000_000,
          outsourcing: { personnelShare: 8_000_000 },
        },
        {
          id: '3',
          category: 'publication',
          factorId: 'B',
          amount: 100_000,
          incurredOn: '2025-05-01',
          evidenceRef: 'X',
        },
        { id: '4', category: 'publication', factorId: 'B', amount: 100_000, evidenceRef: 'X' },
        { id: '5', category: 'verification', factorId: 'B', amount: 100_000, nextFiscalYearWork: true },
      ],
    });
    const lca = computeGrantFromJson('lca_implementation', {
      lines: [{ id: '1', category: 'factor_development', amount: 20_000_000 }],
    });
    const reasons = [clt, co2, lca].flatMap((o) => (o.ok ? o.result.reasons : []));
    expect(new Set(reasons.map((r) => r.code)).size).toBeGreaterThan(40);
    for (const r of reasons)
      for (const locale of ['ja', 'en'] as const)
        for (const p of placeholders(r.code, locale))
          expect(Object.keys(r.params), `${r.code} ${locale} {{${p}}}`).toContain(p);
  });
});
