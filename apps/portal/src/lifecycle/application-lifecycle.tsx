import { Alert, Anchor, Badge, Card, Group, Stack, Tabs, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { TApplicationStatus, TProgrammeKind } from '@tsumiki/domain';
import { openRequests } from '@tsumiki/domain/lifecycle';
import { STATUS_LABELS } from '@tsumiki/domain/review';
import { displayJst, QueryState, useTRPC } from '@tsumiki/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ResultsReportForm } from '../results/results-report-form';
import { AnswerForm } from './answer-form';
import { ChangeRequests } from './change-requests';
import { StatusTimeline } from './status-timeline';

export interface LifecycleProps {
  applicationId: string;
  title: string;
  kind: TProgrammeKind;
  status: TApplicationStatus;
  latestVersionNo: number | null;
}

/**
 * After submission: the status, the history, the office's requests to answer, the
 * results report and change requests, each in a tab; what the applicant may do comes from the API.
 */
export function ApplicationLifecycle(props: LifecycleProps) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'ja';
  const trpc = useTRPC();
  const timeline = useQuery(trpc.lifecycle.timeline.queryOptions({ applicationId: props.applicationId }));
  const frozen = useQuery({ ...trpc.applications.submission.queryOptions({ id: props.applicationId, versionNo: props.latestVersionNo ?? 1 }), enabled: props.latestVersionNo !== null });
  const [tab, setTab] = useState<string | null>(null);
  return (
    <QueryState query={timeline}>
      {(view) => {
        const open = openRequests(view.requests);
        const answerable = view.requests.filter((r) => r.kind === 'information');
        const showReport = view.may.report || ['results_reported', 'amount_fixed', 'paid'].includes(view.status);
        const current = tab ?? (view.may.answer ? 'requests' : view.may.report ? 'report' : 'timeline');
        return (
          <Stack gap="md" data-testid="application-lifecycle">
            <Group justify="space-between" align="flex-start">
              <Stack gap={2}>
                <Title order={1} size="h2">
                  {props.title}
                </Title>
                <Text size="sm" c="dimmed">
                  {t('lifecycle.tracking')}: {view.trackingNumber ?? '—'}
                </Text>
              </Stack>
              <Stack gap={4} align="flex-end">
                <Badge size="lg" data-testid="lifecycle-status" data-status={view.status}>
                  {STATUS_LABELS[view.status][lang]}
                </Badge>
                {props.latestVersionNo !== null && (
                  <Anchor component={Link} to={`/applications/${props.applicationId}/receipt/${props.latestVersionNo}`} size="sm">
                    {t('lifecycle.receipt', { version: props.latestVersionNo })}
                  </Anchor>
                )}
              </Stack>
            </Group>
            {view.may.resubmit &&
              open
                .filter((r) => r.kind === 'correction')
                .map((r) => {
                  const overdue = new Date() >= r.dueAt;
                  return (
                    <Alert key={r.id} color={overdue ? 'red' : 'orange'} title={t('lifecycle.returned.title', { due: displayJst(r.dueAt) })} role="alert" data-testid="returned-banner">
                      <Text style={{ whiteSpace: 'pre-wrap' }}>{r.message}</Text>
                      <Text size="sm" mt="xs">
                        {overdue ? t('lifecycle.returned.overdue', { due: displayJst(r.dueAt) }) : t('lifecycle.returned.body')}
                      </Text>
                    </Alert>
                  );
                })}
            {!view.may.resubmit && (
              <Tabs value={current} onChange={setTab} keepMounted={false}>
                <Tabs.List>
                  <Tabs.Tab value="timeline">{t('lifecycle.tabs.timeline')}</Tabs.Tab>
                  {answerable.length > 0 && (
                    <Tabs.Tab value="requests" rightSection={view.may.answer ? <Badge size="xs" color="orange">{open.length}</Badge> : null}>
                      {t('lifecycle.tabs.requests')}
                    </Tabs.Tab>
                  )}
                  {showReport && <Tabs.Tab value="report">{t('lifecycle.tabs.report')}</Tabs.Tab>}
                  <Tabs.Tab value="changes">{t('lifecycle.tabs.changes')}</Tabs.Tab>
                </Tabs.List>
                <Tabs.Panel value="timeline" pt="md">
                  <StatusTimeline entries={view.entries} />
                </Tabs.Panel>
                <Tabs.Panel value="requests" pt="md">
                  <Stack>
                    {answerable.length === 0 && <Text c="dimmed">{t('lifecycle.answer.none')}</Text>}
                    {answerable.map((r) => (
                      <AnswerForm key={r.id} applicationId={props.applicationId} version={view.version} request={r} />
                    ))}
                  </Stack>
                </Tabs.Panel>
                <Tabs.Panel value="report" pt="md">
                  <ResultsReportForm applicationId={props.applicationId} onSubmitted={() => setTab('timeline')} />
                </Tabs.Panel>
                <Tabs.Panel value="changes" pt="md">
                  {frozen.data ? (
                    <ChangeRequests applicationId={props.applicationId} kind={props.kind} frozen={frozen.data.content} may={view.may.change} />
                  ) : (
                    <Card withBorder>
                      <Text c="dimmed">{t('lifecycle.change.notAllowed')}</Text>
                    </Card>
                  )}
                </Tabs.Panel>
              </Tabs>
            )}
            {view.may.resubmit && <StatusTimeline entries={view.entries.slice(0, 5)} />}
          </Stack>
        );
      }}
    </QueryState>
  );
}
