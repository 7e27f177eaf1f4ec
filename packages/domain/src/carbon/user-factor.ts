import { z } from 'zod';
import { isRealDate, ZDataType, ZEmissionFactor, type TDataType, type TEmissionFactor } from './factors';
import { ZUnit } from './units';

/** Data types a user may state for a factor they enter (generic data and national defaults are the library's). */
export const USER_FACTOR_DATA_TYPES = ['epd_company', 'epd_industry', 'cfp_reviewed', 'cfp_unreviewed', 'io_statistic'] as const satisfies readonly TDataType[];

/**
 * The largest A1–A3 a user may enter, kg-CO2e per declared unit. The library's largest values are
 * a few tens of thousands per tonne or m³ (metals); ten times that is a slip of the keyboard, not a
 * product.
 */
export const USER_FACTOR_MAX = 200_000;
export const USER_FACTOR_SOURCE_MAX = 500;
/** Decimal places a value is typed with (EPDs declare a few). */
export const USER_FACTOR_DECIMALS = 6;

/**
 * A factor a user enters for a material the library has no value for: the value per the material's
 * declared unit (0 allowed: some products declare none), its data type, the source that lets anyone
 * find the number again, and its publication date. The portal's form checks this as typed; the API
 * checks every entered factor of a project against the same rules (ZProjectFactor).
 */
export const ZUserFactorEntry = z.object({
  // A blank field holds no number (null): named as missing, never read as 0.
  value: z
    .number()
    .nullable()
    .pipe(
      z
        .number({ error: 'carbon.user_factor_value_required' })
        .finite()
        .nonnegative({ message: 'carbon.factor_negative' })
        .max(USER_FACTOR_MAX, { message: 'carbon.user_factor_too_large' }),
    ),
  unit: ZUnit,
  dataType: ZDataType.refine((d) => (USER_FACTOR_DATA_TYPES as readonly TDataType[]).includes(d), { message: 'carbon.data_type_unknown' }),
  source: z
    .string()
    .trim()
    .min(1, { message: 'carbon.user_factor_source_required' })
    .max(USER_FACTOR_SOURCE_MAX, { message: 'carbon.user_factor_source_too_long' }),
  publishedOn: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'carbon.user_factor_date_invalid' })
    .refine(isRealDate, { message: 'carbon.user_factor_date_invalid' }),
});
export type TUserFactorEntry = z.output<typeof ZUserFactorEntry>;
export type TUserFactorEntryValues = z.input<typeof ZUserFactorEntry>;

/** The material a user factor fills in: the library's gap entry for it. */
type Gap = Pick<TEmissionFactor, 'materialKey' | 'nameJa' | 'nameEn' | 'productCategory' | 'declaredUnit'>;

/** The project's factor from an entry: named as entered by the user, owned by them, for the gap's material. */
export function userFactorOf(gap: Gap, entry: TUserFactorEntry, owner: string): TEmissionFactor {
  return {
    id: `user.${gap.materialKey}`,
    materialKey: gap.materialKey,
    nameJa: `${gap.nameJa}（利用者入力）`,
    nameEn: `${gap.nameEn} (entered by the user)`,
    productCategory: gap.productCategory,
    declaredUnit: entry.unit,
    a1a3: entry.value,
    dataType: entry.dataType,
    owner,
    source: entry.source,
    publishedOn: entry.publishedOn,
    gap: false,
  };
}

/** An entered factor as the form shows it again. */
export const userFactorEntryOf = (f: TEmissionFactor): TUserFactorEntryValues => ({ value: f.a1a3, unit: f.declaredUnit, dataType: f.dataType, source: f.source, publishedOn: f.publishedOn ?? '' });

const ENTRY_PATHS: Record<keyof TUserFactorEntry, string> = { value: 'a1a3', unit: 'declaredUnit', dataType: 'dataType', source: 'source', publishedOn: 'publishedOn' };

/**
 * A factor of the project's own, as the API takes it: a library-shaped factor that, when it was
 * entered by the user (its id says so), also passes the entry's rules, named at the factor's fields.
 */
export const ZProjectFactor = ZEmissionFactor.superRefine((f, ctx) => {
  if (!f.id.startsWith('user.')) return;
  const entry = ZUserFactorEntry.safeParse(userFactorEntryOf(f));
  if (entry.success) return;
  for (const issue of entry.error.issues) {
    const field = issue.path[0] as keyof TUserFactorEntry;
    ctx.addIssue({ code: 'custom', message: issue.message, path: [ENTRY_PATHS[field] ?? String(field)] });
  }
});
