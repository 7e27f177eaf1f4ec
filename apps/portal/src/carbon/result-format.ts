/** A change as a signed percentage to one decimal; '—' where there is nothing to compare against. */
export const percent = (v: number | null, locale: string) =>
  v === null
    ? '—'
    : new Intl.NumberFormat(locale === 'en' ? 'en-US' : 'ja-JP', {
        style: 'percent',
        maximumFractionDigits: 1,
        signDisplay: 'exceptZero',
      }).format(v);

/** Kilograms of CO2e, per m² or per m²·year, as the results show them. */
export type FormatKg = (v: number, per?: '' | 'm2' | 'm2year') => string;
