import { ENVIRONMENTAL_CHECKLIST } from '../shared/checklist';
import { when } from '../shared/conditions';
import { defineProgramme } from '../shared/definition';
import { CLT_REQUIRED_DOCUMENTS } from './documents';
import { CLT_ELIGIBILITY } from './eligibility';

/**
 * 令和7年度 CLT建築実証事業 募集要領 (seeds/003, 令和8年3月), as data. The construction-work
 * matrix (表1) and the design-cost table (表2) are in tables.ts; the engine is compute.ts.
 */

/** The three demonstration sections of 様式4-1 and the council of 様式4-2. */
export const CLT_SECTIONS = ['building_demo', 'design_demo', 'performance_demo', 'council'] as const;
export type TCltSection = (typeof CLT_SECTIONS)[number];
export const CLT_DEMO_CATEGORIES = ['supplies', 'services', 'rentals'] as const;
export const CLT_COUNCIL_CATEGORIES = ['engineer_pay', 'travel', 'supplies', 'services', 'rentals'] as const;

/** 計測機械: only ≤ 1-year useful life may be bought, roughly under ¥100,000 (003 §2.6.1(1)). */
export const INSTRUMENT_PRICE_GUIDE = 100_000;

/** 2.6.3 計上できない経費. */
export const CLT_INELIGIBLE_NATURES = [
  'real_estate',
  'meeting_food',
  'seminar_fee',
  'unrelated_part',
  'accident',
  'office_running',
  'unrelated',
] as const;

const storeys = 'storeys';
const special = when.eq('rateVariant', 'special');

