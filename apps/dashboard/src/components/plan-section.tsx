import { Alert, Button, Checkbox, Group, NumberInput, Stack, Text, Textarea, Title } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { RouterOutputs } from '@tsumiki/api';
import { BUILTIN_METRICS, targetAsTyped, ZCcusTargetsForm, type MetricDefinition } from '@tsumiki/domain/ccus';
import { DataTable, displayFiscalYear, errorText, QueryState, useDomainForm, useTRPC, type DataColumn } from '@tsumiki/ui';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

type Plan = RouterOutputs['ccus']['plan'];
const TEXT_FIELDS = ['statusText', 'goalsText', 'actionsText'] as const;
type Texts = Record<(typeof TEXT_FIELDS)[number], string> & { published: boolean };

/** Targets and the year's report (取組状況・目標・内容): editable by the association's reporter. */
type Metric = Pick<MetricDefinition, 'code' | 'kind' | 'nameJa' | 'nameEn'>;

export function PlanSection({
  associationId,
  fiscalYear,
  editable,
  customMetrics = [],
}: {
  associationId: string;
  fiscalYear: number;
  editable: boolean;
  /** The association's own metrics take targets like the built-in ones. */
  customMetrics?: readonly Metric[];
}) {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const plan = useQuery(trpc.ccus.plan.queryOptions({ associationId, fiscalYear }));
  return (
    <Stack component="section" aria-labelledby="plan">
      <Title order={2} size="h3" id="plan">
        {t('plan.title', { year: displayFiscalYear(fiscalYear, i18n.language) })}
      </Title>
      <QueryState query={plan}>
        {(data) =>
          editable ? (
            <>
              <TargetsForm
                key={`targets-${fiscalYear}`}
                associationId={associationId}
                fiscalYear={fiscalYear}
                plan={data}
                metrics={[...BUILTIN_METRICS, ...customMetrics]}
              />
              <ReportEditor key={`report-${fiscalYear}`} associationId={associationId} fiscalYear={fiscalYear} plan={data} />
            </>
          ) : (
            <ReportView plan={data} />
          )
        }
      </QueryState>
    </Stack>
  );
}

function ReportView({ plan }: { plan: Plan }) {
  const { t } = useTranslation();
  if (plan.report.version === 0) return <Text c="dimmed">{t('plan.noReport')}</Text>;
  return (
    <Stack data-testid="report-view">
      {TEXT_FIELDS.map((field) => (
        <Stack key={field} gap={4}>
          <Title order={3} size="h5">
            {t(`plan.${field}`)}
          </Title>
          <Text style={{ whiteSpace: 'pre-wrap' }}>{plan.report[field] || '—'}</Text>
        </Stack>
      ))}
    </Stack>
  );
}

function TargetsForm({ associationId, fiscalYear, plan, metrics }: { associationId: string; fiscalYear: number; plan: Plan; metrics: readonly Metric[] }) {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const stored = new Map(plan.targets.map((x) => [x.metricCode, x.annualTarget]));
  const form = useDomainForm(ZCcusTargetsForm, {
    initialValues: {
      associationId,
      fiscalYear,
      targets: metrics.map((m) => {
        const target = stored.get(m.code);
        return { metricCode: m.code, kind: m.kind, typed: target == null ? '' : targetAsTyped(m.kind, target) };
      }),
    },
  });
  const save = useMutation(
    trpc.ccus.setTargets.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.ccus.pathKey() });
        form.resetDirty();
      },
    }),
  );
  // Only the targets that differ from the saved ones are sent (and audited).
  const changedOf = (targets: readonly { metricCode: string; annualTarget: number }[]) => targets.filter((x) => stored.get(x.metricCode) !== x.annualTarget);
  const changed = form.isDirty();
  const name = (m: Metric) => (i18n.language === 'en' ? m.nameEn : m.nameJa);
  const columns: DataColumn<Metric>[] = [
    { id: 'metric', header: t('plan.metric'), rowHeader: true, sortValue: name, cell: name },
    {
      id: 'target',
      header: t('plan.annualTarget'),
      cell: (m) => {
        const i = metrics.indexOf(m);
        return (
          <NumberInput
            aria-label={name(m)}
            name={`target-${m.code}`}
            {...form.getInputProps(`targets.${i}.typed`)}
            clampBehavior="none"
            suffix={m.kind === 'ratio' ? '%' : undefined}
            thousandSeparator=","
            // A comma is the thousands separator, never a decimal point: 「1,200」 stays 1200, not 1.2.
            allowedDecimalSeparators={['.']}
          />
        );
      },
    },
  ];
  return (
    <form onSubmit={form.onSubmit((input) => save.mutate({ ...input, targets: changedOf(input.targets) }))} data-testid="targets-form">
      <Stack>
        <Title order={3} size="h5">
          {t('plan.targets')}
        </Title>
        <DataTable
          data={metrics}
          columns={columns}
          rowKey={(m) => m.code}
          label={t('plan.targets')}
          empty={<Text c="dimmed">{t('plan.noMetrics')}</Text>}
          striped={false}
          data-testid="targets-table"
        />
        {save.isError && (
          <Alert color="red" role="alert">
            {errorText(t, save.error)}
          </Alert>
        )}
        <Group>
          {/* Nothing to send while nothing changed or a figure shown refused; Enter checks the form too. */}
          <Button type="submit" disabled={!changed || Object.keys(form.errors).length > 0} loading={save.isPending} data-testid="save-targets">
            {t('plan.saveTargets')}
          </Button>
          {save.isSuccess && !changed && <Text c="teal">{t('plan.saved')}</Text>}
        </Group>
      </Stack>
    </form>
  );
}

