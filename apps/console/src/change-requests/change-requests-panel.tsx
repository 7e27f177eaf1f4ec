import { Alert, Badge, Button, Card, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { RouterOutputs } from '@tsumiki/api';
import { ZChangeDecisionForm, type TChangeDecision } from '@tsumiki/domain/lifecycle';
import { DataTable, displayJst, displayYen, errorText, QueryState, useDomainForm, useTRPC, type DataColumn } from '@tsumiki/ui';
import { useTranslation } from 'react-i18next';

type ChangeRow = RouterOutputs['lifecycle']['staffChanges'][number];
type ChangeItem = ChangeRow['changes'][number];

const shown = (value: unknown) => (value === null || value === undefined ? '—' : typeof value === 'string' ? value : JSON.stringify(value));

/**
 * 変更承認 (003 §4.1; 001 §2.6): each change request with its items before → after and the grant it
 * gives; the office approves (a new frozen version, the ledger adjusted) or rejects with a reason.
 */
export function ChangeRequestsPanel({ applicationId }: { applicationId: string }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const changes = useQuery(trpc.lifecycle.staffChanges.queryOptions({ applicationId }));
  return (
    <Card withBorder component="section" aria-labelledby="change-requests-heading" data-testid="change-requests-panel">
      <Title order={2} id="change-requests-heading">
        {t('changeRequests.heading')}
      </Title>
      <QueryState query={changes}>
        {(rows) => (rows.length === 0 ? <Text c="dimmed">{t('changeRequests.none')}</Text> : <Stack>{rows.map((c) => <ChangeCard key={c.id} applicationId={applicationId} change={c} />)}</Stack>)}
      </QueryState>
    </Card>
  );
}

function ChangeCard({ applicationId, change }: { applicationId: string; change: ChangeRow }) {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const form = useDomainForm(ZChangeDecisionForm, { initialValues: { changeRequestId: change.id, decision: 'approved', reason: '' } });
  const decide = useMutation(
    trpc.lifecycle.decideChange.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.lifecycle.staffChanges.queryKey({ applicationId }) });
        await queryClient.invalidateQueries({ queryKey: trpc.review.open.queryKey({ applicationId }) });
      },
    }),
  );
  const yen = (n: number) => displayYen(n, i18n.language);
  // Each button is the decision: set it, then the schema checks the reason against it (a rejection needs one).
  const decideAs = (decision: TChangeDecision) => {
    form.setFieldValue('decision', decision);
    form.onSubmit(({ reason, ...rest }) => decide.mutate({ ...rest, ...(reason?.trim() ? { reason } : {}) }))();
  };
  const columns: DataColumn<ChangeItem>[] = [
    // A path the screens do not show (none today) is named by the part it belongs to, never printed.
    { id: 'path', header: t('changeRequests.path'), rowHeader: true, cell: (c) => (c.label ? (i18n.language === 'en' ? c.label.en : c.label.ja) : t('changeRequests.unnamedItem')) },
    { id: 'before', header: t('changeRequests.before'), cell: (c) => shown(c.before) },
    { id: 'after', header: t('changeRequests.after'), cell: (c) => shown(c.after) },
  ];
  return (
    <Card withBorder padding="sm" data-testid="change-request" data-status={change.status}>
      <Stack gap="xs">
        <Group>
          <Text fw={700}>{t(`changeRequests.kinds.${change.kind}`)}</Text>
          <Badge color={change.status === 'approved' ? 'teal' : change.status === 'rejected' ? 'red' : 'blue'}>{t(`changeRequests.status.${change.status}`)}</Badge>
        </Group>
        <Text size="sm" c="dimmed">
          {t('changeRequests.submitted', { at: displayJst(change.submittedAt), name: change.submittedByName ?? '', version: change.basedOnVersionNo })}
        </Text>
        <Text size="sm">{t('changeRequests.reason', { reason: change.reason })}</Text>
        <Text size="sm" fw={600}>
          {t('changeRequests.grant', { before: yen(change.currentGrantYen), after: yen(change.grantAfterYen), maximum: yen(change.maximumYen) })}
        </Text>
        <DataTable data={change.changes} columns={columns} rowKey={(c) => c.path} label={t('changeRequests.items')} empty={<Text c="dimmed">{t('changeRequests.noItems')}</Text>} striped={false} />
        {change.status === 'pending' ? (
          <>
            <Textarea label={t('changeRequests.decisionReason')} autosize minRows={2} maxLength={2000} {...form.getInputProps('reason')} />
            {decide.isError && (
              <Alert color="red" role="alert">
                {errorText(t, decide.error)}
              </Alert>
            )}
            <Group>
              <Button color="teal" loading={decide.isPending} onClick={() => decideAs('approved')}>
                {t('changeRequests.approve')}
              </Button>
              <Button color="red" variant="light" loading={decide.isPending} onClick={() => decideAs('rejected')}>
                {t('changeRequests.reject')}
              </Button>
            </Group>
          </>
        ) : (
          <Text size="sm">
            {t('changeRequests.decided', { at: change.decidedAt ? displayJst(change.decidedAt) : '', status: t(`changeRequests.status.${change.status}`), reason: change.decisionReason ?? '—' })}
            {change.resultingVersionNo !== null && ` ${t('changeRequests.resultingVersion', { version: change.resultingVersionNo })}`}
          </Text>
        )}
      </Stack>
    </Card>
  );
}
