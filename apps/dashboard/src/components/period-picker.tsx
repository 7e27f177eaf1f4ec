import { Group, NativeSelect } from '@mantine/core';
import { monthsOfFiscalYear, type YearMonth } from '@tsumiki/domain/ccus';
import { displayFiscalYear } from '@tsumiki/ui';
import { useTranslation } from 'react-i18next';
import { displayMonth } from '../lib/period';

/** Fiscal year and as-of month; months after the latest reported one are not offered. */
export function PeriodPicker({
  value,
  latest,
  onChange,
}: {
  value: { fiscalYear: number; asOf: YearMonth };
  latest: { fiscalYear: number; asOf: YearMonth };
  onChange: (next: { fiscalYear: number; asOf: YearMonth }) => void;
}) {
  const { t, i18n } = useTranslation();
  const years = Array.from({ length: 5 }, (_, i) => latest.fiscalYear - i);
  const monthsOf = (fy: number) => monthsOfFiscalYear(fy).filter((m) => m <= latest.asOf);
  return (
    <Group gap="sm" align="end">
      <NativeSelect
        label={t('period.fiscalYear')}
        value={String(value.fiscalYear)}
        data={years.map((y) => ({ value: String(y), label: displayFiscalYear(y, i18n.language) }))}
        onChange={(e) => {
          const fiscalYear = Number(e.currentTarget.value);
          onChange({ fiscalYear, asOf: monthsOf(fiscalYear).at(-1)! });
        }}
      />
      <NativeSelect
        label={t('period.asOf')}
        value={value.asOf}
        data={monthsOf(value.fiscalYear).map((m) => ({ value: m, label: displayMonth(m, i18n.language) }))}
        onChange={(e) => onChange({ fiscalYear: value.fiscalYear, asOf: e.currentTarget.value })}
      />
    </Group>
  );
}
