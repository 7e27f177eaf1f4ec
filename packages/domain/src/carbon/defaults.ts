/**
 * A default value with where it comes from. `cited` values are stated in the source named;
 * `assumption` values are ours, chosen as explained in `basis` because J-CAT's own defaults
 * (工事分倍率, 修繕率, 更新周期, リユース率 …) are not published in seeds/002. Every assumption an
 * assessment relies on is listed in its result, so the screen and the report can say so.
 */
export type TSourceStatus = 'cited' | 'assumption';
export interface TSourced<T> {
  id: string;
  value: T;
  /** The document the value comes from, by its title and section. */
  source: string;
  sourceStatus: TSourceStatus;
  basis?: string;
  /** What the screens and reports call it, and the reasoning in Japanese. */
  name?: { ja: string; en: string };
  basisJa?: string;
}

const SENDAI = '第四次答申 参考資料「仙台市役所本庁舎」のライフサイクルステージ毎のGHG排出量（kg-CO2e/m²）';
const JCAT_INPUTS = '第四次答申 参考資料「J-CATの入力項目」（B2 維持保全：「—」）';

/** The one table of scenario defaults. Override any entry through the scenario input. */
export const SCENARIO_DEFAULTS = {
  a4Rate: {
    id: 'a4Rate',
    name: { ja: 'A4の割合', en: 'A4 share' },
    basisJa: 'A1–A3に対するA4の割合です（J-CATは工事分倍率を使いますが、その値は第四次答申に示されていません）。仙台市役所本庁舎の例ではA1–A3の1,244／1,317 kg/m²に対しA4が30（2.3〜2.4%）で、1桁に丸めました。',
    value: 0.02,
    source: SENDAI,
    sourceStatus: 'assumption',
    basis:
      'A4 as a share of A1–A3 (J-CAT uses a 工事分倍率 whose value the 第四次答申 does not give). In the Sendai case A4 is 30 against A1–A3 of 1,244 / 1,317 kg/m² (2.3–2.4%); rounded to one figure.',
  },
  a5Rate: {
    id: 'a5Rate',
    name: { ja: 'A5の割合', en: 'A5 share' },
    basisJa: 'A1–A3に対するA5の割合です。仙台市役所本庁舎の例ではA1–A3の1,244／1,317 kg/m²に対しA5が76／79（6.0〜6.1%）です。',
    value: 0.06,
    source: SENDAI,
    sourceStatus: 'assumption',
    basis: 'A5 as a share of A1–A3. In the Sendai case A5 is 76 / 79 against 1,244 / 1,317 kg/m² (6.0–6.1%).',
  },
  maintenancePerYear: {
    id: 'maintenancePerYear',
    name: { ja: '維持保全（B2）', en: 'Maintenance (B2)' },
    basisJa: 'J-CATはB2を入力しません。維持保全を評価するときは年間の値を入力してください（仙台市役所本庁舎の例には値があります）。',
    value: 0,
    source: JCAT_INPUTS,
    sourceStatus: 'cited',
    basis:
      'J-CAT takes no input for B2; enter an annual figure when maintenance is assessed (the Sendai case reports one).',
  },
  repairRatePerYear: {
    id: 'repairRatePerYear',
    name: { ja: '修繕率（B3）', en: 'Repair rate (B3)' },
    basisJa: '工事科目ごとのA1–A3に対する年間のB3の割合です（J-CATは修繕率×更新周期で、値は非公表）。仙台市役所本庁舎の例では60年でB3が124、A1–A3が1,244 kg/m²で年0.0017程度のため、3〜6は0.002に丸めました。直接仮設（1）は竣工時に撤去、土工・地業（2）は修繕しません。',
    value: { '1': 0, '2': 0, '3': 0.002, '4': 0.002, '5': 0.002, '6': 0.002 },
    source: SENDAI,
    sourceStatus: 'assumption',
    basis:
      'B3 per year as a share of the category’s A1–A3 (J-CAT: 修繕率 × 更新周期, values not published). In the Sendai case B3 is 124 against A1–A3 of 1,244 kg/m² over 60 years ≈ 0.0017 a year; rounded to 0.002 for categories 3–6. Temporary works (1) are removed at completion and earthworks/foundations (2) are not repaired.',
  },
  replacementCycleYears: {
    id: 'replacementCycleYears',
    name: { ja: '更新周期（B4）', en: 'Replacement cycle (B4)' },
    basisJa: '丸めた耐用年数です。構造・基礎・断熱は建物と同じ、外部仕上げ30年、内部仕上げ20年、その他（設備等）15年。J-CATの更新周期は第四次答申に示されていません。仙台市役所本庁舎の例ではB4–B5が304、A1–A3が1,244 kg/m²（約4分の1）で、仕上げがA1–A3の約4分の1のときこの値と同程度になります。',
    // null: lasts the whole evaluation period. Sub-item entries override their category.
    value: { '1': null, '2': null, '3': null, '4': 30, '4.4': null, '5': 20, '5.5': null, '6': 15 },
    source: 'assumption',
    sourceStatus: 'assumption',
    basis:
      'Round service lives: structure, foundations and insulation last the building; external finishes 30 years, internal finishes 20, other items (equipment) 15. J-CAT’s 更新周期 are not published in the 第四次答申. In the Sendai case B4–B5 is 304 against A1–A3 of 1,244 kg/m² (about a quarter), the order these give when finishes are about a quarter of A1–A3.',
  },
  refurbishment: {
    id: 'refurbishment',
    name: { ja: '改修（B5）', en: 'Refurbishment (B5)' },
    basisJa: '改修を計画して入力しない限り、B5はありません。',
    value: 0,
    source: 'assumption',
    sourceStatus: 'assumption',
    basis: 'No refurbishment (B5) unless one is planned and entered.',
  },
  reuseRate: {
    id: 'reuseRate',
    name: { ja: 'リユース率', en: 'Reuse rate' },
    basisJa: '設計で見込まない限り、解体時のリユースはありません。リユースはモジュールDで見込む唯一の控除です。',
    value: { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0, '6': 0 },
    source: 'assumption',
    sourceStatus: 'assumption',
    basis:
      'No reuse at end of life unless the design provides for it; reuse earns the only module-D credit we assume.',
  },
  recyclingRate: {
    id: 'recyclingRate',
    name: { ja: 'リサイクル率', en: 'Recycling rate' },
    basisJa: '丸めた値です。構造・基礎のコンクリートと鉄はほぼすべて再資源化され、混合した仕上げ材はずっと低くなります。実測値は国土交通省「建設副産物実態調査」にあり、入力すれば出典のある値になります。',
    value: { '1': 0.9, '2': 0.9, '3': 0.95, '4': 0.6, '5': 0.6, '6': 0.6 },
    source: 'assumption',
    sourceStatus: 'assumption',
    basis:
      'Round figures: concrete and steel from structure and foundations are almost all recycled in Japan, mixed finishes much less. MLIT’s 建設副産物実態調査 publishes the measured rates; enter them for a cited figure.',
  },
  endOfLifePerKg: {
    id: 'endOfLifePerKg',
    name: { ja: '解体・廃棄の原単位（C1–C4）', en: 'End-of-life factors (C1–C4)' },
    basisJa: '資材1 kgあたりのkg-CO2e：C1 解体、C2 廃棄物の運搬、C3 再資源化分の処理、C4 残りの処分。C1–C4で約0.02 kg-CO2e/kgとなるよう選び、1 m²あたり約1.5 tの資材で約30 kg/m²、仙台市役所本庁舎の例（33 kg/m²）と同程度です。',
    value: { c1: 0.005, c2: 0.005, c3: 0.01, c4: 0.01 },
    source: SENDAI,
    sourceStatus: 'assumption',
    basis:
      'kg-CO2e per kg of material: C1 demolition, C2 transport of waste, C3 processing of the recycled share, C4 disposal of the rest. Chosen so C1–C4 is about 0.02 kg-CO2e/kg, which for about 1.5 t of material per m² gives about 30 kg/m², the order of the Sendai case (33 kg/m²).',
  },
} as const satisfies Record<string, TSourced<unknown>>;

export type TScenarioDefaultId = keyof typeof SCENARIO_DEFAULTS;
