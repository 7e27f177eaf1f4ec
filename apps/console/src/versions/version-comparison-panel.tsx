import { Badge, Card, Group, Select, Stack, Text, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { RouterOutputs } from '@tsumiki/api';
import { DataTable, displayJst, displayYen, QueryState, useTRPC, type DataColumn } from '@tsumiki/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

type Compared = RouterOutputs['review']['compareVersions'];
type Comparison = NonNullable<Compared['comparison']>;
type Text2 = { ja: string; en: string };

const AMOUNT_ORDER = ['requested', 'eligibleCost', 'base', 'grant', 'ownShare'] as const;

/**
 * 版の比較: any two submitted versions of the application (the last two to begin with), with what
 * changed in the form's own words and the amounts the programme's rules give on each version.
 */
export function VersionComparisonPanel({ applicationId }: { applicationId: string }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const [chosen, setChosen] = useState<{ from?: number; to?: number }>({});
  const compared = useQuery({ ...trpc.review.compareVersions.queryOptions({ applicationId, ...chosen }), placeholderData: keepPreviousData });
  return (
    <Card withBorder component="section" aria-labelledby="version-comparison-heading" data-testid="version-comparison">
      <Title order={2} id="version-comparison-heading">
        {t('versions.heading')}
      </Title>
      <QueryState query={compared}>
        {(c) =>
          c.comparison === null || c.from === null || c.to === null ? (
            <Text c="dimmed">{t('versions.onlyOne')}</Text>
          ) : (
            <Stack gap="md" mt="xs">
              <Text size="sm" c="dimmed">{t('versions.intro')}</Text>
              <VersionPicker compared={c} onChange={(from, to) => setChosen({ from, to })} />
              <Amounts comparison={c.comparison} from={c.from} to={c.to} />
              <FieldChanges comparison={c.comparison} />
              <LineChanges comparison={c.comparison} />
            </Stack>
          )
        }
      </QueryState>
    </Card>
  );
}

function useText() {
  const { i18n } = useTranslation();
  const en = i18n.language === 'en';
  return { text: (v: Text2) => (en ? v.en : v.ja), yen: (n: number) => displayYen(n, i18n.language) };
}

function VersionPicker({ compared, onChange }: { compared: Compared; onChange: (from: number, to: number) => void }) {
  const { t } = useTranslation();
  const data = compared.versions.map((v) => ({ value: String(v.versionNo), label: t('versions.version', { version: v.versionNo, at: displayJst(v.submittedAt) }) }));
  const [from, to] = [compared.from ?? 0, compared.to ?? 0];
  return (
    <Group grow align="flex-end">
      <Select label={t('versions.from')} data={data} value={String(from)} allowDeselect={false} onChange={(v) => v && onChange(Number(v), to)} data-testid="version-from" />
      <Select label={t('versions.to')} data={data} value={String(to)} allowDeselect={false} onChange={(v) => v && onChange(from, Number(v))} data-testid="version-to" />
    </Group>
  );
}

type Line = Comparison['lines'][number] & { readonly index: number };
type AmountKey = (typeof AMOUNT_ORDER)[number];

function Amounts({ comparison, from, to }: { comparison: Comparison; from: number; to: number }) {
  const { t } = useTranslation();
  const { text, yen } = useText();
  const shown = (n: number | null) => (n === null ? t('versions.notComputable') : yen(n));
  const difference = (key: AmountKey) => {
    const { before, after } = comparison.amounts[key];
    const diff = before !== null && after !== null ? after - before : null;
    return diff === null ? '—' : diff === 0 ? '±0' : `${diff > 0 ? '+' : '−'}${yen(Math.abs(diff))}`;
  };
  const columns: DataColumn<AmountKey>[] = [
    { id: 'amount', header: t('versions.amount'), rowHeader: true, cell: (key) => text(comparison.amountLabels[key]) },
    { id: 'from', header: t('versions.versionShort', { version: from }), align: 'right', cell: (key) => shown(comparison.amounts[key].before) },
    { id: 'to', header: t('versions.versionShort', { version: to }), align: 'right', cell: (key) => shown(comparison.amounts[key].after) },
    { id: 'difference', header: t('versions.difference'), align: 'right', cell: difference },
  ];
  return (
    <Stack gap={4}>
      <Title order={3}>{t('versions.amounts')}</Title>
      <DataTable
        data={AMOUNT_ORDER}
        columns={columns}
        rowKey={(key) => key}
        rowTestId={(key) => `comparison-amount-${key}`}
        rowProps={(key) => ({ fw: key === 'grant' ? 700 : undefined })}
        label={t('versions.amounts')}
        empty={null}
        striped={false}
      />
    </Stack>
  );
}

function FieldChanges({ comparison }: { comparison: Comparison }) {
  const { t } = useTranslation();
  const { text } = useText();
  const value = (v: Text2 | null) => (v === null ? t('versions.empty') : text(v));
  const columns: DataColumn<Comparison['fields'][number]>[] = [
    { id: 'section', header: t('versions.section'), sortValue: (f) => text(f.section), cell: (f) => text(f.section) },
    { id: 'field', header: t('versions.field'), rowHeader: true, sortValue: (f) => text(f.label), cell: (f) => text(f.label) },
    { id: 'before', header: t('versions.before'), cell: (f) => <span style={{ whiteSpace: 'pre-wrap' }}>{value(f.before)}</span> },
    { id: 'after', header: t('versions.after'), cell: (f) => <span style={{ whiteSpace: 'pre-wrap' }}>{value(f.after)}</span> },
  ];
  return (
    <Stack gap={4}>
      <Title order={3}>{t('versions.fields')}</Title>
      <DataTable
        data={comparison.fields}
        columns={columns}
        rowKey={(f) => f.path}
        rowTestId={() => 'comparison-field'}
        label={t('versions.fields')}
        empty={<Text c="dimmed" size="sm">{t('versions.noFieldChanges')}</Text>}
        striped={false}
      />
    </Stack>
  );
}

function LineChanges({ comparison }: { comparison: Comparison }) {
  const { t } = useTranslation();
  const { text, yen } = useText();
  const value = (v: Text2 | null) => (v === null ? t('versions.empty') : text(v));
  const shownOf = (l: Line) => l.after ?? l.before;
  const columns: DataColumn<Line>[] = [
    { id: 'table', header: t('versions.table'), sortValue: (l) => `${l.form} ${text(l.table)}`, cell: (l) => `${l.form} ${text(l.table)}` },
    {
      id: 'change',
      header: t('versions.change'),
      sortValue: (l) => l.change,
      cell: (l) => <Badge color={l.change === 'added' ? 'teal' : l.change === 'removed' ? 'red' : 'blue'}>{t(`versions.changes.${l.change}`)}</Badge>,
    },
    { id: 'category', header: t('versions.category'), cell: (l) => { const line = shownOf(l); return line?.category ? text(line.category) : '—'; } },
    { id: 'description', header: t('versions.description'), cell: (l) => shownOf(l)?.description ?? '—' },
    {
      id: 'detail',
      header: t('versions.detail'),
      cell: (l) => {
        const line = shownOf(l);
        if (l.change === 'changed')
          return (
            <Stack gap={0}>
              {l.cells.map((c, j) => (
                <Text key={j} size="sm">{`${text(c.label)}: ${value(c.before)} → ${value(c.after)}`}</Text>
              ))}
            </Stack>
          );
        return line?.amount != null ? yen(line.amount) : '—';
      },
    },
  ];
  return (
    <Stack gap={4}>
      <Title order={3}>{t('versions.lines')}</Title>
      <DataTable
        data={comparison.lines.map((l, index) => ({ ...l, index }))}
        columns={columns}
        rowKey={(l) => String(l.index)}
        rowTestId={() => 'comparison-line'}
        rowProps={(l) => ({ 'data-change': l.change })}
        label={t('versions.lines')}
        empty={<Text c="dimmed" size="sm">{t('versions.noLineChanges')}</Text>}
        striped={false}
      />
    </Stack>
  );
}
