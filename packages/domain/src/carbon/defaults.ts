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
  source: string;
  sourceStatus: TSourceStatus;
  basis?: string;
}

const SENDAI = 'seeds/002 l.2471–2485 (仙台市役所本庁舎, per-stage kg-CO2e/m²)';

/** The one table of scenario defaults. Override any entry through the scenario input. */
export const SCENARIO_DEFAULTS = {
  a4Rate: {
    id: 'a4Rate',
    value: 0.02,
    source: SENDAI,
    sourceStatus: 'assumption',
    basis:
      'A4 as a share of A1–A3 (J-CAT uses a 工事分倍率 whose value seeds/002 does not give). In the Sendai case A4 is 30 against A1–A3 of 1,244 / 1,317 kg/m² (2.3–2.4%); rounded to one figure.',
  },
  a5Rate: {
    id: 'a5Rate',
    value: 0.06,
    source: SENDAI,
    sourceStatus: 'assumption',
    basis: 'A5 as a share of A1–A3. In the Sendai case A5 is 76 / 79 against 1,244 / 1,317 kg/m² (6.0–6.1%).',
  },
  maintenancePerYear: {
    id: 'maintenancePerYear',
    value: 0,
    source: 'seeds/002 l.1971 (J-CAT input table: B2 維持保全 「—」)',
    sourceStatus: 'cited',
    basis:
      'J-CAT takes no input for B2; enter an annual figure when maintenance is assessed (the Sendai case reports one).',
  },
  repairRatePerYear: {
    id: 'repairRatePerYear',
    value: { '1': 0, '2': 0, '3': 0.002, '4': 0.002, '5': 0.002, '6': 0.002 },
    source: SENDAI,
    sourceStatus: 'assumption',
    basis:
      'B3 per year as a share of the category’s A1–A3 (J-CAT: 修繕率 × 更新周期, values not published). In the Sendai case B3 is 124 against A1–A3 of 1,244 kg/m² over 60 years ≈ 0.0017 a year; rounded to 0.002 for categories 3–6. Temporary works (1) are removed at completion and earthworks/foundations (2) are not repaired.',
  },
  replacementCycleYears: {
    id: 'replacementCycleYears',
    // null: lasts the whole evaluation period. Sub-item entries override their category.
    value: { '1': null, '2': null, '3': null, '4': 30, '4.4': null, '5': 20, '5.5': null, '6': 15 },
    source: 'assumption',
    sourceStatus: 'assumption',
    basis:
      'Round service lives: structure, foundations and insulation last the building; external finishes 30 years, internal finishes 20, other items (equipment) 15. J-CAT’s 更新周期 are not in seeds/002. In the Sendai case B4–B5 is 304 against A1–A3 of 1,244 kg/m² (about a quarter), the order these give when finishes are about a quarter of A1–A3.',
  },
  refurbishment: {
    id: 'refurbishment',
    value: 0,
    source: 'assumption',
    sourceStatus: 'assumption',
    basis: 'No refurbishment (B5) unless one is planned and entered.',
  },
  reuseRate: {
    id: 'reuseRate',
    value: { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0, '6': 0 },
    source: 'assumption',
    sourceStatus: 'assumption',
    basis:
      'No reuse at end of life unless the design provides for it; reuse earns the only module-D credit we assume.',
  },
  recyclingRate: {
    id: 'recyclingRate',
    value: { '1': 0.9, '2': 0.9, '3': 0.95, '4': 0.6, '5': 0.6, '6': 0.6 },
    source: 'assumption',
    sourceStatus: 'assumption',
    basis:
      'Round figures: concrete and steel from structure and foundations are almost all recycled in Japan, mixed finishes much less. MLIT’s 建設副産物実態調査 publishes the measured rates; enter them for a cited figure.',
  },
  endOfLifePerKg: {
    id: 'endOfLifePerKg',
    value: { c1: 0.005, c2: 0.005, c3: 0.01, c4: 0.01 },
    source: SENDAI,
    sourceStatus: 'assumption',
    basis:
      'kg-CO2e per kg of material: C1 demolition, C2 transport of waste, C3 processing of the recycled share, C4 disposal of the rest. Chosen so C1–C4 is about 0.02 kg-CO2e/kg, which for about 1.5 t of material per m² gives about 30 kg/m², the order of the Sendai case (33 kg/m²).',
  },
} as const satisfies Record<string, TSourced<unknown>>;

export type TScenarioDefaultId = keyof typeof SCENARIO_DEFAULTS;
