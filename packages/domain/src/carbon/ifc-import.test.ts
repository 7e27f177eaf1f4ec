import { describe, expect, it } from 'vitest';
import { assess } from './engine';
import {
  chooseIfcQuantity,
  groupIfcElements,
  ifcLineNeedsThickness,
  ifcSubItem,
  materialClass,
  parseIfcThickness,
  withIfcThickness,
  ZIfcModel,
  type TIfcElement,
  type TIfcModel,
} from './ifc-import';
import { materialNameIndex, resolveMaterialName } from './material-names';
import { ZBoqLine } from './model';
import { STARTER_LIBRARY } from './library';

const el = (over: Partial<TIfcElement> & Pick<TIfcElement, 'id' | 'ifcType'>): TIfcElement => ({ materialSource: 'single', materials: [], quantities: [], ...over });
const vol = (set: string, name: string, value: number) => ({ set, name, kind: 'volume' as const, value });

const MODEL: TIfcModel = {
  schema: 'IFC4',
  application: 'ARCHICAD-64',
  otherElements: { IfcSpace: 7, IfcOpeningElement: 16 },
  elements: [
    // A two-layer wall: 0.2 m concrete and 0.1 m insulation share its net volume 3:… by thickness.
    el({ id: 'w1', ifcType: 'IfcWallStandardCase', external: true, loadBearing: true, materialSource: 'layers', materials: [{ name: 'Stahlbeton 65690', thicknessM: 0.2 }, { name: 'Mineralwolle', thicknessM: 0.1 }], quantities: [vol('BaseQuantities', 'GrossVolume', 9), vol('BaseQuantities', 'NetVolume', 6)] }),
    el({ id: 's1', ifcType: 'IfcSlab', materials: [{ name: 'Stahlbeton' }], quantities: [vol('Qto_SlabBaseQuantities', 'GrossVolume', 10.5)] }),
    // Only the exporter's own German quantity set: used, and counted as such.
    el({ id: 'm1', ifcType: 'IfcMember', materials: [{ name: 'Holz' }], quantities: [vol('ArchiCADQuantities', 'Netto-Volumen', 0.25), vol('ArchiCADQuantities', 'Konditionales Volumen', 9)] }),
    el({ id: 'm2', ifcType: 'IfcMember', materials: [{ name: 'Holz' }], quantities: [vol('ArchiCADQuantities', 'Netto-Volumen', 0.5)] }),
    el({ id: 'd1', ifcType: 'IfcWindow', external: true, materialSource: 'list', materials: [{ name: 'Holz' }], quantities: [vol('BaseQuantities', 'Volume', 0.6)], dimensionsAreaM2: 1.5 }),
    el({ id: 'x1', ifcType: 'IfcBeam', materials: [{ name: 'Holz' }], quantities: [{ set: 'BaseQuantities', name: 'Length', kind: 'length', value: 4 }] }),
    el({ id: 'x2', ifcType: 'IfcSlab', quantities: [vol('BaseQuantities', 'NetVolume', 3)] }),
    el({ id: 'x3', ifcType: 'IfcWall', materialSource: 'list', materials: [{ name: 'Holz' }, { name: 'Gips' }], quantities: [vol('BaseQuantities', 'NetVolume', 3)] }),
  ],
};