/**
 * The three texts save themselves a moment after typing stops. A save from an outdated version is
 * refused by the API; the text typed stays on screen and the latest version can be loaded beside it.
 */
function ReportEditor({ associationId, fiscalYear, plan }: { associationId: string; fiscalYear: number; plan: Plan }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [texts, setTexts] = useState<Texts>({
    statusText: plan.report.statusText,
    goalsText: plan.report.goalsText,
    actionsText: plan.report.actionsText,
    published: plan.report.published,
  });
  const version = useRef(plan.report.version);
  const [savedAt, setSavedAt] = useState<Date | null>(null);
  const save = useMutation(trpc.ccus.saveReport.mutationOptions());
  const persist = (next: Texts) =>
    save.mutate(
      { associationId, fiscalYear, ...next, version: version.current },
      {
        onSuccess: (result) => {
          version.current = result.version;
          setSavedAt(new Date());
        },
      },
    );
  const autosave = useDebouncedCallback(persist, 1200);
  const conflict = (save.error?.data as { appCode?: string } | undefined)?.appCode === 'ccus.report_version_conflict';
  const change = (next: Texts) => {
    setTexts(next);
    if (!conflict) autosave(next);
  };
  // Flush a pending save when leaving the page, so the last words are not lost.
  useEffect(() => () => autosave.flush(), [autosave]);

  return (
    <Stack data-testid="report-editor">
      {TEXT_FIELDS.map((field) => (
        <Textarea
          key={field}
          label={t(`plan.${field}`)}
          name={field}
          autosize
          minRows={3}
          maxLength={20_000}
          value={texts[field]}
          onChange={(e) => change({ ...texts, [field]: e.currentTarget.value })}
        />
      ))}
      <Checkbox
        label={t('plan.published')}
        description={t('plan.publishedHint')}
        checked={texts.published}
        onChange={(e) => change({ ...texts, published: e.currentTarget.checked })}
      />
      <Text size="sm" c="dimmed" aria-live="polite" data-testid="report-save-state">
        {save.isPending ? t('plan.saving') : savedAt ? t('plan.savedAt', { time: savedAt.toLocaleTimeString('ja-JP', { timeZone: 'Asia/Tokyo' }) }) : ''}
      </Text>
      {save.isError && (
        <Alert color="red" role="alert" title={conflict ? t('plan.conflictTitle') : undefined}>
          <Text size="sm">{errorText(t, save.error)}</Text>
          {conflict && (
            <Button
              mt="sm"
              size="xs"
              variant="light"
              onClick={async () => {
                const latest = await queryClient.fetchQuery(trpc.ccus.plan.queryOptions({ associationId, fiscalYear }, { staleTime: 0 }));
                version.current = latest.report.version;
                save.reset();
                // Keep what this editor typed; the other save is now the base it will replace.
                persist(texts);
              }}
            >
              {t('plan.overwrite')}
            </Button>
          )}
        </Alert>
      )}
    </Stack>
  );
}
