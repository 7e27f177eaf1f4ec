import { describe, expect, it } from 'vitest';
import { assess } from './engine';
import { moduleLabel } from './modules';
import { moduleFigure, type TCarbonResult } from './result';

function result(boq: { id: string; category: string; subItem: string; materialKey: string; quantity: number; unit: string }[]): TCarbonResult {
  const out = assess({
    project: { name: 'テスト事務所', building: { use: 'office', structure: 'W', grossFloorAreaM2: 1000 } },
    assessmentDate: '2026-04-01',
    method: 'detailed',
    boq,
  });
  if (!out.ok) throw new Error(JSON.stringify(out.issues));
  return out.result;
}

describe('what a module’s figure says', () => {
  it('tells a module nothing was entered for from one computed, and names modules in words with the code after', () => {
    const empty = result([]);
    expect(empty.coverage.modulesWithoutInput).toEqual(['A1-A3', 'B1', 'B6', 'B7']);
    expect(moduleFigure(empty, 'A1-A3')).toBe('no_input');
    expect(moduleFigure(empty, 'B6')).toBe('no_input');
    expect(moduleFigure(empty, 'C2')).toBe('zero');

    const wood = result([{ id: 'L1', category: '3', subItem: '3.5', materialKey: 'wood.clt', quantity: 10, unit: 'm3' }]);
    expect(wood.coverage.modulesWithoutInput).toEqual(['B1', 'B6', 'B7']);
    expect(moduleFigure(wood, 'A1-A3')).toBe('figure');
    expect(moduleLabel('A1-A3', 'ja')).toBe('資材製造（A1-A3）');
    expect(moduleLabel('B6', 'en')).toBe('Operational energy (B6)');
  });
});