export const CLT_DEMONSTRATION = defineProgramme({
  code: 'clt_demonstration',
  engine: 'clt',
  name: { ja: '令和7年度 CLT建築実証事業', en: 'FY2025 CLT building demonstration subsidy' },
  operator: {
    ja: '木構造振興株式会社（助成金交付）・公益財団法人日本住宅・木材技術センター（公募・窓口）',
    en: 'Wood Structure Promotion Co. (grants) and HOWTEC (call and contact)',
  },
  fiscalYear: 2025,
  sourceDocument: '003',
  money: {
    taxBasis: 'tax_exclusive',
    grantRoundingUnit: 1,
    formUnit: 1000,
    explanation: {
      ja: '予算書は消費税込みで記載しますが、助成額は消費税相当額を除いた経費に助成率を乗じて算出します。様式4-1の記載例: 事業費39,600,000円（税込）→ 税抜36,000,000円 × 3/10 = 10,800,000円、自己負担28,800,000円。様式4-2: 1,031,000円のうち技術者給800,000円は消費税がかからず、その他231,000円の税抜210,000円と合わせて1,010,000円（定額）、自己負担21,000円（＝消費税相当額）。',
      en: 'Budgets are written tax-inclusive, but the grant is the rate applied to the cost without consumption tax. 様式4-1 example: ¥39,600,000 incl. tax → ¥36,000,000 × 3/10 = ¥10,800,000, own share ¥28,800,000. 様式4-2: of ¥1,031,000 the engineer pay (¥800,000) carries no tax; with the other ¥231,000 less tax (¥210,000) the fixed amount is ¥1,010,000, own share ¥21,000 (the tax).',
    },
    source: '003 様式4-1・様式4-2',
  },
  windows: [
    {
      id: 'fy2025',
      opensAt: '2026-03-06T00:00',
      closesAt: '2026-04-06T13:00',
      label: {
        ja: '令和8年3月6日(金)〜令和8年4月6日(月)13時必着',
        en: '6 March to 6 April 2026, 13:00 JST (must arrive by)',
      },
      closesEarlyWhenBudgetExhausted: false,
      source: '003 §6.1',
    },
  ],
  projectPeriod: {
    starts: {
      ja: '助成金交付申請を木構振が承認した日から',
      en: 'From the day the grant application is approved',
    },
    standardEnd: '2026-03-31',
    latestEnd: '2027-02-19',
    source: '003 §2.1(6), §3.6',
  },
  budget: { amount: 627_000_000, approximate: true, expectedProjects: 20, source: '003 §2.7' },
  costCategories: [
    {
      code: 'supplies',
      name: { ja: '需用費', en: 'Supplies (需用費)' },
      taxTreatment: 'taxable',
      notes: [
        {
          ja: '実証事業: 材料費、消耗品費等。計測機械は耐用年数1年以内のもの（目安10万円未満）に限り、超えるものはリース・借上げで対応。',
          en: 'Demonstration: materials, consumables. Measuring instruments only with ≤ 1-year life (about < ¥100,000); lease anything longer-lived.',
        },
        {
          ja: '協議会: 印刷製本費等。通常の運営に伴う事務所経費は除く。',
          en: 'Council: printing etc.; not ordinary office costs.',
        },
      ],
      source: '003 §2.6.1(1), §2.6.2(3)',
    },
    {
      code: 'services',
      name: { ja: '役務費', en: 'Services (役務費)' },
      taxTreatment: 'taxable',
      notes: [
        {
          ja: '人的サービス等に対して支払う経費（施工費、設計費、試験手数料、通信運搬費等）。',
          en: 'Payments for services (construction, design, test fees, postage…).',
        },
      ],
      source: '003 §2.6.1(2), §2.6.2(4)',
    },
    {
      code: 'rentals',
      name: { ja: '使用料及び賃借料', en: 'Rentals (使用料及び賃借料)' },
      taxTreatment: 'taxable',
      notes: [
        {
          ja: '器具機械、会場等の借上げ。通常の運営に伴う事務所の経費は除く。',
          en: 'Equipment and venue hire; not ordinary office costs.',
        },
      ],
      source: '003 §2.6.1(3), §2.6.2(5)',
    },
    {
      code: 'engineer_pay',
      name: { ja: '技術者給', en: 'Engineer pay (技術者給)' },
      taxTreatment: 'non_taxable',
      notes: [
        {
          ja: '協議会運営業務の実働に応じた対価。概ね2名。建築主等と協議会運営者が異なる場合のみ計上可。別添の人件費算定方法による。',
          en: 'Pay for council work actually done; about 2 people; only when owner and council operator differ; computed by the personnel-cost rules (別添).',
        },
      ],
      source: '003 §2.6.2(1)',
    },
    {
      code: 'travel',
      name: { ja: '旅費', en: 'Travel (旅費)' },
      taxTreatment: 'taxable',
      notes: [
        {
          ja: '協議会構成員が会議に出席するための旅費・交通費。',
          en: 'Members’ travel to council meetings.',
        },
      ],
      source: '003 §2.6.2(2)',
    },
  ],
  sections: [
    ...(
      [
        ['building_demo', '建築物の建築実証', 'Building demonstration', '003 §2.3(1)'],
        ['design_demo', '建築物の設計実証', 'Design demonstration', '003 §2.3(2)'],
        ['performance_demo', '部材の性能実証等', 'Component performance demonstration', '003 §2.3(3)'],
      ] as const
    ).map(([code, ja, en, source]) => ({
      code,
      name: { ja, en },
      categories: [...CLT_DEMO_CATEGORIES],
      rates: [
        {
          id: 'special',
          rate: { numerator: 1, denominator: 2 },
          when: special,
          name: { ja: '特例対象事業 1/2', en: 'Special project 1/2' },
          source: '003 §2.4, §2.7',
        },
        {
          id: 'standard',
          rate: { numerator: 3, denominator: 10 },
          name: { ja: '助成率 3/10', en: 'Rate 3/10' },
          source: '003 §2.3, §2.7',
        },
      ],
      source,
    })),
    {
      code: 'council',
      name: { ja: '協議会運営費', en: 'Council running costs' },
      categories: [...CLT_COUNCIL_CATEGORIES],
      rates: [
        {
          id: 'fixed',
          rate: { numerator: 1, denominator: 1 },
          basis: 'fixed_amount',
          name: { ja: '定額', en: 'Fixed amount' },
          source: '003 §2.5',
        },
      ],
      source: '003 §2.5, §2.6.2',
    },
  ],
  caps: [
    {
      id: 'proposal',
      scope: 'per_project',
      amount: 100_000_000,
      taxIncluded: false,
      when: when.eq('rateVariant', 'standard'),
      name: {
        ja: '提案できる助成額（実証事業費と協議会運営費の合計）100,000,000円',
        en: '¥100,000,000 per proposal (demonstration and council together)',
      },
      source: '003 §2.7',
    },
    {
      id: 'special_up_to_2_storeys',
      scope: 'per_project',
      amount: 100_000_000,
      taxIncluded: false,
      when: when.all(special, when.lte(storeys, 2)),
      name: {
        ja: '特例対象事業 2階建て以下 100,000,000円',
        en: 'Special project, ≤ 2 storeys: ¥100,000,000',
      },
      source: '003 §2.7 表',
    },
    {
      id: 'special_3_storeys',
      scope: 'per_project',
      amount: 150_000_000,
      taxIncluded: false,
      when: when.all(special, when.eq(storeys, 3)),
      name: { ja: '特例対象事業 3階建て 150,000,000円', en: 'Special project, 3 storeys: ¥150,000,000' },
      source: '003 §2.7 表',
    },
    {
      id: 'special_4_storeys_or_more',
      scope: 'per_project',
      amount: 200_000_000,
      taxIncluded: false,
      when: when.all(special, when.gte(storeys, 4)),
      name: {
        ja: '特例対象事業 4階建て以上 200,000,000円',
        en: 'Special project, ≥ 4 storeys: ¥200,000,000',
      },
      source: '003 §2.7 表',
    },
    {
      id: 'council_fixed',
      scope: 'per_section',
      section: 'council',
      amount: 1_000_000,
      taxIncluded: false,
      approximate: true,
      enforcement: 'guideline',
      name: { ja: '協議会運営費 100万円程度を上限', en: 'Council: about ¥1,000,000 at most' },
      source: '003 §2.5',
    },
    {
      id: 'programme_total',
      scope: 'programme_budget',
      amount: 627_000_000,
      taxIncluded: false,
      approximate: true,
      enforcement: 'guideline',
      name: {
        ja: '事業全体 約627,000,000円（20件程度）',
        en: 'Programme: about ¥627,000,000 (about 20 projects)',
      },
      source: '003 §2.7',
    },
  ],
  capReductionOrder: ['performance_demo', 'design_demo', 'building_demo', 'council'],
  ineligibleCosts: [
    {
      code: 'real_estate',
      text: {
        ja: '建物（実証事業において建設するものを除く）や土地等の不動産取得費、土地材料及び建物借り上げ費',
        en: 'Real estate, land, building hire',
      },
      source: '003 §2.6.3',
    },
    {
      code: 'meeting_food',
      text: { ja: '会議費（飲料費等）', en: 'Meeting costs (drinks etc.)' },
      source: '003 §2.6.3',
    },
    { code: 'seminar_fee', text: { ja: 'セミナー等参加費', en: 'Seminar fees' }, source: '003 §2.6.3' },
    {
      code: 'unrelated_part',
      text: {
        ja: '実証する項目と関連性のない部分の建設費',
        en: 'Construction of parts unrelated to what is demonstrated',
      },
      source: '003 §2.6.3',
    },
    {
      code: 'accident',
      text: { ja: '実証事業実施中に発生した事故・災害の処理のための経費', en: 'Accident or disaster costs' },
      source: '003 §2.6.3',
    },
    {
      code: 'office_running',
      text: { ja: '通常の団体運営に伴って発生する事務所の経費', en: 'Ordinary office costs' },
      source: '003 §2.6.3',
    },
    {
      code: 'unrelated',
      text: {
        ja: '上記の他、実証事業の実施に関連性のない経費',
        en: 'Anything else unrelated to the demonstration',
      },
      source: '003 §2.6.3',
    },
  ],
  eligibility: CLT_ELIGIBILITY,
  specialRateConditions: [
    {
      code: 'three_storeys_or_1000m2_structural',
      text: {
        ja: '3階建て以上又は延べ床面積1,000m²以上（CLTを構造部材として利用又は併用するものに限る）',
        en: '≥ 3 storeys or ≥ 1,000 m² with CLT used structurally',
      },
      when: when.all(
        when.any(when.gte(storeys, 3), when.gte('totalFloorAreaM2', 1000)),
        when.isTrue('cltStructural'),
      ),
      source: '003 §2.4 1.',
    },
    {
      code: 'existing_model',
      text: { ja: '既存の木造化モデルを活用して設計・建築するもの', en: 'Uses an existing timber model' },
      when: when.isTrue('usesExistingModel'),
      source: '003 §2.4 2.',
    },
    {
      code: 'further_buildings',
      text: {
        ja: '建築主等が同種のCLT建築物を建築する具体的な予定があるもの',
        en: 'The owner has concrete plans for further buildings of the same type',
      },
      when: when.isTrue('ownerPlansFurtherBuildings'),
      source: '003 §2.4 3.',
    },
    {
      code: 'technical_ingenuity',
      text: {
        ja: 'コスト縮減や施工方法の課題の解決に向けて技術的工夫が見られるもの',
        en: 'Technical ingenuity on cost or construction',
      },
      when: when.isTrue('technicalIngenuity'),
      source: '003 §2.4 4.',
    },
  ],
  evaluationItems: [
    {
      code: 'novelty',
      text: { ja: 'CLTの使用方法・供給方法の新規性・先駆性', en: 'Novelty of CLT use and supply' },
      source: '003 §3.3.1(1)',
    },
    {
      code: 'problem',
      text: { ja: '課題提案の妥当性・適切性', en: 'Validity of the problem' },
      source: '003 §3.3.1(2)',
    },
    {
      code: 'demonstration',
      text: { ja: '実証内容の妥当性・適切性', en: 'Validity of the demonstration' },
      source: '003 §3.3.1(3)',
    },
    {
      code: 'feasibility',
      text: { ja: '事業計画の実現可能性', en: 'Feasibility of the plan' },
      source: '003 §3.3.1(4)',
    },
    {
      code: 'dissemination',
      text: {
        ja: '施工の合理化、コスト削減等を含めた成果物の普及性',
        en: 'Dissemination, including cost and construction rationalisation',
      },
      source: '003 §3.3.1(5)',
    },
    {
      code: 'wood_consumption',
      text: { ja: '木材の消費拡大への貢献性', en: 'Contribution to wood consumption' },
      source: '003 §3.3.1(6)',
    },
  ],
  bonusItems: [
    {
      code: 'existing_model',
      text: { ja: '既存の木造化モデルを活用した取組', en: 'Uses an existing timber model' },
      when: when.isTrue('usesExistingModel'),
      source: '003 §3.3.2(1)',
    },
    {
      code: 'nationwide_chain',
      text: {
        ja: 'チェーン展開している全国的な店舗等の取組で短期間による普及が見込める',
        en: 'A nationwide chain with quick dissemination',
      },
      when: when.isTrue('nationwideChain'),
      source: '003 §3.3.2(2)',
    },
    {
      code: 'wood_use_agreement',
      text: {
        ja: '建築物等木材利用促進協定（法第15条）の協定締結者',
        en: 'Party to a wood-use agreement (act §15)',
      },
      when: when.isTrue('woodUseAgreement'),
      source: '003 §3.3.2(3)',
    },
    {
      code: 'first_time_clt',
      text: {
        ja: '意匠設計者、構造設計者又は施工会社のいずれかがCLT建築物を初めて設計又は施工',
        en: 'A designer, engineer or main contractor does CLT for the first time',
      },
      when: when.isTrue('firstTimeCltDesignerOrContractor'),
      source: '003 §3.3.2(4)',
    },
    {
      code: 'three_storeys',
      text: { ja: '提案建築物が3階建て以上', en: '≥ 3 storeys' },
      when: when.gte(storeys, 3),
      source: '003 §3.3.2(5)',
    },
    {
      code: 'four_storeys',
      text: { ja: '提案建築物が4階建て以上', en: '≥ 4 storeys' },
      when: when.gte(storeys, 4),
      source: '003 §3.3.2(6)',
    },
    {
      code: 'panel_five_storeys',
      text: { ja: 'CLTパネル工法で5階建て以上', en: 'CLT panel method, ≥ 5 storeys' },
      when: when.all(when.isTrue('cltPanelMethod'), when.gte(storeys, 5)),
      source: '003 §3.3.2(7)',
    },
    {
      code: 'fire_rule_2018',
      text: {
        ja: '平成30年度以降の防耐火規制の合理化に対応した建築物',
        en: 'Follows the post-2018 fire-rule rationalisation',
      },
      when: when.isTrue('fireRule2018Building'),
      source: '003 §3.3.2(8)',
    },
  ],
  requiredDocuments: CLT_REQUIRED_DOCUMENTS,
  checklists: [ENVIRONMENTAL_CHECKLIST],
  notes: [
    {
      ja: '採択・不採択の通知は令和8年5月中旬〜下旬の予定。不採択の理由の問い合わせには応じない。',
      en: 'Selection notified mid/late May 2026; reasons for rejection are not given.',
      source: '003 §3.4',
    },
    {
      ja: '建築実証の実施者は、建て方見学会や完成見学会等の実施が必須。',
      en: 'A construction or completion tour is mandatory for building demonstrations.',
      source: '003 §4.3',
    },
    {
      ja: '応募書類が募集要領に従っていない場合や不備がある場合は、原則無効。',
      en: 'Non-conforming or incomplete applications are void.',
      source: '003 §6.4 注9)',
    },
  ],
});
