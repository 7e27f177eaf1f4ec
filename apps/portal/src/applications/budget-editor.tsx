import { ActionIcon, Button, Group, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import {
  budgetCell,
  budgetRows,
  budgetRowLabels,
  budgetRowWith,
  budgetTables,
  budgetWriteValue,
  columnApplies,
  columnOptions,
  MAX_LINE_YEN,
  newBudgetRow,
  type BudgetColumn,
  type BudgetRow,
  type BudgetTable,
  type FormIssue,
  type TApplicationContent,
  type TProgrammeDefinition,
} from '@tsumiki/domain/programmes';
import { countRule } from '@tsumiki/domain';
import { CountInput, QuantityInput, YenInput } from '@tsumiki/ui';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { BudgetImport } from './budget-import';
import { FactorQuestions } from './factor-questions';
import { fieldId, issueText, langOf, type RowNames } from './form-fields';

type Row = BudgetRow;
type Option = { value: string; label: string };
type Common = { key: string; label: string; width?: number | undefined; source: BudgetColumn };
type Column =
  | (Common & { kind: 'select'; options: Option[] })
  | (Common & { kind: 'text' | 'quantity' | 'date' })
  | (Common & { kind: 'yen' | 'years'; max: number });

/** One cell's control by its column's kind; a cell that does not apply to the row (a licence term on a personnel line) is disabled. */
function Cell({ column: c, row, common, onChange }: { column: Column; row: Row; common: { id: string; 'aria-label': string; error: string | undefined; size: 'xs' }; onChange: (value: unknown) => void }) {
  const value = budgetCell(row, c.key);
  const props = { ...common, disabled: !columnApplies(c.source, row) };
  const number = typeof value === 'number' ? value : undefined;
  switch (c.kind) {
    case 'select':
      return <Select {...props} data={c.options} value={typeof value === 'string' ? value : null} onChange={(v) => onChange(v ?? undefined)} searchable clearable />;
    case 'quantity':
      return <QuantityInput {...props} value={number} onChange={onChange} />;
    case 'yen':
      return <YenInput {...props} max={c.max} value={number} onChange={onChange} />;
    case 'years':
      return <CountInput {...props} rule={countRule(1, c.max)} value={number} onChange={onChange} />;
    case 'date':
      return <TextInput {...props} type="date" value={typeof value === 'string' ? value : ''} onChange={(e) => onChange(e.currentTarget.value || undefined)} />;
    default:
      return <TextInput {...props} value={typeof value === 'string' ? value : ''} onChange={(e) => onChange(e.currentTarget.value || undefined)} />;
  }
}

function RowsTable({
  caption,
  rows,
  columns,
  path,
  table,
  issues,
  showErrors,
  onChange,
  addLabel,
  removeLabel,
  rowNames,
}: {
  rowNames: RowNames;
  caption: string;
  rows: Row[];
  columns: Column[];
  path: string;
  table: BudgetTable;
  issues: readonly FormIssue[];
  showErrors: boolean;
  onChange: (rows: Row[]) => void;
  addLabel: string;
  removeLabel: (n: number) => string;
}) {
  const { t } = useTranslation();
  const set = (index: number, key: string, value: unknown) => onChange(rows.map((r, i) => (i === index ? budgetRowWith(table, r, key, value) : r)));
  const minWidth = 80 + columns.reduce((sum, c) => sum + (c.width ?? 200), 0);
  return (
    <Stack gap="xs">
      <Title order={3} size="h4">
        {caption}
      </Title>
      <Table.ScrollContainer minWidth={minWidth}>
        <Table withTableBorder data-testid={`rows-${path}`}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">#</Table.Th>
              {columns.map((c) => (
                <Table.Th scope="col" key={c.key} w={c.width}>
                  {c.label}
                </Table.Th>
              ))}
              <Table.Th scope="col" />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row, index) => {
              const rowIssues = issues.filter((i) => i.path.startsWith(`${path}.${index}.`) || i.path === `${path}.${index}`);
              return (
                <Table.Tr key={typeof row.id === 'string' ? row.id : index} bg={rowIssues.length && showErrors ? 'var(--mantine-color-red-0)' : undefined}>
                  <Table.Td>{index + 1}</Table.Td>
                  {columns.map((c) => {
                    const cellPath = `${path}.${index}.${c.key}`;
                    const issue = rowIssues.find((i) => i.path === cellPath);
                    const error = issue && showErrors ? issueText(t, issue, rowNames) : undefined;
                    const common = { id: fieldId(cellPath), 'aria-label': t('apply.budget.cellOfRow', { column: c.label, n: index + 1 }), error, size: 'xs' as const };
                    return (
                      <Table.Td key={c.key}>
                        <Cell column={c} row={row} common={common} onChange={(v) => set(index, c.key, v)} />
                      </Table.Td>
                    );
                  })}
                  <Table.Td>
                    <ActionIcon variant="subtle" color="red" aria-label={removeLabel(index + 1)} onClick={() => onChange(rows.filter((_, i) => i !== index))}>
                      ×
                    </ActionIcon>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {rows.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('apply.budget.empty')}
        </Text>
      )}
      {showErrors &&
        issues
          .filter((i) => i.path.startsWith(`${path}.`) && !columns.some((c) => /\.\d+\./.test(i.path) && i.path.endsWith(`.${c.key}`)))
          .map((i) => (
            <Text key={`${i.path}-${i.code}`} size="sm" c="red" role="alert">
              {issueText(t, i, rowNames)}
            </Text>
          ))}
      <Group>
        <Button size="xs" variant="light" onClick={() => onChange([...rows, newBudgetRow(table, rows)])}>
          {addLabel}
        </Button>
      </Group>
    </Stack>
  );
}

