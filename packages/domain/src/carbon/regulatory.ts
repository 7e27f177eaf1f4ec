import { formatJapaneseDate, jstInstant } from '../time';
import { isRealDate } from './factors';
import type { TBuildingUse } from './period';

/**
 * The two duties the 第四次答申 proposes for building LCCO2 (seeds/002 l.1603–1621, also l.420–423
 * and l.1437): 届出 — the owner (建築主) files the assessment with the Minister of Land,
 * Infrastructure, Transport and Tourism by 14 days before construction starts, for offices of
 * 5,000 m² or more; 説明 — the architect (建築士) explains LCCO2 assessment to the owner before
 * construction, for non-residential buildings of 2,000 m² or more. Both cover new building and
 * extension/alteration (新築、増改築), not repair or remodelling (修繕・模様替). They are proposals
 * (the scheme aims to start in FY2028, l.1426); the result says so.
 */
export const LCCO2_NOTIFICATION = {
  minFloorAreaM2: 5000,
  uses: ['office'] as readonly TBuildingUse[],
  daysBeforeStart: 14,
  source: '第四次答申「届出制度」（5,000m²以上の事務所、着工14日前までに国土交通大臣に届出）',
} as const;
export const LCCO2_EXPLANATION = {
  minFloorAreaM2: 2000,
  source: '第四次答申「説明制度」（2,000m²以上の非住宅建築物、着工前に建築主に説明）',
} as const;

export type TWorks = 'new' | 'extension' | 'renovation';

export interface TDutyInput {
  use: TBuildingUse;
  /**
   * For new building, the gross floor area. For an extension, the area the rule should be applied
   * to: seeds/002 does not say whether that is the extension or the whole building (under the
   * energy-efficiency act it is the extension, l.3551 ※4), so the caller decides and passes it.
   */
  floorAreaM2: number;
  works: TWorks;
  /** Planned start of construction (着工), "2028-06-15". */
  constructionStart?: string;
}

export interface TDuty {
  applies: boolean;
  /** Why it applies or not, in both languages. */
  reasonJa: string;
  reasonEn: string;
  threshold: number;
  source: string;
}

export interface TDuties {
  status: 'proposed';
  statusNoteJa: string;
  notification: TDuty & {
    by: '建築主';
    to: '国土交通大臣';
    dueDate: string | null;
    dueDateJa: string | null;
  };
  explanation: TDuty & { by: '建築士'; to: '建築主'; before: string | null };
}

/** "2028-06-15" minus `days` calendar days. */
export function daysBefore(iso: string, days: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d - days)).toISOString().slice(0, 10);
}

const japaneseDate = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return formatJapaneseDate(jstInstant(y, m, d));
};

