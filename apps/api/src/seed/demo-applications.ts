import { cltExampleApplicationContent, type TApplicationContent, type TCltContent } from '@tsumiki/domain/programmes';

/**
 * The demo's applications, each written to read as what its title says: the building's storeys and
 * use, the applicant's own name and a budget of its own size. All start from the worked example of
 * seeds/003 (so every form is complete and the rules find them eligible) and change what differs.
 */

type Applicant = { name: string; representative: string; address: string; contactName: string; contactEmail: string; contactPhone: string };

const SUGIYAMA: Applicant = {
  name: '杉山木材工業株式会社（デモ）',
  representative: '代表取締役 杉山 昌弘',
  address: '静岡県浜松市中央区〇〇町1-2-3',
  contactName: '杉山 美咲',
  contactEmail: 'applicant@demo.tsumiki.jp',
  contactPhone: '053-000-0000',
};
const TOHOKU: Applicant = {
  name: '東北CLT建設株式会社（デモ）',
  representative: '代表取締役 東 雄一',
  address: '宮城県仙台市青葉区〇〇1-1',
  contactName: '東 翔太',
  contactEmail: 'tohoku-clt@demo.tsumiki.jp',
  contactPhone: '022-000-0000',
};

const INSULATION: Applicant = {
  name: '一般社団法人日本断熱建材工業会（デモ）',
  representative: '会長 白石 和夫',
  address: '東京都中央区〇〇2-3-4',
  contactName: '白石 彩',
  contactEmail: 'insulation@demo.tsumiki.jp',
  contactPhone: '03-0000-2222',
};

/**
 * The demo applicants as their organisations' records hold them (by short name), the same
 * representative and address their forms start from.
 */
export const DEMO_APPLICANTS = { 杉山木材: SUGIYAMA, 東北CLT: TOHOKU, 断熱建材工業会: INSULATION } as const satisfies Record<string, Applicant>;

/** Sets a budget line's amount, keeping its unit price × quantity in step. */
function priced(content: TCltContent, section: 'building' | 'design' | 'performance' | 'council', id: string, unitPrice: number, quantity: number) {
  const line = content.grant?.[section]?.lines.find((l) => l.id === id);
  if (!line) throw new Error(`The worked example has no line ${id} in ${section}.`);
  Object.assign(line, { unitPrice, quantity, amount: unitPrice * quantity });
}

export interface DemoApplication {
  readonly organisation: string;
  readonly title: string;
  readonly content: TApplicationContent;
  /** Taken into review by the secretariat. */
  readonly underReview?: boolean;
  /** Then returned for correction with this reason, and resubmitted as `revised` (version 2). */
  readonly correction?: { readonly reason: string; readonly revised: TApplicationContent };
  /** Assigned to the demo committee member. */
  readonly assigned?: boolean;
  readonly minutesAgo: number;
}

/** 4階建て事務所, CLT panel method: the worked example's building, with a larger CLT works budget. */
function sugiyamaOffice(): TCltContent {
  const c = cltExampleApplicationContent();
  c.applicant = SUGIYAMA;
  c.building = { site: '静岡県浜松市中央区〇〇町2-1', structure: 'CLTパネル工法 4階建て（壁・床・屋根）' };
  c.plan = { content: 'CLTパネル工法普及モデルによる4階建て事務所の建築・設計・部材性能の実証', schedule: '令和8年6月着工、令和9年2月竣工' };
  priced(c, 'building', 'b5', 22_000_000, 1); // CLT工事 17,600,000 → 22,000,000
  priced(c, 'design', 'd1', 110_000, 36); // 構造設計費 3,300,000 → 3,960,000
  return c;
}

/** 2階建て店舗 with a performance test of CLT shear walls: the worked example's budget as it stands. */
function sugiyamaShop(): TCltContent {
  const c = cltExampleApplicationContent();
  c.applicant = SUGIYAMA;
  c.building = { site: '静岡県磐田市〇〇1-5', structure: 'CLTパネル工法 2階建て（CLT耐力壁・床）' };
  c.plan = { content: 'CLT耐力壁の面内せん断性能試験と、その耐力壁を用いた2階建て店舗の建築実証', schedule: '令和8年7月着工、令和9年2月竣工' };
  Object.assign(c.grant!.facts!, { mainUse: '店舗', storeys: 2, totalFloorAreaM2: 480 });
  return c;
}

/** 3階建て共同住宅 with CLT floor slabs, by another company: design and building, no performance test. */
function tohokuHousing(): TCltContent {
  const c = cltExampleApplicationContent();
  c.applicant = TOHOKU;
  c.building = { site: '宮城県仙台市若林区〇〇3-4', structure: 'CLTパネル工法 3階建て（CLT床版・壁）' };
  c.plan = { content: 'CLT床版を用いた3階建て共同住宅の設計と建築の実証（遮音性能の確認を含む）', schedule: '令和8年8月着工、令和9年2月竣工' };
  c.councilOperator = { name: '一般社団法人〇〇CLT協議会' };
  Object.assign(c.grant!.facts!, { mainUse: '共同住宅', storeys: 3, totalFloorAreaM2: 960, includesPerformanceDemo: false, usesExistingModel: false });
  c.grant!.performance = undefined;
  priced(c, 'building', 'b1', 110_000, 14); // CLTパネル 10 → 14
  priced(c, 'building', 'b3', 6_600_000, 1); // 基礎工事
  priced(c, 'building', 'b5', 19_800_000, 1); // CLT工事
  priced(c, 'design', 'd1', 110_000, 40); // 構造設計費
  return c;
}

