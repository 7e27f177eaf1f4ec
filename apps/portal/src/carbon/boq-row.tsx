import { ActionIcon, Button, NativeSelect, Table, Text, TextInput } from '@mantine/core';
import { errorMessage } from '@tsumiki/domain';
import {
  CATEGORY_CODES,
  CATEGORY_NAMES,
  resolveMaterialName,
  SUB_ITEMS,
  UNITS,
  type TBoqDraftLine,
  type TCarbonIssue,
} from '@tsumiki/domain/carbon';
import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { typedQuantity } from './boq-lines';
import type { useBoqMaterials } from './use-boq-materials';

// The table lays its columns out from their content, and the factor's long name took the width of
// the others: each input keeps enough to show what it holds (「1 躯体」, 「1.1 杭・基礎」, a material's name).
const CATEGORY_WIDTH = 125;
const SUB_ITEM_WIDTH = 140;
const MATERIAL_WIDTH = 180;
const UNIT_WIDTH = 70;
const FACTOR_WIDTH = 160;

/** What each cell of a row is given: the line, how to change it, and its keyboard wiring and label. */
type CellProps = {
  line: TBoqDraftLine;
  onUpdate: (change: Partial<TBoqDraftLine>) => void;
  cell: (column: number) => { 'data-cell': string; onKeyDown: (e: KeyboardEvent<HTMLElement>) => void };
  label: (heading: string) => string;
};

/** Category and sub-item: choosing a category moves the line to that category's first sub-item. */
function ClassificationCells({ line, onUpdate, cell, label }: CellProps) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'ja';
  return (
    <>
      <Table.Td>
        <NativeSelect
          aria-label={label(t('carbon.boq.category'))}
          size="xs"
          miw={CATEGORY_WIDTH}
          value={line.category}
          data={CATEGORY_CODES.map((c) => ({ value: c, label: `${c} ${CATEGORY_NAMES[c][lang]}` }))}
          onChange={(e) => {
            const category = e.currentTarget.value;
            onUpdate({ category, subItem: SUB_ITEMS.find((s) => s.category === category)?.code });
          }}
          {...cell(0)}
        />
      </Table.Td>
      <Table.Td>
        <NativeSelect
          aria-label={label(t('carbon.boq.subItem'))}
          size="xs"
          miw={SUB_ITEM_WIDTH}
          value={line.subItem ?? ''}
          data={SUB_ITEMS.filter((s) => s.category === line.category).map((s) => ({
            value: s.code,
            label: `${s.code} ${s[lang]}`,
          }))}
          onChange={(e) => onUpdate({ subItem: e.currentTarget.value })}
          {...cell(1)}
        />
      </Table.Td>
    </>
  );
}

/** The material as typed, with the material it was recognised as beneath when the two differ. */
function MaterialCell({
  line,
  materials: { names, materialLabel },
  onUpdate,
  cell,
  label,
}: CellProps & { materials: ReturnType<typeof useBoqMaterials> }) {
  const { t } = useTranslation();
  const shown = line.materialName ?? materialLabel(line.materialKey);
  return (
    <Table.Td>
      <TextInput
        aria-label={label(t('carbon.boq.material'))}
        size="xs"
        miw={MATERIAL_WIDTH}
        value={shown}
        // A long name (「JAS構造用製材（人工乾燥材）」) is cut at the input's width: hovering shows it whole.
        title={shown}
        list="carbon-materials"
        description={
          line.materialName !== undefined && names.keys.has(line.materialKey)
            ? materialLabel(line.materialKey)
            : undefined
        }
        onChange={(e) => {
          // Names are typed as people write them; the line keeps the name and the material it is.
          const typed = e.currentTarget.value;
          const found = resolveMaterialName(typed, names);
          onUpdate({ materialKey: found.materialKey ?? typed, materialName: typed, factorId: undefined });
        }}
        {...cell(2)}
      />
    </Table.Td>
  );
}

/**
 * One line of the bill of quantities and, below it, what is wrong with it. One tbody per line, so
 * the line and its issues are measured together when the grid renders only the rows in view.
 */
export function BoqRow({
  row: r,
  line,
  issues,
  materials,
  onUpdate,
  onRemove,
  onPickFactor,
  onCellKeyDown,
  measureRef,
}: {
  row: number;
  line: TBoqDraftLine;
  issues: readonly TCarbonIssue[];
  materials: ReturnType<typeof useBoqMaterials>;
  onUpdate: (change: Partial<TBoqDraftLine>) => void;
  onRemove: () => void;
  onPickFactor: () => void;
  onCellKeyDown: (event: KeyboardEvent<HTMLElement>, column: number) => void;
  measureRef: ((element: Element | null) => void) | undefined;
}) {
  const { t } = useTranslation();
  const cell = (c: number) => ({
    'data-cell': `${r}:${c}`,
    onKeyDown: (e: KeyboardEvent<HTMLElement>) => onCellKeyDown(e, c),
  });
  const label = (heading: string) => `${heading} ${r + 1}`;
  return (
    <Table.Tbody data-index={r} ref={measureRef}>
      <Table.Tr
        data-line={line.id}
        aria-rowindex={r + 2}
        bg={issues.length > 0 ? 'var(--mantine-color-red-light)' : undefined}
      >
        <Table.Td>{r + 1}</Table.Td>
        <ClassificationCells line={line} onUpdate={onUpdate} cell={cell} label={label} />
        <MaterialCell line={line} materials={materials} onUpdate={onUpdate} cell={cell} label={label} />
        <Table.Td>
          <TextInput
            aria-label={label(t('carbon.boq.quantity'))}
            size="xs"
            inputMode="decimal"
            w={90}
            defaultValue={line.quantity ?? ''}
            key={`${line.id}:${line.quantity ?? ''}`}
            onBlur={(e) => onUpdate({ quantity: typedQuantity(e.currentTarget.value) })}
            {...cell(3)}
          />
        </Table.Td>
        <Table.Td>
          <NativeSelect
            aria-label={label(t('carbon.boq.unit'))}
            size="xs"
            miw={UNIT_WIDTH}
            value={line.unit}
            data={[...UNITS]}
            onChange={(e) => onUpdate({ unit: e.currentTarget.value })}
            {...cell(4)}
          />
        </Table.Td>
        <Table.Td miw={FACTOR_WIDTH}>
          <Button
            size="compact-xs"
            variant="subtle"
            onClick={onPickFactor}
            disabled={line.materialKey === ''}
            // A factor's name and kind of data run long: they wrap within the column.
            h="auto"
            styles={{ label: { whiteSpace: 'normal', textAlign: 'left', lineHeight: 1.4 } }}
          >
            {materials.provenance(line)}
          </Button>
        </Table.Td>
        <Table.Td>
          <ActionIcon
            variant="subtle"
            color="red"
            aria-label={t('carbon.boq.removeLine', { line: r + 1 })}
            onClick={onRemove}
          >
            ×
          </ActionIcon>
        </Table.Td>
      </Table.Tr>
      {issues.length > 0 && <LineIssues issues={issues} />}
    </Table.Tbody>
  );
}

/** What is wrong with a line, under it, read out as a note. */
function LineIssues({ issues }: { issues: readonly TCarbonIssue[] }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'ja';
  return (
    <Table.Tr>
      <Table.Td />
      <Table.Td colSpan={7}>
        <Text size="xs" c="red" role="note" aria-label={t('carbon.boq.lineIssues')}>
          {issues.map((i) => errorMessage(i.code, lang, i.params)).join(' ')}
        </Text>
      </Table.Td>
    </Table.Tr>
  );
}
