import { when } from '../shared/conditions';
import { defineProgramme } from '../shared/definition';

/**
 * 建築GX・DX推進事業 <LCA実施型> (seeds/002, 現行制度の概要 l.2325–2343), as data only: it needs
 * no code of its own, which is the point (SPEC §4).
 *
 * 「LCAの実施に要する費用について、上限額以内で定額補助」: the cost in full (定額) up to
 * ¥6,500,000 per project without a BIM model, ¥5,000,000 with one, plus ¥4,000,000 when the CO2
 * factors needed for the LCA are also developed.
 */
export const LCA_IMPLEMENTATION = defineProgramme({
  code: 'lca_implementation',
  engine: 'generic',
  name: { ja: '建築GX・DX推進事業（LCA実施型）', en: 'Building GX/DX promotion: LCA implementation support' },
  operator: { ja: '国土交通省', en: 'MLIT' },
  fiscalYear: 2025,
  sourceDocument: '002',
  money: {
    taxBasis: 'tax_inclusive',
    grantRoundingUnit: 1,
    formUnit: 1,
    explanation: {
      ja: '資料は上限額のみを示し、消費税の扱いを定めていません。税込みの経費を上限額と比べます（交付要綱で税抜とされる場合は定義を変更してください）。',
      en: 'The source gives only the caps and says nothing about consumption tax; tax-inclusive costs are compared with them (change the definition if the grant rules say otherwise).',
    },
    source: '002 LCA実施型 補助額等',
  },
  budget: { amount: null, approximate: false, expectedProjects: null, source: '002 LCA実施型' },
  costCategories: [
    {
      code: 'lca_calculation',
      name: { ja: 'LCAの実施に要する費用', en: 'Cost of carrying out the LCA' },
      taxTreatment: 'taxable',
      source: '002 LCA実施型 補助額等',
    },
    {
      code: 'factor_development',
      name: { ja: 'LCA算定に必要なCO2原単位の策定費用', en: 'Developing the CO2 factors the LCA needs' },
      taxTreatment: 'taxable',
      notes: [
        {
          ja: '原単位も策定する場合に限り計上（上限額に400万円を加算）。',
          en: 'Only when factors are developed (cap raised by ¥4M).',
        },
      ],
      source: '002 LCA実施型 補助額等',
    },
  ],
  sections: [
    {
      code: 'lca',
      name: { ja: 'LCA実施', en: 'LCA' },
      categories: ['lca_calculation', 'factor_development'],
      rates: [
        {
          id: 'fixed',
          rate: { numerator: 1, denominator: 1 },
          basis: 'fixed_amount',
          name: { ja: '上限額以内で定額補助', en: 'Fixed amount up to the cap' },
          source: '002 LCA実施型 補助額等',
        },
      ],
      source: '002 LCA実施型',
    },
  ],
  caps: [
    {
      id: 'without_bim',
      scope: 'per_project',
      amount: 6_500_000,
      taxIncluded: true,
      when: when.isFalse('withBimModel'),
      name: {
        ja: 'BIMモデルを作成せずにLCAを行った場合 650万円／件',
        en: 'LCA without a BIM model: ¥6.5M per project',
      },
      source: '002 LCA実施型 補助額等',
    },
    {
      id: 'with_bim',
      scope: 'per_project',
      amount: 5_000_000,
      taxIncluded: true,
      when: when.isTrue('withBimModel'),
      name: {
        ja: 'BIMモデルを作成した上でLCAを行う場合 500万円／件',
        en: 'LCA with a BIM model: ¥5M per project',
      },
      source: '002 LCA実施型 補助額等',
    },
    {
      id: 'factor_addition',
      scope: 'per_project',
      amount: 4_000_000,
      taxIncluded: true,
      additive: true,
      when: when.isTrue('developsFactors'),
      name: { ja: 'CO2原単位も策定する場合 400万円を加算', en: '+¥4M when factors are also developed' },
      source: '002 LCA実施型 補助額等',
    },
  ],
  questions: [
    { fact: 'withBimModel', text: { ja: 'BIMモデルを作成した上でLCAを行う', en: 'The LCA is done with a BIM model' }, answer: 'yes_no', source: '002 LCA実施型 補助額等' },
    { fact: 'developsFactors', text: { ja: 'LCA算定に必要なCO2原単位も策定する', en: 'The CO2 factors the LCA needs are developed too' }, answer: 'yes_no', source: '002 LCA実施型 補助額等' },
    { fact: 'reportsLcaResult', text: { ja: 'LCA算定結果を国土交通省等に報告する', en: 'The LCA result is reported to MLIT' }, answer: 'yes_no', source: '002 LCA実施型 補助要件' },
    { fact: 'cooperatesWithSurveys', text: { ja: '国土交通省等による調査に協力する', en: 'Cooperates with MLIT surveys' }, answer: 'yes_no', source: '002 LCA実施型 補助要件' },
    { fact: 'meetsBimRequirements', text: { ja: 'BIM活用型の要件を満たす', en: 'Meets the BIM-use requirements' }, answer: 'yes_no', source: '002 LCA実施型 補助要件 ※' },
  ],
  eligibility: [
    {
      code: 'eligibility.lca.report_to_mlit',
      text: {
        ja: 'LCA算定結果を国土交通省等に報告すること（データベース化の上、毎年度公表）',
        en: 'The LCA result is reported to MLIT (published in a database every year)',
      },
      requires: when.isTrue('reportsLcaResult'),
      level: 'required',
      source: '002 LCA実施型 補助要件',
    },
    {
      code: 'eligibility.lca.cooperate_surveys',
      text: { ja: '国土交通省等による調査に協力すること', en: 'Cooperates with MLIT surveys' },
      requires: when.isTrue('cooperatesWithSurveys'),
      level: 'required',
      source: '002 LCA実施型 補助要件',
    },
    {
      code: 'eligibility.lca.bim_requirements',
      text: {
        ja: 'BIMモデルを作成した上でLCAを行う場合は、BIM活用型の要件も満たすこと',
        en: 'With a BIM model, the BIM-use requirements are met too',
      },
      appliesWhen: when.isTrue('withBimModel'),
      requires: when.isTrue('meetsBimRequirements'),
      level: 'required',
      source: '002 LCA実施型 補助要件 ※',
    },
    {
      code: 'eligibility.lca.factor_cost_needs_factors',
      text: {
        ja: '原単位策定費用は原単位も策定する場合に限る',
        en: 'Factor costs only when factors are developed',
      },
      appliesWhen: when.gte('cost.factor_development', 1),
      requires: when.isTrue('developsFactors'),
      level: 'required',
      source: '002 LCA実施型 補助額等 ※',
    },
  ],
});
