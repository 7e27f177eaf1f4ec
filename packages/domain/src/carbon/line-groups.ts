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
 * Groups lines by key as they come. Keys of one material are chained, and the comparison reads
 * the key's own fields (all of one shape) against plain values, so the per-line cost stays a
 * Map lookup and a few comparisons whatever shape the caller's line objects have.
 */
export class LineGrouper {
  private readonly keys: LineKey[] = [];
  private readonly firstOfMaterial = new Map<string, number>();
  private readonly nextOfMaterial: number[] = [];
  private sums: number[] = [];
  private counts: number[] = [];
  private readonly keyOfLine: Int32Array;
  private previous = -1;
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
    const keys = this.keys;
    // Bills of quantities run in sections, so a line often repeats the previous line's key.
    let k = this.previous;
    if (
      k < 0 ||
      !matches(keys[k]!, materialKey, subItem, unit, factorId, density, thickness, kgPerPiece, kgPerMetre)
    ) {
      k = this.firstOfMaterial.get(materialKey) ?? -1;
      while (
        k >= 0 &&
        !matches(keys[k]!, materialKey, subItem, unit, factorId, density, thickness, kgPerPiece, kgPerMetre)
      )
        k = this.nextOfMaterial[k]!;
      if (k < 0)
        k = this.newKey({
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
      this.previous = k;
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

  private newKey(key: LineKey): number {
    const k = this.keys.length;
    this.keys.push(key);
    this.sums.push(0);
    this.counts.push(0);
    // Chain the new key after the material's last one, so keys are met in first-seen order.
    this.nextOfMaterial.push(-1);
    const first = this.firstOfMaterial.get(key.materialKey);
    if (first === undefined) this.firstOfMaterial.set(key.materialKey, k);
    else {
      let last = first;
      while (this.nextOfMaterial[last]! >= 0) last = this.nextOfMaterial[last]!;
      this.nextOfMaterial[last] = k;
    }
    return k;
  }

  finish(): TLineGroups {
    return {
      keys: this.keys,
      keyOfLine: this.keyOfLine,
      sums: Float64Array.from(this.sums),
      counts: Int32Array.from(this.counts),
    };
  }
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
    k.materialKey === materialKey &&
    k.subItem === subItem &&
    k.unit === unit &&
    k.factorId === factorId &&
    k.density === density &&
    k.thickness === thickness &&
    k.kgPerPiece === kgPerPiece &&
    k.kgPerMetre === kgPerMetre
  );
}

/** Groups validated lines (the path for input that did not come through `validateAssessmentInput`). */
export function groupLines(lines: readonly TBoqLine[]): TLineGroups {
  const grouper = new LineGrouper(lines.length);
  for (let i = 0; i < lines.length; i++) grouper.addLine(lines[i]!);
  return grouper.finish();
}
