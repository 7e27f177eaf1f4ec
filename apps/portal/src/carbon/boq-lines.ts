import type { TBoqDraftLine, TBoqImportRow } from '@tsumiki/domain/carbon';

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

/** A new empty line under the first sub-item of the structure (3.1, concrete), measured in m3. */
export const blankLine = (lines: readonly TBoqDraftLine[]): TBoqDraftLine => ({
  id: nextIds(lines, 1)[0]!,
  category: '3',
  subItem: '3.1',
  materialKey: '',
  quantity: null,
  unit: 'm3',
});

/** Cells copied from Excel: rows by line, cells by tab. */
export const pastedCells = (text: string) =>
  text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => l.split('\t'));

/** A typed quantity, full-width digits and thousands separators allowed; anything else is empty. */
export function typedQuantity(value: string): number | null {
  const text = value.normalize('NFKC').replace(/,/g, '').trim();
  const n = text === '' ? null : Number(text);
  return n !== null && Number.isFinite(n) ? n : null;
}
