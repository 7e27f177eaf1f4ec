import {
  ActionIcon,
  Button,
  List,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { REPORT_AMOUNT_MAX } from '@tsumiki/domain/lifecycle';
import { DataTable, displayYen, useTRPC, YenInput, type DataColumn } from '@tsumiki/ui';
import { useTranslation } from 'react-i18next';
import { EvidenceUpload } from '../lifecycle/evidence-upload';
import type { ReportEditorState, TDraftLine } from './use-report-editor';

export interface ReportCategory {
  code: string;
  name: { ja: string; en: string };
}

/** A draft line with its place in the draft, which its inputs' paths and labels use. */
interface LineRow {
  readonly line: TDraftLine;
  readonly i: number;
}

/** The actual cost per line with its evidence files, and the totals the domain computed. */
export function ReportLinesSection({
  editor,
  categories,
}: {
  editor: ReportEditorState;
  categories: readonly ReportCategory[];
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'ja';
  const { editable, errorAt, set, check } = editor;
  const lines = editor.draft.lines ?? [];
  const categoryName = (code: string) => categories.find((c) => c.code === code)?.name[lang] ?? code;
  const rows: LineRow[] = lines.map((line, i) => ({ line, i }));
  const columns = useLineColumns(editor, categories, lines);
  return (
    <Stack component="section" aria-labelledby="report-lines" gap="xs">
      <Title order={3} size="h4" id="report-lines">
        {t('results.lines.heading')}
      </Title>
      {errorAt('lines') && lines.length === 0 && (
        <Text c="red" size="sm" role="alert">
          {errorAt('lines')}
        </Text>
      )}
      <DataTable
        data={rows}
        columns={columns}
        rowKey={(r) => r.line.id}
        rowTestId={() => 'report-line'}
        label={t('results.lines.heading')}
        empty={<Text size="sm">{t(editable ? 'results.lines.empty' : 'results.lines.noLines')}</Text>}
        striped={false}
        footer={
          <Table.Tfoot>
            <Table.Tr>
              <Table.Th scope="row" colSpan={2}>
                {t('results.lines.total')}
              </Table.Th>
              <Table.Td data-testid="report-total" data-label={t('results.lines.total')}>
                {displayYen(
                  lines.reduce((s, l) => s + (typeof l.amount === 'number' && l.amount > 0 ? l.amount : 0), 0),
                  i18n.language,
                )}
              </Table.Td>
              <Table.Td colSpan={2}>
                {check.summary &&
                  Object.entries(check.summary.byCategory).map(([c, amount]) => (
                    <Text key={c} size="xs">
                      {categoryName(c)}: {displayYen(amount, i18n.language)}
                    </Text>
                  ))}
              </Table.Td>
            </Table.Tr>
          </Table.Tfoot>
        }
      />
      {editable && (
        <Button
          variant="light"
          w="fit-content"
          onClick={() =>
            set('lines', [
              ...lines,
              {
                id: `l${Date.now().toString(36)}`,
                category: categories[0]?.code ?? '',
                description: '',
                evidenceAttachmentIds: [],
              },
            ])
          }
        >
          {t('results.lines.add')}
        </Button>
      )}
    </Stack>
  );
}

/** The cells of one line, each an input bound to the draft at `lines.<i>`; rows keep their order (no sorting). */
function useLineColumns(editor: ReportEditorState, categories: readonly ReportCategory[], lines: readonly TDraftLine[]): DataColumn<LineRow>[] {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'ja';
  const { editable, errorAt, set } = editor;
  return [
    {
      id: 'category',
      header: t('results.lines.category'),
      cell: ({ line, i }) => (
        <Select
          allowDeselect={false}
          aria-label={`${t('results.lines.category')} ${i + 1}`}
          data={categories.map((c) => ({ value: c.code, label: c.name[lang] }))}
          value={line.category ?? null}
          onChange={(v) => set(`lines.${i}.category`, v ?? '')}
          error={errorAt(`lines.${i}.category`)}
          disabled={!editable}
          w={200}
        />
      ),
    },
    {
      id: 'description',
      header: t('results.lines.description'),
      cell: ({ line, i }) => (
        <TextInput
          aria-label={`${t('results.lines.description')} ${i + 1}`}
          value={line.description ?? ''}
          maxLength={500}
          onChange={(e) => set(`lines.${i}.description`, e.currentTarget.value)}
          error={errorAt(`lines.${i}.description`)}
          disabled={!editable}
        />
      ),
    },
    {
      id: 'amount',
      header: t('results.lines.amount'),
      cell: ({ line, i }) => (
        <YenInput
          aria-label={`${t('results.lines.amount')} ${i + 1}`}
          max={REPORT_AMOUNT_MAX}
          value={line.amount}
          onChange={(v) => set(`lines.${i}.amount`, v)}
          error={errorAt(`lines.${i}.amount`)}
          disabled={!editable}
          w={170}
          data-testid={`line-amount-${i}`}
        />
      ),
    },
    { id: 'evidence', header: t('results.lines.evidence'), cell: ({ line, i }) => <LineEvidence editor={editor} line={line} i={i} /> },
    {
      id: 'remove',
      header: t('results.lines.actions'),
      cell: ({ i }) =>
        editable && (
          <ActionIcon
            variant="subtle"
            color="red"
            aria-label={t('results.lines.remove', { line: i + 1 })}
            onClick={() =>
              set(
                'lines',
                lines.filter((_, j) => j !== i),
              )
            }
          >
            ×
          </ActionIcon>
        ),
    },
  ];
}

/** A line's evidence files and, while the report is editable, the upload that adds one. */
function LineEvidence({ editor, line, i }: { editor: ReportEditorState; line: TDraftLine; i: number }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { applicationId, editable, errorAt, set, fileName } = editor;
  const evidence = line.evidenceAttachmentIds ?? [];
  const evidenceError = errorAt(`lines.${i}.evidenceAttachmentIds`);
  return (
    <Stack gap={4}>
      {evidence.length === 0 ? (
        <Text size="xs" c={evidenceError ? 'red' : 'dimmed'} role={evidenceError ? 'alert' : undefined}>
          {evidenceError ?? t('results.lines.noEvidence')}
        </Text>
      ) : (
        <List size="xs" data-testid={`line-evidence-${i}`}>
          {evidence.map((id) => (
            <List.Item key={id}>{fileName(id)}</List.Item>
          ))}
        </List>
      )}
      {editable && (
        <EvidenceUpload
          applicationId={applicationId}
          testId={`line-evidence-input-${i}`}
          onUploaded={(f) => {
            void queryClient.invalidateQueries({
              queryKey: trpc.applications.get.queryKey({ id: applicationId }),
            });
            set(`lines.${i}.evidenceAttachmentIds`, [...evidence, f.id]);
          }}
        />
      )}
    </Stack>
  );
}