/** 平屋の保育所 with a CLT roof, returned for its temporary works estimate and resubmitted lower. */
function tohokuNursery(): TCltContent {
  const c = cltExampleApplicationContent();
  c.applicant = TOHOKU;
  c.building = { site: '岩手県盛岡市〇〇2-8', structure: 'CLTパネル工法 平屋建て（CLT屋根版・壁）' };
  c.plan = { content: 'CLT屋根版を用いた平屋建て保育所の建築実証（大スパン屋根の施工合理化）', schedule: '令和8年9月着工、令和9年2月竣工' };
  Object.assign(c.grant!.facts!, { mainUse: '保育所', storeys: 1, totalFloorAreaM2: 620, includesDesignDemo: false, includesPerformanceDemo: false, usesExistingModel: false });
  c.grant!.design = undefined;
  c.grant!.performance = undefined;
  priced(c, 'building', 'b2', 3_300_000, 1); // 仮設工事
  priced(c, 'building', 'b5', 12_100_000, 1); // CLT工事
  priced(c, 'building', 'b6', 4_400_000, 1); // 屋根工事
  return c;
}

function tohokuNurseryRevised(): TCltContent {
  const c = tohokuNursery();
  priced(c, 'building', 'b2', 2_750_000, 1); // 仮設工事 3,300,000 → 2,750,000 after the return
  c.plan = { ...c.plan, schedule: '令和8年9月着工、令和9年2月竣工（仮設計画を見直し）' };
  return c;
}

/** A CO2 application: EPDs for two insulation products (001 §2.5, 例1), the costs split over them. */
function insulationEpd(): TApplicationContent {
  const epd = (id: string, product: string) => ({
    id,
    kind: 'epd_cfp_verified' as const,
    product,
    productCategory: '断熱材',
    iso14025Verification: true,
    developedByReport: true,
    publication: 'results_report' as const,
  });
  return {
    programme: 'co2_factor_support',
    applicant: { ...INSULATION },
    outline: {
      purpose: '押出法ポリスチレンフォームと硬質ウレタンフォームの業界代表EPDを策定し、成果報告で公開する',
      parties: '工業会事務局、算定は会員企業2社と〇〇研究所（委託）、第三者検証は〇〇検証機関',
      schedule: '令和8年10月算定、令和8年12月検証、令和9年2月公開',
    },
    pledge: { agreed: true },
    grant: {
      applicant: { name: INSULATION.name, kind: 'industry_body' },
      period: { resultsReportDate: '2027-02-26' },
      factors: [epd('A', '押出法ポリスチレンフォーム'), epd('B', '硬質ウレタンフォーム')],
      lines: [
        { id: '1', category: 'personnel', description: '押出法ポリスチレンフォームの算定作業', factorId: 'A', amount: 3_200_000 },
        { id: '2', category: 'personnel', description: '硬質ウレタンフォームの算定作業', factorId: 'B', amount: 2_800_000 },
      ],
    },
  };
}

/**
 * A draft in progress, as an applicant leaves one between sittings: 様式1 and the outline written,
 * no factor or cost yet, so the form says what is still missing.
 */
export const DEMO_DRAFT = (): { organisation: keyof typeof DEMO_APPLICANTS; title: string; content: TApplicationContent } => ({
  organisation: '杉山木材',
  title: 'スギCLTパネルのEPD策定（杉山木材）',
  content: {
    programme: 'co2_factor_support',
    applicant: { ...SUGIYAMA },
    outline: {
      purpose: '自社工場で製造するスギCLTパネルの製品EPDを策定し、建築物のLCA算定に使える原単位として公開する',
      parties: '自社（製造データの収集）、算定は〇〇研究所（委託）、第三者検証は〇〇検証機関',
      schedule: '令和8年10月データ収集、令和8年12月算定・検証、令和9年2月公開',
    },
  },
});

export const DEMO_APPLICATIONS = (): DemoApplication[] => [
  { organisation: '杉山木材', title: 'CLTパネル工法 4階建て事務所の建築実証（杉山木材）', content: sugiyamaOffice(), assigned: true, minutesAgo: 180 },
  { organisation: '東北CLT', title: 'CLT床版を用いた3階建て共同住宅の設計・建築実証（東北CLT）', content: tohokuHousing(), minutesAgo: 120 },
  { organisation: '杉山木材', title: 'CLT耐力壁の性能実証と2階建て店舗（杉山木材）', content: sugiyamaShop(), minutesAgo: 60 },
  {
    organisation: '東北CLT',
    title: 'CLT屋根版を用いた平屋建て保育所の建築実証（東北CLT）',
    content: tohokuNursery(),
    underReview: true,
    correction: { reason: '様式4-1の仮設工事の見積根拠を示し、金額を見直してください。', revised: tohokuNurseryRevised() },
    minutesAgo: 2_880,
  },
  { organisation: '断熱建材工業会', title: '断熱材2製品のEPD策定（断熱建材工業会）', content: insulationEpd(), underReview: true, minutesAgo: 240 },
];