/**
 * The budget tables (様式4-1, 4-2; the CO2 quote by the five categories), read from the rules the
 * application computes with (budgetTables) like the importer and the PDF: rows the rules read as
 * they are typed, each row's problems shown on it.
 */
export function BudgetEditor({
  rules,
  applicationId,
  content,
  issues,
  showErrors,
  onChange,
}: {
  /** The application's pinned version, or for a draft the latest published: its categories and names. */
  rules: TProgrammeDefinition;
  /** Present in the wizard: enables the Excel/CSV template and import. */
  applicationId?: string;
  content: TApplicationContent;
  issues: readonly FormIssue[];
  showErrors: boolean;
  onChange: (path: string, value: unknown) => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  const common = { issues, showErrors, rowNames: { labels: budgetRowLabels(rules, content), lang } };
  const columnsOf = (table: BudgetTable): Column[] =>
    table.columns.map((c) => {
      const base = { key: c.key, label: c.label[lang], width: c.width, source: c };
      if (c.kind === 'select') return { ...base, kind: 'select', options: columnOptions(c, content).map((o) => ({ value: o.value, label: o.label[lang] })) };
      if (c.kind === 'yen') return { ...base, kind: 'yen', max: c.max ?? MAX_LINE_YEN };
      if (c.kind === 'years') return { ...base, kind: 'years', max: c.max ?? 50 };
      return { ...base, kind: c.kind };
    });
  return (
    <Stack gap="lg">
      {applicationId && <BudgetImport applicationId={applicationId} rules={rules} onImport={(table, rows) => onChange(table.writePath, budgetWriteValue(table, rows))} />}
      {budgetTables(rules).map((table) => (
        <Fragment key={table.code}>
          <RowsTable
          caption={table.title[lang]}
          rows={budgetRows(content, table)}
          columns={columnsOf(table)}
          path={table.rowsPath}
          table={table}
          onChange={(rows) => onChange(table.writePath, budgetWriteValue(table, rows))}
          {...common}
          addLabel={t(table.hasAmount ? 'apply.budget.addLine' : 'apply.budget.addFactor')}
          removeLabel={(n) => t(table.hasAmount ? 'apply.budget.removeLine' : 'apply.budget.removeFactor', { n })}
          />
          {table.code === 'factors' && <FactorQuestions rules={rules} content={content} issues={issues} showErrors={showErrors} onChange={onChange} />}
        </Fragment>
      ))}
    </Stack>
  );
}
