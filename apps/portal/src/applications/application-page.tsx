import { Alert, Anchor, Badge, Button, Card, Grid, Group, List, Stack, Tabs, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { isEditableByApplicant, ZProgrammeKind, type TProgrammeKind } from '@tsumiki/domain';
import { applicantActions } from '@tsumiki/domain/lifecycle';
import { APPLICATION_FORMS, applicationFormDocument, assessApplication, contentWithValueAt, type FormIssue } from '@tsumiki/domain/programmes';
import { displayJst, errorText, FormDocumentView, QueryState, useTRPC, type AppRouter } from '@tsumiki/ui';
import type { inferRouterOutputs } from '@trpc/server';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { ApplicationLifecycle } from '../lifecycle/application-lifecycle';
import { LinkedCarbonAssessments } from '../carbon/linked-assessments';
import { AssessmentPanel } from './assessment-panel';
import { AttachmentsSection } from './attachments-section';
import { BudgetEditor } from './budget-editor';
import { ChecklistSection } from './checklist-section';
import { PdfButton } from './pdf-button';
import { Countdown } from './countdown';
import { fieldId, FormSectionFields, issueText, langOf } from './form-fields';
import { useAutosave, type SaveState } from './use-autosave';

type ApplicationView = inferRouterOutputs<AppRouter>['applications']['get'];

/** The tab an issue belongs to: its form section, else the budget, checklist or the review tab. */
function tabOfPath(kind: TProgrammeKind, path: string): string {
  const section = APPLICATION_FORMS[kind].find((s) => s.fields.some((f) => f.path === path));
  if (section) return section.code;
  if (path.startsWith('checklist')) return 'checklist';
  if (path.startsWith('documents.')) return 'attachments';
  if (path.startsWith('grant')) return 'budget';
  return 'review';
}

export function ApplicationPage() {
  const { id = '' } = useParams();
  const trpc = useTRPC();
  const application = useQuery(trpc.applications.get.queryOptions({ id }, { refetchOnWindowFocus: false }));
  return (
    <QueryState query={application}>
      {(view) => {
        const kind = ZProgrammeKind.safeParse(view.programme?.kind);
        if (!kind.success) return <Alert color="red">{view.programme?.kind}</Alert>;
        // After submission: the status, history, requests, results report and changes (issue 4).
        const lifecycle = <ApplicationLifecycle applicationId={view.id} title={view.title} kind={kind.data} status={view.status} latestVersionNo={view.submissions[0]?.versionNo ?? null} />;
        const submitted = !isEditableByApplicant(view.status) && view.submissions[0];
        return (
          <>
            {(submitted || applicantActions(view.status).resubmit) && lifecycle}
            {!submitted && <Wizard key={view.id} view={view} kind={kind.data} />}
            <LinkedCarbonAssessments applicationId={view.id} />
          </>
        );
      }}
    </QueryState>
  );
}

function SaveIndicator({ state, savedAt }: { state: SaveState; savedAt: Date | null }) {
  const { t } = useTranslation();
  const color = { saved: 'teal', dirty: 'gray', saving: 'blue', error: 'red', conflict: 'orange' }[state];
  return (
    <Badge color={color} variant="light" data-testid="save-state" data-state={state} role="status">
      {t(`apply.saveState.${state}`, { time: savedAt ? displayJst(savedAt).slice(-5) : '' })}
    </Badge>
  );
}

function Wizard({ view, kind }: { view: ApplicationView; kind: TProgrammeKind }) {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  const trpc = useTRPC();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const saveDraft = useMutation(trpc.applications.updateDraft.mutationOptions());
  const autosave = useAutosave(view, (d) => saveDraft.mutateAsync({ id: view.id, version: d.version, title: d.title, content: d.content }));
  const { draft, update, flush, state, savedAt } = autosave;
  // The required documents count too (003 §6.4): the review step lists what is still to attach.
  // As the API: documents are checked at the first submission only; a resubmission keeps its files (issue 4).
  const attached = useMemo(
    () => (applicantActions(view.status).resubmit ? undefined : view.attachments.map((a) => ({ documentCode: a.document_code, pageCount: a.page_count }))),
    [view.attachments, view.status],
  );
  const assessment = useMemo(() => assessApplication(kind, draft.content, attached), [kind, draft.content, attached]);
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [triedSubmit, setTriedSubmit] = useState(false);
  const [tab, setTab] = useState<string>(APPLICATION_FORMS[kind][0]!.code);
  const [serverIssues, setServerIssues] = useState<FormIssue[] | null>(null);
  const idempotencyKey = useRef<string | null>(null);
  const showErrors = (path: string) => triedSubmit || touched.has(path);

  const change = (path: string, value: unknown) => {
    setTouched((s) => new Set(s).add(path));
    // The controls give values of their field's type; a value the schema refuses is not taken.
    update((d) => {
      try {
        return { ...d, content: contentWithValueAt(d.content, path, value) };
      } catch {
        return d;
      }
    });
  };

  const submit = useMutation(trpc.applications.submit.mutationOptions());

  const trySubmit = async () => {
    setTriedSubmit(true);
    setServerIssues(null);
    if (assessment.issues.length > 0) return;
    if (!(await flush())) return;
    // One key per attempt, kept across a network failure so a retry cannot submit twice.
    idempotencyKey.current ??= crypto.randomUUID();
    const result = await submit.mutateAsync({ id: view.id, version: autosave.version.current, idempotencyKey: idempotencyKey.current }).catch(() => null);
    if (!result) return;
    idempotencyKey.current = null;
    if (!result.ok) {
      setServerIssues(result.issues);
      return;
    }
    await queryClient.invalidateQueries({ queryKey: trpc.applications.pathKey() });
    void navigate(`/applications/${view.id}/receipt/${result.receipt.versionNo}`);
  };

  const goTo = (path: string) => {
    setTab(tabOfPath(kind, path));
    setTimeout(() => document.getElementById(fieldId(path))?.focus(), 50);
  };

  const issues = serverIssues ?? assessment.issues;
  const editable = isEditableByApplicant(view.status);
  const sections = APPLICATION_FORMS[kind];
  const issueCount = (code: string) => (triedSubmit ? assessment.issues.filter((i) => tabOfPath(kind, i.path) === code).length : 0);

  return (
    <Stack gap="md" data-testid="application-wizard">
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Text size="sm" c="dimmed">
            {view.programme ? (lang === 'en' ? view.programme.nameEn : view.programme.nameJa) : ''}
          </Text>
          <TextInput
            aria-label={t('apply.titleLabel')}
            size="lg"
            value={draft.title}
            maxLength={200}
            onChange={(e) => {
              const title = e.currentTarget.value;
              update((d) => ({ ...d, title }));
            }}
            w={520}
          />
          {view.programme && <Countdown closesAt={view.programme.windowClosesAt} />}
        </Stack>
        <Stack gap={4} align="flex-end">
          <SaveIndicator state={state} savedAt={savedAt} />
          <PdfButton applicationId={view.id} />
          {(state === 'error' || state === 'conflict') && (
            <Group gap="xs">
              {state === 'error' && (
                <Button size="xs" variant="light" onClick={() => void flush()}>
                  {t('apply.retrySave')}
                </Button>
              )}
              {state === 'conflict' && (
                <Button size="xs" variant="subtle" color="orange" onClick={() => window.location.reload()}>
                  {t('apply.reload')}
                </Button>
              )}
            </Group>
          )}
        </Stack>
      </Group>
      {state === 'conflict' && (
        <Alert color="orange" role="alert">
          {t('application.version_conflict', { ns: 'errors', keySeparator: false })}
        </Alert>
      )}
      <Grid>
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Tabs value={tab} onChange={(v) => v && setTab(v)} keepMounted={false}>
            <Tabs.List>
              {sections.map((s) => (
                <Tabs.Tab key={s.code} value={s.code} rightSection={issueCount(s.code) ? <Badge size="xs" color="red">{issueCount(s.code)}</Badge> : null}>
                  {s.title[lang]}
                </Tabs.Tab>
              ))}
              <Tabs.Tab value="budget" rightSection={issueCount('budget') ? <Badge size="xs" color="red">{issueCount('budget')}</Badge> : null}>
                {t('apply.steps.budget')}
              </Tabs.Tab>
              {kind === 'clt_demonstration' && (
                <Tabs.Tab value="checklist" rightSection={issueCount('checklist') ? <Badge size="xs" color="red">{issueCount('checklist')}</Badge> : null}>
                  {t('apply.steps.checklist')}
                </Tabs.Tab>
              )}
              <Tabs.Tab value="attachments" rightSection={issueCount('attachments') ? <Badge size="xs" color="red">{issueCount('attachments')}</Badge> : null}>
                {t('apply.steps.attachments')}
              </Tabs.Tab>
              <Tabs.Tab value="review">{t('apply.steps.review')}</Tabs.Tab>
            </Tabs.List>
            {sections.map((s) => (
              <Tabs.Panel key={s.code} value={s.code} pt="md">
                <FormSectionFields section={s} content={draft.content} issues={assessment.issues} showErrors={showErrors} onChange={change} />
              </Tabs.Panel>
            ))}
            <Tabs.Panel value="budget" pt="md">
              <BudgetEditor kind={kind} applicationId={view.id} content={draft.content} issues={assessment.issues} showErrors={triedSubmit || touched.size > 0} onChange={change} />
            </Tabs.Panel>
            <Tabs.Panel value="checklist" pt="md">
              <ChecklistSection content={draft.content} issues={assessment.issues} showErrors={triedSubmit} onChange={change} />
            </Tabs.Panel>
            <Tabs.Panel value="attachments" pt="md">
              <AttachmentsSection applicationId={view.id} kind={kind} content={draft.content} attachments={view.attachments} editable={editable} />
            </Tabs.Panel>
            <Tabs.Panel value="review" pt="md">
              <Stack>
                {triedSubmit && issues.length > 0 && (
                  <Alert color="red" title={t('apply.submit.issues')} role="alert" data-testid="submit-issues">
                    <Text size="sm" mb="xs">
                      {t('application.submission_incomplete', { ns: 'errors', keySeparator: false, count: issues.length })}
                    </Text>
                    <List size="sm">
                      {issues.map((i) => (
                        <List.Item key={`${i.path}-${i.code}`}>
                          {issueText(t, i)}{' '}
                          {i.path && (
                            <Anchor component="button" type="button" size="sm" onClick={() => goTo(i.path)}>
                              {t('apply.submit.goTo')}
                            </Anchor>
                          )}
                        </List.Item>
                      ))}
                    </List>
                  </Alert>
                )}
                {submit.isError && (
                  <Alert color="red" role="alert" data-testid="submit-error">
                    {errorText(t, submit.error)}
                  </Alert>
                )}
                <Card withBorder data-testid="submit-preview">
                  <Title order={2}>{t('apply.submit.previewHeading')}</Title>
                  <Text size="sm" mb="md">{t('apply.submit.previewLead')}</Text>
                  <FormDocumentView document={applicationFormDocument({ content: draft.content, result: assessment.result, title: draft.title })} />
                </Card>
                <Group>
                  <Button size="md" onClick={() => void trySubmit()} loading={submit.isPending} disabled={!editable}>
                    {t('apply.submit.button')}
                  </Button>
                </Group>
              </Stack>
            </Tabs.Panel>
          </Tabs>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <AssessmentPanel result={assessment.result} />
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
