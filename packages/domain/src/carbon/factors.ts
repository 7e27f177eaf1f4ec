import { z } from 'zod';
import { ZUnit } from './units';

/**
 * Data types of an emission factor, best first. The order is the 原単位整備方針's (seeds/002
 * l.475–505): EPD, then CFP with third-party review, then CFP without review, then the national
 * default, with IO-based statistics (AIJ's 産業連関 data, l.2099–2101) as the fallback. Within EPD a
 * company's own declaration ranks above the industry average: it describes the actual product
 * (l.516–520: 個社製品データ is used once products are procured).
 */
export const DATA_TYPES = [
  'epd_company',
  'epd_industry',
  'cfp_reviewed',
  'cfp_unreviewed',
  'national_default',
  'generic',
  'io_statistic',
] as const;
export type TDataType = (typeof DATA_TYPES)[number];
export const ZDataType = z.enum(DATA_TYPES, { error: 'carbon.data_type_unknown' });
export const DATA_TYPE_RANK: Record<TDataType, number> = {
  epd_company: 0,
  epd_industry: 1,
  cfp_reviewed: 2,
  cfp_unreviewed: 3,
  national_default: 4,
  generic: 5,
  io_statistic: 6,
};
export const DATA_TYPE_NAMES: Record<TDataType, { ja: string; en: string }> = {
  epd_company: { ja: 'EPD（個社製品データ）', en: 'EPD (company)' },
  epd_industry: { ja: 'EPD（業界代表データ）', en: 'EPD (industry average)' },
  cfp_reviewed: { ja: 'CFP（第三者レビューあり）', en: 'CFP, third-party reviewed' },
  cfp_unreviewed: { ja: 'CFP（第三者レビューなし）', en: 'CFP, not reviewed' },
  national_default: { ja: '国のデフォルト値', en: 'National default' },
  generic: { ja: 'ジェネリックデータ（公表値からの推計）', en: 'Generic (derived from published figures)' },
  io_statistic: { ja: '産業連関分析法による統計値', en: 'Input–output statistic' },
};

/**
 * One step of how a generic factor was built from published figures: what was multiplied by
 * what, the kg-CO2e per declared unit it contributes, and the document the figure comes from.
 */
export const ZDerivationStep = z.object({
  ja: z.string().min(1),
  en: z.string().min(1),
  kgCo2e: z.number().finite(),
  source: z.string().min(1),
});
export type TDerivationStep = z.infer<typeof ZDerivationStep>;

/** Data types that may carry the ×1.1–×1.3 uplift of generic (default) data. */
export const UPLIFTED_TYPES: readonly TDataType[] = ['national_default', 'generic'];

/** Modules an EPD may declare beyond A1–A3, per declared unit (kg-CO2e). */
export const DECLARED_MODULES = ['a4', 'a5', 'c1', 'c2', 'c3', 'c4', 'd'] as const;
export type TDeclaredModule = (typeof DECLARED_MODULES)[number];

export function isRealDate(s: string): boolean {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}
/** A calendar date, "2026-04-01" (a date that exists: no 30 February). */
export const ZIsoDate = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, { message: 'carbon.date_invalid' })
  .refine(isRealDate, { message: 'carbon.date_invalid' });
const positive = z
  .number({ error: 'carbon.number_invalid' })
  .finite()
  .positive({ message: 'carbon.number_not_positive' });

