import { Alert, Anchor, Badge, Button, Card, Checkbox, Group, Radio, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { RouterOutputs } from '@tsumiki/api';
import { ZCommitteeFinding, type TSpecialRateCode } from '@tsumiki/domain/review';
import { displayJst, errorText, QueryState, useTRPC } from '@tsumiki/ui';
import { useState } from 'react';
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

function SpecialRateView({ view }: { view: View }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language === 'en' ? 'en' : 'ja';
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
      <Table data-testid="special-rate-criteria">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('specialRate.criteria')}</Table.Th>
            <Table.Th>{t('specialRate.fromFacts')}</Table.Th>
            <Table.Th>{t('specialRate.confirmed')}</Table.Th>
            <Table.Th>{t('specialRate.met')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {view.criteria.map((c) => (
            <Table.Tr key={c.code} data-testid={`criterion-${c.code}`}>
              <Table.Td>
                {c.text[locale]}
                <Text size="xs" c="dimmed">{t('specialRate.source')}: {c.source}</Text>
              </Table.Td>
              <Table.Td>{t(`specialRate.truth.${c.fromFacts}`)}</Table.Td>
              <Table.Td>{c.confirmedByCommittee ? '✓' : ''}</Table.Td>
              <Table.Td>{c.met ? <Badge color="green">{t('specialRate.met')}</Badge> : ''}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {view.canRecord ? <FindingForm view={view} /> : <Text c="dimmed">{view.history.length > 0 || view.finding ? t('specialRate.closed') : t('specialRate.readOnly')}</Text>}
      {view.finding && (
        <Card withBorder data-testid="special-rate-finding">
          <Title order={2}>{t('specialRate.finding')}</Title>
          <Text>{t('specialRate.excellent')}: {view.finding.excellent ? t('specialRate.yes') : t('specialRate.no')}</Text>
          <Text>{view.finding.reason}</Text>
          <Text size="sm" c="dimmed">{t('specialRate.by', { at: displayJst(view.finding.recordedAt), name: view.finding.recordedByName ?? '' })}</Text>
        </Card>
      )}
      {view.history.length > 0 && (
        <Card withBorder>
          <Title order={2}>{t('specialRate.history')}</Title>
          <Table data-testid="special-rate-history">
            <Table.Tbody>
              {view.history.map((h) => (
                <Table.Tr key={h.id}>
                  <Table.Td>{t('specialRate.by', { at: displayJst(h.recordedAt), name: h.recordedByName })}</Table.Td>
                  <Table.Td>{t(`specialRate.status.${h.status as View['status']}`, { defaultValue: h.status })}</Table.Td>
                  <Table.Td>{h.reason}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Card>
      )}
    </Stack>
  );
}

/** The committee's finding; checked by the domain's schema as typed, then by the API. */
function FindingForm({ view }: { view: View }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language === 'en' ? 'en' : 'ja';
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [excellent, setExcellent] = useState<'yes' | 'no' | null>(view.finding ? (view.finding.excellent ? 'yes' : 'no') : null);
  const [criteria, setCriteria] = useState<TSpecialRateCode[]>(view.finding?.criteria ?? []);
  const [reason, setReason] = useState('');
  const record = useMutation(
    trpc.review.recordSpecialRate.mutationOptions({
      onSuccess: async () => {
        setReason('');
        await queryClient.invalidateQueries({ queryKey: trpc.review.specialRate.queryKey({ applicationId: view.application.id }) });
      },
    }),
  );
  const parsed = ZCommitteeFinding.safeParse({ excellent: excellent === 'yes', criteria, reason });
  const reasonError = reason !== '' && !parsed.success ? parsed.error.issues.find((i) => i.path[0] === 'reason')?.message : undefined;
  // Only judgement criteria the facts leave open can be confirmed; those met already count.
  const confirmable = view.criteria.filter((c) => c.fromFacts === 'unknown');
  return (
    <Card withBorder data-testid="special-rate-form">
      <Title order={2}>{t('specialRate.finding')}</Title>
      <Stack gap="sm" mt="sm">
        <Radio.Group label={t('specialRate.excellent')} withAsterisk value={excellent ?? ''} onChange={(v) => setExcellent(v === 'yes' ? 'yes' : 'no')}>
          <Group mt="xs">
            <Radio value="yes" label={t('specialRate.yes')} data-testid="finding-excellent-yes" />
            <Radio value="no" label={t('specialRate.no')} data-testid="finding-excellent-no" />
          </Group>
        </Radio.Group>
        {confirmable.length > 0 && (
          <Checkbox.Group label={t('specialRate.cite')} value={criteria} onChange={setCriteria}>
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
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={reasonError ? t(reasonError, { ns: 'errors' }) : undefined}
          data-testid="finding-reason"
        />
        {record.error && <Alert color="red" role="alert">{errorText(t, record.error)}</Alert>}
        {record.isSuccess && <Alert color="green" role="status">{t('specialRate.recorded')}</Alert>}
        <Group>
          <Button
            loading={record.isPending}
            disabled={excellent === null}
            data-testid="finding-record"
            onClick={() => record.mutate({ applicationId: view.application.id, excellent: excellent === 'yes', criteria, reason })}
          >
            {t('specialRate.record')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
