import { Alert, Button, FileButton, Group, List, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { displayParams } from '@tsumiki/domain';
import { budgetTables, type BudgetRow, type BudgetTable, type TProgrammeDefinition } from '@tsumiki/domain/programmes';
import { errorText, readFileBase64, saveFile, useTRPC } from '@tsumiki/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

type Preview = { ok: true; tables: Record<string, BudgetRow[]>; rowCount: number } | { ok: false; issues: { line: number; code: string; params: Record<string, string | number> }[] };

/**
 * The budget from Excel/CSV: the programme's template (with the draft's current lines) to
 * download, and a file checked line by line by the API before anything in the draft changes; the
 * applicant then takes the lines, which replace the budget tables and autosave like typing.
 */
export function BudgetImport({ applicationId, rules, onImport }: { applicationId: string; rules: TProgrammeDefinition; onImport: (table: BudgetTable, rows: BudgetRow[]) => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [preview, setPreview] = useState<Preview | null>(null);
  const [busy, setBusy] = useState<'xlsx' | 'csv' | null>(null);
  const [downloadError, setDownloadError] = useState<unknown>(null);
  const check = useMutation(trpc.applications.previewBudgetImport.mutationOptions({ onSuccess: (result) => setPreview(result) }));

  const download = async (format: 'xlsx' | 'csv') => {
    setBusy(format);
    setDownloadError(null);
    try {
      saveFile(await queryClient.fetchQuery(trpc.applications.budgetTemplate.queryOptions({ applicationId, format }, { staleTime: 0 })));
    } catch (error) {
      setDownloadError(error);
    } finally {
      setBusy(null);
    }
  };
  const choose = async (file: File | null) => {
    setPreview(null);
    if (!file) return;
    const xlsx = file.name.toLowerCase().endsWith('.xlsx');
    check.mutate({ applicationId, file: xlsx ? { format: 'xlsx', base64: await readFileBase64(file) } : { format: 'csv', text: await file.text() } });
  };
  const take = () => {
    if (!preview?.ok) return;
    for (const table of budgetTables(rules)) onImport(table, preview.tables[table.code] ?? []);
    setPreview(null);
  };
  const failure = check.error ?? downloadError;

  return (
    <Stack gap="xs" data-testid="budget-import">
      <Group>
        <Button size="xs" variant="default" loading={busy === 'xlsx'} onClick={() => void download('xlsx')}>
          {t('applyBudget.templateXlsx')}
        </Button>
        <Button size="xs" variant="default" loading={busy === 'csv'} onClick={() => void download('csv')}>
          {t('applyBudget.templateCsv')}
        </Button>
        <FileButton onChange={(f) => void choose(f)} accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet">
          {(props) => (
            <Button size="xs" variant="light" loading={check.isPending} {...props} data-testid="budget-import-button">
              {t('applyBudget.import')}
            </Button>
          )}
        </FileButton>
      </Group>
      {preview?.ok === false && (
        <Alert color="red" role="alert" title={t('applyBudget.issues', { count: preview.issues.length })} data-testid="budget-import-issues">
          <List size="sm">
            {preview.issues.map((i, n) => (
              <List.Item key={n}>
                {t('budget_import.row_invalid', { ns: 'errors', keySeparator: false, line: i.line, message: t(i.code, { ns: 'errors', keySeparator: false, ...displayParams(i.params) }) })}
              </List.Item>
            ))}
          </List>
        </Alert>
      )}
      {preview?.ok && (
        <Alert color="blue" role="status" data-testid="budget-import-ready">
          <Text size="sm">{t('applyBudget.ready', { count: preview.rowCount })}</Text>
          <Group mt="xs">
            <Button size="xs" onClick={take}>
              {t('applyBudget.take')}
            </Button>
            <Button size="xs" variant="subtle" onClick={() => setPreview(null)}>
              {t('applyBudget.cancel')}
            </Button>
          </Group>
        </Alert>
      )}
      {failure !== null && failure !== undefined && (
        <Alert color="red" role="alert">
          {errorText(t, failure)}
        </Alert>
      )}
    </Stack>
  );
}
