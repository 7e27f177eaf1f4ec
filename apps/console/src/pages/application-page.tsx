import { Anchor, Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { RouterOutputs } from '@tsumiki/api';
import { STATUS_LABELS } from '@tsumiki/domain/review';
import { DataTable, displayJst, displayYen, FormDocumentView, QueryState, useTRPC, type DataColumn } from '@tsumiki/ui';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { AttachmentList } from '../attachments/attachment-list';
import { RequestAnswersPanel } from '../answers/request-answers-panel';
import { ChangeRequestsPanel } from '../change-requests/change-requests-panel';
import { VersionComparisonPanel } from '../versions/version-comparison-panel';
import { ConflictDeclaration, LaterDeclaration } from '../committee/conflict-declaration';
import { ScoreSheet } from '../committee/score-sheet';
import { Actions } from './application-actions';
import { BonusPanel } from './application-bonus';
import { Assessment } from './application-assessment';
import { ReportLines } from './report-lines';

type View = RouterOutputs['review']['open'];

/** Opens an application: a committee member declares conflicts first; the API refuses a conflicted one anyway. */
export function ApplicationPage() {
  const { applicationId = '' } = useParams();
  const { t } = useTranslation();
  const trpc = useTRPC();
  const gate = useQuery(trpc.review.declarationStatus.queryOptions({ applicationId }));
  return (
    <Stack gap="md" data-testid="application-page">
      <Anchor component={Link} to="/">{t('app.back')}</Anchor>
      <QueryState query={gate}>{(g) => (g.required ? <ConflictDeclaration applicationId={applicationId} title={g.title} /> : <ApplicationView applicationId={applicationId} />)}</QueryState>
    </Stack>
  );
}

function ApplicationView({ applicationId }: { applicationId: string }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language === 'en' ? 'en' : 'ja';
  const trpc = useTRPC();
  const view = useQuery(trpc.review.open.queryOptions({ applicationId }));
  return (
    <QueryState query={view}>
      {(v) => (
        <Stack gap="lg">
          <Group>
            <Title order={1}>{v.application.title}</Title>
            <Badge size="lg" data-testid="status">{STATUS_LABELS[v.application.status][locale]}</Badge>
          </Group>
          <Text c="dimmed">{v.application.trackingNumber} · {locale === 'en' ? v.programme.nameEn : v.programme.nameJa}</Text>
          {v.programme.kind === 'clt_demonstration' && (
            <Anchor component={Link} to={`/applications/${v.application.id}/special-rate`} data-testid="special-rate-link">{t('specialRate.open')}</Anchor>
          )}
          {v.access === 'staff' && <Actions view={v} />}
          {v.access === 'member' && <ScoreSheet applicationId={applicationId} bonus={v.bonus} />}
          {v.access === 'member' && <LaterDeclaration applicationId={applicationId} title={v.application.title} />}
          <Assessment view={v} />
          {v.bonus && <BonusPanel view={v} bonus={v.bonus} />}
          {v.reportLines.length > 0 && v.access === 'staff' && <ReportLines view={v} />}
          <AttachmentList attachments={v.attachments} title={t('app.attachments')} emptyText={t('app.noAttachments')} />
          {v.access === 'staff' && <History view={v} />}
          {v.access === 'staff' && <RequestAnswersPanel applicationId={v.application.id} />}
          {v.access === 'staff' && <ChangeRequestsPanel applicationId={v.application.id} />}
          {v.access === 'staff' && v.versions.length > 1 && <VersionComparisonPanel applicationId={v.application.id} />}
          {v.submission && (
            <Card withBorder data-testid="submitted-forms">
              <Title order={2} mb="md">{t('app.submitted', { version: v.submission.versionNo, at: displayJst(v.submission.submittedAt) })}</Title>
              <FormDocumentView document={v.submission.forms} />
            </Card>
          )}
        </Stack>
      )}
    </QueryState>
  );
}

function History({ view }: { view: View }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language === 'en' ? 'en' : 'ja';
  const historyColumns: DataColumn<View['history'][number]>[] = [
    { id: 'at', header: t('app.historyAt'), sortValue: (h) => new Date(h.at).getTime(), cell: (h) => displayJst(h.at) },
    { id: 'change', header: t('app.historyChange'), cell: (h) => `${STATUS_LABELS[h.from][locale]} → ${STATUS_LABELS[h.to][locale]}` },
    { id: 'actor', header: t('app.historyActor'), sortValue: (h) => h.actorName, cell: (h) => h.actorName },
    {
      id: 'detail',
      header: t('app.historyDetail'),
      cell: (h) => (
        <>
          {h.reason}
          {h.dueAt && t('app.dueAtNote', { at: displayJst(h.dueAt) })}
          {h.amountYen !== null && ` ${displayYen(h.amountYen, locale)}`}
        </>
      ),
    },
  ];
  return (
    <Card withBorder data-testid="history">
      <Title order={2}>{t('app.history')}</Title>
      <DataTable
        data={view.history}
        columns={historyColumns}
        rowKey={(h) => String(h.id)}
        label={t('app.history')}
        empty={<Text c="dimmed">{t('app.noHistory')}</Text>}
        data-testid="history-table"
      />
      {view.requests.length > 0 && <Title order={3} mt="md">{t('app.requests')}</Title>}
      {view.requests.map((r) => (
        <Text key={r.id} size="sm">{r.message} — {t('app.dueAt')} {displayJst(r.dueAt)} · {r.answeredAt ? t('app.answered') : t('app.open')}</Text>
      ))}
    </Card>
  );
}
