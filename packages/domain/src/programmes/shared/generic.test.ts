import { describe, expect, it } from 'vitest';
import { when } from './conditions';
import { defineProgramme, ZProgrammeDefinition, type TProgrammeDefinitionInput } from './definition';
import { computeGeneric, ZGenericGrantInput } from './generic';
import { computeGrant, validateGrantInput, ZLcaGrantInput } from '../input';
import { LCA_IMPLEMENTATION } from '../lca/definition';

describe('LCA implementation support (002 LCA実施型) is data only', () => {
  const lca = (facts: object, lines: object[]) =>
    computeGrant(LCA_IMPLEMENTATION, ZLcaGrantInput.parse({ programme: 'lca_implementation', facts, lines }));
  const ok = { reportsLcaResult: true, cooperatesWithSurveys: true };

  it('grants the cost up to ¥6,500,000 without a BIM model', () => {
    const r = lca({ ...ok, withBimModel: false }, [
      { id: '1', category: 'lca_calculation', amount: 8_000_000 },
    ]);
    expect(r.grant).toMatchObject({ computed: 6_500_000, capHit: 'without_bim', cap: 6_500_000 });
    expect(
      lca({ ...ok, withBimModel: false }, [{ id: '1', category: 'lca_calculation', amount: 3_210_000 }]).grant
        .computed,
    ).toBe(3_210_000);
  });

  it('caps at ¥5,000,000 with a BIM model, which also brings the BIM-use requirements', () => {
    const r = lca({ ...ok, withBimModel: true }, [
      { id: '1', category: 'lca_calculation', amount: 8_000_000 },
    ]);
    expect(r.grant.computed).toBe(5_000_000);
    expect(r.eligibility.status).toBe('undetermined');
    expect(
      lca({ ...ok, withBimModel: true, meetsBimRequirements: true }, [
        { id: '1', category: 'lca_calculation', amount: 1 },
      ]).eligibility.status,
    ).toBe('eligible');
  });

  it('adds ¥4,000,000 when emission factors are developed too', () => {
    const lines = [
      { id: '1', category: 'lca_calculation', amount: 6_000_000 },
      { id: '2', category: 'factor_development', amount: 6_000_000 },
    ];
    expect(lca({ ...ok, withBimModel: false, developsFactors: true }, lines).grant.computed).toBe(10_500_000);
    expect(lca({ ...ok, withBimModel: true, developsFactors: true }, lines).grant.computed).toBe(9_000_000);
    // Factor costs without developing factors: the criterion fails.
    expect(lca({ ...ok, withBimModel: false, developsFactors: false }, lines).eligibility.status).toBe(
      'ineligible',
    );
  });

  it('uses the lowest possible cap until it knows about BIM', () => {
    const r = lca(ok, [{ id: '1', category: 'lca_calculation', amount: 8_000_000 }]);
    expect(r.grant.computed).toBe(5_000_000);
    // Both facts decide the cap: BIM picks the base, factor development adds ¥4,000,000.
    // Named by the definition's questions, as the form asks them.
    expect(r.reasons.find((x) => x.code === 'grant.cap_undetermined')?.params.facts).toBe(
      '「BIMモデルを作成した上でLCAを行う」、「LCA算定に必要なCO2原単位も策定する」',
    );
  });
});

