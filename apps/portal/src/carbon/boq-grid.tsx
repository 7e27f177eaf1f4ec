import {
  ActionIcon,
  Alert,
  Button,
  FileInput,
  Group,
  NativeSelect,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { errorMessage } from '@tsumiki/domain';
import {
  CATEGORY_CODES,
  CATEGORY_NAMES,
  DATA_TYPE_NAMES,
  indexFactors,
  materialNameIndex,
  parseBoqSheet,
  resolveMaterialName,
  selectFactor,
  SUB_ITEMS,
  UNITS,
  type TBoqDraftLine,
  type TBoqImportRow,
  type TBuildingDraft,
  type TCarbonIssue,
  type TEmissionFactor,
  type TRememberedName,
} from '@tsumiki/domain/carbon';
import { errorText, readFileBase64, useTRPC } from '@tsumiki/ui';
import { defaultRangeExtractor, measureElement, observeElementRect, useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef, useState, type ClipboardEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';

/** A fresh id for each new line, after the highest "L<n>" in use. */
export function nextIds(lines: readonly TBoqDraftLine[], count: number): string[] {
  let n = lines.reduce((max, l) => Math.max(max, Number(/^L(\d+)$/.exec(l.id)?.[1] ?? 0)), 0);
  return Array.from({ length: count }, () => `L${++n}`);
}

/** Rows read from a paste or a file, as grid lines with fresh ids. */
export function draftLines(
  rows: readonly TBoqImportRow[],
  existing: readonly TBoqDraftLine[],
): TBoqDraftLine[] {
  const ids = nextIds(existing, rows.length);
  return rows.map((r, i) => {
    const v = r.values;
    return {
      id: ids[i]!,
      category: String(v.category),
      ...(v.subItem ? { subItem: String(v.subItem) } : {}),
      materialKey: String(v.materialKey),
      ...(r.materialName !== '' && r.materialName !== v.materialKey ? { materialName: r.materialName } : {}),
      quantity: typeof v.quantity === 'number' ? v.quantity : null,
      unit: String(v.unit),
      ...(v.factorId ? { factorId: v.factorId } : {}),
      ...(v.label ? { label: v.label } : {}),
    };
  });
}

/** Cells copied from Excel: rows by line, cells by tab. */
export const pastedCells = (text: string) =>
  text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => l.split('\t'));

function RowProblems({
  rows,
  lang,
}: {
  rows: readonly { line: number; issues: readonly TCarbonIssue[] }[];
  lang: 'ja' | 'en';
}) {
  const { t } = useTranslation();
  const bad = rows.filter((r) => r.issues.length > 0);
  return (
    <Table fz="sm" data-testid="boq-row-errors">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('carbon.boq.line')}</Table.Th>
          <Table.Th>{t('carbon.boq.problem')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {bad.slice(0, 100).map((r) => (
          <Table.Tr key={r.line}>
            <Table.Td>{r.line}</Table.Td>
            <Table.Td>{r.issues.map((i) => errorMessage(i.code, lang, i.params)).join(' ')}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** Above this many lines only the rows in view are rendered (the rest are measured space). */
export const VIRTUALISE_ABOVE = 200;
const ROW_ESTIMATE = 42;
const VIEWPORT = 560;

/**
 * The bill of quantities: one row per line, Enter moves down a column (a new line at the end),
 * Excel cells paste straight into the grid or through the box below, and CSV/Excel files are
 * checked row by row before any line is taken. Nothing here saves: the page's Save does.
 */
export function BoqGrid({
  lines,
  onChange,
  onBuilding,
  library,
  issuesByLine,
  onPickFactor,
  remembered = [],
  namesLoading = false,
  projectFactors = [],
  assessmentDate,
}: {
  lines: TBoqDraftLine[];
  onChange: (lines: TBoqDraftLine[]) => void;
  onBuilding: (facts: Partial<TBuildingDraft>) => void;
  library: readonly TEmissionFactor[];
  issuesByLine: Map<string, TCarbonIssue[]>;
  onPickFactor: (line: TBoqDraftLine) => void;
  /** The organisation's remembered names for materials. */
  remembered?: readonly TRememberedName[];
  /** While the remembered names load, a paste would miss them: it waits. */
  namesLoading?: boolean;
  /** Factors the user entered for the project. */
  projectFactors?: readonly TEmissionFactor[];
  assessmentDate: string;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'ja';
  const trpc = useTRPC();
  const [pasteText, setPasteText] = useState('');
  const [pasteProblem, setPasteProblem] = useState<TBoqImportRow[] | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const preview = useMutation(trpc.carbon.previewBoq.mutationOptions());
  const names = useMemo(() => materialNameIndex(library, remembered), [library, remembered]);
  const factorIndex = useMemo(() => indexFactors(library, projectFactors), [library, projectFactors]);
  // Which factor each line rests on, by its name and data type: its provenance at a glance.
  const provenance = (line: TBoqDraftLine) => {
    if (!names.keys.has(line.materialKey) && line.factorId === undefined) return t('carbon.boq.auto');
    const s = selectFactor(factorIndex, line.materialKey, line.factorId, assessmentDate);
    if (!s.ok) return s.reason === 'factor_missing' ? t('carbon.boq.noFactor') : t('carbon.boq.auto');
    return `${lang === 'ja' ? s.factor.nameJa : s.factor.nameEn}・${DATA_TYPE_NAMES[s.factor.dataType][lang]}`;
  };
  const materialLabel = (key: string) => {
    const m = names.materials.get(key);
    return m ? (lang === 'ja' ? m.nameJa : m.nameEn) : key;
  };
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtual = lines.length > VIRTUALISE_ABOVE;
  // The row keyboard focus is moving to stays rendered even before it scrolls into view.
  const [activeRow, setActiveRow] = useState<number | null>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- the grid is not compiled by the React Compiler; the virtualizer's functions are read each render.
  const virtualizer = useVirtualizer({
    count: lines.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_ESTIMATE,
    overscan: 8,
    enabled: virtual,
    // Before the first layout, and where there is none (tests), assume the container's full height.
    initialRect: { width: 1000, height: VIEWPORT },
    rangeExtractor: (range) => {
      const rows = defaultRangeExtractor(range);
      if (activeRow === null || activeRow >= lines.length || rows.includes(activeRow)) return rows;
      return [...rows, activeRow].sort((a, b) => a - b);
    },
    measureElement: (element, entry, instance) => measureElement(element, entry, instance) || ROW_ESTIMATE,
    observeElementRect: (instance, callback) => observeElementRect(instance, (rect) => callback(rect.height > 0 ? rect : { width: rect.width, height: VIEWPORT })),
  });
  const items = virtual ? virtualizer.getVirtualItems() : null;
  const shown = items ? items.map((i) => i.index) : lines.map((_, i) => i);
  const padTop = items?.[0]?.start ?? 0;
  const padBottom = items ? Math.max(0, virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0)) : 0;
  const focusCell = (row: number, column: number) => {
    // A row out of view is not rendered: keep it rendered, scroll it in, then focus it.
    setActiveRow(row);
    if (virtual) virtualizer.scrollToIndex(row, { align: 'auto' });
    const tryFocus = (attempt: number) => {
      const el = document.querySelector<HTMLElement>(`[data-cell="${row}:${column}"]`);
      if (el) el.focus();
      else if (attempt < 20) setTimeout(() => tryFocus(attempt + 1), 16);
    };
    setTimeout(() => tryFocus(0), 0);
  };

  const update = (index: number, change: Partial<TBoqDraftLine>) =>
    onChange(lines.map((l, i) => (i === index ? { ...l, ...change } : l)));
  const add = (extra: TBoqDraftLine[]) => onChange([...lines, ...extra]);
  const blank = (): TBoqDraftLine => ({
    id: nextIds(lines, 1)[0]!,
    category: '3',
    subItem: '3.1',
    materialKey: '',
    quantity: null,
    unit: 'm3',
  });

  const takeCells = (cells: string[][]) => {
    const sheet = parseBoqSheet(cells, { library, remembered });
    if (!sheet.ok) {
      setPasteProblem(
        sheet.rows.length > 0 ? sheet.rows : [{ line: 0, values: {} as never, issues: sheet.fileIssues, materialName: '' }],
      );
      setNotice(null);
      return false;
    }
    add(draftLines(sheet.rows, lines));
    setPasteProblem(null);
    setNotice(t('carbon.boq.pasted', { count: sheet.rows.length }));
    return true;
  };
  const onGridPaste = (event: ClipboardEvent) => {
    const text = event.clipboardData.getData('text/plain');
    if (!/[\t\n]/.test(text)) return; // one cell: the input takes it as usual
    event.preventDefault();
    if (namesLoading) return;
    takeCells(pastedCells(text));
  };
  const onKeyDown = (event: KeyboardEvent<HTMLElement>, row: number, column: number) => {
    if (event.key !== 'Enter' || event.nativeEvent.isComposing) return;
    event.preventDefault();
    // Shift+Enter moves up, Enter down (a new line after the last).
    if (event.shiftKey) {
      if (row > 0) focusCell(row - 1, column);
      return;
    }
    if (row === lines.length - 1) add([blank()]);
    focusCell(row + 1, column);
  };
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
  const previewData = preview.data;

  return (
    <Stack data-testid="boq">
      <Title order={2}>{t('carbon.boq.heading')}</Title>
      <Text size="sm" c="dimmed">
        {t('carbon.boq.keyboardHint')}
      </Text>
      <div
        onPaste={onGridPaste}
        ref={scrollRef}
        style={{ overflow: 'auto', maxHeight: virtual ? VIEWPORT : undefined }}
        data-testid="boq-scroll"
        data-virtual={virtual || undefined}
      >
        <Table
          fz="sm"
          data-testid="boq-grid"
          withTableBorder
          stickyHeader={virtual}
          aria-rowcount={lines.length + 1}
        >
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
          {padTop > 0 && (
            <Table.Tbody aria-hidden>
              <Table.Tr style={{ height: padTop }} />
            </Table.Tbody>
          )}
          {shown.map((r) => {
            const line = lines[r]!;
            const issues = issuesByLine.get(line.id) ?? [];
            const cell = (c: number) => ({
              'data-cell': `${r}:${c}`,
              onKeyDown: (e: KeyboardEvent<HTMLElement>) => onKeyDown(e, r, c),
            });
            // One tbody per line, so the line and its issues are measured together.
            return (
              <Table.Tbody
                key={line.id}
                data-index={r}
                ref={virtual ? virtualizer.measureElement : undefined}
              >
                <Table.Tr
                  data-line={line.id}
                  aria-rowindex={r + 2}
                  bg={issues.length > 0 ? 'var(--mantine-color-red-light)' : undefined}
                >
                  <Table.Td>{r + 1}</Table.Td>
                  <Table.Td>
                    <NativeSelect
                      aria-label={`${t('carbon.boq.category')} ${r + 1}`}
                      size="xs"
                      value={line.category}
                      data={CATEGORY_CODES.map((c) => ({
                        value: c,
                        label: `${c} ${CATEGORY_NAMES[c][lang]}`,
                      }))}
                      onChange={(e) => {
                        const category = e.currentTarget.value;
                        update(r, {
                          category,
                          subItem: SUB_ITEMS.find((s) => s.category === category)?.code,
                        });
                      }}
                      {...cell(0)}
                    />
                  </Table.Td>
                  <Table.Td>
                    <NativeSelect
                      aria-label={`${t('carbon.boq.subItem')} ${r + 1}`}
                      size="xs"
                      value={line.subItem ?? ''}
                      data={SUB_ITEMS.filter((s) => s.category === line.category).map((s) => ({
                        value: s.code,
                        label: `${s.code} ${s[lang]}`,
                      }))}
                      onChange={(e) => update(r, { subItem: e.currentTarget.value })}
                      {...cell(1)}
                    />
                  </Table.Td>
                  <Table.Td>
                    <TextInput
                      aria-label={`${t('carbon.boq.material')} ${r + 1}`}
                      size="xs"
                      value={line.materialName ?? materialLabel(line.materialKey)}
                      list="carbon-materials"
                      description={line.materialName !== undefined && names.keys.has(line.materialKey) ? materialLabel(line.materialKey) : undefined}
                      onChange={(e) => {
                        // Names are typed as people write them; the line keeps the name and the material it is.
                        const typed = e.currentTarget.value;
                        const found = resolveMaterialName(typed, names);
                        update(r, { materialKey: found.materialKey ?? typed, materialName: typed, factorId: undefined });
                      }}
                      {...cell(2)}
                    />
                  </Table.Td>
                  <Table.Td>
                    <TextInput
                      aria-label={`${t('carbon.boq.quantity')} ${r + 1}`}
                      size="xs"
                      inputMode="decimal"
                      w={110}
                      defaultValue={line.quantity ?? ''}
                      key={`${line.id}:${line.quantity ?? ''}`}
                      onBlur={(e) => {
                        const text = e.currentTarget.value.normalize('NFKC').replace(/,/g, '').trim();
                        const n = text === '' ? null : Number(text);
                        update(r, { quantity: n !== null && Number.isFinite(n) ? n : null });
                      }}
                      {...cell(3)}
                    />
                  </Table.Td>
                  <Table.Td>
                    <NativeSelect
                      aria-label={`${t('carbon.boq.unit')} ${r + 1}`}
                      size="xs"
                      value={line.unit}
                      data={[...UNITS]}
                      onChange={(e) => update(r, { unit: e.currentTarget.value })}
                      {...cell(4)}
                    />
                  </Table.Td>
                  <Table.Td>
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      onClick={() => onPickFactor(line)}
                      disabled={line.materialKey === ''}
                    >
                      {provenance(line)}
                    </Button>
                  </Table.Td>
                  <Table.Td>
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={t('carbon.boq.removeLine', { line: r + 1 })}
                      onClick={() => onChange(lines.filter((_, i) => i !== r))}
                    >
                      ×
                    </ActionIcon>
                  </Table.Td>
                </Table.Tr>
                {issues.length > 0 && (
                  <Table.Tr>
                    <Table.Td />
                    <Table.Td colSpan={7}>
                      <Text size="xs" c="red" role="note" aria-label={t('carbon.boq.lineIssues')}>
                        {issues.map((i) => errorMessage(i.code, lang, i.params)).join(' ')}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                )}
              </Table.Tbody>
            );
          })}
          {padBottom > 0 && (
            <Table.Tbody aria-hidden>
              <Table.Tr style={{ height: padBottom }} />
            </Table.Tbody>
          )}
        </Table>
        <datalist id="carbon-materials">
          {[...names.materials.values()].map((m) => (
            <option key={m.nameJa} value={lang === 'ja' ? m.nameJa : m.nameEn} />
          ))}
        </datalist>
      </div>
      {lines.length === 0 && <Text c="dimmed">{t('carbon.boq.empty')}</Text>}
      <Group className="tsumiki-no-print">
        <Button variant="light" size="xs" onClick={() => add([blank()])} data-testid="boq-add-line">
          {t('carbon.boq.addLine')}
        </Button>
      </Group>
      <Stack className="tsumiki-no-print" gap="xs">
        <Textarea
          label={t('carbon.boq.pasteLabel')}
          autosize
          minRows={2}
          maxRows={8}
          value={pasteText}
          onChange={(e) => setPasteText(e.currentTarget.value)}
          data-testid="boq-paste"
        />
        <Group>
          <Button
            size="xs"
            disabled={pasteText.trim() === '' || namesLoading}
            onClick={() => {
              if (takeCells(pastedCells(pasteText))) setPasteText('');
            }}
            data-testid="boq-paste-add"
          >
            {t('carbon.boq.pasteAdd')}
          </Button>
          {notice && (
            <Text size="sm" role="status">
              {notice}
            </Text>
          )}
        </Group>
        {pasteProblem && (
          <Alert
            color="red"
            role="alert"
            title={t('carbon.boq.pasteErrors', {
              count: pasteProblem.filter((r) => r.issues.length > 0).length,
            })}
          >
            <RowProblems rows={pasteProblem} lang={lang} />
          </Alert>
        )}
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
        {previewData && !previewData.ok && (
          <Alert
            color="red"
            role="alert"
            title={t('carbon.boq.importErrors', {
              count: previewData.errorRows + previewData.fileIssues.length,
            })}
            data-testid="boq-import-errors"
          >
            {previewData.fileIssues.map((i, n) => (
              <Text size="sm" key={n}>
                {i.message}
              </Text>
            ))}
            <RowProblems rows={previewData.rows} lang={lang} />
          </Alert>
        )}
        {previewData?.ok && (
          <Group>
            <Text size="sm">{t('carbon.boq.importOk', { count: previewData.rows.length })}</Text>
            <Button
              size="xs"
              onClick={() => {
                add(draftLines(previewData.rows, lines));
                onBuilding(previewData.building);
                preview.reset();
              }}
              data-testid="boq-import-apply"
            >
              {t('carbon.boq.importApply', { count: previewData.rows.length })}
            </Button>
          </Group>
        )}
      </Stack>
    </Stack>
  );
}
