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
 * The BoQ in columns: each line's key number and quantity (in the line's own unit), and per key
 * the summed quantity and the line count. Everything the engine computes per scenario is linear in
 * quantity, so the sums per key are all it needs from the lines; the two line columns let it add
 * them up again from other quantities (an optimiser's trial) without reading a line object, and
 * name lines by key. Filled while the lines are grouped, which reads each line anyway: two stores
 * per line, where building the key column afterwards would hash every line again.
 */
export interface TLineGroups {
  readonly keys: readonly LineKey[];
  readonly sums: Float64Array;
  readonly counts: Int32Array;
  /** Every line's key number. */
  readonly keyOfLine: Int32Array;
  /** Every line's quantity, in the line's own unit. */
  readonly quantities: Float64Array;
  /** The key number of line `i`. */
  keyOf(i: number): number;
  /** Whether these are the groups of exactly this array of lines. */
  isFor(lines: readonly TBoqLine[]): boolean;
}

/**
 * A hash of a few characters and the numbers, the same for every line with the same key, in the
 * upper 27 bits; in the lowest 5, which of the optional fields the line gives (`GIVEN_*`).
 */
function lineHash(l: TBoqLine): number {
  const materialKey = l.materialKey;
  const subItem = l.subItem;
  const unit = l.unit;
  const ml = materialKey.length;
  let h = (ml * 31 + materialKey.charCodeAt(ml - 1)) | 0;
  h = (h * 31 + materialKey.charCodeAt(ml >> 1)) | 0;
  h = (h * 31 + subItem.charCodeAt(subItem.length - 1)) | 0;
  h = (h * 31 + unit.charCodeAt(0) + unit.length) | 0;
  let given = 0;
  // The numbers are positive or absent; fractions matter (0.012 vs 0.024 m).
  const thickness = l.thickness;
  if (thickness !== undefined) {
    given |= GIVEN_THICKNESS;
    h = (h * 31 + ((thickness * 1048573) | 0)) | 0;
  }
  const density = l.density;
  if (density !== undefined) {
    given |= GIVEN_DENSITY;
    h = (h * 31 + ((density * 4099) | 0)) | 0;
  }
  const factorId = l.factorId;
  if (factorId !== undefined) {
    given |= GIVEN_FACTOR;
    h = (h * 31 + factorId.length * 7 + factorId.charCodeAt(factorId.length - 1)) | 0;
  }
  const kgPerPiece = l.kgPerPiece;
  if (kgPerPiece !== undefined) {
    given |= GIVEN_KG_PER_PIECE;
    h = (h * 31 + ((kgPerPiece * 4099) | 0)) | 0;
  }
  const kgPerMetre = l.kgPerMetre;
  if (kgPerMetre !== undefined) {
    given |= GIVEN_KG_PER_METRE;
    h = (h * 31 + ((kgPerMetre * 4099) | 0)) | 0;
  }
  return ((h ^ (h >>> 15)) << 5) | given;
}

const GIVEN_THICKNESS = 1;
const GIVEN_DENSITY = 2;
const GIVEN_FACTOR = 4;
const GIVEN_KG_PER_PIECE = 8;
const GIVEN_KG_PER_METRE = 16;
const GIVEN_BITS = 31;

/**
 * Whether the line has key `k`, whose hash (and so optional fields, `given`) is the same. Comparing a number
 * with undefined is a generic comparison, so only the fields both give are compared; most lines
 * give none. The strings: unit and sub-item are short and usually the same string, the material
 * key, the longest, last.
 */
function sameKey(k: LineKey, l: TBoqLine, given: number): boolean {
  return (
    k.unit === l.unit &&
    k.subItem === l.subItem &&
    k.materialKey === l.materialKey &&
    (given === 0 ||
      (((given & GIVEN_THICKNESS) === 0 || k.thickness === l.thickness) &&
        ((given & GIVEN_DENSITY) === 0 || k.density === l.density) &&
        ((given & GIVEN_FACTOR) === 0 || k.factorId === l.factorId) &&
        ((given & GIVEN_KG_PER_PIECE) === 0 || k.kgPerPiece === l.kgPerPiece) &&
        ((given & GIVEN_KG_PER_METRE) === 0 || k.kgPerMetre === l.kgPerMetre)))
  );
}

/**
 * Groups lines by key as they come, in an open-addressing table of key numbers. The hash reads
 * only a few characters and the numbers, so a line costs its field reads, one probe and a
 * comparison with the key found there (numbers first, then strings); no string is hashed in
 * full and nothing is allocated per line. Keys keep first-seen order.
 */
export class LineGrouper {
  private readonly keys: LineKey[] = [];
  private hashes = new Int32Array(16);
  private table = new Int32Array(64).fill(-1);
  private mask = 63;
  private sums = new Float64Array(16);
  private counts = new Int32Array(16);
  private keyOfLine = new Int32Array(0);
  private quantities = new Float64Array(0);

  /**
   * All the validated lines of a bill, in order, once (the line columns are sized to them). One
   * loop with the table in locals: read from the object on every line, they cost a fifth of the
   * grouping.
   */
  addAll(lines: readonly TBoqLine[]): void {
    const keys = this.keys;
    const n = lines.length;
    const keyOfLine = (this.keyOfLine = new Int32Array(n));
    const quantities = (this.quantities = new Float64Array(n));
    let { hashes, table, mask, sums, counts } = this;
    for (let i = 0; i < n; i++) {
      const l = lines[i]!;
      const h = lineHash(l);
      let slot = (h >>> 5) & mask;
      let k = table[slot]!;
      while (k >= 0 && (hashes[k] !== h || !sameKey(keys[k]!, l, h & GIVEN_BITS))) {
        slot = (slot + 1) & mask;
        k = table[slot]!;
      }
      if (k < 0) {
        k = this.newKey(slot, h, l);
        ({ hashes, table, mask, sums, counts } = this);
      }
      const q = l.quantity;
      keyOfLine[i] = k;
      quantities[i] = q;
      sums[k] = sums[k]! + q;
      counts[k] = counts[k]! + 1;
    }
  }

  private newKey(slot: number, hash: number, l: TBoqLine): number {
    const k = this.keys.length;
    this.keys.push({
      materialKey: l.materialKey,
      subItem: l.subItem,
      category: l.category,
      unit: l.unit,
      factorId: l.factorId,
      density: l.density,
      thickness: l.thickness,
      kgPerPiece: l.kgPerPiece,
      kgPerMetre: l.kgPerMetre,
    });
    this.table[slot] = k;
    if (k >= this.sums.length) {
      const hashes = new Int32Array(this.hashes.length * 2);
      hashes.set(this.hashes);
      this.hashes = hashes;
      const sums = new Float64Array(this.sums.length * 2);
      sums.set(this.sums);
      this.sums = sums;
      const counts = new Int32Array(this.counts.length * 2);
      counts.set(this.counts);
      this.counts = counts;
    }
    this.hashes[k] = hash;
    // At most half full, so a probe ends soon on an empty slot.
    if (2 * (k + 1) > this.mask) this.grow();
    return k;
  }

  private grow(): void {
    const mask = this.mask * 2 + 1;
    const table = new Int32Array(mask + 1).fill(-1);
    for (let k = 0; k < this.keys.length; k++) {
      let slot = (this.hashes[k]! >>> 5) & mask;
      while (table[slot]! >= 0) slot = (slot + 1) & mask;
      table[slot] = k;
    }
    this.table = table;
    this.mask = mask;
  }

  /** The groups of `lines`: the same lines, in the same order, as were given to `addAll`. */
  finish(lines: readonly TBoqLine[]): TLineGroups {
    const K = this.keys.length;
    const { keys, keyOfLine, quantities } = this;
    return new LineGroups(lines, keys, this.sums.slice(0, K), this.counts.slice(0, K), keyOfLine, quantities);
  }
}

class LineGroups implements TLineGroups {
  readonly #lines: readonly TBoqLine[];

  constructor(
    lines: readonly TBoqLine[],
    readonly keys: readonly LineKey[],
    readonly sums: Float64Array,
    readonly counts: Int32Array,
    readonly keyOfLine: Int32Array,
    readonly quantities: Float64Array,
  ) {
    this.#lines = lines;
  }

  keyOf(i: number): number {
    return this.keyOfLine[i]!;
  }

  isFor(lines: readonly TBoqLine[]): boolean {
    return lines === this.#lines;
  }
}

/** Groups validated lines (the path for input that did not come through `validateAssessmentInput`). */
export function groupLines(lines: readonly TBoqLine[]): TLineGroups {
  const grouper = new LineGrouper();
  grouper.addAll(lines);
  return grouper.finish(lines);
}

/**
 * Σ quantity per key from a column of line quantities (the groups' own, or an optimiser's trial
 * values for the same lines), added in line order as the grouping adds them: from the groups' own
 * quantities, the same sums to the last bit. `allAccepted` says whether every quantity is one a
 * line may hold (a finite number ≥ 0, as ZBoqLine requires), found in the same pass.
 */
export function sumByKey(groups: TLineGroups, quantities: Float64Array): { sums: Float64Array; allAccepted: boolean } {
  const keyOfLine = groups.keyOfLine;
  const n = keyOfLine.length;
  if (quantities.length !== n) throw new RangeError(`${quantities.length} quantities for ${n} lines`);
  const sums = new Float64Array(groups.keys.length);
  let refused = 0;
  for (let i = 0; i < n; i++) {
    const k = keyOfLine[i]!;
    const q = quantities[i]!;
    if (!(q >= 0 && q <= MAX_FINITE)) refused++;
    sums[k] = sums[k]! + q;
  }
  return { sums, allAccepted: refused === 0 };
}

const MAX_FINITE = Number.MAX_VALUE;
