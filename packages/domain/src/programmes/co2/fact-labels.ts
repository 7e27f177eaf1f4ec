import type { TText } from '../shared/definition';

const t = (ja: string, en: string): TText => ({ ja, en });

/**
 * What each factor's facts ask, in 001 §2.1's words: a requirement that cannot be judged names
 * what to answer in these words, never by the input's key.
 */
export const CO2_FACTOR_FACT_LABELS: Readonly<Record<string, TText>> = {
  iso14025Verification: t('ISO14025に基づく第三者検証を経るか', 'Verified by a third party under ISO 14025'),
  iso14025Compliant: t('PCRをISO14025に準拠して策定するか', 'The PCR follows ISO 14025'),
  dataType: t('データの種類（個社製品データ・個社製品群データ・業界代表データ）', 'Kind of data (company product, product group or industry representative)'),
  industryValueSetting: t('業界代表データの設定（業界平均値か、平均より大きく設定するか）', 'How the industry value is set (average or above)'),
  aboveAverageReason: t('業界平均より大きく設定する事情', 'Why the value is set above the industry average'),
  usesExistingData: t('既存データを参照するか', 'Whether existing data is used'),
  backgroundDatabase: t('参照するデータベース', 'Background database'),
  backgroundDatabaseManaged: t('参照するデータベースが適切に管理されているか', 'Whether the background database is managed'),
  thirdPartyReview: t('製品別算定ルールへの準拠について第三者レビューを受けるか', 'Third-party review of conformity to the product rule'),
  refreshIntervalYears: t('更新の間隔（年）', 'Refresh interval (years)'),
  stages: t('算定範囲（ライフサイクル段階）', 'Scope (life-cycle stages)'),
  coversBeyondA3: t('出荷以降（A4以降）も算定範囲とするか', 'Whether stages after A3 are included'),
  a1a3ShownSeparately: t('A1〜A3の排出量を独立して明示するか', 'Whether A1–A3 is shown on its own'),
  followsCfpGuideline: t('CFPガイドラインに準拠するか', 'Whether the CFP guideline is followed'),
  buildingOnlyProduct: t('建築物のみで使用される建材・設備か', 'Whether the product is used only in buildings'),
  iso21930ModuleSplit: t('ISO 21930のモジュール分割に準拠するか', 'Whether the ISO 21930 module split is followed'),
  ruleMadeBy: t('算定ルールを整備する者（業界団体・個社）', 'Who makes the rule (industry body or company)'),
  genericRuleExists: t('CFPガイドラインや建材・設備汎用ルールがあるか', 'Whether a generic rule exists'),
  followsGenericRule: t('汎用ルールに準拠するか', 'Whether the generic rule is followed'),
  developedByReport: t('成果報告までに策定するか', 'Developed by the results report'),
  publication: t('公開の時期（成果報告まで・翌年度）', 'When it is published (by the report or next year)'),
  expectedPublicationOn: t('公開時期の目処', 'Expected publication date'),
  factorCount: t('策定する原単位の件数', 'Number of factors'),
  productCategoryCount: t('製品区分の数', 'Number of product categories'),
};
