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
import { displayYen, useTRPC, YenInput } from '@tsumiki/ui';
import { useTranslation } from 'react-i18next';
import { EvidenceUpload } from '../lifecycle/evidence-upload';
import type { ReportEditorState, TDraftLine } from './use-report-editor';

export interface ReportCategory {
  code: string;
  name: { ja: string; en: string };
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
      <Table withTableBorder verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('results.lines.category')}</Table.Th>
            <Table.Th scope="col">{t('results.lines.description')}</Table.Th>
            <Table.Th scope="col">{t('results.lines.amount')}</Table.Th>
            <Table.Th scope="col">{t('results.lines.evidence')}</Table.Th>
            <Table.Th scope="col" />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {lines.map((line, i) => (
            <ReportLineRow
              key={line.id}
              editor={editor}
              categories={categories}
              lines={lines}
              line={line}
              i={i}
            />
          ))}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr>
            <Table.Th scope="row" colSpan={2}>
              {t('results.lines.total')}
            </Table.Th>
            <Table.Td data-testid="report-total">
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
      </Table>
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

function ReportLineRow({
  editor,
  categories,
  lines,
  line,
  i,
}: {
  editor: ReportEditorState;
  categories: readonly ReportCategory[];
  lines: readonly TDraftLine[];
  line: TDraftLine;
  i: number;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'ja';
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { applicationId, editable, errorAt, set, fileName } = editor;
  const evidence = line.evidenceAttachmentIds ?? [];
  const evidenceError = errorAt(`lines.${i}.evidenceAttachmentIds`);
  return (
    <Table.Tr data-testid="report-line">
      <Table.Td>
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
      </Table.Td>
      <Table.Td>
        <TextInput
          aria-label={`${t('results.lines.description')} ${i + 1}`}
          value={line.description ?? ''}
          maxLength={500}
          onChange={(e) => set(`lines.${i}.description`, e.currentTarget.value)}
          error={errorAt(`lines.${i}.description`)}
          disabled={!editable}
        />
      </Table.Td>
      <Table.Td>
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
      </Table.Td>
      <Table.Td>
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
      </Table.Td>
      <Table.Td>
        {editable && (
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
        )}
      </Table.Td>
    </Table.Tr>
  );
}
