import { Alert, Anchor, Button, Group, NumberInput, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  BUILTIN_METRICS,
  formatRate,
  isSnapshotMonth,
  ratioValue,
  ZCcusFiguresForm,
  type ImportIssue,
  type TCcusFiguresFormValues,
  type TCcusFiguresInput,
  type YearMonth,
} from '@tsumiki/domain/ccus';
import { DataTable, errorText, fieldErrorText, QueryState, useDomainForm, useTRPC, type DataColumn, type DomainForm } from '@tsumiki/ui';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PeriodPicker } from '../components/period-picker';
import { usePeriod } from '../lib/use-period';

type Figure = number | string;
type Entries = Record<string, { numerator: Figure; denominator: Figure }>;

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
  const form = useDomainForm(ZCcusFiguresForm, {
    initialValues: {
      associationId,
      month,
      figures: BUILTIN_METRICS.map((m) => ({ metricCode: m.code, numerator: initial[m.code]?.numerator ?? '', denominator: initial[m.code]?.denominator ?? '' })),
    },
  });
  const save = useMutation(
    trpc.ccus.enterFigures.mutationOptions({
      onSuccess: async (result) => {
        if (!result.ok) return;
        await queryClient.invalidateQueries({ queryKey: trpc.ccus.pathKey() });
        form.resetDirty();
        notifications.show({ color: 'teal', message: t('figures.saved', { count: result.saved }) });
      },
    }),
  );
  const serverIssues = save.data && !save.data.ok ? new Map(save.data.rows.map((r) => [r.metricCode, r.issues])) : null;
  // The server's word on a row (a rule the form cannot know, such as a metric of the association's own) beside the field.
  const serverMessage = (code: string, field: ImportIssue['field']) => {
    const issue = serverIssues?.get(code)?.find((i) => i.field === field || (field === 'numerator' && i.field === 'row'));
    return issue ? fieldErrorText(t, issue.code, issue.params) : undefined;
  };
  const hasErrors = Object.keys(form.errors).length > 0;
  const columns = useFigureColumns(form, serverMessage);
  const emptyMonth = form.errorText('figures');

  return (
    <form onSubmit={form.onSubmit((input) => save.mutate(input))} noValidate data-testid="figures-form">
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
        {/* Nothing to save until something changed; while a figure shown is refused, Enter and the button check again. */}
        <Button type="submit" disabled={!form.isDirty() || hasErrors} loading={save.isPending} data-testid="figures-save">
          {t('figures.save')}
        </Button>
        {(hasErrors || emptyMonth) && (
          <Text c="red.8" size="sm" role="alert">
            {emptyMonth ?? t('figures.fixFirst')}
          </Text>
        )}
      </Group>
    </form>
  );
}

type Metric = (typeof BUILTIN_METRICS)[number];

/** Each metric's line: the figures as typed, their problems, and the rate they give; rows keep the metrics' order. */
function useFigureColumns(
  form: DomainForm<TCcusFiguresFormValues, TCcusFiguresInput>,
  serverMessage: (code: string, field: ImportIssue['field']) => string | undefined,
): DataColumn<Metric>[] {
  const { t, i18n } = useTranslation();
  const locale = i18n.language === 'en' ? 'en' : 'ja';
  const nameOf = (metric: Metric) => (locale === 'en' ? metric.nameEn : metric.nameJa);
  const indexOf = (metric: Metric) => BUILTIN_METRICS.indexOf(metric);
  const input = (metric: Metric, field: 'numerator' | 'denominator') => {
    const path = `figures.${indexOf(metric)}.${field}`;
    return (
      <NumberInput
        aria-label={`${nameOf(metric)} ${t(`figures.${field}`)}`}
        {...form.getInputProps(path)}
        error={form.errorText(path) ?? serverMessage(metric.code, field)}
        min={0}
        thousandSeparator=","
        // A comma is the thousands separator, never a decimal point: 「1,200」 stays 1200, not 1.2.
        allowedDecimalSeparators={['.']}
        allowNegative={false}
        data-testid={`figure-${metric.code}-${field}`}
      />
    );
  };
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
    { id: 'numerator', header: t('figures.numerator'), cell: (metric) => input(metric, 'numerator') },
    {
      id: 'denominator',
      header: t('figures.denominator'),
      cell: (metric) =>
        metric.kind === 'ratio' ? (
          input(metric, 'denominator')
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
        const row = form.values.figures[indexOf(metric)];
        const rate =
          metric.kind === 'ratio' && typeof row?.numerator === 'number'
            ? ratioValue(row.numerator, typeof row.denominator === 'number' ? row.denominator : null)
            : null;
        return rate == null ? '—' : formatRate(rate, locale);
      },
    },
  ];
}
