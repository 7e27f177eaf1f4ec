import { Text } from '@mantine/core';
import { DataTable, displayYen, type DataColumn } from '@tsumiki/ui';
import { useTranslation } from 'react-i18next';

export interface YenFigure {
  readonly key: string;
  readonly label: string;
  readonly yen: number;
  /** The amount's test id, for tests that read one figure. */
  readonly testId?: string;
}

/** A short list of named amounts (a grant's figures, a programme's budget) as a two-column table: item as row header, amount right-aligned. */
export function YenFigures({ figures, label, 'data-testid': testId }: { figures: readonly YenFigure[]; label: string; 'data-testid'?: string }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language === 'en' ? 'en' : 'ja';
  const columns: DataColumn<YenFigure>[] = [
    { id: 'item', header: t('figures.item'), rowHeader: true, cell: (f) => f.label },
    { id: 'amount', header: t('figures.amount'), align: 'right', cell: (f) => <span data-testid={f.testId}>{displayYen(f.yen, locale)}</span> },
  ];
  return <DataTable data={figures} columns={columns} rowKey={(f) => f.key} label={label} empty={<Text c="dimmed">{t('figures.none')}</Text>} striped={false} data-testid={testId} />;
}
