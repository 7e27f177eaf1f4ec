import { Alert, Anchor, Badge, Button, Checkbox, FileInput, Group, List, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { IMPORT_COLUMNS, type TImportFile } from '@tsumiki/domain/ccus';
import { DataTable, errorText, readFileBase64, useTRPC, type AppRouter, type DataColumn } from '@tsumiki/ui';
import type { inferRouterOutputs } from '@trpc/server';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';

const TEMPLATE = [
  [IMPORT_COLUMNS.metric[0], IMPORT_COLUMNS.month[0], IMPORT_COLUMNS.member[0], IMPORT_COLUMNS.numerator[0], IMPORT_COLUMNS.denominator[0], IMPORT_COLUMNS.weightYen[0]].join(','),
  'work_history_records,2026-01,,"1,100,000",,',
  'business_registration_rate,2025-09,北海建設株式会社,45,50,1200000000',
].join('\r\n');
// A BOM so that Excel opens the Japanese headings as UTF-8.
const TEMPLATE_HREF = `data:text/csv;charset=utf-8,${encodeURIComponent(`\uFEFF${TEMPLATE}`)}`;
const SHOWN_ROWS = 200;
/** The API takes about 5 MB of data; saying so before sending beats a refused upload. */
const MAX_BYTES = 5_000_000;

type ImportRow = inferRouterOutputs<AppRouter>['ccus']['importFacts']['rows'][number];

const isExcel = (file: File) => /\.xlsx$/i.test(file.name) || file.type === 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Import monthly and snapshot figures from CSV or Excel (.xlsx): the file is checked as soon as it is chosen, every
 * problem is listed by line, and saving is possible only when no row has one (nothing half-saved).
 */
export function ImportPage() {
  const { associationId = '' } = useParams();
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [file, setFile] = useState<File | null>(null);
  const [source, setSource] = useState<TImportFile | null>(null);
  const [localProblem, setLocalProblem] = useState<string | null>(null);
  // Replacing stored figures needs a deliberate yes, given again for every new file.
  const [overwriteConfirmed, setOverwriteConfirmed] = useState(false);
  const preview = useMutation(trpc.ccus.importFacts.mutationOptions());
  const save = useMutation(
    trpc.ccus.importFacts.mutationOptions({
      onSuccess: async (result) => {
        if (result.saved === 0) return;
        await queryClient.invalidateQueries({ queryKey: trpc.ccus.pathKey() });
        notifications.show({ color: 'teal', message: t('import.saved', { count: result.saved }) });
        void navigate(`/associations/${associationId}`);
      },
    }),
  );

  const choose = async (chosen: File | null) => {
    setFile(chosen);
    save.reset();
    preview.reset();
    setSource(null);
    setLocalProblem(null);
    setOverwriteConfirmed(false);
    if (!chosen) return;
    if (chosen.size > MAX_BYTES) return setLocalProblem(t('import.tooLarge'));
    if (/\.xls$/i.test(chosen.name)) return setLocalProblem(t('import.oldExcel'));
    const file: TImportFile = isExcel(chosen) ? { format: 'xlsx', base64: await readFileBase64(chosen) } : { format: 'csv', text: await chosen.text() };
    setSource(file);
    preview.mutate({ associationId, file, commit: false });
  };

  const result = save.data ?? preview.data;
  const failure = save.error ?? preview.error;
  const problemRows = result?.rows.filter((r) => r.issues.length > 0) ?? [];
  const shown = [...problemRows, ...(result?.rows.filter((r) => r.issues.length === 0) ?? [])].slice(0, SHOWN_ROWS);

  return (
    <Stack gap="lg" data-testid="import-page">
      <Title order={1}>{t('import.title')}</Title>
      <Text>{t('import.lead')}</Text>
      <Group>
        <Anchor href={TEMPLATE_HREF} download="ccus-import-template.csv">
          {t('import.template')}
        </Anchor>
        <Anchor component={Link} to={`/associations/${associationId}`}>
          {t('import.back')}
        </Anchor>
      </Group>
      <FileInput
        label={t('import.file')}
        description={t('import.fileHint')}
        accept=".csv,text/csv,.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        value={file}
        onChange={(f) => void choose(f)}
        clearable
        data-testid="import-file"
      />
      {localProblem && (
        <Alert color="red" role="alert" title={t('import.failed')}>
          {localProblem}
        </Alert>
      )}
      {failure && (
        <Alert color="red" role="alert" title={t('import.failed')}>
          {errorText(t, failure)}
        </Alert>
      )}
      {result && result.fileIssues.length > 0 && (
        <Alert color="red" role="alert" title={t('import.failed')}>
          <List>
            {result.fileIssues.map((issue) => (
              <List.Item key={issue.code + issue.field}>{issue.message}</List.Item>
            ))}
          </List>
        </Alert>
      )}
      {result && result.fileIssues.length === 0 && (
        <>
          <Alert color={result.ok ? 'teal' : 'red'} role={result.ok ? 'status' : 'alert'} data-testid="import-summary">
            {result.ok ? t('import.allGood', { count: result.rows.length }) : t('import.someBad', { count: result.rows.length, bad: result.errorRows })}
          </Alert>
          {result.replacingRows > 0 && (
            <Alert color="yellow" title={t('import.overwriteTitle')} data-testid="import-overwrite">
              <Stack gap="xs">
                <Text size="sm">{t('import.overwriteBody', { count: result.replacingRows })}</Text>
                <Checkbox
                  label={t('import.overwriteConfirm', { count: result.replacingRows })}
                  checked={overwriteConfirmed}
                  onChange={(e) => setOverwriteConfirmed(e.currentTarget.checked)}
                  data-testid="import-overwrite-confirm"
                />
              </Stack>
            </Alert>
          )}
          <ImportRowsTable rows={shown} />
          {result.rows.length > SHOWN_ROWS && <Text c="dimmed">{t('import.truncated', { shown: SHOWN_ROWS, count: result.rows.length })}</Text>}
          <Group>
            <Button
              disabled={!result.ok || source == null || (result.replacingRows > 0 && !overwriteConfirmed)}
              loading={save.isPending}
              onClick={() => source != null && save.mutate({ associationId, file: source, commit: true })}
              data-testid="import-save"
            >
              {t('import.save', { count: result.rows.length })}
            </Button>
          </Group>
        </>
      )}
    </Stack>
  );
}

/** The rows as read, problem rows first: each value with what it would replace, and its problems. */
function ImportRowsTable({ rows }: { rows: readonly ImportRow[] }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language === 'en' ? 'en-US' : 'ja-JP';
  const columns: DataColumn<ImportRow>[] = [
    { id: 'line', header: t('import.line'), align: 'right', sortValue: (r) => r.line, cell: (r) => r.line },
    { id: 'metric', header: t('import.metric'), sortValue: (r) => r.metricCode, cell: (r) => r.metricCode },
    { id: 'month', header: t('import.month'), sortValue: (r) => r.month, cell: (r) => r.month ?? '—' },
    { id: 'member', header: t('import.member'), sortValue: (r) => r.member, cell: (r) => r.member ?? t('import.associationTotal') },
    {
      id: 'numerator',
      header: t('import.numerator'),
      align: 'right',
      cell: (r) => (
        <div>
          {r.numerator ?? '—'}
          {r.replaces && (
            <Text size="xs" c="dimmed" data-testid="replaces">
              {t('import.replaces', { value: r.replaces.numerator.toLocaleString(locale) })}
            </Text>
          )}
        </div>
      ),
    },
    {
      id: 'denominator',
      header: t('import.denominator'),
      align: 'right',
      cell: (r) => (
        <div>
          {r.denominator ?? ''}
          {r.replaces?.denominator != null && (
            <Text size="xs" c="dimmed">
              {t('import.replaces', { value: r.replaces.denominator.toLocaleString(locale) })}
            </Text>
          )}
        </div>
      ),
    },
    {
      id: 'problems',
      header: t('import.problems'),
      sortValue: (r) => -r.issues.length,
      cell: (r) =>
        r.issues.length === 0 ? (
          <Badge color="teal" variant="light">
            OK
          </Badge>
        ) : (
          <List size="sm" c="red.8">
            {r.issues.map((issue, i) => (
              <List.Item key={i}>{issue.message}</List.Item>
            ))}
          </List>
        ),
    },
  ];
  return (
    <DataTable
      data={rows}
      columns={columns}
      rowKey={(r) => String(r.line)}
      rowProps={(r) => ({ bg: r.issues.length ? 'var(--mantine-color-red-light)' : undefined, 'data-line': r.line })}
      label={t('import.rowsLabel')}
      empty={<Text>{t('import.noRows')}</Text>}
      maxHeight={480}
      striped={false}
      data-testid="import-table"
    />
  );
}
