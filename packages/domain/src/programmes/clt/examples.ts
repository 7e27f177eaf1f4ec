import { ENVIRONMENTAL_CHECKLIST } from '../shared/checklist';
import { ZCltContent, type TCltContent } from '../content/schema';

/**
 * The worked examples of seeds/003 (様式1–3, 様式4-1, 様式4-2 記載例) as budget input: the tests
 * reproduce their totals to the yen, and the demo data and browser tests fill the portal with them.
 */
/** Facts of the worked example (様式1–3 記載例), with what the example leaves blank filled in as eligible. */
export const CLT_EXAMPLE_FACTS = {
  mainUse: '事務所',
  mainUseDetachedHouse: false,
  storeys: 4,
  totalFloorAreaM2: 1200,
  firstTimeCltDesignerOrContractor: true, // 様式3 6. CLT設計経験: なし
  usesExistingModel: true, // 様式3 1.5) CLTパネル工法普及モデル 4階建て
  ownerPlansFurtherBuildings: true, // 様式3 5. あり
  constructionCertainAfterDesign: true,
  councilExamines: true,
  contentClear: true,
  costComparison: true,
  plannedCompletion: '2027-02-19',
  fundingPlanClear: true,
  landSecured: true,
  councilOperatorIsIndividual: false,
  councilOperatorCanAccount: true,
  ownerIsCouncilOperator: false, // (株)〇〇木材 and 〇〇設計(株)
  otherNationalSubsidy: 'none', // 様式3 4. なし
  applicantIsCommitteeMember: false,
  isStructureNotBuilding: false,
  councilEngineers: 2,
};

/**
 * 様式4-1 記載例: 需用費 1,100,000 + 役務費 38,500,000 + 使用料 0 = 39,600,000 (税込);
 * 助成額 10,800,000 (建築 9,000,000 / 設計 900,000 / 性能 900,000); 自己負担額 28,800,000.
 * The form gives only these totals; the split of the building's 役務費 over work types below is
 * ours (all ○ for the CLT panel method), chosen so every total of the form is met.
 */
export const CLT_FORM_4_1 = {
  cltUse: 'panel_only',
  building: {
    lines: [
      {
        id: 'b1',
        category: 'supplies',
        description: '建築材料（材料支給）CLTパネル',
        amount: 1_100_000,
        unitPrice: 110_000,
        quantity: 10,
      },
      {
        id: 'b2',
        category: 'services',
        description: '仮設工事',
        amount: 2_200_000,
        workType: 'temporary',
        unitPrice: 2_200_000,
        quantity: 1,
      },
      {
        id: 'b3',
        category: 'services',
        description: '基礎工事',
        amount: 5_500_000,
        workType: 'concrete',
        unitPrice: 5_500_000,
        quantity: 1,
      },
      {
        id: 'b4',
        category: 'services',
        description: '木工事',
        amount: 3_300_000,
        workType: 'carpentry',
        unitPrice: 3_300_000,
        quantity: 1,
      },
      {
        id: 'b5',
        category: 'services',
        description: 'CLT工事',
        amount: 17_600_000,
        workType: 'clt',
        unitPrice: 17_600_000,
        quantity: 1,
      },
      {
        id: 'b6',
        category: 'services',
        description: '屋根工事',
        amount: 3_300_000,
        workType: 'roofing',
        unitPrice: 3_300_000,
        quantity: 1,
      },
    ],
  },
  design: {
    lines: [
      {
        id: 'd1',
        category: 'services',
        description: '構造設計費',
        amount: 3_300_000,
        designItem: 'structural_design',
        unitPrice: 110_000,
        quantity: 30,
      },
    ],
  },
  performance: {
    lines: [
      {
        id: 'p1',
        category: 'services',
        description: '試験手数料',
        amount: 3_300_000,
        unitPrice: 330_000,
        quantity: 10,
      },
    ],
  },
};

/**
 * 様式4-2 記載例: 技術者給 800,000, 旅費 110,000, 需用費 11,000, 役務費 55,000, 使用料 55,000 =
 * 1,031,000 (税込); 助成額 1,010,000; 自己負担額 21,000. The unit × quantity splits are ours
 * (the form shows ○千円×○人日).
 */
export const CLT_FORM_4_2 = {
  council: {
    lines: [
      {
        id: 'c1',
        category: 'engineer_pay',
        description: '担当者人件費',
        amount: 800_000,
        unitPrice: 40_000,
        quantity: 20,
      },
      {
        id: 'c2',
        category: 'travel',
        description: '会議出席旅費',
        amount: 110_000,
        unitPrice: 22_000,
        quantity: 5,
      },
      {
        id: 'c3',
        category: 'supplies',
        description: '資料印刷費',
        amount: 11_000,
        unitPrice: 2_200,
        quantity: 5,
      },
      {
        id: 'c4',
        category: 'services',
        description: '会議資料郵送料',
        amount: 55_000,
        unitPrice: 11_000,
        quantity: 5,
      },
      {
        id: 'c5',
        category: 'rentals',
        description: '会議室使用料',
        amount: 55_000,
        unitPrice: 11_000,
        quantity: 5,
      },
    ],
  },
};

/** A CLT application filled in as the 記載例 of seeds/003, ready to submit. */
export function cltExampleApplicationContent(): TCltContent {
  // A fresh parse is a deep copy: callers edit it freely without touching the examples.
  return ZCltContent.parse({
    programme: 'clt_demonstration',
    applicant: {
      name: '株式会社〇〇木材',
      representative: '代表取締役 〇〇 〇〇',
      address: '東京都千代田区〇〇1-1-1',
      contactName: '〇〇 〇〇',
      contactEmail: 'tanto@example.jp',
      contactPhone: '03-0000-0000',
    },
    building: { site: '〇〇県〇〇市〇〇町1-1', structure: 'CLTパネル工法 4階建て（壁・床・屋根）' },
    plan: {
      content: 'CLTパネル工法普及モデルによる4階建て事務所の実証',
      schedule: '令和8年6月着工、令和9年2月竣工',
    },
    pledge: { agreed: true },
    checklist: {
      answers: Object.fromEntries(ENVIRONMENTAL_CHECKLIST.items.map((i) => [String(i.no), 'will_do'])),
      acknowledged: true,
    },
    grant: {
      facts: {
        ...CLT_EXAMPLE_FACTS,
        hasRoofAndColumnsOrWalls: true,
        includesBuildingDemo: true,
        includesDesignDemo: true,
        includesPerformanceDemo: true,
      },
      rate: { requested: 'standard' },
      ...CLT_FORM_4_1,
      ...CLT_FORM_4_2,
    },
  });
}
