import { z } from 'zod';

/**
 * The declared units a bill of quantities or an emission factor may use. Codes are ASCII so CSV
 * and JSON stay portable; `parseUnit` accepts the spellings people type (m³, ㎡, 個, トン).
 */
export const UNITS = ['kg', 't', 'm3', 'm2', 'm', 'piece', 'kWh', 'MJ', 'Nm3', 'L'] as const;
export type TUnit = (typeof UNITS)[number];
export const ZUnit = z.enum(UNITS, { error: 'carbon.unit_unknown' });

type Dimension = 'mass' | 'volume' | 'area' | 'length' | 'count' | 'energy' | 'gas';

/** Each unit's dimension and its size in the dimension's base unit (kg, m³, m², m, piece, MJ, Nm³). */
const UNIT_INFO: Record<TUnit, { dimension: Dimension; base: number }> = {
  kg: { dimension: 'mass', base: 1 },
  t: { dimension: 'mass', base: 1000 },
  m3: { dimension: 'volume', base: 1 },
  L: { dimension: 'volume', base: 0.001 },
  m2: { dimension: 'area', base: 1 },
  m: { dimension: 'length', base: 1 },
  piece: { dimension: 'count', base: 1 },
  kWh: { dimension: 'energy', base: 3.6 },
  MJ: { dimension: 'energy', base: 1 },
  // Normal cubic metres of gas do not convert to energy without the supplier's heating value,
  // which varies by supplier (seeds/002 l.2429: 仙台市ガス局 publishes its own factor).
  Nm3: { dimension: 'gas', base: 1 },
};

export const unitDimension = (unit: TUnit): Dimension => UNIT_INFO[unit].dimension;

const ALIASES: Record<string, TUnit> = {
  kg: 'kg',
  キログラム: 'kg',
  t: 't',
  ton: 't',
  tonne: 't',
  トン: 't',
  m3: 'm3',
  'm^3': 'm3',
  立米: 'm3',
  m2: 'm2',
  'm^2': 'm2',
  平米: 'm2',
  m: 'm',
  メートル: 'm',
  piece: 'piece',
  pieces: 'piece',
  pcs: 'piece',
  pc: 'piece',
  個: 'piece',
  本: 'piece',
  枚: 'piece',
  台: 'piece',
  kwh: 'kWh',
  mj: 'MJ',
  nm3: 'Nm3',
  'nm^3': 'Nm3',
  l: 'L',
  リットル: 'L',
};

/** "m³", "㎥", "ｍ３", "個", "kWh" → a unit code, or null when the text is not a unit we know. */
export function parseUnit(text: string): TUnit | null {
  // NFKC turns ㎥ into m3 and full-width letters into ASCII; superscripts become digits.
  const normal = text.normalize('NFKC').trim().replace(/\s+/g, '');
  if ((UNITS as readonly string[]).includes(normal)) return normal as TUnit;
  return ALIASES[normal.toLowerCase()] ?? ALIASES[normal] ?? null;
}

/** What a line or a factor knows about the physical product, used only when units differ. */
export interface TConversionProps {
  /** kg/m³ */
  density?: number | undefined;
  /** m, for products counted by area but declared by volume or mass (boards, insulation). */
  thickness?: number | undefined;
  kgPerPiece?: number | undefined;
  kgPerMetre?: number | undefined;
}

export type TConversionNeed = 'density' | 'thickness' | 'kg_per_piece' | 'kg_per_metre' | 'incompatible';
export type TConversion = { ok: true; factor: number } | { ok: false; need: TConversionNeed };

/** m³ per unit for volume and area units (area needs a thickness); undefined otherwise. */
function cubicMetresPer(unit: TUnit, props: TConversionProps): number | undefined {
  const { dimension, base } = UNIT_INFO[unit];
  if (dimension === 'volume') return base;
  if (dimension === 'area') return props.thickness;
  return undefined;
}

/** kg per unit, or undefined when the product's mass per unit is not known. */
export function kilogramsPer(unit: TUnit, props: TConversionProps): number | undefined {
  const { dimension, base } = UNIT_INFO[unit];
  switch (dimension) {
    case 'mass':
      return base;
    case 'volume':
      return props.density === undefined ? undefined : props.density * base;
    case 'area':
      return props.density === undefined || props.thickness === undefined
        ? undefined
        : props.density * props.thickness;
    case 'length':
      return props.kgPerMetre;
    case 'count':
      return props.kgPerPiece;
    default:
      return undefined;
  }
}

/** The property that would have made `unit` convertible through mass. */
function missingForMass(unit: TUnit, props: TConversionProps): TConversionNeed {
  const { dimension } = UNIT_INFO[unit];
  if (dimension === 'volume') return 'density';
  if (dimension === 'area') return props.thickness === undefined ? 'thickness' : 'density';
  if (dimension === 'length') return 'kg_per_metre';
  if (dimension === 'count') return 'kg_per_piece';
  return 'incompatible';
}

/**
 * How many `to` units one `from` unit is, e.g. m2 → m3 is the thickness, m3 → kg the density.
 * Within a dimension it is the ratio of sizes; between area and volume it goes through the
 * thickness alone (no density needed); otherwise through mass. A pair that cannot convert says
 * which property is missing, so the message can tell the user what to enter.
 */
export function conversionFactor(from: TUnit, to: TUnit, props: TConversionProps = {}): TConversion {
  const a = UNIT_INFO[from];
  const b = UNIT_INFO[to];
  if (a.dimension === b.dimension) return { ok: true, factor: a.base / b.base };
  const energyLike = (d: Dimension) => d === 'energy' || d === 'gas';
  if (energyLike(a.dimension) || energyLike(b.dimension)) return { ok: false, need: 'incompatible' };
  const volFrom = cubicMetresPer(from, props);
  const volTo = cubicMetresPer(to, props);
  if (volFrom !== undefined && volTo !== undefined) return { ok: true, factor: volFrom / volTo };
  const massFrom = kilogramsPer(from, props);
  if (massFrom === undefined) return { ok: false, need: missingForMass(from, props) };
  const massTo = kilogramsPer(to, props);
  if (massTo === undefined) return { ok: false, need: missingForMass(to, props) };
  return { ok: true, factor: massFrom / massTo };
}
