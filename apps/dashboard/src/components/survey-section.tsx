import { BarChart } from '@mantine/charts';
import { Alert, Button, Group, NativeSelect, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { formatPoints, formatRate, SURVEY_BUCKET_LABELS, SURVEY_BUCKETS, SURVEY_COUNT_RULE, ZSurveyResult, type SurveyResult } from '@tsumiki/domain/ccus';
import type { RouterOutputs } from '@tsumiki/api';
import { chartName, CountInput, DataTable, displayFiscalYear, errorText, legendInSeriesOrder, QueryState, useDomainForm, useTRPC, type DataColumn } from '@tsumiki/ui';
import { useTranslation } from 'react-i18next';

type SurveyYear = RouterOutputs['ccus']['surveys'][number];

const COLOURS = ['red.6', 'orange.5', 'yellow.5', 'teal.5', 'teal.8'];

/**
 * The member survey year on year (seeds/000, 全建): the share of firms by how many of their sites
 * can accumulate work history, with the response rate, and the entry of a year's results.
 */
export function SurveySection({ associationId, editable, latestFiscalYear }: { associationId: string; editable: boolean; latestFiscalYear: number }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language === 'en' ? 'en' : 'ja';
  const trpc = useTRPC();
  const surveys = useQuery(trpc.ccus.surveys.queryOptions({ associationId }));
  const bucketSeries = SURVEY_BUCKETS.map((b, i) => ({ name: b, label: SURVEY_BUCKET_LABELS[b][locale], color: COLOURS[i]! }));
  const columns: DataColumn<SurveyYear>[] = [
    { id: 'year', header: t('survey.year'), rowHeader: true, sortValue: (h) => h.fiscalYear, cell: (h) => displayFiscalYear(h.fiscalYear, i18n.language) },
    ...SURVEY_BUCKETS.map(
      (b): DataColumn<SurveyYear> => ({
        id: b,
        header: SURVEY_BUCKET_LABELS[b][locale],
        align: 'right',
        sortValue: (h) => h.shares[b],
        cell: (h) => (
          <>
            {formatRate(h.shares[b], locale)}
            {h.change && (
              <Text span size="xs" c="dimmed" ml={4}>
                ({formatPoints(h.change[b], locale)})
              </Text>
            )}
          </>
        ),
      }),
    ),
    {
      id: 'responseRate',
      header: t('survey.responseRate'),
      align: 'right',
      sortValue: (h) => h.responseRate ?? null,
      cell: (h) => (
        <>
          {h.responseRate == null ? '—' : formatRate(h.responseRate, locale)}
          <Text span size="xs" c="dimmed" ml={4}>
            ({h.respondents}/{h.surveyed})
          </Text>
        </>
      ),
    },
  ];
  return (
    <Stack component="section" aria-labelledby="survey">
      <Title order={2} size="h3" id="survey">
        {t('survey.title')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('survey.question')}
      </Text>
      <QueryState query={surveys}>
        {(history) =>
          history.length === 0 ? (
            <Text c="dimmed">{t('survey.none')}</Text>
          ) : (
            <>
              <BarChart
                {...chartName(t('survey.title'))}
                h={60 + history.length * 44}
                type="percent"
                orientation="vertical"
                yAxisProps={{ width: 90 }}
                data={history.map((h) => ({
                  year: displayFiscalYear(h.fiscalYear, i18n.language),
                  ...Object.fromEntries(SURVEY_BUCKETS.map((b) => [b, Math.round(h.shares[b] * 1000) / 10])),
                }))}
                dataKey="year"
                series={bucketSeries}
                withLegend
                legendProps={legendInSeriesOrder(bucketSeries)}
              />
              <DataTable
                data={[...history].reverse()}
                columns={columns}
                rowKey={(h) => String(h.fiscalYear)}
                rowProps={(h) => ({ 'data-year': h.fiscalYear })}
                label={t('survey.title')}
                empty={<Text c="dimmed">{t('survey.none')}</Text>}
                data-testid="survey-table"
              />
            </>
          )
        }
      </QueryState>
      {editable && <SurveyForm associationId={associationId} latestFiscalYear={latestFiscalYear} known={surveys.data ?? []} />}
    </Stack>
  );
}

function SurveyForm({
  associationId,
  latestFiscalYear,
  known,
}: {
  associationId: string;
  latestFiscalYear: number;
  known: readonly (SurveyResult & { fiscalYear: number })[];
}) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language === 'en' ? 'en' : 'ja';
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const blank = (fiscalYear: number): SurveyResult => {
    const saved = known.find((k) => k.fiscalYear === fiscalYear);
    return saved
      ? { fiscalYear, surveyed: saved.surveyed, counts: { ...saved.counts } }
      : { fiscalYear, surveyed: 0, counts: { none: 0, under_20: 0, from_20_to_49: 0, from_50_to_79: 0, at_least_80: 0 } };
  };
  const form = useDomainForm(ZSurveyResult, { initialValues: blank(latestFiscalYear) });
  const save = useMutation(
    trpc.ccus.saveSurvey.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.ccus.surveys.pathKey() });
        notifications.show({ color: 'teal', message: t('survey.saved') });
      },
    }),
  );
  const countsError = form.errorText('counts');
  return (
    <form onSubmit={form.onSubmit((survey) => save.mutate({ associationId, survey }))} data-testid="survey-form">
      <Stack gap="sm">
        <Title order={3} size="h5">
          {t('survey.enter')}
        </Title>
        <Group align="end">
          <NativeSelect
            label={t('survey.year')}
            value={String(form.values.fiscalYear)}
            data={Array.from({ length: 5 }, (_, i) => latestFiscalYear - i).map((y) => ({ value: String(y), label: displayFiscalYear(y, i18n.language) }))}
            onChange={(e) => form.setValues(blank(Number(e.currentTarget.value)))}
          />
          <CountInput label={t('survey.surveyed')} rule={SURVEY_COUNT_RULE} {...form.getInputProps('surveyed')} />
        </Group>
        <SimpleGrid cols={{ base: 2, sm: 5 }}>
          {SURVEY_BUCKETS.map((b) => (
            <CountInput key={b} label={SURVEY_BUCKET_LABELS[b][locale]} rule={SURVEY_COUNT_RULE} {...form.getInputProps(`counts.${b}`)} />
          ))}
        </SimpleGrid>
        {countsError && (
          <Text c="red.8" size="sm" role="alert">
            {countsError}
          </Text>
        )}
        {save.error && (
          <Alert color="red" role="alert">
            {errorText(t, save.error)}
          </Alert>
        )}
        <Group>
          <Button type="submit" loading={save.isPending} data-testid="survey-save">
            {t('survey.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