export const ZEmissionFactor = z
  .object({
    id: z.string().min(1, { message: 'carbon.factor_id_required' }),
    /** What BoQ lines refer to; several factors (EPDs, defaults) may share one key. */
    materialKey: z.string().min(1, { message: 'carbon.material_key_required' }),
    nameJa: z.string().min(1),
    nameEn: z.string().min(1),
    productCategory: z.string().min(1),
    declaredUnit: ZUnit,
    /** A1–A3 in kg-CO2e per declared unit, as its source declares it; null only for a gap. */
    a1a3: z.number().finite().nonnegative({ message: 'carbon.factor_negative' }).nullable(),
    /** Later modules where the source declares them; they replace the scenario's estimate. */
    modules: z.partialRecord(z.enum(DECLARED_MODULES), z.number().finite()).optional(),
    dataType: ZDataType,
    owner: z.string().min(1),
    /** Citation precise enough to find the number again. */
    source: z.string().min(1),
    /** Required for values; a gap has nothing published yet. */
    publishedOn: ZIsoDate.optional(),
    validUntil: ZIsoDate.optional(),
    /** Biogenic carbon stored in the product, kg-CO2e per declared unit (≤ 0); never netted. */
    biogenicStorage: z.number().finite().nonpositive({ message: 'carbon.storage_positive' }).optional(),
    density: positive.optional(),
    densityNote: z.string().optional(),
    thickness: positive.optional(),
    kgPerPiece: positive.optional(),
    kgPerMetre: positive.optional(),
    /** Defaults are industry values uplifted ×1.1–×1.3 (seeds/002 l.2161–2166); recorded, applied to A1–A3. */
    uplift: z
      .object({
        factor: z
          .number()
          .min(1.1, { message: 'carbon.uplift_out_of_range' })
          .max(1.3, { message: 'carbon.uplift_out_of_range' }),
        basis: z.string().min(1),
      })
      .optional(),
    /** For generic factors: the published figures the value is built from, step by step (Σ = a1a3). */
    derivation: z.array(ZDerivationStep).optional(),
    /** A material in the library that has no citable value yet. */
    gap: z.boolean().default(false),
    gapReason: z.string().optional(),
    notes: z.string().optional(),
  })
  .superRefine((f, ctx) => {
    if (!f.gap && f.a1a3 === null)
      ctx.addIssue({ code: 'custom', message: 'carbon.factor_value_required', path: ['a1a3'] });
    if (f.gap && f.a1a3 !== null)
      ctx.addIssue({ code: 'custom', message: 'carbon.factor_gap_has_value', path: ['a1a3'] });
    if (!f.gap && f.publishedOn === undefined)
      ctx.addIssue({ code: 'custom', message: 'carbon.date_invalid', path: ['publishedOn'] });
    if (f.uplift && !UPLIFTED_TYPES.includes(f.dataType))
      ctx.addIssue({ code: 'custom', message: 'carbon.uplift_not_default', path: ['uplift'] });
    // Generic data is conservative by construction (the German rule in the 参考資料): never without its uplift.
    if (f.dataType === 'generic' && !f.gap && !f.uplift)
      ctx.addIssue({ code: 'custom', message: 'carbon.generic_needs_uplift', path: ['uplift'] });
    if (f.derivation && f.a1a3 !== null) {
      const sum = f.derivation.reduce((t, step) => t + step.kgCo2e, 0);
      if (Math.abs(sum - f.a1a3) > 1e-6 * Math.max(1, Math.abs(f.a1a3)))
        ctx.addIssue({ code: 'custom', message: 'carbon.derivation_mismatch', path: ['derivation'] });
    }
  });
export type TEmissionFactor = z.infer<typeof ZEmissionFactor>;
export type TEmissionFactorInput = z.input<typeof ZEmissionFactor>;

/** A1–A3 as used: the declared value times the recorded uplift, if any. */
export const effectiveA1a3 = (f: TEmissionFactor): number | null =>
  f.a1a3 === null ? null : f.a1a3 * (f.uplift?.factor ?? 1);

/** The same calendar date `years` earlier (29 Feb falls back to 28 Feb). */
export function yearsBefore(iso: string, years: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y - years, m - 1, d));
  if (date.getUTCMonth() !== m - 1) date.setUTCDate(0);
  return date.toISOString().slice(0, 10);
}

/**
 * Product data should be renewed at least every five years (seeds/002 l.523), so a factor
 * published more than five years before the assessment date is flagged. The date is passed in:
 * the engine never reads the clock, so an assessment reproduces.
 */
export const FACTOR_MAX_AGE_YEARS = 5;
export function isOlderThanFiveYears(
  f: Pick<TEmissionFactor, 'publishedOn'>,
  assessmentDate: string,
): boolean {
  return f.publishedOn !== undefined && f.publishedOn < yearsBefore(assessmentDate, FACTOR_MAX_AGE_YEARS);
}
export function isExpired(f: Pick<TEmissionFactor, 'validUntil'>, assessmentDate: string): boolean {
  // ISO dates compare as strings.
  return f.validUntil !== undefined && f.validUntil < assessmentDate;
}

