import { ActionIcon, Button, Group, NumberInput, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import {
  BUILTIN_PROGRAMMES,
  CLT_COUNCIL_CATEGORIES,
  CLT_DEMO_CATEGORIES,
  CO2_CATEGORIES,
  CONSTRUCTION_WORKS,
  DESIGN_COSTS,
  FACTOR_KIND_NAMES,
  FACTOR_KINDS,
  valueAtPath,
  type FormIssue,
} from '@tsumiki/domain/programmes';
import type { TProgrammeKind } from '@tsumiki/domain';
import { useTranslation } from 'react-i18next';
import { fieldId, issueText, langOf } from './form-fields';

type Row = Record<string, unknown>;
type Option = { value: string; label: string };
type Column =
  | { key: string; label: string; kind: 'select'; options: Option[]; width?: number }
  | { key: string; label: string; kind: 'text'; width?: number }
  | { key: string; label: string; kind: 'yen'; width?: number };

/** Line ids are the applicant's row labels; a fresh one never repeats within the list. */
function nextId(prefix: string, rows: readonly Row[]): string {
  const used = new Set(rows.map((r) => r.id));
  let n = rows.length + 1;
  while (used.has(`${prefix}${n}`)) n += 1;
  return `${prefix}${n}`;
}

function RowsTable({
  caption,
  rows,
  columns,
  path,
  idPrefix,
  issues,
  showErrors,
  onChange,
  addLabel,
  removeLabel,
}: {
  caption: string;
  rows: Row[];
  columns: Column[];
  path: string;
  idPrefix: string;
  issues: readonly FormIssue[];
  showErrors: boolean;
  onChange: (rows: Row[]) => void;
  addLabel: string;
  removeLabel: (n: number) => string;
}) {
  const { t } = useTranslation();
  const set = (index: number, key: string, value: unknown) =>
    onChange(rows.map((r, i) => (i === index ? Object.fromEntries(Object.entries({ ...r, [key]: value }).filter(([, v]) => v !== undefined)) : r)));
  return (
    <Stack gap="xs">
      <Title order={3} size="h4">
        {caption}
      </Title>
      <Table.ScrollContainer minWidth={720}>
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
                    const error = issue && showErrors ? issueText(t, issue) : undefined;
                    const common = { id: fieldId(cellPath), 'aria-label': `${c.label} (${index + 1})`, error, size: 'xs' as const };
                    if (c.kind === 'select')
                      return (
                        <Table.Td key={c.key}>
                          <Select {...common} data={c.options} value={typeof row[c.key] === 'string' ? (row[c.key] as string) : null} onChange={(v) => set(index, c.key, v ?? undefined)} searchable clearable />
                        </Table.Td>
                      );
                    if (c.kind === 'yen')
                      return (
                        <Table.Td key={c.key}>
                          <NumberInput
                            {...common}
                            thousandSeparator=","
                            allowDecimal={false}
                            allowNegative={false}
                            hideControls
                            value={typeof row[c.key] === 'number' ? (row[c.key] as number) : ''}
                            onChange={(v) => set(index, c.key, typeof v === 'number' ? v : undefined)}
                          />
                        </Table.Td>
                      );
                    return (
                      <Table.Td key={c.key}>
                        <TextInput {...common} value={typeof row[c.key] === 'string' ? (row[c.key] as string) : ''} onChange={(e) => set(index, c.key, e.currentTarget.value || undefined)} />
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
              {issueText(t, i)}
            </Text>
          ))}
      <Group>
        <Button size="xs" variant="light" onClick={() => onChange([...rows, { id: nextId(idPrefix, rows), amount: 0 }])}>
          {addLabel}
        </Button>
      </Group>
    </Stack>
  );
}

const CLT_KEYS = ['building', 'design', 'performance', 'council'] as const;

/**
 * The budget tables (様式4-1, 4-2; the CO2 quote by the five categories): rows the rules read
 * as they are typed, each row's problems shown on it.
 */
