import { when } from '../shared/conditions';
import { defineProgramme } from '../shared/definition';

/**
 * 令和7年度 CO2原単位等の策定に係る支援 (seeds/001, 募集要領 第2版, 令和7年10月), as data.
 * The rules that cannot be data (licence proration, shared costs, the per-factor caps) are in compute.ts.
 */

/** The four kinds of factor 001 §2.1 supports, in the document's order 1)–4). */
export const FACTOR_KINDS = ['epd_cfp_verified', 'cfp_unverified', 'pcr', 'calculation_rule'] as const;
export type TFactorKind = (typeof FACTOR_KINDS)[number];
export const FACTOR_KIND_NAMES: Record<TFactorKind, { no: number; ja: string; en: string }> = {
  epd_cfp_verified: {
    no: 1,
    ja: 'EPD又はCFP（ISO14025に基づく第三者検証を経るもの）',
    en: 'EPD or CFP verified by a third party under ISO 14025',
  },
  cfp_unverified: {
    no: 2,
    ja: 'CFP（CFPガイドライン等に基づき算定し、第三者の検証を受けないもの）',
    en: 'CFP under the METI/MoE guideline or an industry rule, not verified',
  },
  pcr: { no: 3, ja: 'PCR（ISO14025に準拠し策定されるもの）', en: 'PCR developed under ISO 14025' },
  calculation_rule: {
    no: 4,
    ja: 'PCR以外のCO2原単位算定ルール',
    en: 'Another calculation rule made by an industry body',
  },
};

/** The five cost categories of 001 §2.4 ①–⑤. */
export const CO2_CATEGORIES = ['personnel', 'database', 'verification', 'publication', 'tool'] as const;
export type TCo2Category = (typeof CO2_CATEGORIES)[number];

/** Databases 001 §2.1 names as appropriately managed (適切に管理されたデータベース); "等" allows others. */
export const MANAGED_DATABASES = ['AIJ-LCA', '3EID', 'AIST-IDEA'] as const;

/** ¥20,000: a database or tool at or above this that stays usable after the project needs two more forms (001 §4.3(2)(5)). */
export const RESIDUAL_VALUE_THRESHOLD = 20_000;

const kindIs = (kind: TFactorKind) => when.eq('kind', kind);