/** Which of 届出 and 説明 apply to a project, and by when. */
export function lcco2Duties(input: TDutyInput): TDuties {
  if (!(input.floorAreaM2 >= 0) || !Number.isFinite(input.floorAreaM2))
    throw new RangeError(`Invalid floor area ${input.floorAreaM2}`);
  if (input.constructionStart !== undefined && !isRealDate(input.constructionStart))
    throw new RangeError(`Invalid date ${input.constructionStart}`);
  const building = input.works !== 'renovation';
  const isOffice = LCCO2_NOTIFICATION.uses.includes(input.use);
  const nonResidential = input.use !== 'housing';

  const notifies = building && isOffice && input.floorAreaM2 >= LCCO2_NOTIFICATION.minFloorAreaM2;
  const due =
    notifies && input.constructionStart
      ? daysBefore(input.constructionStart, LCCO2_NOTIFICATION.daysBeforeStart)
      : null;
  const notification = {
    applies: notifies,
    reasonJa: !building
      ? '修繕・模様替は届出の対象外です（新築・増改築が対象）。'
      : !isOffice
        ? '届出の対象は事務所です。'
        : notifies
          ? `延床面積${input.floorAreaM2.toLocaleString('ja-JP')}m²の事務所（5,000m²以上）の新築・増改築です。着工の14日前までに国土交通大臣に届け出ます。`
          : `延床面積${input.floorAreaM2.toLocaleString('ja-JP')}m²で、5,000m²未満です。`,
    reasonEn: !building
      ? 'Repair and remodelling are outside the filing duty (new building and extension only).'
      : !isOffice
        ? 'The filing duty covers offices only.'
        : notifies
          ? `An office of ${input.floorAreaM2.toLocaleString('en-US')} m² (5,000 m² or more), new or extended: file with the minister 14 days before construction starts.`
          : `${input.floorAreaM2.toLocaleString('en-US')} m² is below 5,000 m².`,
    threshold: LCCO2_NOTIFICATION.minFloorAreaM2,
    source: LCCO2_NOTIFICATION.source,
    by: '建築主' as const,
    to: '国土交通大臣' as const,
    dueDate: due,
    dueDateJa: due ? japaneseDate(due) : null,
  };

  const explains = building && nonResidential && input.floorAreaM2 >= LCCO2_EXPLANATION.minFloorAreaM2;
  const explanation = {
    applies: explains,
    reasonJa: !building
      ? '修繕・模様替は説明の対象外です（新築・増改築が対象）。'
      : !nonResidential
        ? '説明の対象は住宅以外の建築物です。'
        : explains
          ? `延床面積${input.floorAreaM2.toLocaleString('ja-JP')}m²の非住宅建築物（2,000m²以上）です。建築士が着工前に建築主へLCCO₂評価について説明します。`
          : `延床面積${input.floorAreaM2.toLocaleString('ja-JP')}m²で、2,000m²未満です。`,
    reasonEn: !building
      ? 'Repair and remodelling are outside the explanation duty (new building and extension only).'
      : !nonResidential
        ? 'The explanation duty covers non-residential buildings only.'
        : explains
          ? `A non-residential building of ${input.floorAreaM2.toLocaleString('en-US')} m² (2,000 m² or more): the architect explains LCCO2 assessment to the owner before construction.`
          : `${input.floorAreaM2.toLocaleString('en-US')} m² is below 2,000 m².`,
    threshold: LCCO2_EXPLANATION.minFloorAreaM2,
    source: LCCO2_EXPLANATION.source,
    by: '建築士' as const,
    to: '建築主' as const,
    // "着工前": before the start date, with no fixed lead time (基本計画・基本設計時 or 実施設計時).
    before: explains ? (input.constructionStart ?? null) : null,
  };

  return {
    status: 'proposed',
    statusNoteJa:
      '第四次答申で示された制度案です（2028年度の制度開始を目指す）。施行時の規定で変わることがあります。',
    notification,
    explanation,
  };
}

/* ------------------------------------------------------------------------------------------ */
/* Energy performance (SPEC §5, seeds/002 省エネ).                                               */
/* ------------------------------------------------------------------------------------------ */

/**
 * 省エネ性能ラベル stars from BEI: one star at compliance (BEI ≤ 1.0) and one more for each further
 * 10% reduction (seeds/002 l.2012–2013). The cap is not in seeds/002: per MLIT's guideline for the
 * labelling scheme (建築物の販売・賃貸時の省エネ性能表示制度ガイドライン, 2023), homes without renewable
 * equipment go up to ★4 (BEI ≤ 0.7), homes with it and all non-residential buildings up to ★6
 * (BEI ≤ 0.5). BEI is compared with the printed thresholds, so 0.9 earns its star exactly.
 */
const STAR_THRESHOLDS = [1.0, 0.9, 0.8, 0.7, 0.6, 0.5] as const;
export function energyLabelStars(input: { bei: number; residential: boolean; renewables: boolean }): {
  stars: number;
  maxStars: number;
  compliant: boolean;
} {
  if (!Number.isFinite(input.bei) || input.bei < 0) throw new RangeError(`Invalid BEI ${input.bei}`);
  const maxStars = input.residential && !input.renewables ? 4 : 6;
  let stars = 0;
  while (stars < maxStars && input.bei <= STAR_THRESHOLDS[stars]!) stars++;
  return { stars, maxStars, compliant: stars >= 1 };
}

export type TZebRank = '『ZEB』' | 'Nearly ZEB' | 'ZEB Ready' | 'ZEB Oriented';