export function BudgetEditor({
  kind,
  content,
  issues,
  showErrors,
  onChange,
}: {
  kind: TProgrammeKind;
  content: Record<string, unknown>;
  issues: readonly FormIssue[];
  showErrors: boolean;
  onChange: (path: string, value: unknown) => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  const def = BUILTIN_PROGRAMMES[kind];
  const categoryName = (code: string) => def.costCategories.find((c) => c.code === code)?.name[lang] ?? code;
  const rowsAt = (path: string) => {
    const v = valueAtPath(content, path);
    return Array.isArray(v) ? (v as Row[]) : [];
  };
  const common = { issues, showErrors, addLabel: t('apply.budget.addLine'), removeLabel: (n: number) => t('apply.budget.removeLine', { n }) };
  const base = (categories: readonly string[]): Column[] => [
    { key: 'category', label: t('apply.budget.category'), kind: 'select', options: categories.map((c) => ({ value: c, label: categoryName(c) })), width: 180 },
    { key: 'description', label: t('apply.budget.description'), kind: 'text' },
    { key: 'amount', label: t('apply.budget.amount'), kind: 'yen', width: 160 },
  ];

  if (kind === 'clt_demonstration') {
    return (
      <Stack gap="lg">
        {CLT_KEYS.map((key) => {
          const columns = base(key === 'council' ? CLT_COUNCIL_CATEGORIES : CLT_DEMO_CATEGORIES);
          if (key === 'building')
            columns.push({ key: 'workType', label: t('apply.budget.workType'), kind: 'select', options: CONSTRUCTION_WORKS.map((w) => ({ value: w.code, label: w.name[lang] })), width: 200 });
          if (key === 'design')
            columns.push({ key: 'designItem', label: t('apply.budget.designItem'), kind: 'select', options: DESIGN_COSTS.map((d) => ({ value: d.code, label: d.name[lang] })), width: 200 });
          if (key !== 'council') columns.push({ key: 'explanation', label: t('apply.budget.explanation'), kind: 'text' });
          const path = `grant.${key}.lines`;
          return (
            <RowsTable key={key} caption={t(`apply.budget.sections.${key}`)} rows={rowsAt(path)} columns={columns} path={path} idPrefix={`${key[0]}`} onChange={(rows) => onChange(`grant.${key}`, rows.length ? { lines: rows } : undefined)} {...common} />
          );
        })}
      </Stack>
    );
  }

  const factors = rowsAt('grant.factors');
  const lines = (
    <RowsTable
      caption={t('apply.budget.sections.lines')}
      rows={rowsAt('grant.lines')}
      columns={[
        ...base(kind === 'co2_factor_support' ? CO2_CATEGORIES : def.costCategories.map((c) => c.code)),
        ...(kind === 'co2_factor_support'
          ? [{ key: 'factorId', label: t('apply.budget.factor'), kind: 'select' as const, options: factors.map((f) => ({ value: String(f.id), label: `${String(f.id)} ${typeof f.product === 'string' ? f.product : ''}` })) }]
          : []),
      ]}
      path="grant.lines"
      idPrefix="l"
      onChange={(rows) => onChange('grant.lines', rows)}
      {...common}
    />
  );
  if (kind !== 'co2_factor_support') return lines;
  return (
    <Stack gap="lg">
      <RowsTable
        caption={t('apply.budget.factors')}
        rows={factors}
        columns={[
          { key: 'kind', label: t('apply.budget.factorKind'), kind: 'select', options: FACTOR_KINDS.map((k) => ({ value: k, label: `(${FACTOR_KIND_NAMES[k].no}) ${FACTOR_KIND_NAMES[k][lang]}` })), width: 260 },
          { key: 'product', label: t('apply.budget.product'), kind: 'text' },
          { key: 'productCategory', label: t('apply.budget.productCategory'), kind: 'text' },
        ]}
        path="grant.factors"
        idPrefix="F"
        onChange={(rows) => onChange('grant.factors', rows.map(({ amount: _amount, ...r }) => r))}
        {...common}
        addLabel={t('apply.budget.addFactor')}
        removeLabel={(n) => t('apply.budget.removeFactor', { n })}
      />
      {lines}
    </Stack>
  );
}
