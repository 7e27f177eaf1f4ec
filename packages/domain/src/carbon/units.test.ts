import { describe, expect, it } from 'vitest';
import { conversionFactor, kilogramsPer, parseUnit } from './units';

describe('unit conversion', () => {
  it('scales within a dimension', () => {
    expect(conversionFactor('t', 'kg')).toEqual({ ok: true, factor: 1000 });
    expect(conversionFactor('kg', 't')).toEqual({ ok: true, factor: 0.001 });
    expect(conversionFactor('L', 'm3')).toEqual({ ok: true, factor: 0.001 });
    expect(conversionFactor('kWh', 'MJ')).toEqual({ ok: true, factor: 3.6 });
    expect(conversionFactor('m2', 'm2')).toEqual({ ok: true, factor: 1 });
  });

  it('goes from area to volume through the thickness alone, no density needed', () => {
    // 12 mm plywood: 1 m² is 0.012 m³.
    expect(conversionFactor('m2', 'm3', { thickness: 0.012 })).toEqual({ ok: true, factor: 0.012 });
    const back = conversionFactor('m3', 'm2', { thickness: 0.02 });
    expect(back.ok && back.factor).toBeCloseTo(50, 12);
  });

  it('goes through mass with a density (and a thickness for areas)', () => {
    expect(conversionFactor('m3', 'kg', { density: 2300 })).toEqual({ ok: true, factor: 2300 });
    expect(conversionFactor('m3', 't', { density: 2300 })).toEqual({ ok: true, factor: 2.3 });
    // 9.5 mm gypsum board at 700 kg/m³: 6.65 kg per m².
    const board = conversionFactor('m2', 'kg', { thickness: 0.0095, density: 700 });
    expect(board.ok && board.factor).toBeCloseTo(6.65, 12);
    expect(conversionFactor('piece', 'kg', { kgPerPiece: 12.5 })).toEqual({ ok: true, factor: 12.5 });
    expect(conversionFactor('m', 't', { kgPerMetre: 50 })).toEqual({ ok: true, factor: 0.05 });
  });

  it('says which property is missing when it cannot convert', () => {
    expect(conversionFactor('m3', 'kg')).toEqual({ ok: false, need: 'density' });
    expect(conversionFactor('m2', 'm3')).toEqual({ ok: false, need: 'thickness' });
    expect(conversionFactor('m2', 'kg', { thickness: 0.01 })).toEqual({ ok: false, need: 'density' });
    expect(conversionFactor('piece', 'kg')).toEqual({ ok: false, need: 'kg_per_piece' });
    expect(conversionFactor('m', 'kg')).toEqual({ ok: false, need: 'kg_per_metre' });
    expect(conversionFactor('kg', 'piece')).toEqual({ ok: false, need: 'kg_per_piece' });
    expect(conversionFactor('kWh', 'kg', { density: 1 })).toEqual({ ok: false, need: 'incompatible' });
    expect(conversionFactor('Nm3', 'MJ')).toEqual({ ok: false, need: 'incompatible' });
  });

  it('knows the mass of a unit only when the product says enough', () => {
    expect(kilogramsPer('t', {})).toBe(1000);
    expect(kilogramsPer('m3', {})).toBeUndefined();
    expect(kilogramsPer('m2', { density: 500, thickness: 0.02 })).toBe(10);
  });

  it('reads the spellings people type', () => {
    expect(['m³', '㎥', 'ｍ３', 'M3'].map(parseUnit)).toEqual(['m3', 'm3', 'm3', 'm3']);
    expect(['㎡', 'm²'].map(parseUnit)).toEqual(['m2', 'm2']);
    expect(['個', 'pcs', '本'].map(parseUnit)).toEqual(['piece', 'piece', 'piece']);
    expect(['トン', 'kWh', 'kwh', 'ℓ', 'Nm3'].map(parseUnit)).toEqual(['t', 'kWh', 'kWh', 'L', 'Nm3']);
    expect(parseUnit('坪')).toBeNull();
  });
});
