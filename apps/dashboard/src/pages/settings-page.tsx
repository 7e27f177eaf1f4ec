import {
  Alert,
  Anchor,
  Button,
  Group,
  NativeSelect,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { RouterOutputs } from '@tsumiki/api';
import {
  MAX_PROJECT_COST_YEN,
  METRIC_KINDS,
  metricShapeOf,
  ZCustomMetricInput,
  ZMemberFirmInput,
} from '@tsumiki/domain/ccus';
import { DataTable, displayYen, errorText, QueryState, useDomainForm, useTRPC, YenInput, type DataColumn } from '@tsumiki/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { displayMonth } from '../lib/period';

type Firm = RouterOutputs['ccus']['memberFirms'][number];

/**
 * What an association keeps for itself: its member firms (named as in its import files, with the
 * 事業費 behind the cost-weighted views) and its own metrics.
 */
export function SettingsPage() {
  const { associationId = '' } = useParams();
  const { t } = useTranslation();
  return (
    <Stack gap="xl" data-testid="settings-page">
      <Group justify="space-between" align="end">
        <Title order={1}>{t('settings.title')}</Title>
        <Anchor component={Link} to={`/associations/${associationId}`}>
          {t('import.back')}
        </Anchor>
      </Group>
      <MemberFirms associationId={associationId} />
      <CustomMetrics associationId={associationId} />
    </Stack>
  );
}

function MemberFirms({ associationId }: { associationId: string }) {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const firms = useQuery(trpc.ccus.memberFirms.queryOptions({ associationId }));
  const columns: DataColumn<Firm>[] = [
    { id: 'name', header: t('members.name'), rowHeader: true, sortValue: (f) => f.name, cell: (f) => f.name },
    { id: 'projectCost', header: t('members.projectCost'), align: 'right', sortValue: (f) => f.projectCostYen, cell: (f) => (f.projectCostYen == null ? '—' : displayYen(f.projectCostYen, i18n.language)) },
    { id: 'figures', header: t('settings.figures'), align: 'right', sortValue: (f) => f.figures, cell: (f) => f.figures },
    { id: 'latestMonth', header: t('settings.latestMonth'), sortValue: (f) => f.latestMonth, noWrap: true, cell: (f) => (f.latestMonth ? displayMonth(f.latestMonth, i18n.language) : '—') },
    {
      id: 'edit',
      header: t('settings.edit'),
      cell: (f) => (
        <Button size="compact-xs" variant="subtle" onClick={() => setEditing(f)} aria-label={`${f.name} ${t('settings.edit')}`}>
          {t('settings.edit')}
        </Button>
      ),
    },
  ];
  const [editing, setEditing] = useState<Firm | null>(null);
  return (
    <Stack component="section" aria-labelledby="firms">
      <Title order={2} size="h3" id="firms">
        {t('settings.firms')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('settings.firmsLead')}
      </Text>
      <FirmForm
        key={editing?.id ?? 'new'}
        associationId={associationId}
        firm={editing}
        onDone={() => setEditing(null)}
      />
      <QueryState query={firms}>
        {(rows) => (
          <DataTable
            data={rows}
            columns={columns}
            rowKey={(f) => f.id}
            label={t('settings.firms')}
            empty={<Text>{t('settings.noFirms')}</Text>}
            maxHeight={480}
            data-testid="firm-table"
          />
        )}
      </QueryState>
    </Stack>
  );
}

function FirmForm({
  associationId,
  firm,
  onDone,
}: {
  associationId: string;
  firm: Firm | null;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const form = useDomainForm(ZMemberFirmInput, {
    initialValues: {
      associationId,
      id: firm?.id,
      name: firm?.name ?? '',
      projectCostYen: firm?.projectCostYen ?? null,
    },
  });
  const save = useMutation(
    trpc.ccus.saveMemberFirm.mutationOptions({
      onSuccess: async (saved) => {
        await queryClient.invalidateQueries({ queryKey: trpc.ccus.pathKey() });
        notifications.show({ color: 'teal', message: t('settings.firmSaved', { name: saved.name }) });
        form.reset();
        onDone();
      },
    }),
  );
  return (
    <form onSubmit={form.onSubmit((values) => save.mutate(values))} data-testid="firm-form">
      <Group align="start">
        <TextInput
          label={firm ? t('settings.renameFirm') : t('settings.newFirm')}
          withAsterisk
          w={320}
          {...form.getInputProps('name')}
          data-testid="firm-name"
        />
        <YenInput
          label={t('members.projectCost')}
          max={MAX_PROJECT_COST_YEN}
          w={220}
          {...form.getInputProps('projectCostYen')}
          // A cleared amount is an unknown one (null), as the schema has it.
          onChange={(v) => form.setFieldValue('projectCostYen', v ?? null)}
          data-testid="firm-project-cost"
        />
        <Group mt={25} gap="xs">
          <Button type="submit" loading={save.isPending} data-testid="firm-save">
            {firm ? t('settings.saveFirm') : t('settings.addFirm')}
          </Button>
          {firm && (
            <Button variant="default" onClick={onDone}>
              {t('settings.cancel')}
            </Button>
          )}
        </Group>
      </Group>
      {save.error && (
        <Alert color="red" role="alert" mt="sm">
          {errorText(t, save.error)}
        </Alert>
      )}
    </form>
  );
}

function CustomMetrics({ associationId }: { associationId: string }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const form = useDomainForm(ZCustomMetricInput, {
    initialValues: {
      associationId,
      definition: {
        code: '',
        nameJa: '',
        nameEn: '',
        kind: 'ratio',
        unit: 'rate',
        period: 'half_yearly',
        views: ['count'],
        formulaJa: '',
        formulaEn: '',
        source: '',
      },
    },
  });
  const add = useMutation(
    trpc.ccus.addCustomMetric.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.ccus.pathKey() });
        notifications.show({ color: 'teal', message: t('settings.metricAdded') });
        form.reset();
      },
    }),
  );
  return (
    <Stack component="section" aria-labelledby="own-metrics">
      <Title order={2} size="h3" id="own-metrics">
        {t('settings.metrics')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('settings.metricsLead')}
      </Text>
      <CustomMetricList associationId={associationId} />
      <form
        onSubmit={form.onSubmit((values) => {
          add.mutate({
            ...values,
            definition: { ...values.definition, ...metricShapeOf(values.definition.kind) },
          });
        })}
        data-testid="metric-form"
      >
        <Stack gap="sm">
          <Group align="start">
            <TextInput
              label={t('settings.metricCode')}
              description={
                <>
                  {t('settings.metricCodeHint')}
                  <code>safety_training_rate</code>
                </>
              }
              withAsterisk
              w={240}
              {...form.getInputProps('definition.code')}
            />
            <NativeSelect
              label={t('settings.kind')}
              data={METRIC_KINDS.map((k) => ({ value: k, label: t(`settings.kinds.${k}`) }))}
              {...form.getInputProps('definition.kind')}
            />
          </Group>
          <Group align="start" grow>
            <TextInput
              label={t('settings.nameJa')}
              withAsterisk
              {...form.getInputProps('definition.nameJa')}
            />
            <TextInput
              label={t('settings.nameEn')}
              withAsterisk
              {...form.getInputProps('definition.nameEn')}
            />
          </Group>
          <Group align="start" grow>
            <TextInput
              label={t('settings.formulaJa')}
              {...form.getInputProps('definition.formulaJa')}
            />
            <TextInput
              label={t('settings.formulaEn')}
              {...form.getInputProps('definition.formulaEn')}
            />
          </Group>
          {add.error && (
            <Alert color="red" role="alert">
              {errorText(t, add.error)}
            </Alert>
          )}
          <Group>
            <Button type="submit" loading={add.isPending}>
              {t('settings.addMetric')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}

type CustomMetric = RouterOutputs['ccus']['customMetrics'][number];

/** The association's own metrics, as they are stored. */
function CustomMetricList({ associationId }: { associationId: string }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language === 'en' ? 'en' : 'ja';
  const trpc = useTRPC();
  const metrics = useQuery(trpc.ccus.customMetrics.queryOptions({ associationId }));
  const columns: DataColumn<CustomMetric>[] = [
    { id: 'name', header: t('association.metric'), rowHeader: true, sortValue: (m) => (locale === 'en' ? m.nameEn : m.nameJa), cell: (m) => (locale === 'en' ? m.nameEn : m.nameJa) },
    { id: 'code', header: t('settings.metricCode'), sortValue: (m) => m.code, cell: (m) => <code>{m.code}</code> },
    { id: 'kind', header: t('settings.kind'), cell: (m) => t(`settings.kinds.${m.kind}`) },
    { id: 'formula', header: t('settings.formula'), cell: (m) => (locale === 'en' ? m.formulaEn : m.formulaJa) },
  ];
  return (
    <QueryState query={metrics}>
      {(rows) => (
        <DataTable
          data={rows}
          columns={columns}
          rowKey={(m) => m.code}
          label={t('settings.metrics')}
          empty={<Text c="dimmed">{t('settings.noMetrics')}</Text>}
          data-testid="metric-table"
        />
      )}
    </QueryState>
  );
}
