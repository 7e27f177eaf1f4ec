import { Alert, Anchor, Badge, Button, Group, List, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { displayParams } from '@tsumiki/domain';
import { PERSONNEL_CATEGORIES } from '@tsumiki/domain/lifecycle';
import { displayJst, displayJstTime, errorText, QueryState, useTRPC } from '@tsumiki/ui';
import { useTranslation } from 'react-i18next';
import { ReportChecklistSection } from './report-checklist-section';
import { ReportLinesSection } from './report-lines-section';
import { ReportPersonnelSection } from './report-personnel-section';
import { ReportPublicationSection } from './report-publication-section';
import { useReportEditor, type ReportDraftView } from './use-report-editor';

/** 実績報告 (001 §4; 003 §4.2): a form per programme, autosaved, checked live by the domain, submitted through the workflow. */
export function ResultsReportForm({
  applicationId,
  onSubmitted,
}: {
  applicationId: string;
  onSubmitted?: () => void;
}) {
  const trpc = useTRPC();
  const draft = useQuery(
    trpc.lifecycle.reportDraft.queryOptions({ applicationId }, { refetchOnWindowFocus: false }),
  );
  return (
    <QueryState query={draft}>
      {(d) => (
        <ReportEditor
          key={`${d.version ?? 0}`}
          applicationId={applicationId}
          initial={d}
          onSubmitted={onSubmitted}
        />
      )}
    </QueryState>
  );
}

function ReportEditor({
  applicationId,
  initial,
  onSubmitted,
}: {
  applicationId: string;
  initial: ReportDraftView;
  onSubmitted?: (() => void) | undefined;
}) {
  const { t, i18n } = useTranslation();
  const editor = useReportEditor(applicationId, initial, onSubmitted);
  const { editable, issues, tried, submit } = editor;
  const { state, savedAt } = editor.autosave;
  // The categories of the rules the application was submitted under, as the office named them.
  const categories = initial.rules.costCategories.filter((c) => initial.categories.includes(c.code));
  const hasPersonnel = categories.some((c) => PERSONNEL_CATEGORIES.includes(c.code));

  return (
    <Stack gap="lg" data-testid="results-report">
      <Group justify="space-between">
        <Title order={2} size="h3">
          {t('results.heading')}
        </Title>
        {editable && (
          <Badge
            color={{ saved: 'teal', dirty: 'gray', saving: 'blue', error: 'red', conflict: 'orange' }[state]}
            variant="light"
            role="status"
            data-testid="report-save-state"
            data-state={state}
          >
            {t(`results.save.${state}`, { time: savedAt ? displayJstTime(savedAt) : '' })}
          </Badge>
        )}
      </Group>
      {initial.submittedAt && !editable && (
        <Alert color="teal">{t('results.submitted', { at: displayJst(initial.submittedAt) })}</Alert>
      )}
      {!editable && !initial.submittedAt && <Alert color="gray">{t('results.locked')}</Alert>}
      {state === 'conflict' && (
        <Alert color="orange" role="alert">
          {t('results.draft_version_conflict', { ns: 'errors', keySeparator: false })}{' '}
          <Anchor component="button" type="button" onClick={() => window.location.reload()}>
            {t('results.reload')}
          </Anchor>
        </Alert>
      )}
      <Text size="sm">{t('results.intro')}</Text>

      <ReportLinesSection editor={editor} categories={categories} />
      {initial.rules.engine === 'co2_factor' && <ReportPublicationSection editor={editor} />}
      {hasPersonnel && <ReportPersonnelSection editor={editor} />}
      {initial.rules.engine === 'clt' && (
        <ReportChecklistSection editor={editor} planned={initial.frozenChecklist?.answers ?? {}} />
      )}

      {tried && issues.length > 0 && (
        <Alert
          color="red"
          title={t('results.issuesTitle', { count: issues.length })}
          role="alert"
          data-testid="report-issues"
        >
          <List size="sm">
            {issues.map((i, n) => (
              <List.Item key={`${i.path}-${i.code}-${n}`}>
                {issueLine(t(i.code, { ns: 'errors', keySeparator: false, defaultValue: i.code, ...displayParams(i.params) }), i18n.language.startsWith('en') ? i.params.fieldEn : i.params.field)}
              </List.Item>
            ))}
          </List>
        </Alert>
      )}
      {submit.isError && (
        <Alert color="red" role="alert">
          {errorText(t, submit.error)}
        </Alert>
      )}
      {editable && (
        <Button
          size="md"
          w="fit-content"
          onClick={() => void editor.trySubmit()}
          loading={submit.isPending}
          data-testid="report-submit"
        >
          {t('results.submit')}
        </Button>
      )}
    </Stack>
  );
}

/** A message in the list before submission, led by the field it is about (「経費の明細 2行目 金額」) unless it names it already. */
function issueLine(message: string, field: string | number | undefined): string {
  return typeof field === 'string' && !message.includes(field) ? `${field}: ${message}` : message;
}
