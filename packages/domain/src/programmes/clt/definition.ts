import { ENVIRONMENTAL_CHECKLIST } from '../shared/checklist';
import { when } from '../shared/conditions';
import { defineProgramme } from '../shared/definition';

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
  eligibility: [
    {
      code: 'eligibility.clt.not_detached_house',
      text: { ja: '建築物の主要用途が一戸建ての住宅でないこと', en: 'The main use is not a detached house' },
      requires: when.isFalse('mainUseDetachedHouse'),
      level: 'required',
      source: '003 §2.1',
    },
    {
      code: 'eligibility.clt.kind_selected',
      text: {
        ja: '建築実証又は設計実証を行うこと（部材の性能実証はこれらと併せて実施）',
        en: 'A building or design demonstration (a performance demonstration only together with one)',
      },
      requires: when.any(when.isTrue('includesBuildingDemo'), when.isTrue('includesDesignDemo')),
      level: 'required',
      source: '003 §2.3',
    },
    {
      code: 'eligibility.clt.structure_roof',
      text: {
        ja: '工作物等は屋根及び柱若しくは壁を有するものに限る',
        en: 'A structure must have a roof and columns or walls',
      },
      appliesWhen: when.isTrue('isStructureNotBuilding'),
      requires: when.isTrue('hasRoofAndColumnsOrWalls'),
      level: 'required',
      source: '003 §2.1(1)イ',
    },
    {
      code: 'eligibility.clt.size',
      text: {
        ja: '3階建て以上もしくは延べ床面積300m²以上（ただし、CLTを初めて設計・施工する者がいる、平成30年度以降の防耐火規制の合理化に対応、令和6・7年度採択の設計実証の建築、のいずれかに該当する場合を除く）',
        en: '≥ 3 storeys or ≥ 300 m², unless a designer, engineer or main contractor does CLT for the first time, it follows the post-2018 fire rules, or it builds an adopted FY2024/FY2025 design demonstration',
      },
      requires: when.any(
        when.gte(storeys, 3),
        when.gte('totalFloorAreaM2', 300),
        when.isTrue('firstTimeCltDesignerOrContractor'),
        when.isTrue('fireRule2018Building'),
        when.isTrue('buildsAdoptedDesignDemo'),
      ),
      level: 'required',
      source: '003 §2.1(2)',
    },
    {
      code: 'eligibility.clt.construction_follows_design',
      text: {
        ja: '設計実証は、その後のCLT建築物の建築が確実に行われること',
        en: 'A design demonstration presumes the CLT building will certainly be built',
      },
      appliesWhen: when.isTrue('includesDesignDemo'),
      requires: when.isTrue('constructionCertainAfterDesign'),
      level: 'required',
      source: '003 §2.1(1)',
    },
    {
      code: 'eligibility.clt.council',
      text: { ja: '実証する内容を協議会によって検討すること', en: 'A council examines the demonstration' },
      requires: when.isTrue('councilExamines'),
      level: 'required',
      source: '003 §2.1(3)',
    },
    {
      code: 'eligibility.clt.content_clear',
      text: { ja: '実証する内容が明確であること', en: 'The content of the demonstration is clear' },
      requires: when.isTrue('contentClear'),
      level: 'required',
      source: '003 §2.1(4)',
    },
    {
      code: 'eligibility.clt.cost_comparison',
      text: {
        ja: 'RC造など他構造とのコスト比較を行うこと（設計実証等を単独で行う場合を除く）',
        en: 'A cost comparison with RC or another structure (not needed for a design-stage-only proposal)',
      },
      appliesWhen: when.isTrue('includesBuildingDemo'),
      requires: when.isTrue('costComparison'),
      level: 'required',
      source: '003 §2.1(5)',
    },
    {
      code: 'eligibility.clt.completion_latest',
      text: {
        ja: '繰越の場合でも令和9年2月19日までに実証事業を完了すること',
        en: 'Completed by 19 February 2027 at the latest, with carry-over',
      },
      requires: when.onOrBefore('plannedCompletion', '2027-02-19'),
      level: 'required',
      source: '003 §2.1(6), §3.6',
    },
    {
      code: 'eligibility.clt.completion_carry_over',
      text: {
        ja: '令和8年3月末を越える場合は財務大臣の承認による繰越が前提',
        en: 'Beyond March 2026 the project relies on carry-over approved by the Minister of Finance',
      },
      requires: when.onOrBefore('plannedCompletion', '2026-03-31'),
      level: 'notice',
      source: '003 §2.1(6)',
    },
    {
      code: 'eligibility.clt.funding_plan',
      text: { ja: '資金計画が明確になっていること', en: 'A clear funding plan' },
      requires: when.isTrue('fundingPlanClear'),
      level: 'required',
      source: '003 §2.1(7)',
    },
    {
      code: 'eligibility.clt.land',
      text: { ja: '実証を行う用地の確保が見込まれていること', en: 'Land for the demonstration is secured' },
      requires: when.isTrue('landSecured'),
      level: 'required',
      source: '003 §2.1(8)',
    },
    {
      code: 'eligibility.clt.council_operator_not_individual',
      text: { ja: '協議会運営者は個人でないこと', en: 'The council operator is not an individual' },
      requires: when.isFalse('councilOperatorIsIndividual'),
      level: 'required',
      source: '003 §6.4 注4)',
    },
    {
      code: 'eligibility.clt.council_operator_accounting',
      text: {
        ja: '協議会運営者は経理能力・事務処理能力を有し、助成費の受入れが可能であること',
        en: 'The council operator can do accounts and receive the subsidy',
      },
      requires: when.isTrue('councilOperatorCanAccount'),
      level: 'required',
      source: '003 §2.2(2)',
    },
    {
      code: 'eligibility.clt.no_double_funding',
      text: {
        ja: '同一内容で他の国の補助事業に採択・申請していないこと',
        en: 'No other national subsidy for the same content',
      },
      requires: when.not(when.eq('otherNationalSubsidy', 'same_content')),
      level: 'required',
      source: '003 §3.7',
    },
    {
      code: 'eligibility.clt.double_funding_separable',
      text: {
        ja: '他の国の補助事業の対象部分が明確に切り分けられる場合、その部分を除く部分のみ対象となることがある',
        en: 'With another national subsidy, only a clearly separable remainder may be supported',
      },
      requires: when.not(when.eq('otherNationalSubsidy', 'separable')),
      level: 'recommended',
      source: '003 §3.7',
    },
    {
      code: 'eligibility.clt.not_committee_member',
      text: { ja: '検討委員会の委員は応募できない', en: 'Committee members cannot apply' },
      requires: when.isFalse('applicantIsCommitteeMember'),
      level: 'required',
      source: '003 §3.2(1)',
    },
  ],
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
  requiredDocuments: [
    {
      code: 'form_1',
      name: { ja: '様式1 提案申請書', en: 'Form 1 Proposal' },
      phase: 'application',
      format: 'designated_excel',
      pages: { paper: 'A4', max: 1 },
      note: { ja: '様式本体の注記は「A4 1〜2枚に収めてください」', en: 'The form itself says 1–2 pages' },
      source: '003 §6.4',
    },
    {
      code: 'form_2',
      name: { ja: '様式2 建築物の概要', en: 'Form 2 Building outline' },
      phase: 'application',
      format: 'designated_excel',
      pages: { paper: 'A4', min: 1, max: 2 },
      source: '003 §6.4',
    },
    {
      code: 'form_3',
      name: { ja: '様式3 実証内容及び実証計画', en: 'Form 3 Content and plan' },
      phase: 'application',
      format: 'designated_excel',
      pages: { paper: 'A4', min: 1, max: 2 },
      note: { ja: '様式本体の注記は「A4 3枚程度」', en: 'The form itself says about 3 pages' },
      source: '003 §6.4',
    },
    {
      code: 'form_4_1',
      name: { ja: '様式4-1 事業予算書（実証事業用）', en: 'Form 4-1 Budget (demonstration)' },
      phase: 'application',
      format: 'designated_excel',
      pages: { paper: 'A4', min: 1, max: 2 },
      source: '003 §6.4',
    },
    {
      code: 'form_4_2',
      name: { ja: '様式4-2 事業予算書（協議会運営用）', en: 'Form 4-2 Budget (council)' },
      phase: 'application',
      format: 'designated_excel',
      pages: { paper: 'A4', min: 1, max: 2 },
      source: '003 §6.4',
    },
    {
      code: 'attachment_1_concept',
      name: { ja: '添付資料1 建築物の基本構想図', en: 'Attachment 1 Concept drawing' },
      phase: 'application',
      format: 'pdf',
      pages: { paper: 'A3', max: 1, approximate: true },
      source: '003 §6.4, 注3)',
    },
    {
      code: 'attachment_1_drawings',
      name: {
        ja: '添付資料1 平面図・立面図・断面図・詳細図等',
        en: 'Attachment 1 Plans, elevations, sections, details',
      },
      phase: 'application',
      format: 'pdf',
      pages: { paper: 'A3', max: 10, approximate: true },
      omissibleWhen: when.isFalse('includesBuildingDemo'),
      note: {
        ja: '設計実証・性能実証で提出できない場合は省略可',
        en: 'May be omitted for design/performance demonstrations',
      },
      source: '003 §6.4, 注3)',
    },
    {
      code: 'attachment_2',
      name: { ja: '添付資料2 建築主等及び協議会運営者の会社案内等', en: 'Attachment 2 Company profiles' },
      phase: 'application',
      format: 'any',
      perParty: true,
      source: '003 §6.4, 注4)',
    },
    {
      code: 'attachment_3',
      name: {
        ja: '添付資料3 誓約書（資金調達の方法、意思決定を証する書類を含む）',
        en: 'Attachment 3 Pledge (with funding method and decision evidence)',
      },
      phase: 'application',
      format: 'designated_form',
      source: '003 §6.4, 注5)',
    },
    {
      code: 'attachment_4',
      name: { ja: '添付書類4 用地確保の見込みを示す書類', en: 'Attachment 4 Land-availability evidence' },
      phase: 'application',
      format: 'any',
      source: '003 §6.4, 注6)',
    },
    {
      code: 'attachment_5',
      name: {
        ja: '添付書類5 建築物木材利用促進協定の締結がわかる書類',
        en: 'Attachment 5 Wood-use agreement',
      },
      phase: 'application',
      format: 'any',
      requiredWhen: when.isTrue('woodUseAgreement'),
      source: '003 §6.4',
    },
    {
      code: 'attachment_6',
      name: {
        ja: '添付様式6 環境負荷低減の取組に関するチェックシート',
        en: 'Attachment 6 Environmental checklist',
      },
      phase: 'application',
      format: 'pdf',
      perParty: true,
      source: '003 §6.4, 注7)',
    },
    {
      code: 'financial_statements',
      name: {
        ja: '建築主等の直近2年程度の財務諸表（貸借対照表・損益計算書）',
        en: 'Owner’s financial statements, about 2 years',
      },
      phase: 'application',
      format: 'any',
      source: '003 §6.4, 注8)',
    },
  ],
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