export const CO2_FACTOR_SUPPORT = defineProgramme({
  code: 'co2_factor_support',
  engine: 'co2_factor',
  name: {
    ja: '令和7年度 CO2原単位等の策定に係る支援',
    en: 'FY2025 support for developing CO2 emission factors',
  },
  operator: {
    ja: '一般社団法人環境共生まちづくり協会',
    en: 'Japan Sustainable Community Association (for MLIT)',
  },
  fiscalYear: 2025,
  sourceDocument: '001',
  money: {
    taxBasis: 'tax_inclusive',
    grantRoundingUnit: 1,
    formUnit: 1,
    explanation: {
      ja: '限度額は税込みで定められています（一のCO2原単位等につき4,000千円、一事業者1,000万円）。支援は業務請負契約で行われるため、消費税を含む経費をそのまま支援対象とし、限度額と比べます。',
      en: 'The caps are stated tax-inclusive (¥4,000 thousand per factor, ¥10M per applicant). The support is paid under a service contract, so tax-inclusive costs are compared with the caps as they are.',
    },
    source: '001 §2.5',
  },
  windows: [
    {
      id: 'fy2025',
      opensAt: '2025-04-01T00:00',
      closesAt: '2025-12-25T00:00',
      label: {
        ja: '令和7年4月1日(火)から令和7年12月24日(水)まで（予算終了次第早めに終了）',
        en: '1 April to 24 December 2025 (may close early when the budget runs out)',
      },
      closesEarlyWhenBudgetExhausted: true,
      source: '001 §3.2(1)',
    },
  ],
  projectPeriod: {
    starts: {
      ja: '承認通知受理後から成果報告まで（承認通知から業務請負契約締結までの経費も対象）',
      en: 'From receipt of the approval notice to the results report (costs between approval and the contract count too)',
    },
    source: '001 §3.1, §4.2',
  },
  // The call gives no budget figure; acceptance still stops once approved totals reach it (§2.6).
  budget: { amount: null, approximate: false, expectedProjects: null, source: '001 §2.6' },
  costCategories: [
    {
      code: 'personnel',
      name: { ja: '① CO2原単位等策定に係る人件費', en: '① Personnel cost for developing the factor' },
      taxTreatment: 'non_taxable',
      notes: [
        {
          ja: '他の事業者に委託した場合は、委託費のうち人件費相当分のみ。委託費の内訳（人工・作業時間等）を示す書類が必要。',
          en: 'If outsourced, only the personnel share of the contract, with a breakdown of person-days or hours.',
        },
        {
          ja: '成果報告時: 従事期間の給与支払総額・従事割合等を記載した書類、源泉徴収票の写し。給与支払帳簿・出勤簿・活動記録は10年間保存。',
          en: 'At the report: pay and share of time per person, withholding slips; payroll, attendance and activity records kept 10 years.',
        },
      ],
      source: '001 §2.4①, §4.2(1), §4.3(1)',
    },
    {
      code: 'database',
      name: {
        ja: '② CO2原単位等策定に必要なデータベース利用費',
        en: '② Database licences needed to develop the factor',
      },
      taxTreatment: 'taxable',
      notes: [
        {
          ja: '利用契約は承認通知日以降に行うこと。成果報告までの利用料が対象。ただし利用契約（購入の場合は耐用年数）が1年以下なら全額が対象。',
          en: 'The contract must start on/after the approval date. Fees up to the results report count; a contract (or useful life) of one year or less counts in full.',
        },
        {
          ja: '2万円以上で事業終了後も利用可能な場合は、継続利用の承認申請書と残存価値の算定書類が必要。',
          en: '¥20,000 or more and usable after the project: request for approval of continued use and residual-value statement needed.',
        },
      ],
      source: '001 §2.4②, §4.2(2), §4.3(2)',
    },
    {
      code: 'verification',
      name: { ja: '③ 第三者検証費用', en: '③ Third-party verification (ISO 14025)' },
      taxTreatment: 'taxable',
      notes: [
        {
          ja: 'ISO14025に基づく第三者検証に必要な費用。他の事業者への委託費を含む。',
          en: 'Verification under ISO 14025, including outsourcing.',
        },
      ],
      source: '001 §2.4③, §4.2(3)',
    },
    {
      code: 'publication',
      name: { ja: '④ CO2原単位等公開費用', en: '④ Publication costs' },
      taxTreatment: 'taxable',
      notes: [
        {
          ja: '例: EPDプログラムの加盟料。公開は承認通知日から成果報告までに行うこと。',
          en: 'E.g. EPD programme membership; publication between approval and the results report.',
        },
      ],
      source: '001 §2.4④, §4.2(4)',
    },
    {
      code: 'tool',
      name: { ja: '⑤ CO2原単位等の策定に係る算定ツール利用料', en: '⑤ Calculation-tool licences' },
      taxTreatment: 'taxable',
      notes: [
        {
          ja: '利用契約は承認通知日以降。成果報告までの利用料が対象。利用契約（購入の場合は耐用年数）が1年以下なら全額。',
          en: 'Contract on/after approval; fees to the results report; one year or less counts in full.',
        },
        {
          ja: '2万円以上で事業終了後も利用可能な場合は、継続利用の承認申請書と残存価値の算定書類が必要。',
          en: '¥20,000 or more and usable after the project: two extra forms.',
        },
      ],
      source: '001 §2.4⑤, §4.2(5), §4.3(5)',
    },
  ],
  sections: [
    {
      code: 'factor_development',
      name: { ja: 'CO2原単位等の策定', en: 'Developing emission factors' },
      categories: ['personnel', 'database', 'verification', 'publication', 'tool'],
      rates: [
        {
          id: 'full_cost',
          rate: { numerator: 1, denominator: 1 },
          basis: 'fixed_amount',
          name: { ja: '支援対象経費の全額（限度額まで）', en: 'The eligible cost in full, up to the caps' },
          source: '001 §2.4, §2.5',
        },
      ],
      source: '001 §2.4',
    },
  ],
  caps: [
    {
      id: 'per_factor',
      scope: 'per_item',
      itemKind: 'factor',
      amount: 4_000_000,
      taxIncluded: true,
      name: { ja: '一のCO2原単位等につき4,000千円（税込み）', en: '¥4,000 thousand per factor (tax incl.)' },
      source: '001 §2.5',
    },
    {
      id: 'per_applicant',
      scope: 'per_applicant',
      amount: 10_000_000,
      taxIncluded: true,
      name: { ja: '一事業者1,000万円（税込み）', en: '¥10M per applicant (tax incl.)' },
      source: '001 §2.5',
    },
  ],
  eligibility: [
    {
      code: 'eligibility.co2.factor_required',
      text: { ja: '策定するCO2原単位等が1件以上あること', en: 'At least one factor is to be developed' },
      requires: when.gte('factorCount', 1),
      level: 'required',
      source: '001 §2.1',
    },
    {
      code: 'eligibility.co2.several_product_categories',
      text: {
        ja: '複数の製品カテゴリに渡って策定する場合は個別に相談すること',
        en: 'Factors across several product categories need an individual consultation',
      },
      requires: when.lte('productCategoryCount', 1),
      level: 'notice',
      source: '001 §2.5',
    },
  ],
  itemEligibility: [
    {
      code: 'eligibility.co2.kind1_verification',
      text: {
        ja: '1) EPD又はCFPはISO14025に基づく第三者検証を経ること',
        en: '1) The EPD or CFP is verified by a third party under ISO 14025',
      },
      appliesWhen: kindIs('epd_cfp_verified'),
      requires: when.isTrue('iso14025Verification'),
      level: 'required',
      source: '001 §2.1 1)',
    },
    {
      code: 'eligibility.co2.kind3_iso14025',
      text: { ja: '3) PCRはISO14025に準拠して策定すること', en: '3) The PCR follows ISO 14025' },
      appliesWhen: kindIs('pcr'),
      requires: when.isTrue('iso14025Compliant'),
      level: 'required',
      source: '001 §2.1 3)',
    },
    {
      code: 'eligibility.co2.kind2_data_type',
      text: {
        ja: '2) 個社製品データ（個社製品群データ）か業界代表データかが明確であること',
        en: '2) Company-product (or product-group) data or industry-representative data, clearly stated',
      },
      appliesWhen: kindIs('cfp_unverified'),
      requires: when.in('dataType', ['company_product', 'company_product_group', 'industry_representative']),
      level: 'required',
      source: '001 §2.1 2)',
    },
    {
      code: 'eligibility.co2.kind2_background_database',
      text: {
        ja: '2) 既存データを参照する場合は適切に管理されたデータベース（AIJ-LCA、3EID、AIST-IDEA等）を参照すること',
        en: '2) Existing data comes from a managed database (AIJ-LCA, 3EID, AIST-IDEA…)',
      },
      appliesWhen: when.all(kindIs('cfp_unverified'), when.isTrue('usesExistingData')),
      requires: when.isTrue('backgroundDatabaseManaged'),
      level: 'required',
      source: '001 §2.1 2)',
    },
    {
      code: 'eligibility.co2.kind2_industry_average',
      text: {
        ja: '2) 業界代表データは業界平均値を原則とし、平均より大きく設定する場合はその事情を示すこと',
        en: '2) Industry data is the industry average unless a reason (e.g. prompting company data) is given for setting it higher',
      },
      appliesWhen: when.all(kindIs('cfp_unverified'), when.eq('dataType', 'industry_representative')),
      requires: when.any(
        when.eq('industryValueSetting', 'average'),
        when.all(when.eq('industryValueSetting', 'above_average'), when.present('aboveAverageReason')),
      ),
      level: 'required',
      source: '001 §2.1 2)',
    },
    {
      code: 'eligibility.co2.refresh_five_years',
      text: {
        ja: '少なくとも5年ごとに更新すること（望ましい）',
        en: 'Refreshed at least every 5 years (recommended)',
      },
      appliesWhen: when.in('kind', ['cfp_unverified', 'calculation_rule']),
      requires: when.lte('refreshIntervalYears', 5),
      level: 'recommended',
      source: '001 §2.1 2) 4)',
    },
    {
      code: 'eligibility.co2.kind2_third_party_review',
      text: {
        ja: '2) 製品別算定ルールへの準拠について第三者レビューを受けること（望ましい。個社製品データは特に望ましい）',
        en: '2) Third-party review of conformity to the product rule (recommended; especially for company data)',
      },
      appliesWhen: kindIs('cfp_unverified'),
      requires: when.isTrue('thirdPartyReview'),
      level: 'recommended',
      source: '001 §2.1 2)',
    },
    {
      code: 'eligibility.co2.kind4_cradle_to_gate',
      text: {
        ja: '4) 算定範囲は原材料調達から製造（出荷）まで（A1〜A3）を基本とすること',
        en: '4) The scope is cradle to gate (A1–A3)',
      },
      appliesWhen: kindIs('calculation_rule'),
      requires: when.includesAll('stages', ['A1', 'A2', 'A3']),
      level: 'required',
      source: '001 §2.1 4)',
    },
    {
      code: 'eligibility.co2.kind4_a1a3_separate',
      text: {
        ja: '4) 出荷以降も対象とする場合は、A1〜A3の排出量を独立して明示すること',
        en: '4) If later stages are included, A1–A3 is still shown on its own',
      },
      appliesWhen: when.all(kindIs('calculation_rule'), when.isTrue('coversBeyondA3')),
      requires: when.isTrue('a1a3ShownSeparately'),
      level: 'required',
      source: '001 §2.1 4)',
    },
    {
      code: 'eligibility.co2.kind4_cfp_guideline',
      text: {
        ja: '4) CFPガイドラインに準拠すること（望ましい）',
        en: '4) Follows the CFP guideline (recommended)',
      },
      appliesWhen: kindIs('calculation_rule'),
      requires: when.isTrue('followsCfpGuideline'),
      level: 'recommended',
      source: '001 §2.1 4)',
    },
    {
      code: 'eligibility.co2.kind4_iso21930',
      text: {
        ja: '4) 建築物のみで使用される建材・設備はISO 21930のモジュール分割に準拠すること（望ましい）',
        en: '4) Building-only products follow the ISO 21930 module split (recommended)',
      },
      appliesWhen: when.all(kindIs('calculation_rule'), when.isTrue('buildingOnlyProduct')),
      requires: when.isTrue('iso21930ModuleSplit'),
      level: 'recommended',
      source: '001 §2.1 4)',
    },
    {
      code: 'eligibility.co2.kind4_industry_body',
      text: {
        ja: '4) 算定ルールは個社単体より業界団体が整備すること（望ましい）',
        en: '4) The rule is made by an industry body rather than one company (recommended)',
      },
      appliesWhen: kindIs('calculation_rule'),
      requires: when.eq('ruleMadeBy', 'industry_body'),
      level: 'recommended',
      source: '001 §2.1 4)',
    },
    {
      code: 'eligibility.co2.kind4_company_follows_generic',
      text: {
        ja: '4) 個社が整備する場合は、CFPガイドラインや建材・設備汎用ルールがあれば当該ルールに準拠すること',
        en: '4) A company rule follows the CFP guideline or the generic material/equipment rule where one exists',
      },
      appliesWhen: when.all(
        kindIs('calculation_rule'),
        when.eq('ruleMadeBy', 'company'),
        when.isTrue('genericRuleExists'),
      ),
      requires: when.isTrue('followsGenericRule'),
      level: 'required',
      source: '001 §2.1 4)',
    },
    {
      code: 'eligibility.co2.developed_by_report',
      text: {
        ja: '成果報告までにCO2原単位等を策定すること（公開を翌年度とする場合も同じ）',
        en: 'The factor is developed by the results report (even if publication moves to next year)',
      },
      requires: when.isTrue('developedByReport'),
      level: 'required',
      source: '001 §2.2',
    },
    {
      code: 'eligibility.co2.publication_schedule',
      text: {
        ja: '翌年度に公開する場合は、公開時期の目処を示すこと（翌年度に公開が確認されない場合は原則返還）',
        en: 'If publication moves to next year, give the expected date (the grant is in principle reclaimed if it does not happen)',
      },
      appliesWhen: when.eq('publication', 'next_fiscal_year'),
      requires: when.present('expectedPublicationOn'),
      level: 'required',
      source: '001 §2.2, §4.1',
    },
    {
      code: 'eligibility.co2.priority_reviewed_data',
      text: {
        ja: '国として優先的に支援するのは、外部レビューを経た算定ルール及び第三者検証／レビューを受けたデータ',
        en: 'Priority goes to externally reviewed rules and third-party verified or reviewed data',
      },
      requires: when.any(
        when.isTrue('iso14025Verification'),
        when.isTrue('thirdPartyReview'),
        when.isTrue('iso14025Compliant'),
      ),
      level: 'notice',
      source: '001 §2.1',
    },
  ],
  requiredDocuments: [
    {
      code: 'product_outline',
      name: { ja: '原単位等を策定する製品の概要', en: 'Product outline' },
      phase: 'application',
      format: 'designated_form',
      source: '001 §3.2(2)①',
    },
    {
      code: 'parties',
      name: {
        ja: '関係者・業界団体等の構成員の概要（構想段階でも可）',
        en: 'Parties and member companies (may be at concept stage)',
      },
      phase: 'application',
      format: 'designated_form',
      source: '001 §3.2(2)②',
    },
    {
      code: 'schedule',
      name: {
        ja: '策定に係る検討及び原単位等の公開スケジュール',
        en: 'Schedule of development and publication',
      },
      phase: 'application',
      format: 'designated_form',
      source: '001 §3.2(2)③',
    },
    {
      code: 'quote',
      name: { ja: '支援申請額に係る見積書（5費目）', en: 'Quote for the amount requested (five categories)' },
      phase: 'application',
      format: 'any',
      source: '001 §3.2(2)④',
    },
    {
      code: 'report_product_outline',
      name: { ja: '原単位等を策定した製品の概要', en: 'Outline of the products' },
      phase: 'results_report',
      format: 'designated_form',
      source: '001 §4.1',
    },
    {
      code: 'report_parties',
      name: { ja: '関係者・業界団体等の構成員の概要', en: 'Parties and members' },
      phase: 'results_report',
      format: 'designated_form',
      source: '001 §4.1',
    },
    {
      code: 'publication_evidence',
      name: {
        ja: '策定したCO2原単位等の公開情報（HP等の写しで可）',
        en: 'Publication evidence (a copy of the web page will do)',
      },
      phase: 'results_report',
      format: 'any',
      requiredWhen: when.eq('publication', 'results_report'),
      source: '001 §4.1',
    },
    {
      code: 'publication_schedule',
      name: {
        ja: '検討及び原単位等の公開スケジュール（翌年度公開の場合）',
        en: 'Development and publication schedule (when publishing next year)',
      },
      phase: 'results_report',
      format: 'designated_form',
      requiredWhen: when.eq('publication', 'next_fiscal_year'),
      source: '001 §4.1',
    },
    {
      code: 'personnel_statement',
      name: {
        ja: '担当者の給与支払総額、従事割合、支援対象経費等を記載した書類（源泉徴収票の写し）',
        en: 'Pay, share of time and eligible cost per person (with withholding slips)',
      },
      phase: 'results_report',
      format: 'designated_form',
      requiredWhen: when.isTrue('hasPersonnelCost'),
      source: '001 §4.3(1)',
    },
    {
      code: 'licence_evidence',
      name: {
        ja: 'データベース・算定ツールの利用開始（購入）時期、利用期間、支払額、支払事実がわかる書類',
        en: 'Licence start, period, amount and proof of payment',
      },
      phase: 'results_report',
      format: 'any',
      requiredWhen: when.isTrue('hasLicenceCost'),
      source: '001 §4.3(2)(5)',
    },
    {
      code: 'continued_use_approval_request',
      name: {
        ja: '支援事業完了後も利用するものとして国土交通大臣の承認を申請する旨の書類',
        en: 'Request for ministerial approval of continued use',
      },
      phase: 'results_report',
      format: 'designated_form',
      requiredWhen: when.isTrue('residualValueFormsNeeded'),
      source: '001 §4.3(2)(5)',
    },
    {
      code: 'residual_value_statement',
      name: { ja: '事業終了時点での残存価値を算定した書類', en: 'Residual value at the end of the project' },
      phase: 'results_report',
      format: 'designated_form',
      requiredWhen: when.isTrue('residualValueFormsNeeded'),
      source: '001 §4.3(2)(5)',
    },
    {
      code: 'verification_statement',
      name: {
        ja: '第三者検証を行う者、検証に要した費用等を記載した書類',
        en: 'Verifier and verification cost',
      },
      phase: 'results_report',
      format: 'designated_form',
      requiredWhen: when.isTrue('hasVerificationCost'),
      source: '001 §4.3(3)',
    },
    {
      code: 'publication_cost_evidence',
      name: {
        ja: '公開時期、公開期間、支払額、支払事実がわかる書類',
        en: 'Publication date, period, amount and proof of payment',
      },
      phase: 'results_report',
      format: 'any',
      requiredWhen: when.isTrue('hasPublicationCost'),
      source: '001 §4.3(4)',
    },
  ],
  retention: [
    {
      what: { ja: '帳簿及び証拠書類', en: 'Accounts and vouchers' },
      years: 10,
      from: 'end_of_grant_fiscal_year',
      source: '001 §5.2',
    },
    {
      what: { ja: '応募・申請の電子メール', en: 'Submission e-mails' },
      years: 5,
      from: 'end_of_grant_fiscal_year',
      source: '001 §3.2(3)⑤',
    },
  ],
  notes: [
    {
      ja: '複数のCO2原単位等を策定する場合、共通してかかった費目を重複して計上することは不可（例1〜3: EPD2件 → 限度額2件分、同一製品のPCRとEPD → 2件分）。',
      en: 'Costs shared by several factors may be claimed once only (examples 1–3: two EPDs → two caps; a PCR and an EPD for one product → two caps).',
      source: '001 §2.5',
    },
    {
      ja: '承認額に対して実績が大きく下回り悪質と認められる場合、その後の住宅局の補助事業等で不利な扱いをすることがある。',
      en: 'A result far below the approved amount may be treated as bad faith in later programmes.',
      source: '001 §3.5',
    },
    {
      ja: '提出は電子メール（押印不要、担当者複数名を含める、正式提出である旨を記載、着信確認）。',
      en: 'Submission by e-mail: no seal, several responsible persons copied, a formal statement, receipt confirmed.',
      source: '001 §3.2(3)',
    },
  ],
});
