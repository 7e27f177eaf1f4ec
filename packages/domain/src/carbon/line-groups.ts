import type { TCategoryCode } from './categories';
import type { TBoqLine } from './model';
import type { TUnit } from './units';

/** Lines that share all of these share every coefficient, so the engine works per key. */
export interface LineKey {
  materialKey: string;
  subItem: string;
  category: TCategoryCode;
  unit: TUnit;
  factorId: string | undefined;
  density: number | undefined;
  thickness: number | undefined;
  kgPerPiece: number | undefined;
  kgPerMetre: number | undefined;
}

/**
 * The BoQ in columns: each line's key, and per key the summed quantity (in the lines' own unit)
 * and the line count. Everything the engine computes per scenario is linear in quantity, so these
 * few numbers per key are all it needs from the lines.
 */
export interface TLineGroups {
  readonly keys: readonly LineKey[];
  readonly keyOfLine: Int32Array;
  readonly sums: Float64Array;
  readonly counts: Int32Array;
}

/**
 * Groups lines by key as they come, in an open-addressing table of key numbers. The hash reads
 * only a few characters and the numbers, so a line costs its field reads, one probe and a
 * comparison with the key found there (numbers first, then strings); no string is hashed in
 * full and nothing is allocated per line. Keys keep first-seen order.
 */
export class LineGrouper {
  private readonly keys: LineKey[] = [];
  private hashes: number[] = [];
  private table = new Int32Array(64).fill(-1);
  private mask = 63;
  private sums = new Float64Array(16);
  private counts = new Int32Array(16);
  private readonly keyOfLine: Int32Array;
  private n = 0;

  constructor(lines: number) {
    this.keyOfLine = new Int32Array(lines);
  }

  add(
    materialKey: string,
    subItem: string,
    category: TCategoryCode,
    unit: TUnit,
    factorId: string | undefined,
    density: number | undefined,
    thickness: number | undefined,
    kgPerPiece: number | undefined,
    kgPerMetre: number | undefined,
    quantity: number,
  ): void {
    const h = keyHash(materialKey, subItem, unit, factorId, density, thickness, kgPerPiece, kgPerMetre);
    const keys = this.keys;
    let slot = h & this.mask;
    let k = this.table[slot]!;
    while (
      k >= 0 &&
      !matches(keys[k]!, materialKey, subItem, unit, factorId, density, thickness, kgPerPiece, kgPerMetre)
    ) {
      slot = (slot + 1) & this.mask;
      k = this.table[slot]!;
    }
    if (k < 0) {
      k = this.newKey(slot, h, {
        materialKey,
        subItem,
        category,
        unit,
        factorId,
        density,
        thickness,
        kgPerPiece,
        kgPerMetre,
      });
    }
    this.keyOfLine[this.n++] = k;
    this.sums[k] = this.sums[k]! + quantity;
    this.counts[k] = this.counts[k]! + 1;
  }

  /** A validated line. */
  addLine(l: TBoqLine): void {
    this.add(
      l.materialKey,
      l.subItem,
      l.category,
      l.unit,
      l.factorId,
      l.density,
      l.thickness,
      l.kgPerPiece,
      l.kgPerMetre,
      l.quantity,
    );
  }

  private newKey(slot: number, hash: number, key: LineKey): number {
    const k = this.keys.length;
    this.keys.push(key);
    this.hashes.push(hash);
    this.table[slot] = k;
    if (k >= this.sums.length) {
      const sums = new Float64Array(this.sums.length * 2);
      sums.set(this.sums);
      this.sums = sums;
      const counts = new Int32Array(this.counts.length * 2);
      counts.set(this.counts);
      this.counts = counts;
    }
    // At most half full, so a probe ends soon on an empty slot.
    if (2 * (k + 1) > this.mask) this.grow();
    return k;
  }

  private grow(): void {
    const mask = this.mask * 2 + 1;
    const table = new Int32Array(mask + 1).fill(-1);
    for (let k = 0; k < this.keys.length; k++) {
      let slot = this.hashes[k]! & mask;
      while (table[slot]! >= 0) slot = (slot + 1) & mask;
      table[slot] = k;
    }
    this.table = table;
    this.mask = mask;
  }

  finish(): TLineGroups {
    const K = this.keys.length;
    return {
      keys: this.keys,
      keyOfLine: this.keyOfLine,
      sums: this.sums.slice(0, K),
      counts: this.counts.slice(0, K),
    };
  }
}

/** A few characters of each string and the numbers' bits: cheap, and enough to spread real keys. */
function keyHash(
  materialKey: string,
  subItem: string,
  unit: string,
  factorId: string | undefined,
  density: number | undefined,
  thickness: number | undefined,
  kgPerPiece: number | undefined,
  kgPerMetre: number | undefined,
): number {
  const ml = materialKey.length;
  let h = (ml * 31 + materialKey.charCodeAt(ml - 1)) | 0;
  h = (h * 31 + materialKey.charCodeAt(ml >> 1)) | 0;
  h = (h * 31 + subItem.charCodeAt(subItem.length - 1)) | 0;
  h = (h * 31 + unit.charCodeAt(0) + unit.length) | 0;
  // The numbers are positive or absent; fractions matter (0.012 vs 0.024 m).
  if (thickness !== undefined) h = (h * 31 + ((thickness * 1048573) | 0)) | 0;
  if (density !== undefined) h = (h * 31 + ((density * 4099) | 0)) | 0;
  if (factorId !== undefined) h = (h * 31 + factorId.length * 7 + factorId.charCodeAt(factorId.length - 1)) | 0;
  if (kgPerPiece !== undefined) h = (h * 31 + ((kgPerPiece * 4099) | 0)) | 0;
  if (kgPerMetre !== undefined) h = (h * 31 + ((kgPerMetre * 4099) | 0)) | 0;
  return (h ^ (h >>> 15)) | 0;
}

function matches(
  k: LineKey,
  materialKey: string,
  subItem: string,
  unit: TUnit,
  factorId: string | undefined,
  density: number | undefined,
  thickness: number | undefined,
  kgPerPiece: number | undefined,
  kgPerMetre: number | undefined,
): boolean {
  return (
    k.thickness === thickness &&
    k.density === density &&
    k.kgPerPiece === kgPerPiece &&
    k.kgPerMetre === kgPerMetre &&
    k.unit === unit &&
    k.subItem === subItem &&
    k.factorId === factorId &&
    k.materialKey === materialKey
  );
}

/** Groups validated lines (the path for input that did not come through `validateAssessmentInput`). */
export function groupLines(lines: readonly TBoqLine[]): TLineGroups {
  const grouper = new LineGrouper(lines.length);
  for (let i = 0; i < lines.length; i++) grouper.addLine(lines[i]!);
  return grouper.finish();
}
