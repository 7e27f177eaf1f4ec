import { describe, expect, it } from 'vitest';
import carbonEn from '../messages/errors.carbon.en.json';
import carbonJa from '../messages/errors.carbon.ja.json';
import { assess } from './engine';
import type { TCarbonResult } from './result';
import { formatCarbon, LCAX_MODULES, toCsvRows, toCsvText, toJson, toLcax } from './export';

function result(): TCarbonResult {
  const out = assess({
    project: {
      id: 'p-1',
      name: '木造事務所',
      building: { use: 'office', structure: 'W', grossFloorAreaM2: 800, storeysAboveGround: 4 },
    },
    assessmentDate: '2026-04-01',
    method: 'standard',
    boq: [
      { id: 'C1', category: '3', subItem: '3.5', materialKey: 'wood.clt', quantity: 120, unit: 'm3' },
      {
        id: 'C2',
        category: '5',
        subItem: '5.1',
        materialKey: 'wood.plywood_structural',
        quantity: 800,
        unit: 'm2',
        thickness: 0.024,
      },
    ],
    energy: [{ carrier: 'electricity', annualQuantity: 80_000, unit: 'kWh' }],
    gridFactorKgCo2ePerKWh: 0.43,
  });
  if (!out.ok) throw new Error(JSON.stringify(out.issues));
  return out.result;
}

describe('exports', () => {
  const r = result();

  it('CSV rows carry unrounded figures that add up, in both languages', () => {
    const rows = toCsvRows(r);
    expect(rows[0]).toEqual(['区分', 'キー', '名称', 'kg-CO2e', 'kg-CO2e/m²', 'kg-CO2e/m²・年']);
    const modules = rows.filter((row) => row[0] === 'module');
    expect(modules.map((row) => row[1])).toEqual([
      'A1-A3',
      'A4',
      'A5',
      'B1',
      'B2',
      'B3',
      'B4',
      'B5',
      'B6',
      'B7',
      'C1',
      'C2',
      'C3',
      'C4',
      'D',
    ]);
    expect(Number(modules[0]![3])).toBe(r.modules['A1-A3']);
    const whole = rows.find((row) => row[0] === 'stage' && row[1] === 'wholeLife')!;
    const sum = modules.filter((row) => row[1] !== 'D').reduce((s, row) => s + Number(row[3]), 0);
    expect(Number(whole[3])).toBe(sum);
    expect(rows.find((row) => row[0] === 'stage' && row[1] === 'biogenicStorage')![3]).toBe(
      String(r.stages.biogenicStorage),
    );
    expect(toCsvRows(r, 'en')[0]![0]).toBe('section');
    // Negative figures stay numbers in the CSV text (no apostrophe), text cells are protected.
    const text = toCsvText(r);
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text).toContain(`,${r.stages.biogenicStorage},`);
  });

  it('JSON round-trips with a format tag', () => {
    const parsed = JSON.parse(toJson(r)) as { format: string; version: number; result: TCarbonResult };
    expect(parsed.format).toBe('tsumiki-carbon-result');
    expect(parsed.result.modules).toEqual(r.modules);
  });

  it('LCAx: modules a0–d (a0 and b8 not assessed), assemblies per work category, storage apart', () => {
    const p = toLcax(r);
    expect(Object.keys(p.results.gwp)).toEqual([...LCAX_MODULES]);
    expect(p.results.gwp.a0).toBeNull();
    expect(p.results.gwp.b8).toBeNull();
    expect(p.results.gwp.a1a3).toBe(r.modules['A1-A3']);
    expect(p.results.gwp.d).toBe(r.modules.D);
    expect(p.referenceStudyPeriod).toBe(60);
    // LCAx is read in English: the period's rule too.
    expect(JSON.stringify(p)).toContain('60 years (offices 60 years)');
    expect(p.assemblies.map((a) => a.id)).toEqual([
      'jcat-1',
      'jcat-2',
      'jcat-3',
      'jcat-4',
      'jcat-5',
      'jcat-6',
      'building-level',
    ]);
    const structure = p.assemblies[2]!;
    expect(structure.products).toHaveLength(1);
    expect(structure.products[0]).toMatchObject({ type: 'product', unit: 'm3', quantity: 120 });
    expect(structure.products[0]!.results.gwp.a1a3).toBe(120 * 252);
    // The assemblies' A1–A3 add up to the project's.
    expect(p.assemblies.reduce((s, a) => s + (a.results.gwp.a1a3 ?? 0), 0)).toBeCloseTo(
      r.modules['A1-A3'],
      9,
    );
    expect(p.metaData?.biogenicStorageKgCo2e).toEqual({ number: { float: r.stages.biogenicStorage } });
    expect(p.projectInfo).toMatchObject({
      buildingType: 'new_construction_works',
      buildingTypology: ['office'],
      frameType: 'W',
    });
  });
});

describe('display', () => {
  it('rounds only when formatting', () => {
    expect(formatCarbon(1234.5678)).toBe('1,235 kg-CO₂e');
    expect(formatCarbon(1234567, { unit: 't' })).toBe('1,234.6 t-CO₂e');
    expect(formatCarbon(12.345, { per: 'm2year', digits: 2 })).toBe('12.35 kg-CO₂e/m²・年');
    expect(formatCarbon(-606, { locale: 'en', per: 'm2' })).toBe('-606 kg-CO₂e/m²');
  });
});

describe('the error catalogue', () => {
  it('has the same keys in Japanese and English, with the same placeholders', () => {
    const ja = carbonJa as Record<string, string>;
    const en = carbonEn as Record<string, string>;
    expect(Object.keys(ja).sort()).toEqual(Object.keys(en).sort());
    // A parameter's English wording comes as `<name>En` (as in the other catalogues).
    const holes = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]!.replace(/En$/, '')).sort();
    for (const key of Object.keys(ja)) {
      expect(key.startsWith('carbon.'), key).toBe(true);
      expect(holes(ja[key]!), key).toEqual(holes(en[key]!));
    }
  });
});