/** Factors by id and by material key, built once per library. */
export interface TFactorIndex {
  byId: Map<string, TEmissionFactor>;
  byMaterial: Map<string, TEmissionFactor[]>;
}
export function indexFactors(...libraries: readonly (readonly TEmissionFactor[])[]): TFactorIndex {
  const byId = new Map<string, TEmissionFactor>();
  // Later libraries (the project's own factors) replace earlier entries with the same id.
  for (const library of libraries) for (const f of library) byId.set(f.id, f);
  const byMaterial = new Map<string, TEmissionFactor[]>();
  for (const f of byId.values()) {
    const list = byMaterial.get(f.materialKey);
    if (list) list.push(f);
    else byMaterial.set(f.materialKey, [f]);
  }
  return { byId, byMaterial };
}

export type TSelection =
  | {
      ok: true;
      factor: TEmissionFactor;
      pinned: boolean;
      expired: boolean;
      olderThan5Years: boolean;
      alternatives: number;
    }
  | {
      ok: false;
      reason: 'material_unknown' | 'factor_not_found' | 'factor_missing';
      gapReason?: string | undefined;
    };

/**
 * The factor a line uses: the pinned one if the line names one; otherwise the best available
 * for its material by data type, preferring factors still valid on the assessment date, then the
 * most recently published, then the id (so the choice is stable). The lowest value never decides:
 * that would reward picking numbers. Gap entries are never chosen; a material with only gaps is
 * reported as missing a factor, not given a made-up one.
 */
export function selectFactor(
  index: TFactorIndex,
  materialKey: string,
  pinnedId: string | undefined,
  assessmentDate: string,
): TSelection {
  if (pinnedId !== undefined) {
    const pinned = index.byId.get(pinnedId);
    if (!pinned) return { ok: false, reason: 'factor_not_found' };
    if (pinned.gap) return { ok: false, reason: 'factor_missing', gapReason: pinned.gapReason };
    return {
      ok: true,
      factor: pinned,
      pinned: true,
      expired: isExpired(pinned, assessmentDate),
      olderThan5Years: isOlderThanFiveYears(pinned, assessmentDate),
      alternatives:
        index.byMaterial.get(materialKey)?.filter((f) => !f.gap && f.id !== pinned.id).length ?? 0,
    };
  }
  const candidates = index.byMaterial.get(materialKey);
  if (!candidates) return { ok: false, reason: 'material_unknown' };
  let best: TEmissionFactor | undefined;
  let bestExpired = true;
  let usable = 0;
  for (const f of candidates) {
    if (f.gap) continue;
    usable++;
    const expired = isExpired(f, assessmentDate);
    if (best === undefined || better(f, expired, best, bestExpired)) {
      best = f;
      bestExpired = expired;
    }
  }
  if (!best)
    return { ok: false, reason: 'factor_missing', gapReason: candidates.find((f) => f.gap)?.gapReason };
  return {
    ok: true,
    factor: best,
    pinned: false,
    expired: bestExpired,
    olderThan5Years: isOlderThanFiveYears(best, assessmentDate),
    alternatives: usable - 1,
  };
}

function better(f: TEmissionFactor, fExpired: boolean, g: TEmissionFactor, gExpired: boolean): boolean {
  if (fExpired !== gExpired) return !fExpired;
  const rank = DATA_TYPE_RANK[f.dataType] - DATA_TYPE_RANK[g.dataType];
  if (rank !== 0) return rank < 0;
  const fp = f.publishedOn ?? '';
  const gp = g.publishedOn ?? '';
  if (fp !== gp) return fp > gp;
  return f.id < g.id;
}

/** Every usable factor for a material, best first: what the factor picker shows. */
export function rankFactors(
  index: TFactorIndex,
  materialKey: string,
  assessmentDate: string,
): TEmissionFactor[] {
  const list = (index.byMaterial.get(materialKey) ?? []).filter((f) => !f.gap);
  return list.sort((a, b) => {
    const ea = isExpired(a, assessmentDate);
    const eb = isExpired(b, assessmentDate);
    if (better(a, ea, b, eb)) return -1;
    if (better(b, eb, a, ea)) return 1;
    return 0;
  });
}