/**
 * ZEB rank by BEI (the ZEB definitions of 資源エネルギー庁 ZEBロードマップ検討委員会 (2015) and its
 * follow-up committee (2019), which added ZEB Oriented; seeds/002 names the ranks, l.2836–2841,
 * and the 0.6/0.7 by use, l.3406):
 *  - ZEB Ready: BEI excluding renewables ≤ 0.5 (a 50% cut);
 *  - Nearly ZEB: that, and BEI including renewables ≤ 0.25 (75%);
 *  - 『ZEB』: that, and BEI including renewables ≤ 0 (100%);
 *  - ZEB Oriented: 10,000 m² or more, BEI excluding renewables ≤ 0.6 (offices, schools, factories
 *    and warehouses: 工場等) or ≤ 0.7 (hotels, hospitals, retail), plus unevaluated technologies.
 * Homes are rated as ZEH, not here.
 */
export function zebRank(input: {
  use: TBuildingUse;
  floorAreaM2: number;
  beiExcludingRenewables: number;
  beiIncludingRenewables?: number;
  /** 未評価技術 adopted (needed for ZEB Oriented). */
  unevaluatedTechnologies?: boolean;
}): { rank: TZebRank | null; noteJa: string } {
  if (input.use === 'housing') return { rank: null, noteJa: '住宅はZEHの基準で評価します。' };
  const ex = input.beiExcludingRenewables;
  const incl = input.beiIncludingRenewables ?? ex;
  if (ex <= 0.5) {
    if (incl <= 0) return { rank: '『ZEB』', noteJa: '再エネ除きBEI≦0.5、再エネ含みBEI≦0' };
    if (incl <= 0.25) return { rank: 'Nearly ZEB', noteJa: '再エネ除きBEI≦0.5、再エネ含みBEI≦0.25' };
    return { rank: 'ZEB Ready', noteJa: '再エネ除きBEI≦0.5' };
  }
  const oriented: Partial<Record<TBuildingUse, number>> = {
    office: 0.6,
    school: 0.6,
    factory: 0.6,
    warehouse: 0.6,
    hotel: 0.7,
    hospital: 0.7,
    retail: 0.7,
  };
  const limit = oriented[input.use];
  if (input.floorAreaM2 >= 10_000 && limit !== undefined && ex <= limit) {
    if (input.unevaluatedTechnologies)
      return { rank: 'ZEB Oriented', noteJa: `延床10,000m²以上、再エネ除きBEI≦${limit}、未評価技術の導入` };
    return { rank: null, noteJa: `ZEB Orientedには未評価技術の導入が必要です（BEIは基準${limit}以下）。` };
  }
  return { rank: null, noteJa: 'ZEBの基準に達していません。' };
}

/**
 * 誘導基準 (the level for certified plans and subsidies) as a BEI excluding renewables
 * (seeds/002 l.3472–3479): homes −20% → 0.8; offices, schools, factories −40% → 0.6; hotels,
 * hospitals, department stores, restaurants, halls −30% → 0.7. Null for uses not listed.
 */
export function inducedStandardBei(use: TBuildingUse): number | null {
  const table: Partial<Record<TBuildingUse, number>> = {
    housing: 0.8,
    office: 0.6,
    school: 0.6,
    factory: 0.6,
    warehouse: 0.6,
    hotel: 0.7,
    hospital: 0.7,
    retail: 0.7,
  };
  return table[use] ?? null;
}

/** 断熱等性能等級 1–7 as the label shows it: seven house marks, grade 4 is compliance (seeds/002 l.2018–2019). */
export function insulationGradeDisplay(grade: number): {
  grade: number;
  of: 7;
  compliant: boolean;
  labelJa: string;
  labelEn: string;
  marks: string;
} {
  if (!Number.isInteger(grade) || grade < 1 || grade > 7)
    throw new RangeError(`Insulation grade must be 1–7, not ${grade}`);
  return {
    grade,
    of: 7,
    compliant: grade >= 4,
    labelJa: `断熱等性能等級${grade}`,
    labelEn: `Insulation grade ${grade} of 7`,
    marks: '■'.repeat(grade) + '□'.repeat(7 - grade),
  };
}
