import { Alert, Anchor, Badge, Button, Card, Group, NumberInput, Select, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { RouterOutputs } from '@tsumiki/api';
import { isResultsReportUnderReview } from '@tsumiki/domain/lifecycle';
import { displayParams } from '@tsumiki/domain';
import { citeSource } from '@tsumiki/domain/programmes';
import { STATUS_LABELS } from '@tsumiki/domain/review';
import { ConfirmButton, DataTable, displayJst, displayYen, errorText, FormDocumentView, QueryState, useTRPC, type DataColumn } from '@tsumiki/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { AttachmentList } from '../attachments/attachment-list';
import { RequestAnswersPanel } from '../answers/request-answers-panel';
import { ChangeRequestsPanel } from '../change-requests/change-requests-panel';
import { VersionComparisonPanel } from '../versions/version-comparison-panel';
import { ConflictDeclaration, LaterDeclaration } from '../committee/conflict-declaration';
import { ScoreSheet } from '../committee/score-sheet';
import { Assessment } from './application-assessment';

type View = RouterOutputs['review']['open'];
type BonusLine = NonNullable<View['bonus']>['lines'][number];
type ReportLine = View['reportLines'][number];

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
          {v.bonus && <Bonus view={v} />}
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

function Actions({ view }: { view: View }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language === 'en' ? 'en' : 'ja';
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [event, setEvent] = useState<View['events'][number]['event'] | null>(null);
  const [reason, setReason] = useState('');
  const [due, setDue] = useState('');
  const [amount, setAmount] = useState<number | ''>('');
  const run = useMutation(
    trpc.review.transition.mutationOptions({
      onSuccess: async () => {
        setEvent(null);
        setReason('');
        setDue('');
        setAmount('');
        await queryClient.invalidateQueries({ queryKey: trpc.review.open.queryKey({ applicationId: view.application.id }) });
      },
    }),
  );
  const spec = view.events.find((e) => e.event === event);
  return (
    <Card withBorder data-testid="actions">
      <Title order={2}>{t('app.actions')}</Title>
      {view.events.length === 0 && <Text c="dimmed">{t('app.noActions')}</Text>}
      <Group my="sm">
        {view.events.map((e) => (
          <Button key={e.event} variant={event === e.event ? 'filled' : 'light'} onClick={() => setEvent(e.event)} data-testid={`event-${e.event}`}>
            {e.label[locale]}
          </Button>
        ))}
      </Group>
      {spec && (
        <Stack gap="xs">
          {spec.inputs.reason !== 'none' && <Textarea label={t('app.reason')} withAsterisk={spec.inputs.reason === 'required'} value={reason} onChange={(e) => setReason(e.currentTarget.value)} maxLength={2000} data-testid="input-reason" />}
          {spec.inputs.dueAt === 'required' && <TextInput type="datetime-local" label={t('app.due')} withAsterisk value={due} onChange={(e) => setDue(e.currentTarget.value)} data-testid="input-due" />}
          {spec.inputs.amount !== 'none' && spec.event !== 'fix_amount' && (
            <NumberInput
              label={t('app.amount')}
              withAsterisk
              description={view.maximumYen !== null ? t('app.amountHint', { maximum: displayYen(view.maximumYen, locale) }) : undefined}
              value={amount}
              onChange={(v) => setAmount(typeof v === 'number' ? v : '')}
              min={0}
              max={view.maximumYen ?? undefined}
              // Never change a typed amount silently: one yen over the maximum is refused, with the reason.
              clampBehavior="none"
              allowDecimal={false}
              thousandSeparator=","
              data-testid="input-amount"
            />
          )}
          {run.error && <Alert color="red" role="alert">{errorText(t, run.error)}</Alert>}
          <ConfirmButton
            loading={run.isPending}
            data-testid="run-event"
            // A step the applicant is told of, or that decides money, is asked once more before it runs.
            confirm={spec.final}
            title={t('app.confirmTitle', { step: spec.label[locale] })}
            message={t('app.confirmMessage', { step: spec.label[locale], title: view.application.title })}
            confirmLabel={spec.label[locale]}
            onConfirm={() =>
              run.mutate({
                applicationId: view.application.id,
                version: view.application.version,
                event: spec.event,
                ...(reason.trim() ? { reason } : {}),
                // The input is Japan time, whatever the browser's zone.
                ...(due ? { dueAt: new Date(`${due}:00+09:00`) } : {}),
                ...(spec.event === 'fix_amount' ? { amount: 0 } : amount !== '' ? { amount } : {}),
              })
            }
          >
            {t('app.run')}: {spec.label[locale]}
          </ConfirmButton>
        </Stack>
      )}
    </Card>
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
          {h.dueAt && ` (${t('app.dueAt')} ${displayJst(h.dueAt)})`}
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

function Bonus({ view }: { view: View }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language === 'en' ? 'en' : 'ja';
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const review = useMutation(trpc.review.reviewBonus.mutationOptions({ onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.review.open.queryKey({ applicationId: view.application.id }) }) }));
  const bonusColumns: DataColumn<BonusLine>[] = [
    { id: 'item', header: t('app.bonusItem'), rowHeader: true, cell: (l) => l.text[locale] },
    { id: 'facts', header: t('app.bonusFacts'), cell: (l) => t(`app.fromFacts.${l.fromFacts}`) },
    {
      id: 'points',
      header: t('app.bonusPoints'),
      cell: (l) => (
        <span data-testid={`bonus-points-${l.code}`}>
          {l.counted ? t('app.countedPoints', { points: l.points }) : t('app.notCountedPoints', { points: l.points })}
          {l.review && ` (${l.review.decision === 'confirmed' ? t('app.confirm') : t('app.reject')}${l.review.reason ? `: ${l.review.reason}` : ''})`}
        </span>
      ),
    },
    ...(view.access === 'staff'
      ? [
          {
            id: 'review',
            header: t('app.bonusReview'),
            cell: (l: BonusLine) => (
              <Group gap="xs">
                <TextInput size="xs" placeholder={t('app.reason')} aria-label={t('app.bonusReason', { item: l.text[locale] })} value={reasons[l.code] ?? ''} onChange={(e) => setReasons({ ...reasons, [l.code]: e.currentTarget.value })} />
                <Button size="xs" variant="light" onClick={() => review.mutate({ applicationId: view.application.id, item: l.code, decision: 'confirmed', reason: reasons[l.code] })}>{t('app.confirm')}</Button>
                <Button size="xs" variant="light" color="red" onClick={() => review.mutate({ applicationId: view.application.id, item: l.code, decision: 'rejected', reason: reasons[l.code] })}>{t('app.reject')}</Button>
              </Group>
            ),
          },
        ]
      : []),
  ];
  return (
    <Card withBorder data-testid="bonus">
      <Title order={2}>{t('app.bonusTitle', { points: view.bonus!.total })}</Title>
      <Text size="sm" c="dimmed">{t('app.bonusRule', { source: citeSource(view.bonus!.lines[0]?.source ?? '003 §3.3.2')[locale] })}</Text>
      <DataTable
        data={view.bonus!.lines}
        columns={bonusColumns}
        rowKey={(l) => l.code}
        label={t('app.bonus')}
        empty={<Text c="dimmed">{t('app.noBonus')}</Text>}
        striped={false}
        data-testid="bonus-table"
      />
      {review.error && <Alert color="red" role="alert">{errorText(t, review.error)}</Alert>}
    </Card>
  );
}

function ReportLines({ view }: { view: View }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language === 'en' ? 'en' : 'ja';
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [rows, setRows] = useState(() => Object.fromEntries(view.reportLines.map((l) => [l.lineId, { decision: (l.decision ?? 'accepted'), accepted: l.acceptedYen ?? l.amountYen, reason: l.reason ?? '' }])));
  const save = useMutation(trpc.review.reviewReportLines.mutationOptions({ onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.review.open.queryKey({ applicationId: view.application.id }) }) }));
  const editable = isResultsReportUnderReview(view.application.status);
  const name = (l: ReportLine) => l.description ?? l.lineId;
  const set = (l: ReportLine, patch: Partial<(typeof rows)[string]>) => setRows({ ...rows, [l.lineId]: { ...rows[l.lineId]!, ...patch } });
  const lineColumns: DataColumn<ReportLine>[] = [
    { id: 'line', header: t('app.reportLine'), rowHeader: true, cell: name },
    { id: 'amount', header: t('app.reportedAmount'), align: 'right', sortValue: (l) => l.amountYen, cell: (l) => displayYen(l.amountYen, locale) },
    {
      id: 'decision',
      header: t('app.lineReview'),
      cell: (l) => (
        <Select size="xs" disabled={!editable} data={[{ value: 'accepted', label: t('app.accept') }, { value: 'reduced', label: t('app.reduce') }, { value: 'rejected', label: t('app.rejectLine') }]} value={rows[l.lineId]!.decision} onChange={(v) => v && set(l, { decision: v })} aria-label={t('app.lineDecision', { line: name(l) })} data-testid={`line-decision-${l.lineId}`} />
      ),
    },
    {
      id: 'accepted',
      header: t('app.acceptedAmount'),
      cell: (l) => rows[l.lineId]!.decision === 'reduced' && <NumberInput size="xs" value={rows[l.lineId]!.accepted} onChange={(v) => set(l, { accepted: typeof v === 'number' ? v : 0 })} allowDecimal={false} min={0} thousandSeparator="," aria-label={t('app.lineAccepted', { line: name(l) })} data-testid={`line-accepted-${l.lineId}`} />,
    },
    {
      id: 'reason',
      header: t('app.reason'),
      cell: (l) => rows[l.lineId]!.decision !== 'accepted' && <TextInput size="xs" withAsterisk placeholder={t('app.reason')} value={rows[l.lineId]!.reason} onChange={(e) => set(l, { reason: e.currentTarget.value })} aria-label={t('app.lineReason', { line: name(l) })} data-testid={`line-reason-${l.lineId}`} />,
    },
  ];
  return (
    <Card withBorder data-testid="report-lines">
      <Title order={2}>{t('app.reportLines')}</Title>
      <DataTable
        data={view.reportLines}
        columns={lineColumns}
        rowKey={(l) => l.lineId}
        label={t('app.reportLines')}
        empty={<Text c="dimmed">{t('app.noReportLines')}</Text>}
        striped={false}
        data-testid="report-lines-table"
      />
      {save.error && <Alert color="red" role="alert">{errorText(t, save.error)}</Alert>}
      {editable && (
        <Button
          mt="sm"
          data-testid="save-line-reviews"
          loading={save.isPending}
          onClick={() =>
            save.mutate({
              applicationId: view.application.id,
              version: view.application.version,
              reviews: Object.entries(rows).map(([lineId, r]) => ({ lineId, decision: r.decision, ...(r.decision === 'reduced' ? { acceptedAmount: r.accepted } : {}), ...(r.reason.trim() ? { reason: r.reason.trim() } : {}) })),
            })
          }
        >
          {t('app.saveReview')}
        </Button>
      )}
    </Card>
  );
}
