import { Alert, Grid, Stack, Tabs } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { isEditableByApplicant, ZProgrammeKind, type TProgrammeKind } from '@tsumiki/domain';
import { applicantActions } from '@tsumiki/domain/lifecycle';
import { applicationForm, applicationFormDocument, assessApplication, budgetRowLabels, contentWithValueAt, grantFigures, type FormIssue, type FormSection, type TProgrammeDefinition } from '@tsumiki/domain/programmes';
import { QueryState, useTRPC } from '@tsumiki/ui';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { ApplicationLifecycle } from '../lifecycle/application-lifecycle';
import { LinkedCarbonAssessments } from '../carbon/linked-assessments';
import { AssessmentPanel } from './assessment-panel';
import { AttachmentsSection } from './attachments-section';
import { BudgetEditor } from './budget-editor';
import { ChecklistSection } from './checklist-section';
import { fieldId, FormSectionFields, langOf } from './form-fields';
import { WithProgrammeRules } from './programme-rules';
import { useAutosave } from './use-autosave';
import { ReviewStep, StepTabs, WizardHeader, type ApplicationView } from './wizard-parts';

/** The tab an issue belongs to: its form section, else the budget, checklist or the review tab. */
function tabOfPath(form: readonly FormSection[], path: string): string {
  const section = form.find((s) => s.fields.some((f) => f.path === path));
  if (section) return section.code;
  if (path.startsWith('checklist')) return 'checklist';
  if (path.startsWith('documents.')) return 'attachments';
  if (path.startsWith('grant')) return 'budget';
  return 'review';
}

export function ApplicationPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const trpc = useTRPC();
  const application = useQuery(trpc.applications.get.queryOptions({ id }, { refetchOnWindowFocus: false }));
  return (
    <QueryState query={application}>
      {(view) => {
        const kind = ZProgrammeKind.safeParse(view.programme?.kind);
        if (!kind.success) return <Alert color="red">{view.programme?.kind}</Alert>;
        // After submission: the status, history, requests, results report and changes.
        const lifecycle = <ApplicationLifecycle applicationId={view.id} title={view.title} kind={kind.data} status={view.status} latestVersionNo={view.submissions[0]?.versionNo ?? null} />;
        const submitted = !isEditableByApplicant(view.status) && view.submissions[0];
        return (
          // Apart: the history's last line sat against the LCCO2 card.
          <Stack gap="xl">
            {(submitted || applicantActions(view.status).resubmit) && lifecycle}
            {!submitted &&
              (view.definition ? (
                <WithProgrammeRules versionId={view.definition.versionId}>{(rules) => <Wizard key={view.id} view={view} kind={kind.data} rules={rules} />}</WithProgrammeRules>
              ) : (
                <Alert color="orange">{t('programmes.no_published_version', { ns: 'errors', keySeparator: false })}</Alert>
              ))}
            <LinkedCarbonAssessments applicationId={view.id} />
          </Stack>
        );
      }}
    </QueryState>
  );
}

/** `rules`: what the API computes with — the version submitted under, or for a draft the latest published. */
function Wizard({ view, kind, rules }: { view: ApplicationView; kind: TProgrammeKind; rules: TProgrammeDefinition }) {
  const { i18n } = useTranslation();
  const lang = langOf(i18n.language);
  const trpc = useTRPC();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const saveDraft = useMutation(trpc.applications.updateDraft.mutationOptions());
  const autosave = useAutosave(view, (d) => saveDraft.mutateAsync({ id: view.id, version: d.version, title: d.title, content: d.content }));
  const { draft, update, flush } = autosave;
  // The required documents count too (003 §6.4): the review step lists what is still to attach.
  // As the API: documents are checked at the first submission only; a resubmission keeps its files.
  const attached = useMemo(
    () => (applicantActions(view.status).resubmit ? undefined : view.attachments.map((a) => ({ documentCode: a.document_code, pageCount: a.page_count }))),
    [view.attachments, view.status],
  );
  // The sections as the pinned version asks them (its own eligibility questions included).
  const form = useMemo(() => applicationForm(kind, rules), [kind, rules]);
  const assessment = useMemo(() => assessApplication(kind, draft.content, attached, rules), [kind, draft.content, attached, rules]);
  const shownResult = assessment.result ?? assessment.provisional?.result ?? null;
  const figures = useMemo(
    () => (shownResult && draft.content.programme === kind ? grantFigures(applicationFormDocument({ content: draft.content, result: shownResult, definition: rules })) : []),
    [draft.content, kind, shownResult, rules],
  );
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [triedSubmit, setTriedSubmit] = useState(false);
  const [tab, setTab] = useState<string>(form[0]!.code);
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
    setTab(tabOfPath(form, path));
    setTimeout(() => document.getElementById(fieldId(path))?.focus(), 50);
  };

  const issues = serverIssues ?? assessment.issues;
  const rowNames = { labels: budgetRowLabels(rules, draft.content), lang };
  const editable = isEditableByApplicant(view.status);
  const issueCount = (code: string) => (triedSubmit ? assessment.issues.filter((i) => tabOfPath(form, i.path) === code).length : 0);

  return (
    <Stack gap="md" data-testid="application-wizard">
      <WizardHeader view={view} lang={lang} autosave={autosave} />
      <Grid>
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Tabs value={tab} onChange={(v) => v && setTab(v)} keepMounted={false}>
            <StepTabs kind={kind} form={form} lang={lang} issueCount={issueCount} />
            {form.map((s) => (
              <Tabs.Panel key={s.code} value={s.code} pt="md">
                <FormSectionFields section={s} content={draft.content} issues={assessment.issues} showErrors={showErrors} onChange={change} />
              </Tabs.Panel>
            ))}
            <Tabs.Panel value="budget" pt="md">
              <BudgetEditor rules={rules} applicationId={view.id} content={draft.content} issues={assessment.issues} showErrors={triedSubmit || touched.size > 0} onChange={change} />
            </Tabs.Panel>
            <Tabs.Panel value="checklist" pt="md">
              <ChecklistSection content={draft.content} issues={assessment.issues} showErrors={triedSubmit} onChange={change} />
            </Tabs.Panel>
            <Tabs.Panel value="attachments" pt="md">
              <AttachmentsSection applicationId={view.id} kind={kind} rules={rules} content={draft.content} attachments={view.attachments} editable={editable} />
            </Tabs.Panel>
            <Tabs.Panel value="review" pt="md">
              <ReviewStep
                issues={triedSubmit ? issues : []}
                rowNames={rowNames}
                onGoTo={goTo}
                submitError={submit.isError ? submit.error : null}
                preview={applicationFormDocument({ content: draft.content, result: assessment.result, definition: rules, title: draft.title })}
                onSubmit={() => void trySubmit()}
                submitting={submit.isPending}
                editable={editable}
              />
            </Tabs.Panel>
          </Tabs>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <AssessmentPanel
            result={shownResult}
            excludedRows={assessment.provisional?.excludedRows}
            figures={figures}
            blocking={assessment.issues.filter((i) => i.path.startsWith('grant'))}
            rowNames={rowNames}
          />
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