/** SPEC §4 / 002 l.2836–2850: ZEB subsidy rates by rank and use, up to ¥500M; large private projects excluded. */
const ZEB_DATA: TProgrammeDefinitionInput = {
  code: 'zeb_new_build',
  engine: 'generic',
  name: { ja: 'ライフサイクルカーボン削減型の新築ZEB支援事業', en: 'New-build ZEB support' },
  operator: { ja: '環境省', en: 'MoE' },
  fiscalYear: 2025,
  sourceDocument: '002',
  money: {
    taxBasis: 'tax_exclusive',
    explanation: { ja: '補助率は税抜の対象経費に乗じる', en: 'Rates apply to costs without tax' },
    source: '002 ZEB補助率表',
  },
  budget: { amount: null },
  costCategories: [
    {
      code: 'zeb_systems',
      name: { ja: 'ZEB化に資するシステム・設備機器', en: 'ZEB systems and equipment' },
      taxTreatment: 'taxable',
      source: '002 ZEB ◆補助対象経費',
    },
  ],
  sections: [
    {
      code: 'zeb',
      name: { ja: 'ZEB化', en: 'ZEB' },
      categories: ['zeb_systems'],
      rates: (
        [
          ['zeb', 55, 30],
          ['nearly_zeb', 38, 25],
          ['zeb_ready', 30, 21],
          ['zeb_oriented', 30, null],
        ] as const
      ).flatMap(([rank, other, office]) => [
        {
          id: `${rank}_other`,
          rate: { numerator: other, denominator: 100 },
          when: when.all(when.eq('zebRank', rank), when.eq('use', 'other')),
          source: '002 ZEB補助率表',
        },
        ...(office === null
          ? []
          : [
              {
                id: `${rank}_office`,
                rate: { numerator: office, denominator: 100 },
                when: when.all(when.eq('zebRank', rank), when.eq('use', 'office')),
                source: '002 ZEB補助率表',
              },
            ]),
      ]),
      source: '002 ZEB補助率表',
    },
  ],
  questions: [
    { fact: 'zebRank', text: { ja: 'ZEBランク', en: 'ZEB rank' }, answer: 'text', source: '002 x' },
    { fact: 'use', text: { ja: '用途', en: 'Use' }, answer: 'text', source: '002 x' },
    { fact: 'applicantType', text: { ja: '申請者の種別', en: 'Applicant type' }, answer: 'text', source: '002 x' },
    { fact: 'floorAreaM2', text: { ja: '延べ面積', en: 'Floor area' }, answer: 'number', source: '002 x' },
  ],
  caps: [
    {
      id: 'project',
      scope: 'per_project',
      amount: 500_000_000,
      taxIncluded: false,
      name: { ja: '上限5億円', en: '¥500M' },
      source: '002 ZEB 事業スキーム',
    },
  ],
  eligibility: [
    {
      code: 'eligibility.criterion_not_met',
      text: {
        ja: '延べ面積10,000m²以上の場合、民間事業者・団体等は対象外',
        en: 'Private operators excluded at ≥ 10,000 m²',
      },
      requires: when.not(when.all(when.eq('applicantType', 'private'), when.gte('floorAreaM2', 10_000))),
      level: 'required',
      source: '002 ZEB ※5',
    },
  ],
};

/** SPEC §4 / 002 l.3873–3876: timber-building support. */
const TIMBER_DATA: TProgrammeDefinitionInput = {
  code: 'timber_building',
  engine: 'generic',
  name: { ja: '優良木造建築物等整備推進事業', en: 'Timber-building support' },
  operator: { ja: '国土交通省', en: 'MLIT' },
  fiscalYear: 2025,
  sourceDocument: '002',
  money: {
    taxBasis: 'tax_inclusive',
    explanation: { ja: '資料に税の扱いの記載なし', en: 'Tax treatment not stated' },
    source: '002 木造 補助率・補助限度額',
  },
  budget: { amount: null },
  costCategories: [
    {
      code: 'design',
      name: { ja: '調査設計費（木造化に関する費用）', en: 'Design (timber-related)' },
      taxTreatment: 'taxable',
      source: '002 木造 補助率・補助限度額',
    },
    {
      code: 'construction',
      name: { ja: '建設工事費', en: 'Construction' },
      taxTreatment: 'taxable',
      source: '002 木造 補助率・補助限度額',
    },
  ],
  sections: [
    {
      code: 'design',
      name: { ja: '調査設計費', en: 'Design' },
      categories: ['design'],
      rates: [{ id: 'half', rate: { numerator: 1, denominator: 2 }, source: '002 木造 補助率・補助限度額' }],
      source: '002 木造',
    },
    {
      code: 'construction',
      name: { ja: '建設工事費', en: 'Construction' },
      categories: ['construction'],
      rates: [
        // "ただし算出が困難な場合は建設工事費の7%以内": the line is then the whole construction cost.
        {
          id: 'seven_percent',
          rate: { numerator: 7, denominator: 100 },
          when: when.isTrue('extraCostHardToCompute'),
          source: '002 木造 補助率・補助限度額',
        },
        {
          id: 'third_of_extra',
          rate: { numerator: 1, denominator: 3 },
          source: '002 木造 補助率・補助限度額',
        },
      ],
      source: '002 木造',
    },
  ],
  questions: [
    { fact: 'extraCostHardToCompute', text: { ja: '掛かり増し費用の算出が困難', en: 'Extra cost hard to compute' }, answer: 'yes_no', source: '002 x' },
  ],
  caps: [
    {
      id: 'total',
      scope: 'per_project',
      amount: 200_000_000,
      taxIncluded: true,
      name: { ja: '補助限度額 合計2億円', en: '¥200M in total' },
      source: '002 木造 補助率・補助限度額',
    },
  ],
  capReductionOrder: ['construction', 'design'],
};

