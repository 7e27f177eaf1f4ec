import { ZYearMonth, type YearMonth } from '@tsumiki/domain/ccus';
import { useSearchParams } from 'react-router';
import { defaultPeriod } from './period';

/** The period lives in the address (?fy=2025&asOf=2026-01), so a view can be shared or bookmarked. */
export function usePeriod() {
  const [params, setParams] = useSearchParams();
  const fallback = defaultPeriod(new Date());
  const fy = Number(params.get('fy'));
  const asOf = ZYearMonth.safeParse(params.get('asOf'));
  const period = {
    fiscalYear: Number.isInteger(fy) && fy >= 2018 && fy <= 2100 ? fy : fallback.fiscalYear,
    asOf: asOf.success ? asOf.data : fallback.asOf,
  };
  const setPeriod = (next: { fiscalYear: number; asOf: YearMonth }) =>
    setParams((p) => {
      p.set('fy', String(next.fiscalYear));
      p.set('asOf', next.asOf);
      return p;
    });
  return { period, setPeriod, latest: fallback };
}
