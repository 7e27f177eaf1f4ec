import type { TCarbonResult } from './result';
import {
  JCAT_ROWS,
  MODULE_NAMES,
  MODULES,
  STAGE_GROUP_NAMES,
  STAGE_GROUPS,
  sumModules,
  type TModuleValues,
  type TStageGroup,
} from './modules';

export interface TComparisonRow {
  key: string;
  ja: string;
  en: string;
  baseline: number;
  proposal: number;
  /** proposal − baseline: negative is a reduction (the ▲ of the Sendai table). */
  difference: number;
  /** difference ÷ baseline as a fraction; null when the baseline is 0. */
  change: number | null;
}

export interface TComparison {
  basis: 'total' | 'perM2';
  modules: TComparisonRow[];
  /** J-CAT's display rows (B4–B5 and C1–C4 together), as in the Sendai table. */
  jcatRows: TComparisonRow[];
  stages: TComparisonRow[];
  d: TComparisonRow;
  biogenicStorage: TComparisonRow;
}

const row = (key: string, ja: string, en: string, baseline: number, proposal: number): TComparisonRow => {
  const difference = proposal - baseline;
  return {
    key,
    ja,
    en,
    baseline,
    proposal,
    difference,
    change: baseline === 0 ? null : difference / baseline,
  };
};

/**
 * Baseline against proposal, module by module, in absolute terms or per m² (designs of different
 * floor area compare per m²). Like the Sendai city-hall table (seeds/002 l.2471–2485), each row
 * shows both values and the difference; the whole-life row is the sum of the module rows.
 */
export function compareResults(
  baseline: TCarbonResult,
  proposal: TCarbonResult,
  basis: 'total' | 'perM2' = 'total',
): TComparison {
  const values = (r: TCarbonResult): TModuleValues => (basis === 'total' ? r.modules : r.perM2.modules);
  const stagesOf = (r: TCarbonResult) => (basis === 'total' ? r.stages : r.perM2.stages);
  const b = values(baseline);
  const p = values(proposal);
  return {
    basis,
    modules: MODULES.map((m) => row(m, MODULE_NAMES[m].ja, MODULE_NAMES[m].en, b[m], p[m])),
    jcatRows: JCAT_ROWS.map((r) =>
      row(r.key, r.ja, r.key, sumModules(b, r.modules), sumModules(p, r.modules)),
    ),
    stages: (Object.keys(STAGE_GROUPS) as TStageGroup[]).map((g) =>
      row(g, STAGE_GROUP_NAMES[g].ja, STAGE_GROUP_NAMES[g].en, stagesOf(baseline)[g], stagesOf(proposal)[g]),
    ),
    d: row('D', MODULE_NAMES.D.ja, MODULE_NAMES.D.en, b.D, p.D),
    biogenicStorage: row(
      'storage',
      '炭素貯蔵量',
      'Biogenic carbon storage',
      stagesOf(baseline).biogenicStorage,
      stagesOf(proposal).biogenicStorage,
    ),
  };
}
