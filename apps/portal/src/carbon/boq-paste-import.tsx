import { Alert, Button, FileInput, Group, Text, Textarea } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { errorMessage } from '@tsumiki/domain';
import {
  parseBoqSheet,
  type TBoqDraftLine,
  type TBoqImportRow,
  type TBuildingDraft,
  type TCarbonIssue,
  type TEmissionFactor,
  type TRememberedName,
} from '@tsumiki/domain/carbon';
import { DataTable, errorText, readFileBase64, useTRPC, type DataColumn } from '@tsumiki/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { draftLines, pastedCells } from './boq-lines';

interface RowProblem {
  readonly line: number;
  readonly issues: readonly TCarbonIssue[];
}

function RowProblems({ rows }: { rows: readonly RowProblem[] }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'ja';
  const bad = rows.filter((r) => r.issues.length > 0);
  const columns: DataColumn<RowProblem>[] = [
    { id: 'line', header: t('carbon.boq.line'), rowHeader: true, align: 'right', sortValue: (r) => r.line, cell: (r) => r.line },
    { id: 'problem', header: t('carbon.boq.problem'), cell: (r) => r.issues.map((i) => errorMessage(i.code, lang, i.params)).join(' ') },
  ];
  return (
    <DataTable
      data={bad.slice(0, 100)}
      columns={columns}
      rowKey={(r) => String(r.line)}
      label={t('carbon.boq.problem')}
      empty={null}
      striped={false}
      data-testid="boq-row-errors"
    />
  );
}

/**
 * Cells pasted from Excel, into the grid or the box below it: every row is checked before any
 * line is taken; a paste with a problem adds nothing and says which rows are wrong.
 */
export function useBoqPaste({
  library,
  remembered,
  lines,
  onAdd,
}: {
  library: readonly TEmissionFactor[];
  remembered: readonly TRememberedName[];
  lines: readonly TBoqDraftLine[];
  onAdd: (lines: TBoqDraftLine[]) => void;
}) {
  const { t } = useTranslation();
  const [problem, setProblem] = useState<TBoqImportRow[] | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const take = (text: string) => {
    const sheet = parseBoqSheet(pastedCells(text), { library, remembered });
    if (!sheet.ok) {
      setProblem(
        sheet.rows.length > 0
          ? sheet.rows
          : [{ line: 0, values: {} as never, issues: sheet.fileIssues, materialName: '' }],
      );
      setNotice(null);
      return false;
    }
    onAdd(draftLines(sheet.rows, lines));
    setProblem(null);
    setNotice(t('carbon.boq.pasted', { count: sheet.rows.length }));
    return true;
  };
  return { take, problem, notice };
}

/** The box to paste Excel cells into, with what the last paste took or why it took nothing. */
export function BoqPasteBox({
  paste,
  namesLoading,
}: {
  paste: ReturnType<typeof useBoqPaste>;
  namesLoading: boolean;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  return (
    <>
      <Textarea
        label={t('carbon.boq.pasteLabel')}
        autosize
        minRows={2}
        maxRows={8}
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
        data-testid="boq-paste"
      />
      <Group>
        <Button
          size="xs"
          disabled={text.trim() === '' || namesLoading}
          onClick={() => {
            if (paste.take(text)) setText('');
          }}
          data-testid="boq-paste-add"
        >
          {t('carbon.boq.pasteAdd')}
        </Button>
        {paste.notice && (
          <Text size="sm" role="status">
            {paste.notice}
          </Text>
        )}
      </Group>
      {paste.problem && (
        <Alert
          color="red"
          role="alert"
          title={t('carbon.boq.pasteErrors', {
            count: paste.problem.filter((r) => r.issues.length > 0).length,
          })}
        >
          <RowProblems rows={paste.problem} />
        </Alert>
      )}
    </>
  );
}

/**
 * A CSV or Excel file, checked row by row on the server before any line is taken; a clean file
 * adds its lines and the building facts it carries.
 */
export function BoqFileImport({
  lines,
  onAdd,
  onBuilding,
}: {
  lines: readonly TBoqDraftLine[];
  onAdd: (lines: TBoqDraftLine[]) => void;
  onBuilding: (facts: Partial<TBuildingDraft>) => void;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const preview = useMutation(trpc.carbon.previewBoq.mutationOptions());
  const onFile = async (file: File | null) => {
    preview.reset();
    if (!file) return;
    const isXlsx = file.name.toLowerCase().endsWith('.xlsx');
    preview.mutate({
      file: isXlsx
        ? { format: 'xlsx', base64: await readFileBase64(file) }
        : { format: 'csv', text: await file.text() },
    });
  };
  const data = preview.data;
  return (
    <>
      <FileInput
        label={t('carbon.boq.importLabel')}
        accept=".csv,.xlsx"
        clearable
        onChange={(f) => void onFile(f)}
        data-testid="boq-import"
        w={360}
      />
      {preview.isError && (
        <Alert color="red" role="alert">
          {errorText(t, preview.error)}
        </Alert>
      )}
      {data && !data.ok && (
        <Alert
          color="red"
          role="alert"
          title={t('carbon.boq.importErrors', { count: data.errorRows + data.fileIssues.length })}
          data-testid="boq-import-errors"
        >
          {data.fileIssues.map((i, n) => (
            <Text size="sm" key={n}>
              {i.message}
            </Text>
          ))}
          <RowProblems rows={data.rows} />
        </Alert>
      )}
      {data?.ok && (
        <Group>
          <Text size="sm">{t('carbon.boq.importOk', { count: data.rows.length })}</Text>
          <Button
            size="xs"
            onClick={() => {
              onAdd(draftLines(data.rows, lines));
              onBuilding(data.building);
              preview.reset();
            }}
            data-testid="boq-import-apply"
          >
            {t('carbon.boq.importApply', { count: data.rows.length })}
          </Button>
        </Group>
      )}
    </>
  );
}
