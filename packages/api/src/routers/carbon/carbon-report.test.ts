import { assessProject, newProjectContent, STARTER_LIBRARY, type TCarbonProjectContent, type TCarbonResult } from '@tsumiki/domain/carbon';
import type { PdfBlock } from '@tsumiki/pdf';
import { describe, expect, it } from 'vitest';
import { carbonReportModel } from './carbon-report';

const content: TCarbonProjectContent = {
  ...newProjectContent('高知CLT庁舎', '2026-04-01'),
  building: { use: 'office', structure: 'CLT', grossFloorAreaM2: 1000, works: 'new' },
  boq: [{ id: 'L1', category: '3', subItem: '3.5', materialKey: 'wood.clt', quantity: 100, unit: 'm3' }],
  scenarios: [
    { id: 'base', name: '基本案', scenario: {} },
    { id: 'low', name: '施工削減', scenario: { a5Rate: 0.03 } },
  ],
};
const out = assessProject(content, STARTER_LIBRARY);
const resultOf = (i: number): TCarbonResult => {
  const o = out.scenarios[i]!.outcome;
  if (!o.ok) throw new Error('assessment failed');
  return o.result;
};
const tables = (blocks: PdfBlock[]) => blocks.flatMap((b) => (b.kind === 'table' ? [b] : []));
const fields = (blocks: PdfBlock[]) => blocks.flatMap((b) => (b.kind === 'fields' ? b.rows : []));

describe('carbon report model', () => {
  it('says what was assessed, the module totals adding up to the whole life, and D and storage apart', () => {
    const model = carbonReportModel(resultOf(0), { scenarioName: '基本案', locale: 'ja' });
    expect(model.title).toBe('ライフサイクルCO₂（LCCO₂）算定報告書');
    expect(fields(model.blocks)).toEqual(expect.arrayContaining([{ label: 'プロジェクト名', value: '高知CLT庁舎' }, { label: '延床面積', value: '1,000 m²' }, { label: '構造', value: 'CLT造' }]));
    const modules = tables(model.blocks)[0]!;
    // 100 m³ × 252 kg-CO2e/m³ (seeds/002 wood table).
    expect(modules.rows[0]).toEqual(['資材製造（A1-A3）', '25,200 kg-CO₂e', expect.any(String), expect.any(String)]);
    expect(modules.footer?.[0]).toBe('ライフサイクル全体（A1–C4）');
    expect(fields(model.blocks).find((f) => f.label.startsWith('炭素貯蔵量'))?.value).toBe('-60,600 kg-CO₂e');
    // No refrigerants, energy or water were entered: their zeros are said to be no input.
    // Named in words, as the portal's result screen names them, not by bare codes.
    const noInput = fields(model.blocks).find((f) => f.label.startsWith('入力がなく0'))?.value;
    expect(noInput).toContain('エネルギー消費（B6）');
    expect(noInput?.split('、').every((m) => /^[^A-Z]+（[A-D][0-9-]*[A-Z0-9]*）$/.test(m))).toBe(true);
  });

  it('cites every factor and marks every default without a source as an assumption', () => {
    const model = carbonReportModel(resultOf(0), { scenarioName: '基本案', locale: 'ja' });
    const all = tables(model.blocks).flatMap((t) => t.rows.flat()).join('\n');
    expect(all).toContain('Nakano K, Koike W');
    expect(all).toContain('出典なし（仮定）');
    expect(model.blocks.some((b) => b.kind === 'paragraph' && b.text.includes('第三者レビューのないCFP'))).toBe(true);
  });

  it('adds the comparison with the baseline for a further scenario, and an English report', () => {
    const comparison = out.comparisons[0]!.comparison;
    const model = carbonReportModel(resultOf(1), { scenarioName: '施工削減', locale: 'en', comparison: { name: '施工削減', baselineName: '基本案', comparison } });
    const last = tables(model.blocks).at(-1)!;
    expect(last.columns.map((c) => c.header)).toEqual(['Module', '基本案', '施工削減', 'Difference', 'Change']);
    expect(last.rows.find((r) => r[0] === 'A5')?.[4]).toBe('-50.0%');
    expect(model.title).toBe('Whole-life carbon (LCCO₂) assessment report');
  });
});
