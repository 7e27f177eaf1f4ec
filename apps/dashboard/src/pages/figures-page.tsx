import { Alert, Anchor, Button, Group, NumberInput, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  BUILTIN_METRICS,
  checkImport,
  formatRate,
  IMPORT_COLUMNS,
  isSnapshotMonth,
  ratioValue,
  type ImportIssue,
  type YearMonth,
} from '@tsumiki/domain/ccus';
import { DataTable, errorText, fieldErrorText, QueryState, useTRPC, type DataColumn } from '@tsumiki/ui';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PeriodPicker } from '../components/period-picker';
import { usePeriod } from '../lib/use-period';

type Entry = { numerator: number | ''; denominator: number | '' };
type Entries = Record<string, Entry>;

const empty: Entry = { numerator: '', denominator: '' };

/** The figures filled in, as the import's rows, so the form says what the server would say. */
function rowsOf(entries: Entries, month: YearMonth) {
  return Object.entries(entries)
    .filter(([, e]) => e.numerator !== '' || e.denominator !== '')
    .map(([metricCode, e]) => ({ metricCode, ...e, month }));
}

function check(entries: Entries, month: YearMonth) {
  const rows = rowsOf(entries, month);
  if (rows.length === 0) return { rows, issues: new Map<string, ImportIssue[]>() };
  const result = checkImport(
    rows.map((r) => ({
      [IMPORT_COLUMNS.metric[0]]: r.metricCode,
      [IMPORT_COLUMNS.month[0]]: month,
      [IMPORT_COLUMNS.numerator[0]]: String(r.numerator),
      [IMPORT_COLUMNS.denominator[0]]: String(r.denominator),
    })),
    { members: new Set() },
  );
  return { rows, issues: new Map(result.rows.map((r) => [r.metricCode, r.issues])) };
}

/**
 * One month's association totals typed by hand: work-history records every month, rates and
 * counts at the half-year follow-ups (30 Sep, 31 Mar). Checked as you type by the same rules as an
 * import; saved together or not at all.
 */
export function FiguresPage() {
  const { associationId = '' } = useParams();
  const { t } = useTranslation();
  const trpc = useTRPC();
  const { period, setPeriod, latest } = usePeriod();
  const month = period.asOf;
  const existing = useQuery(trpc.ccus.monthFigures.queryOptions({ associationId, month }));
  const snapshot = isSnapshotMonth(month);

  return (
    <Stack gap="lg" data-testid="figures-page">
      <Title order={1}>{t('figures.title')}</Title>
      <Text>{t('figures.lead')}</Text>
      <Group justify="space-between" align="end">
        <PeriodPicker value={period} latest={latest} onChange={setPeriod} />
        <Anchor component={Link} to={`/associations/${associationId}?fy=${period.fiscalYear}&asOf=${month}`}>
          {t('import.back')}
        </Anchor>
      </Group>
      {!snapshot && <Alert color="blue">{t('figures.notSnapshot')}</Alert>}
      <QueryState query={existing}>
        {(saved) => (
          // Keyed by month: a new month starts from what is saved, and a background refetch never
          // overwrites what is being typed.
          <FiguresForm
            key={month}
            associationId={associationId}
            month={month}
            initial={Object.fromEntries(
              saved
                .filter((f) => f.reportedNumerator != null)
                .map((f) => [
                  f.metricCode,
                  { numerator: f.reportedNumerator!, denominator: f.reportedDenominator ?? '' },
                ]),
            )}
          />
        )}
      </QueryState>
    </Stack>
  );
}

