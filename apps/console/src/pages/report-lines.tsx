import { Alert, Button, Card, NumberInput, Select, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { RouterOutputs } from '@tsumiki/api';
import { isResultsReportUnderReview } from '@tsumiki/domain/lifecycle';
import { LINE_DECISIONS, lineReviewsFormSchema, type TLineReviewsFormValues } from '@tsumiki/domain/review';
import { DataTable, displayYen, errorText, useDomainForm, useTRPC, type DataColumn } from '@tsumiki/ui';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

type View = RouterOutputs['review']['open'];
type ReportLine = View['reportLines'][number];

const DECISION_LABELS = { accepted: 'app.accept', reduced: 'app.reduce', rejected: 'app.rejectLine' } as const;

/**
 * The results report's lines, each accepted, reduced (to an amount below the reported one) or
 * rejected, a cut with its reason — checked as typed by the rule the API applies (reviewLines).
 */
export function ReportLines({ view }: { view: View }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language === 'en' ? 'en' : 'ja';
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const lines = view.reportLines;
  const schema = useMemo(() => lineReviewsFormSchema(lines.map((l) => ({ id: l.lineId, amount: l.amountYen, ...(l.description ? { description: l.description } : {}) }))), [lines]);
  const initialValues: TLineReviewsFormValues = {
    rows: lines.map((l) => ({ lineId: l.lineId, decision: l.decision ?? 'accepted', accepted: l.acceptedYen ?? l.amountYen, reason: l.reason ?? '' })),
  };
  const form = useDomainForm(schema, { initialValues });
  const save = useMutation(trpc.review.reviewReportLines.mutationOptions({ onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.review.open.queryKey({ applicationId: view.application.id }) }) }));
  const editable = isResultsReportUnderReview(view.application.status);
  const name = (l: ReportLine) => l.description ?? l.lineId;
  const { rows } = form.getValues();
  const at = (l: ReportLine) => lines.indexOf(l);
  const lineColumns: DataColumn<ReportLine>[] = [
    { id: 'line', header: t('app.reportLine'), rowHeader: true, cell: name },
    { id: 'amount', header: t('app.reportedAmount'), align: 'right', sortValue: (l) => l.amountYen, cell: (l) => displayYen(l.amountYen, locale) },
    {
      id: 'decision',
      header: t('app.lineReview'),
      cell: (l) => (
        <Select
          size="xs"
          disabled={!editable}
          allowDeselect={false}
          data={LINE_DECISIONS.map((d) => ({ value: d, label: t(DECISION_LABELS[d]) }))}
          value={rows[at(l)]?.decision}
          onChange={(v) => {
            const decision = LINE_DECISIONS.find((d) => d === v);
            if (decision) form.setFieldValue(`rows.${at(l)}.decision`, decision);
          }}
          aria-label={t('app.lineDecision', { line: name(l) })}
          data-testid={`line-decision-${l.lineId}`}
        />
      ),
    },
    {
      id: 'accepted',
      header: t('app.acceptedAmount'),
      cell: (l) =>
        rows[at(l)]?.decision === 'reduced' && (
          <NumberInput size="xs" disabled={!editable} allowDecimal={false} clampBehavior="none" thousandSeparator="," {...form.getInputProps(`rows.${at(l)}.accepted`)} aria-label={t('app.lineAccepted', { line: name(l) })} data-testid={`line-accepted-${l.lineId}`} />
        ),
    },
    {
      id: 'reason',
      header: t('app.reason'),
      cell: (l) =>
        rows[at(l)]?.decision !== 'accepted' && (
          <TextInput size="xs" disabled={!editable} withAsterisk maxLength={2000} placeholder={t('app.reason')} {...form.getInputProps(`rows.${at(l)}.reason`)} aria-label={t('app.lineReason', { line: name(l) })} data-testid={`line-reason-${l.lineId}`} />
        ),
    },
  ];
  // Once saving was tried, the first refusal is also said above the button, where the eye and a screen reader are.
  const firstRefusal = Object.keys(form.errors).map((path) => form.errorText(path)).find((text) => text !== undefined);
  return (
    <Card withBorder data-testid="report-lines">
      <Title order={2}>{t('app.reportLines')}</Title>
      <DataTable data={lines} columns={lineColumns} rowKey={(l) => l.lineId} label={t('app.reportLines')} empty={<Text c="dimmed">{t('app.noReportLines')}</Text>} striped={false} data-testid="report-lines-table" />
      {save.error && <Alert color="red" role="alert">{errorText(t, save.error)}</Alert>}
      {firstRefusal !== undefined && <Alert color="red" role="alert" data-testid="line-review-refused">{firstRefusal}</Alert>}
      {editable && (
        <Button mt="sm" data-testid="save-line-reviews" loading={save.isPending} onClick={() => form.onSubmit((reviews) => save.mutate({ applicationId: view.application.id, version: view.application.version, reviews }))()}>
          {t('app.saveReview')}
        </Button>
      )}
    </Card>
  );
}
