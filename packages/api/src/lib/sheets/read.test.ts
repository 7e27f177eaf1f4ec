import { DomainError } from '@tsumiki/domain';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readSheetRows } from './read';

describe('readSheetRows', () => {
  it('reads a CSV as rows with blank lines kept, so row i is line i + 1', async () => {
    const rows = await readSheetRows({ format: 'csv', text: '\uFEFF延床面積,"1,200"\n\n工事細目,資材\n3.5, wood.clt \n' });
    expect(rows).toEqual([['延床面積', '1,200'], [''], ['工事細目', '資材'], ['3.5', 'wood.clt']]);
  });

  it('reads the first sheet of an .xlsx: numbers as typed, dates as the calendar date, formulas by their result', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('BoQ');
    sheet.addRow(['算定日', new Date(Date.UTC(2026, 3, 1))]);
    sheet.addRow([]);
    sheet.addRow(['工事細目', '数量', '単位']);
    sheet.addRow(['3.5', { formula: '2*6', result: 12 }, 'm3']);
    const base64 = Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
    expect(await readSheetRows({ format: 'xlsx', base64 })).toEqual([['算定日', '2026-04-01'], [], ['工事細目', '数量', '単位'], ['3.5', '12', 'm3']]);
  });

  it('turns an unreadable file into a coded error', async () => {
    await expect(readSheetRows({ format: 'xlsx', base64: Buffer.from('not a zip').toString('base64') })).rejects.toBeInstanceOf(DomainError);
    await expect(readSheetRows({ format: 'csv', text: 'a,"b\nc' })).rejects.toMatchObject({ code: 'carbon.import_unreadable' });
  });
});
