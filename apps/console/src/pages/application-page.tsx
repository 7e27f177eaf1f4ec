import { Alert, Anchor, Badge, Button, Card, Group, NumberInput, Select, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { RouterOutputs } from '@tsumiki/api';
import { isResultsReportUnderReview } from '@tsumiki/domain/lifecycle';
import { displayParams } from '@tsumiki/domain';
import { citeSource } from '@tsumiki/domain/programmes';
import { STATUS_LABELS } from '@tsumiki/domain/review';
import { ConfirmButton, displayJst, displayYen, errorText, FormDocumentView, QueryState, useTRPC } from '@tsumiki/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { AttachmentList } from '../attachments/attachment-list';
import { RequestAnswersPanel } from '../answers/request-answers-panel';
import { ChangeRequestsPanel } from '../change-requests/change-requests-panel';
import { VersionComparisonPanel } from '../versions/version-comparison-panel';
import { ConflictDeclaration, LaterDeclaration } from '../committee/conflict-declaration';
import { ScoreSheet } from '../committee/score-sheet';

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

function Assessment({ view }: { view: View }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language === 'en' ? 'en' : 'ja';
  return (
    <Card withBorder data-testid="assessment">
      <Title order={2}>{t('app.eligibility')}</Title>
      {view.eligibility && <Badge color={view.eligibility.status === 'eligible' ? 'green' : 'orange'}>{t(`app.eligibilityStatus.${view.eligibility.status}`)}</Badge>}
      <Stack gap={2} my="sm">
        {view.reasons.slice(0, 30).map((r, i) => (
          <Text key={i} size="sm">・{t(r.code, { ns: 'errors', keySeparator: false, defaultValue: r.code, ...displayParams(r.params) })}</Text>
        ))}
      </Stack>
      {view.grant && (
        <>
          <Title order={3}>{t('app.grant')}</Title>
          <Table>
            <Table.Tbody>
              {([['requested', view.grant.requested], ['eligibleCost', view.grant.eligibleCost], ['maximum', view.grant.amount], ['ownShare', view.grant.ownShare]] as const).map(([k, amount]) => (
                <Table.Tr key={k}>
                  <Table.Td>{t(`app.${k}`)}</Table.Td>
                  <Table.Td ta="right" data-testid={`grant-${k}`}>{displayYen(amount, locale)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      )}
      {view.decision && (
        <Table mt="sm" data-testid="decision">
          <Table.Tbody>
            <Table.Tr>
              <Table.Td>{t('app.granted')}</Table.Td>
              <Table.Td ta="right" data-testid="decision-granted">{displayYen(view.decision.grantedYen, locale)}</Table.Td>
            </Table.Tr>
            {view.decision.fixedYen !== null && (
              <Table.Tr>
                <Table.Td>{t('app.fixed')}</Table.Td>
                <Table.Td ta="right" data-testid="decision-fixed">{displayYen(view.decision.fixedYen, locale)}</Table.Td>
              </Table.Tr>
            )}
            {view.decision.ownShareYen !== null && (
              <Table.Tr>
                <Table.Td>{t('app.fixedOwnShare')}</Table.Td>
                <Table.Td ta="right" data-testid="decision-own-share">{displayYen(view.decision.ownShareYen, locale)}</Table.Td>
              </Table.Tr>
            )}
          </Table.Tbody>
        </Table>
      )}
    </Card>
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
  return (
    <Card withBorder data-testid="history">
      <Title order={2}>{t('app.history')}</Title>
      {view.history.length === 0 && <Text c="dimmed">{t('app.noHistory')}</Text>}
      <Table.ScrollContainer minWidth={560}>
        <Table>
          <Table.Tbody>
            {view.history.map((h) => (
              <Table.Tr key={h.id}>
                <Table.Td>{displayJst(h.at)}</Table.Td>
                <Table.Td>{STATUS_LABELS[h.from][locale]} → {STATUS_LABELS[h.to][locale]}</Table.Td>
                <Table.Td>{h.actorName}</Table.Td>
                <Table.Td>{h.reason}{h.dueAt && ` (${t('app.dueAt')} ${displayJst(h.dueAt)})`}{h.amountYen !== null && ` ${displayYen(h.amountYen, locale)}`}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
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
  return (
    <Card withBorder data-testid="bonus">
      <Title order={2}>{t('app.bonusTitle', { points: view.bonus!.total })}</Title>
      <Text size="sm" c="dimmed">{t('app.bonusRule', { source: citeSource(view.bonus!.lines[0]?.source ?? '003 §3.3.2')[locale] })}</Text>
      <Table.ScrollContainer minWidth={560}>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('app.bonusItem')}</Table.Th>
              <Table.Th>{t('app.bonusFacts')}</Table.Th>
              <Table.Th>{t('app.bonusPoints')}</Table.Th>
              {view.access === 'staff' && <Table.Th>{t('app.bonusReview')}</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {view.bonus!.lines.map((l) => (
              <Table.Tr key={l.code}>
                <Table.Td>{l.text[locale]}</Table.Td>
                <Table.Td>{t(`app.fromFacts.${l.fromFacts}`)}</Table.Td>
                <Table.Td data-testid={`bonus-points-${l.code}`}>{l.counted ? t('app.countedPoints', { points: l.points }) : t('app.notCountedPoints', { points: l.points })}{l.review && ` (${l.review.decision === 'confirmed' ? t('app.confirm') : t('app.reject')}${l.review.reason ? `: ${l.review.reason}` : ''})`}</Table.Td>
                {view.access === 'staff' && (
                  <Table.Td>
                    <Group gap="xs">
                      <TextInput size="xs" placeholder={t('app.reason')} value={reasons[l.code] ?? ''} onChange={(e) => setReasons({ ...reasons, [l.code]: e.currentTarget.value })} />
                      <Button size="xs" variant="light" onClick={() => review.mutate({ applicationId: view.application.id, item: l.code, decision: 'confirmed', reason: reasons[l.code] })}>{t('app.confirm')}</Button>
                      <Button size="xs" variant="light" color="red" onClick={() => review.mutate({ applicationId: view.application.id, item: l.code, decision: 'rejected', reason: reasons[l.code] })}>{t('app.reject')}</Button>
                    </Group>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
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
  return (
    <Card withBorder data-testid="report-lines">
      <Title order={2}>{t('app.reportLines')}</Title>
      <Table>
        <Table.Tbody>
          {view.reportLines.map((l) => {
            const row = rows[l.lineId]!;
            const set = (patch: Partial<typeof row>) => setRows({ ...rows, [l.lineId]: { ...row, ...patch } });
            return (
              <Table.Tr key={l.lineId}>
                <Table.Td>{l.description ?? l.lineId}</Table.Td>
                <Table.Td ta="right">{displayYen(l.amountYen, locale)}</Table.Td>
                <Table.Td>
                  <Select size="xs" disabled={!editable} data={[{ value: 'accepted', label: t('app.accept') }, { value: 'reduced', label: t('app.reduce') }, { value: 'rejected', label: t('app.rejectLine') }]} value={row.decision} onChange={(v) => v && set({ decision: v })} aria-label={t('app.lineDecision', { line: l.description ?? l.lineId })} data-testid={`line-decision-${l.lineId}`} />
                </Table.Td>
                <Table.Td>{row.decision === 'reduced' && <NumberInput size="xs" value={row.accepted} onChange={(v) => set({ accepted: typeof v === 'number' ? v : 0 })} allowDecimal={false} min={0} thousandSeparator="," aria-label={t('app.lineAccepted', { line: l.description ?? l.lineId })} data-testid={`line-accepted-${l.lineId}`} />}</Table.Td>
                <Table.Td>{row.decision !== 'accepted' && <TextInput size="xs" withAsterisk placeholder={t('app.reason')} value={row.reason} onChange={(e) => set({ reason: e.currentTarget.value })} aria-label={t('app.lineReason', { line: l.description ?? l.lineId })} data-testid={`line-reason-${l.lineId}`} />}</Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
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
