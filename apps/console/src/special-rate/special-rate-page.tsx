import { Alert, Anchor, Badge, Button, Card, Checkbox, Group, Radio, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { RouterOutputs } from '@tsumiki/api';
import { citeSource } from '@tsumiki/domain/programmes';
import { ZCommitteeFindingForm } from '@tsumiki/domain/review';
import { DataTable, displayJst, errorText, QueryState, useDomainForm, useTRPC, type DataColumn } from '@tsumiki/ui';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';

type View = RouterOutputs['review']['specialRate'];

const STATUS_COLOR: Record<View['status'], string> = {
  criteria_not_met: 'gray',
  criteria_unknown: 'yellow',
  awaiting_committee: 'blue',
  recommended: 'green',
  not_recommended: 'orange',
};

/** The special-rate (1/2) finding of one proposal: the CLT definition's criteria, the committee's finding, the history. */
export function SpecialRatePage() {
  const { applicationId = '' } = useParams();
  const { t } = useTranslation();
  const trpc = useTRPC();
  const view = useQuery(trpc.review.specialRate.queryOptions({ applicationId }));
  return (
    <Stack gap="md" data-testid="special-rate-page">
      <Anchor component={Link} to={`/applications/${applicationId}`}>{t('app.back')}</Anchor>
      <QueryState query={view}>{(v) => <SpecialRateView view={v} />}</QueryState>
    </Stack>
  );
}

type Criterion = View['criteria'][number];
type HistoryEntry = View['history'][number];

/** The CLT definition's criteria, in its order, each as read from the application and as the committee confirmed it. */
function CriteriaTable({ criteria }: { criteria: View['criteria'] }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language === 'en' ? 'en' : 'ja';
  const columns: DataColumn<Criterion>[] = [
    {
      id: 'criterion',
      header: t('specialRate.criteria'),
      rowHeader: true,
      cell: (c) => (
        <div>
          {c.text[locale]}
          <Text size="xs" c="dimmed">{t('specialRate.source')}: {citeSource(c.source)[locale]}</Text>
        </div>
      ),
    },
    { id: 'fromFacts', header: t('specialRate.fromFacts'), cell: (c) => t(`specialRate.truth.${c.fromFacts}`) },
    { id: 'confirmed', header: t('specialRate.confirmed'), cell: (c) => (c.confirmedByCommittee ? '✓' : '') },
    { id: 'met', header: t('specialRate.met'), cell: (c) => (c.met ? <Badge color="green">{t('specialRate.met')}</Badge> : '') },
  ];
  return (
    <DataTable
      data={criteria}
      columns={columns}
      rowKey={(c) => c.code}
      rowTestId={(c) => `criterion-${c.code}`}
      label={t('specialRate.criteria')}
      empty={<Text c="dimmed">{t('specialRate.noCriteria')}</Text>}
      striped={false}
      data-testid="special-rate-criteria"
    />
  );
}

/** Every finding recorded, newest last as recorded; sortable by when. */
function HistoryTable({ history }: { history: View['history'] }) {
  const { t } = useTranslation();
  const columns: DataColumn<HistoryEntry>[] = [
    { id: 'recorded', header: t('specialRate.recordedBy'), sortValue: (h) => new Date(h.recordedAt).getTime(), cell: (h) => t('specialRate.by', { at: displayJst(h.recordedAt), name: h.recordedByName }) },
    { id: 'status', header: t('specialRate.recommendation'), cell: (h) => t(`specialRate.status.${h.status as View['status']}`, { defaultValue: h.status }) },
    { id: 'reason', header: t('specialRate.reason'), cell: (h) => h.reason },
  ];
  return (
    <DataTable
      data={history}
      columns={columns}
      rowKey={(h) => h.id}
      label={t('specialRate.history')}
      empty={<Text c="dimmed">{t('specialRate.noHistory')}</Text>}
      data-testid="special-rate-history"
    />
  );
}

function SpecialRateView({ view }: { view: View }) {
  const { t } = useTranslation();
  return (
    <Stack gap="lg">
      <Title order={1}>{t('specialRate.title')}</Title>
      <Text>{view.application.trackingNumber} · {view.application.title}</Text>
      <Text size="sm" c="dimmed">{t('specialRate.intro')}</Text>
      <Group>
        <Text fw={700}>{t('specialRate.recommendation')}</Text>
        <Badge size="lg" color={STATUS_COLOR[view.status]} data-testid="special-rate-status">{t(`specialRate.status.${view.status}`)}</Badge>
      </Group>
      {view.citedButNotMet.length > 0 && <Alert color="yellow">{t('specialRate.citedButNotMet', { codes: view.citedButNotMet.join(', ') })}</Alert>}
      <CriteriaTable criteria={view.criteria} />
      {view.canRecord ? <FindingForm view={view} /> : <Text c="dimmed">{view.history.length > 0 || view.finding ? t('specialRate.closed') : t('specialRate.readOnly')}</Text>}
      {view.finding && (
        <Card withBorder data-testid="special-rate-finding">
          <Title order={2}>{t('specialRate.finding')}</Title>
          <Text>{t('specialRate.excellent')}: {view.finding.excellent ? t('specialRate.yes') : t('specialRate.no')}</Text>
          <Text>{view.finding.reason}</Text>
          <Text size="sm" c="dimmed">{t('specialRate.by', { at: displayJst(view.finding.recordedAt), name: view.finding.recordedByName ?? '' })}</Text>
        </Card>
      )}
      <Card withBorder>
        <Title order={2}>{t('specialRate.history')}</Title>
        <HistoryTable history={view.history} />
      </Card>
    </Stack>
  );
}

/** The committee's finding; checked by the domain's schema as typed, then by the API. */
function FindingForm({ view }: { view: View }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language === 'en' ? 'en' : 'ja';
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const form = useDomainForm(ZCommitteeFindingForm, { initialValues: { excellent: view.finding ? view.finding.excellent : null, criteria: view.finding?.criteria ?? [], reason: '' } });
  const record = useMutation(
    trpc.review.recordSpecialRate.mutationOptions({
      onSuccess: async () => {
        // The finding stays chosen; the reason box is empty and quiet for the next one.
        form.setInitialValues({ ...form.getValues(), reason: '' });
        form.reset();
        await queryClient.invalidateQueries({ queryKey: trpc.review.specialRate.queryKey({ applicationId: view.application.id }) });
      },
    }),
  );
  const { excellent, criteria } = form.getValues();
  // Only judgement criteria the facts leave open can be confirmed; those met already count.
  const confirmable = view.criteria.filter((c) => c.fromFacts === 'unknown');
  return (
    <Card withBorder data-testid="special-rate-form">
      <Title order={2}>{t('specialRate.finding')}</Title>
      <form noValidate onSubmit={form.onSubmit((finding) => record.mutate({ applicationId: view.application.id, ...finding }))}>
      <Stack gap="sm" mt="sm">
        <Radio.Group label={t('specialRate.excellent')} withAsterisk value={excellent === null ? '' : excellent ? 'yes' : 'no'} onChange={(v) => form.setFieldValue('excellent', v === 'yes')} error={form.errorText('excellent')}>
          <Group mt="xs">
            <Radio value="yes" label={t('specialRate.yes')} data-testid="finding-excellent-yes" />
            <Radio value="no" label={t('specialRate.no')} data-testid="finding-excellent-no" />
          </Group>
        </Radio.Group>
        {confirmable.length > 0 && (
          <Checkbox.Group label={t('specialRate.cite')} value={criteria} onChange={(v) => form.setFieldValue('criteria', confirmable.map((c) => c.code).filter((code) => v.includes(code)))}>
            <Stack gap="xs" mt="xs">
              {confirmable.map((c) => (
                <Checkbox key={c.code} value={c.code} label={c.text[locale]} data-testid={`finding-cite-${c.code}`} />
              ))}
            </Stack>
          </Checkbox.Group>
        )}
        <Textarea
          label={t('specialRate.reason')}
          withAsterisk
          autosize
          minRows={3}
          maxLength={2000}
          {...form.getInputProps('reason')}
          data-testid="finding-reason"
        />
        {record.error && <Alert color="red" role="alert">{errorText(t, record.error)}</Alert>}
        {record.isSuccess && <Alert color="green" role="status">{t('specialRate.recorded')}</Alert>}
        <Group>
          <Button type="submit" loading={record.isPending} data-testid="finding-record">
            {t('specialRate.record')}
          </Button>
        </Group>
      </Stack>
      </form>
    </Card>
  );
}