describe('other programmes of SPEC §4 are expressible as data', () => {
  const zeb = defineProgramme(ZEB_DATA);
  const run = (facts: object, amount: number) =>
    computeGeneric(
      zeb,
      ZGenericGrantInput.parse({
        programme: 'zeb_new_build',
        facts,
        lines: [{ id: '1', section: 'zeb', category: 'zeb_systems', amount }],
      }),
    );

  it('ZEB: 55% for 『ZEB』 non-office, 21% for a ZEB Ready office, nothing for a ZEB Oriented office', () => {
    // 110,000,000 incl. tax → 100,000,000 without.
    expect(
      run({ zebRank: 'zeb', use: 'other', applicantType: 'public', floorAreaM2: 3000 }, 110_000_000).grant
        .computed,
    ).toBe(55_000_000);
    expect(
      run({ zebRank: 'zeb_ready', use: 'office', applicantType: 'public', floorAreaM2: 3000 }, 110_000_000)
        .grant.computed,
    ).toBe(21_000_000);
    const oriented = run(
      { zebRank: 'zeb_oriented', use: 'office', applicantType: 'public', floorAreaM2: 3000 },
      110_000_000,
    );
    expect(oriented.grant.computed).toBe(0);
    expect(oriented.reasons.map((r) => r.code)).toContain('grant.no_rate_applies');
  });

  it('ZEB: caps at ¥500M and excludes private operators at 10,000 m² or more', () => {
    expect(
      run({ zebRank: 'zeb', use: 'other', applicantType: 'public', floorAreaM2: 20_000 }, 2_200_000_000).grant
        .computed,
    ).toBe(500_000_000);
    const big = run(
      { zebRank: 'zeb', use: 'other', applicantType: 'private', floorAreaM2: 10_000 },
      110_000_000,
    );
    expect(big.eligibility.status).toBe('ineligible');
    expect(big.grant.amount).toBe(0);
  });

  it('timber: design ≤ 1/2, extra construction ≤ 1/3 (or 7% of construction), ¥200M in all', () => {
    const timber = defineProgramme(TIMBER_DATA);
    const go = (facts: object, design: number, construction: number) =>
      computeGeneric(
        timber,
        ZGenericGrantInput.parse({
          programme: 'timber_building',
          facts,
          lines: [
            { id: 'd', section: 'design', category: 'design', amount: design },
            { id: 'c', section: 'construction', category: 'construction', amount: construction },
          ],
        }),
      );
    expect(go({}, 10_000_000, 30_000_000).grant.computed).toBe(15_000_000); // 5,000,000 + 10,000,000
    expect(go({ extraCostHardToCompute: true }, 10_000_000, 300_000_000).grant.computed).toBe(26_000_000); // 5,000,000 + 21,000,000
    const capped = go({}, 100_000_000, 600_000_000); // 50,000,000 + 200,000,000 → 200,000,000
    expect(capped.grant.computed).toBe(200_000_000);
    expect(capped.breakdown.sections.map((s) => [s.section, s.grant])).toEqual([
      ['design', 50_000_000],
      ['construction', 150_000_000],
    ]);
  });

  it('refuses definitions that contradict themselves', () => {
    const broken = { ...TIMBER_DATA, sections: [{ ...TIMBER_DATA.sections[0]!, categories: ['nope'] }] };
    const r = ZProgrammeDefinition.safeParse(broken);
    expect(r.success).toBe(false);
    expect(r.error!.issues[0]!.message).toBe('programmes.definition_unknown_category');
    const rate = {
      ...TIMBER_DATA,
      sections: [
        {
          ...TIMBER_DATA.sections[0]!,
          rates: [{ id: 'x', rate: { numerator: 3, denominator: 2 }, source: '002 x' }],
        },
      ],
    };
    expect(ZProgrammeDefinition.safeParse(rate).error!.issues[0]!.message).toBe('programmes.rate_above_one');
  });

  it('validates generic lines against the definition', () => {
    const v = validateGrantInput(defineProgramme(TIMBER_DATA), {
      lines: [{ id: '1', section: 'design', category: 'construction', amount: 1 }],
    });
    expect(v.ok).toBe(false);
    if (!v.ok)
      expect(v.issues.map((i) => [i.code, i.path])).toEqual([
        ['grant.category_not_in_section', ['lines', 0, 'category']],
      ]);
  });
});