function FiguresForm({
  associationId,
  month,
  initial,
}: {
  associationId: string;
  month: YearMonth;
  initial: Entries;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [entries, setEntries] = useState<Entries>(initial);
  const [touched, setTouched] = useState(false);
  const { rows, issues } = useMemo(() => check(entries, month), [entries, month]);
  const hasIssues = [...issues.values()].some((list) => list.length > 0);
  const save = useMutation(
    trpc.ccus.enterFigures.mutationOptions({
      onSuccess: async (result) => {
        if (!result.ok) return;
        await queryClient.invalidateQueries({ queryKey: trpc.ccus.pathKey() });
        setTouched(false);
        notifications.show({ color: 'teal', message: t('figures.saved', { count: result.saved }) });
      },
    }),
  );
  const set = (code: string, field: keyof Entry, value: number | string) => {
    setTouched(true);
    setEntries((prev) => ({
      ...prev,
      [code]: { ...(prev[code] ?? empty), [field]: typeof value === 'number' ? value : '' },
    }));
  };
  const serverIssues =
    save.data && !save.data.ok ? new Map(save.data.rows.map((r) => [r.metricCode, r.issues])) : null;
  const messageOf = (code: string, field: ImportIssue['field']) => {
    const server = serverIssues?.get(code)?.find((i) => i.field === field) as
      (ImportIssue & { message?: string }) | undefined;
    if (server?.message) return server.message;
    const local = issues
      .get(code)
      ?.find((i) => i.field === field || (field === 'numerator' && i.field === 'row'));
    return local ? fieldErrorText(t, local.code, local.params) : undefined;
  };
  const columns = useFigureColumns(entries, set, messageOf);

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (hasIssues || rows.length === 0) return;
        save.mutate({
          associationId,
          month,
          figures: rows.map((r) => ({
            metricCode: r.metricCode,
            numerator: Number(r.numerator),
            denominator: r.denominator === '' ? null : Number(r.denominator),
          })),
        });
      }}
    >
      <DataTable
        data={BUILTIN_METRICS}
        columns={columns}
        rowKey={(metric) => metric.code}
        rowProps={(metric) => ({ 'data-metric': metric.code })}
        label={t('figures.title')}
        empty={null}
        striped={false}
        data-testid="figures-table"
      />
      {save.error && (
        <Alert color="red" role="alert" mt="md">
          {errorText(t, save.error)}
        </Alert>
      )}
      <Group mt="md">
        <Button
          type="submit"
          disabled={hasIssues || rows.length === 0 || !touched}
          loading={save.isPending}
          data-testid="figures-save"
        >
          {t('figures.save')}
        </Button>
        {hasIssues && (
          <Text c="red.8" size="sm" role="alert">
            {t('figures.fixFirst')}
          </Text>
        )}
      </Group>
    </form>
  );
}

type Metric = (typeof BUILTIN_METRICS)[number];

/** Each metric's line: the figures as typed, their problems, and the rate they give; rows keep the metrics' order. */
function useFigureColumns(
  entries: Entries,
  set: (code: string, field: keyof Entry, value: number | string) => void,
  messageOf: (code: string, field: ImportIssue['field']) => string | undefined,
): DataColumn<Metric>[] {
  const { t, i18n } = useTranslation();
  const locale = i18n.language === 'en' ? 'en' : 'ja';
  const nameOf = (metric: Metric) => (locale === 'en' ? metric.nameEn : metric.nameJa);
  const entryOf = (metric: Metric) => entries[metric.code] ?? empty;
  return [
    {
      id: 'metric',
      header: t('association.metric'),
      rowHeader: true,
      cell: (metric) => (
        <span title={locale === 'en' ? metric.formulaEn : metric.formulaJa}>
          {nameOf(metric)}
          <Text size="xs" c="dimmed">
            {t(`figures.period.${metric.period}`)}
          </Text>
        </span>
      ),
    },
    {
      id: 'numerator',
      header: t('figures.numerator'),
      cell: (metric) => (
        <NumberInput
          aria-label={`${nameOf(metric)} ${t('figures.numerator')}`}
          value={entryOf(metric).numerator}
          onChange={(v) => set(metric.code, 'numerator', v)}
          min={0}
          thousandSeparator=","
          allowNegative={false}
          error={messageOf(metric.code, 'numerator')}
          data-testid={`figure-${metric.code}-numerator`}
        />
      ),
    },
    {
      id: 'denominator',
      header: t('figures.denominator'),
      cell: (metric) =>
        metric.kind === 'ratio' ? (
          <NumberInput
            aria-label={`${nameOf(metric)} ${t('figures.denominator')}`}
            value={entryOf(metric).denominator}
            onChange={(v) => set(metric.code, 'denominator', v)}
            min={0}
            thousandSeparator=","
            allowNegative={false}
            error={messageOf(metric.code, 'denominator')}
            data-testid={`figure-${metric.code}-denominator`}
          />
        ) : (
          <Text c="dimmed" size="sm">
            —
          </Text>
        ),
    },
    {
      id: 'rate',
      header: t('figures.rate'),
      align: 'right',
      cell: (metric) => {
        const entry = entryOf(metric);
        const rate =
          metric.kind === 'ratio' && typeof entry.numerator === 'number'
            ? ratioValue(entry.numerator, typeof entry.denominator === 'number' ? entry.denominator : null)
            : null;
        return rate == null ? '—' : formatRate(rate, locale);
      },
    },
  ];
}
