import { Table } from '@mantine/core';
import type { TBoqDraftLine, TCarbonIssue } from '@tsumiki/domain/carbon';
import type { ClipboardEvent, KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { blankLine } from './boq-lines';
import { BoqRow } from './boq-row';
import type { useBoqMaterials } from './use-boq-materials';
import { useBoqRows, VIEWPORT } from './use-boq-rows';

/**
 * The grid itself: a row per line (only those in view when there are many), Enter and Shift+Enter
 * moving down and up a column with a new line after the last, and Excel cells pasted straight in.
 */
export function BoqLinesTable({
  lines,
  onChange,
  issuesByLine,
  onPickFactor,
  materials,
  onPaste,
}: {
  lines: TBoqDraftLine[];
  onChange: (lines: TBoqDraftLine[]) => void;
  issuesByLine: Map<string, TCarbonIssue[]>;
  onPickFactor: (line: TBoqDraftLine) => void;
  materials: ReturnType<typeof useBoqMaterials>;
  /** Several cells pasted at once (one cell goes into its input as usual). */
  onPaste: (text: string) => void;
}) {
  const { scrollRef, virtual, shown, padTop, padBottom, measureRef, focusCell } = useBoqRows(lines.length);
  const add = (extra: TBoqDraftLine[]) => onChange([...lines, ...extra]);
  const onGridPaste = (event: ClipboardEvent) => {
    const text = event.clipboardData.getData('text/plain');
    if (!/[\t\n]/.test(text)) return; // one cell: the input takes it as usual
    event.preventDefault();
    onPaste(text);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLElement>, row: number, column: number) => {
    if (event.key !== 'Enter' || event.nativeEvent.isComposing) return;
    event.preventDefault();
    // Shift+Enter moves up, Enter down (a new line after the last).
    if (event.shiftKey) {
      if (row > 0) focusCell(row - 1, column);
      return;
    }
    if (row === lines.length - 1) add([blankLine(lines)]);
    focusCell(row + 1, column);
  };

  return (
    <div
      onPaste={onGridPaste}
      ref={scrollRef}
      style={{ overflow: 'auto', maxHeight: virtual ? VIEWPORT : undefined }}
      data-testid="boq-scroll"
      data-virtual={virtual || undefined}
    >
      <Table
        fz="sm"
        horizontalSpacing="xs"
        data-testid="boq-grid"
        withTableBorder
        stickyHeader={virtual}
        aria-rowcount={lines.length + 1}
      >
        <BoqTableHead />
        {padTop > 0 && (
          <Table.Tbody aria-hidden>
            <Table.Tr style={{ height: padTop }} />
          </Table.Tbody>
        )}
        {shown.map((r) => {
          const line = lines[r]!;
          return (
            <BoqRow
              key={line.id}
              row={r}
              line={line}
              issues={issuesByLine.get(line.id) ?? []}
              materials={materials}
              onUpdate={(change) => onChange(lines.map((l, i) => (i === r ? { ...l, ...change } : l)))}
              onRemove={() => onChange(lines.filter((_, i) => i !== r))}
              onPickFactor={() => onPickFactor(line)}
              onCellKeyDown={(e, c) => onKeyDown(e, r, c)}
              measureRef={measureRef}
            />
          );
        })}
        {padBottom > 0 && (
          <Table.Tbody aria-hidden>
            <Table.Tr style={{ height: padBottom }} />
          </Table.Tbody>
        )}
      </Table>
      <MaterialOptions materials={materials} />
    </div>
  );
}

function BoqTableHead() {
  const { t } = useTranslation();
  return (
    <Table.Thead>
      <Table.Tr>
        <Table.Th>#</Table.Th>
        <Table.Th>{t('carbon.boq.category')}</Table.Th>
        <Table.Th>{t('carbon.boq.subItem')}</Table.Th>
        <Table.Th>{t('carbon.boq.material')}</Table.Th>
        <Table.Th>{t('carbon.boq.quantity')}</Table.Th>
        <Table.Th>{t('carbon.boq.unit')}</Table.Th>
        <Table.Th>{t('carbon.boq.factor')}</Table.Th>
        <Table.Th />
      </Table.Tr>
    </Table.Thead>
  );
}

/** The names the material inputs suggest, in the reader's language. */
function MaterialOptions({ materials }: { materials: ReturnType<typeof useBoqMaterials> }) {
  const { i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'ja';
  return (
    <datalist id="carbon-materials">
      {[...materials.names.materials.values()].map((m) => (
        <option key={m.nameJa} value={lang === 'ja' ? m.nameJa : m.nameEn} />
      ))}
    </datalist>
  );
}