describe('IFC elements grouped into BoQ lines', () => {
  it('groups by work category and material, shares layered volumes by thickness, lists what it skipped', () => {
    const out = groupIfcElements(ZIfcModel.parse(MODEL));
    expect(out.lines.map((l) => [l.id, l.category, l.subItem, l.materialKey, l.quantity, l.unit])).toEqual([
      ['IFC1', '3', '3.1', 'Stahlbeton', 14.5, 'm3'],
      ['IFC2', '3', '3.5', 'Holz', 0.75, 'm3'],
      ['IFC3', '4', '4.3', 'Holz', 1.5, 'm2'],
      ['IFC4', '4', '4.4', 'Mineralwolle', 2, 'm3'],
    ]);
    // Every line is a valid BoQ line as the assessment reads it.
    for (const line of out.lines) expect(ZBoqLine.safeParse(line).success).toBe(true);
    expect(out.sources.find((s) => s.lineId === 'IFC1')).toMatchObject({ elements: 2, sources: { standard: 2, exporter: 0 }, classes: { IfcWallStandardCase: 1, IfcSlab: 1 } });
    expect(out.sources.find((s) => s.lineId === 'IFC2')).toMatchObject({ elements: 2, sources: { standard: 0, exporter: 2 } });
    expect(out.sources.find((s) => s.lineId === 'IFC3')).toMatchObject({ sources: { dimensions: 1 } });
    expect(out.summary).toMatchObject({
      schema: 'IFC4',
      elementsRead: 8,
      elementsUsed: 5,
      skippedByReason: { no_quantity: 1, no_material: 1, material_ambiguous: 1 },
      otherElements: { IfcSpace: 7, IfcOpeningElement: 16 },
      unmappedMaterials: ['Holz', 'Mineralwolle', 'Stahlbeton'],
    });
    expect(out.summary.skipped.map((s) => [s.id, s.reason])).toEqual([
      ['x1', 'no_quantity'],
      ['x2', 'no_material'],
      ['x3', 'material_ambiguous'],
    ]);
  });

  it('takes the library key where the model names a known material, and leaves the rest to mapping', () => {
    const model: TIfcModel = { schema: 'IFC4', otherElements: {}, elements: [el({ id: 'c', ifcType: 'IfcColumn', materials: [{ name: ' 直交集成板（CLT） ' }], quantities: [vol('BaseQuantities', 'NetVolume', 2)] })] };
    const index = materialNameIndex(STARTER_LIBRARY);
    const out = groupIfcElements(model, { materialKeyOf: (name) => resolveMaterialName(name, index).materialKey ?? undefined });
    expect(out.lines[0]).toMatchObject({ materialKey: 'wood.clt', label: '直交集成板（CLT）', subItem: '3.5' });
    expect(out.summary.unmappedMaterials).toEqual([]);
  });

  it('prefers the standard net volume, then gross, then the exporter’s; ignores zero and conditional volumes', () => {
    expect(chooseIfcQuantity(el({ id: 'a', ifcType: 'IfcSlab', quantities: [vol('BaseQuantities', 'NetVolume', 0), vol('BaseQuantities', 'GrossVolume', 2), vol('ArchiCADQuantities', 'Netto-Volumen', 1)] }))).toMatchObject({ value: 2, source: 'standard', name: 'GrossVolume' });
    expect(chooseIfcQuantity(el({ id: 'a', ifcType: 'IfcSlab', quantities: [vol('ArchiCADQuantities', 'Konditionales Volumen', 1)] }))).toBeUndefined();
    expect(chooseIfcQuantity(el({ id: 'a', ifcType: 'IfcCovering', quantities: [{ set: 'Qto_CoveringBaseQuantities', name: 'NetArea', kind: 'area', value: 12 }] }))).toMatchObject({ unit: 'm2', value: 12 });
  });

  it('puts materials under J-CAT sub-items by class and by what the element is', () => {
    expect(['Stahlbeton', 'Leichtbeton', 'Baustahl', 'Holz', 'SD345 鉄筋', 'Floatglas', 'Gips'].map(materialClass)).toEqual(['concrete', 'concrete', 'steel', 'timber', 'rebar', 'glass', 'other']);
    expect(ifcSubItem(el({ id: 'f', ifcType: 'IfcFooting' }), 'Stahlbeton')).toBe('2.2');
    expect(ifcSubItem(el({ id: 'd', ifcType: 'IfcDoor', external: false }), 'Holz')).toBe('5.3');
    expect(ifcSubItem(el({ id: 'w', ifcType: 'IfcWall', external: false, loadBearing: false }), 'Gips')).toBe('5.2');
    expect(ifcSubItem(el({ id: 'c', ifcType: 'IfcCovering', predefinedType: 'CEILING', external: false }), 'Gips')).toBe('5.4');
    expect(ifcSubItem(el({ id: 'b', ifcType: 'IfcBeam' }), 'Baustahl')).toBe('3.3');
  });

  it('turns timber given by area into m³ with a thickness the user enters, refusing what is no thickness', () => {
    const window: TIfcModel = {
      schema: 'IFC2X3',
      otherElements: {},
      elements: [el({ id: 'w', ifcType: 'IfcWindow', external: true, materials: [{ name: 'Holz' }], quantities: [{ set: 'BaseQuantities', name: 'Area', kind: 'area', value: 26.937 }] })],
    };
    const [line] = groupIfcElements(window, { materialKeyOf: () => 'wood.sawn_jas' }).lines;
    expect(line).toMatchObject({ unit: 'm2', quantity: 26.937, subItem: '4.3' });
    expect(ifcLineNeedsThickness(line!, 'Holz')).toBe(true);
    expect(ifcLineNeedsThickness(line!, 'Floatglas')).toBe(false);
    expect(ifcLineNeedsThickness({ unit: 'm3' }, 'Holz')).toBe(false);

    // Per m³ without a thickness: the assessment asks for one.
    const input = (boq: unknown[]) => ({
      project: { name: 'FZK', building: { use: 'office', structure: 'W', grossFloorAreaM2: 180 } },
      assessmentDate: '2026-04-01',
      method: 'detailed',
      boq,
    });
    const without = assess(input([line]));
    expect(without.ok).toBe(false);
    expect(!without.ok && without.issues[0]!.code).toBe('carbon.unit_needs_thickness');

    expect(['68', '６８ｍｍ', ' 68 mm '].map(parseIfcThickness)).toEqual([{ ok: true, mm: 68 }, { ok: true, mm: 68 }, { ok: true, mm: 68 }]);
    for (const bad of ['', '0', '-5', 'abc', '1200', '68cm'])
      expect(parseIfcThickness(bad)).toEqual({ ok: false, code: 'carbon.ifc_thickness_invalid' });
    const thick = withIfcThickness(line!, 68);
    // 26.937 m² × 0.068 m = 1.832 m³, and the thickness stays readable on the line.
    expect(thick).toMatchObject({ unit: 'm3', quantity: 1.832, label: 'Holz（厚さ68mm）', materialKey: 'wood.sawn_jas' });
    const assessed = assess(input([thick]));
    expect(assessed.ok).toBe(true);
    expect(assessed.ok && assessed.result.modules['A1-A3']).toBeCloseTo(1.832 * 80, 6);
    expect(() => withIfcThickness(line!, 0)).toThrow();
  });
});
