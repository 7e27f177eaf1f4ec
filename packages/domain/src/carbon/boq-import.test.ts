import { describe, expect, it } from 'vitest';
import { errorMessage } from '../errors';
import { issuesAtFileLines, parseBoqSheet, sheetIssues, sheetToAssessmentInput, unmappedMaterials } from './boq-import';
import { assess } from './engine';
import { STARTER_LIBRARY } from './library';

const csvRows = (text: string) => text.trim().split('\n').map((l) => l.split(','));

const SHEET = csvRows(`
プロジェクト名,木造事務所A
用途,事務所
構造,CLT造
延床面積（m²）,１２００
算定日,2026-04-01
算定法,詳細
工事科目,工事細目,資材,数量,単位,原単位ID
3 躯体,3.5 木材,wood.clt,100,㎥,
3,木材,JAS構造用集成材（小断面）,20,m3,
,3.5,wood.sawn_jas,５,立米,jp.rinya.sawn_jas
`);

describe('BoQ sheets in the J-CAT-like layout', () => {
  it('reads the building block, codes or names for categories, sub-items, materials and units', () => {
    const sheet = parseBoqSheet(SHEET, { library: STARTER_LIBRARY });
    expect(sheet.ok).toBe(true);
    expect(sheet.project).toEqual({ name: '木造事務所A', assessmentDate: '2026-04-01', method: 'detailed' });
    expect(sheet.building).toEqual({ use: 'office', structure: 'CLT', grossFloorAreaM2: 1200 });
    expect(sheet.rows.map((r) => [r.line, r.values.id, r.values.category, r.values.subItem, r.values.materialKey, r.values.quantity, r.values.unit])).toEqual([
      [8, 'L8', '3', '3.5', 'wood.clt', 100, 'm3'],
      [9, 'L9', '3', '3.5', 'wood.glulam_small', 20, 'm3'],
      [10, 'L10', '3', '3.5', 'wood.sawn_jas', 5, 'm3'],
    ]);
    expect(sheet.rows[2]!.values.factorId).toBe('jp.rinya.sawn_jas');
  });

  it('feeds the assessment: the result is the sum of the rows × the wood table', () => {
    const out = assess(sheetToAssessmentInput(parseBoqSheet(SHEET, { library: STARTER_LIBRARY })));
    if (!out.ok) throw new Error(JSON.stringify(out.issues));
    expect(out.result.modules['A1-A3']).toBe(100 * 252 + 20 * 108 + 5 * 80);
    expect(out.result.grossFloorAreaM2).toBe(1200);
  });

  it('names the file line of every bad row, with the API’s messages, and keeps the good rows', () => {
    const sheet = parseBoqSheet(
      csvRows(`
工事科目,工事細目,資材,数量,単位
3,3.5,wood.clt,-4,m3
3,3.7,wood.clt,1,m3
3,3.5,wood.clt,abc,m3
3,3.5,unobtainium,1,m3
3,3.5,wood.clt,1,bushel
9,,wood.clt,1,m3
3,3.5,wood.clt,2,m3
`),
      { library: STARTER_LIBRARY },
    );
    expect(sheet.ok).toBe(false);
    const byLine = Object.fromEntries(sheet.rows.map((r) => [r.line, r.issues.map((i) => i.code)]));
    expect(byLine).toEqual({
      2: ['carbon.quantity_negative'],
      3: ['carbon.sub_item_unknown'],
      4: ['carbon.quantity_invalid'],
      5: [],
      6: ['carbon.unit_unknown'],
      7: ['carbon.category_unknown'],
      8: [],
    });
    const negative = sheet.rows[0]!.issues[0]!;
    expect(errorMessage(negative.code, 'ja', negative.params)).toBe(
      '明細「L2」（2行目）の数量がマイナスです。0以上の数値を入力してください。',
    );
    expect(errorMessage(negative.code, 'en', negative.params)).toContain('row 2');
    // An unknown material is not refused: it is kept as typed and goes to the mapping step.
    expect(sheet.rows[3]!.values.materialKey).toBe('unobtainium');
    expect(sheet.rows[3]!.material).toMatchObject({ name: 'unobtainium', materialKey: null });
    expect(unmappedMaterials(sheet.rows).map((m) => m.name)).toEqual(['unobtainium']);
  });

  it('refuses a file without the BoQ columns, an unknown building field and duplicate ids', () => {
    expect(parseBoqSheet(csvRows('用途,事務所\n延床面積,100')).fileIssues.map((i) => i.code)).toEqual(['carbon.import_missing_column']);
    const unknownField = parseBoqSheet(csvRows('延床面績,100\n資材,数量,単位,工事細目\nwood.clt,1,m3,3.5'));
    expect(unknownField.fileIssues).toEqual([
      { code: 'carbon.import_field_unknown', params: { name: '延床面績', row: 1 }, path: [] },
    ]);
    const dup = parseBoqSheet(csvRows('明細ID,工事細目,資材,数量,単位\nA,3.5,wood.clt,1,m3\nA,3.5,wood.clt,1,m3'));
    expect(sheetIssues(dup).map((i) => [i.code, i.params.row])).toEqual([['carbon.line_id_duplicate', 3]]);
    expect(parseBoqSheet(csvRows('資材,数量,単位,工事細目')).fileIssues.map((i) => i.code)).toEqual(['carbon.import_empty']);
  });

  it('takes pasted cells without a header in the grid’s column order', () => {
    const pasted = [
      ['3', '3.5', 'wood.clt', '12.5', 'm3'],
      ['3', '3.4', 'steel.rebar', '30', 't'],
    ];
    const sheet = parseBoqSheet(pasted, { library: STARTER_LIBRARY });
    expect(sheet.ok).toBe(true);
    expect(sheet.rows.map((r) => [r.values.id, r.values.subItem, r.values.quantity])).toEqual([
      ['L1', '3.5', 12.5],
      ['L2', '3.4', 30],
    ]);
  });

  it('puts the file line back into the engine’s issues (a gap material on line 7)', () => {
    const sheet = parseBoqSheet(
      csvRows(`
用途,office
構造,RC
延床面積,1000
算定日,2026-04-01
工事科目,工事細目,資材,数量,単位
3,3.5,wood.clt,1,m3
3,3.3,steel.section,30,t
`),
      { library: STARTER_LIBRARY },
    );
    expect(sheet.ok).toBe(true);
    const out = assess({ ...sheetToAssessmentInput(sheet), project: { name: 'x', building: sheet.building } });
    expect(out.ok).toBe(false);
    if (out.ok) return;
    const [missing] = issuesAtFileLines(out.issues, sheet);
    expect(missing).toMatchObject({ code: 'carbon.factor_missing', lineId: 'L7', params: { row: 7, material: '鉄骨（形鋼・鋼板）' } });
  });
});
