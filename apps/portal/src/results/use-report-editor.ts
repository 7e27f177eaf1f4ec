import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { displayParams, type TApplicationStatus, type TProgrammeKind } from '@tsumiki/domain';
import {
  applicantActions,
  checkResultsReport,
  reportDraftWithValueAt,
  type ReportIssue,
  type TResultsReportDraft,
} from '@tsumiki/domain/lifecycle';
import type { TCltContent, TProgrammeDefinition } from '@tsumiki/domain/programmes';
import { useTRPC } from '@tsumiki/ui';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useReportAutosave } from './use-report-autosave';

export type TDraftLine = NonNullable<TResultsReportDraft['lines']>[number];
export type TDraftStaff = NonNullable<NonNullable<TResultsReportDraft['personnel']>['staff']>[number];
export type TDraftDay = NonNullable<NonNullable<TResultsReportDraft['personnel']>['diaries']>[number];

export interface ReportDraftView {
  kind: TProgrammeKind;
  status: TApplicationStatus;
  applicationVersion: number;
  content: TResultsReportDraft;
  version: number | null;
  submittedAt: Date | null;
  categories: string[];
  /** The rules the application was submitted under (the report's categories and checks). */
  rules: TProgrammeDefinition;
  frozenChecklist: TCltContent['checklist'] | null;
}

/**
 * The report editor's state: the autosaved draft, the domain's live check, which errors may show
 * yet, and submission. Sections receive it whole and edit the draft by field path.
 */
export function useReportEditor(applicationId: string, initial: ReportDraftView, onSubmitted?: () => void) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { kind } = initial;
  const editable = applicantActions(initial.status).report;
  const autosave = useReportAutosave(applicationId, initial);
  const { draft, update } = autosave;
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [tried, setTried] = useState(false);
  const [serverIssues, setServerIssues] = useState<ReportIssue[] | null>(null);
  const check = useMemo(
    () =>
      checkResultsReport(
        initial.rules,
        draft,
        initial.frozenChecklist
          ? { programme: 'clt_demonstration', checklist: initial.frozenChecklist }
          : null,
        new Date(),
      ),
    [initial.rules, draft, initial.frozenChecklist],
  );
  const issues = serverIssues ?? check.issues;
  // An error shows once its field, or a field inside it (an entry's times), or the list holding it was edited.
  const shown = (path: string) =>
    tried || [...touched].some((p) => p === path || p.startsWith(`${path}.`) || path.startsWith(`${p}.`));
  const errorAt = (path: string) => {
    if (!shown(path)) return undefined;
    const issue = issues.find((i) => i.path === path || i.path.startsWith(`${path}.`));
    return issue
      ? t(issue.code, { ns: 'errors', keySeparator: false, defaultValue: issue.code, ...displayParams(issue.params) })
      : undefined;
  };
  const set = (path: string, value: unknown) => {
    setTouched((s) => new Set(s).add(path));
    setServerIssues(null);
    // The controls give values of their field's type; a value the draft schema refuses is not taken.
    update((d) => {
      try {
        return reportDraftWithValueAt(d, path, value);
      } catch {
        return d;
      }
    });
  };

  const submit = useMutation(trpc.lifecycle.submitReport.mutationOptions());
  const trySubmit = async () => {
    setTried(true);
    setServerIssues(null);
    if (check.issues.length > 0) return;
    if (!(await autosave.flush()) || autosave.version.current === null) return;
    const result = await submit
      .mutateAsync({
        applicationId,
        version: initial.applicationVersion,
        reportVersion: autosave.version.current,
      })
      .catch(() => null);
    if (!result) return;
    if (!result.ok) return setServerIssues(result.issues);
    await queryClient.invalidateQueries({ queryKey: trpc.lifecycle.pathKey() });
    await queryClient.invalidateQueries({ queryKey: trpc.applications.pathKey() });
    await queryClient.invalidateQueries({ queryKey: trpc.notifications.pathKey() });
    onSubmitted?.();
  };

  const files = useQuery(trpc.applications.get.queryOptions({ id: applicationId }));
  const fileName = (id: string) =>
    files.data?.attachments.find((a) => a.id === id)?.file_name ?? id.slice(0, 8);

  return {
    applicationId,
    kind,
    editable,
    autosave,
    draft,
    check,
    issues,
    tried,
    errorAt,
    set,
    submit,
    trySubmit,
    fileName,
  };
}

export type ReportEditorState = ReturnType<typeof useReportEditor>;
