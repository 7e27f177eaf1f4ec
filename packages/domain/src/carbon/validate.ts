import { CATEGORY_CODES, DEFAULT_SUB_ITEM, subItem, type TCategoryCode } from './categories';
import { groupLines, type TLineGroups } from './line-groups';
import { ZAssessmentBase, ZAssessmentInput, ZBoqLine, type TAssessmentInput, type TBoqLine } from './model';
import { UNITS, type TUnit } from './units';

/**
 * Validation of the engine's input, fast for the common case. Zod reads a 100,000-line bill of
 * quantities in hundreds of milliseconds, a hundred times the assessment itself; the lines are
 * simple, so they are checked here by hand, and everything else (building, scenario, energy …,
 * a few dozen values) still goes through ZAssessmentInput's own parts. A line the hand check does
 * not accept goes to zod (ZBoqLine): if zod accepts it, its output is used; if zod refuses any
 * line, the whole input goes through ZAssessmentInput, so the issues are zod's own, in zod's
 * order, word for word. The hand check may only be stricter than zod, never looser: a property
 * test holds the two to the same answer.
 *
 * Accepted lines are also grouped by key (TLineGroups: the BoQ in columns, each line's key and
 * quantity), right after the check while they are still in cache, so that the engine and every
 * scenario variant work from the columns. Grouping inside the check's loop was tried: no faster.
 */

const CATEGORY_SET: ReadonlySet<string> = new Set(CATEGORY_CODES);
const UNIT_SET: ReadonlySet<string> = new Set(UNITS);

const isPlainObject = (v: unknown): v is Record<string, unknown> => {
  if (typeof v !== 'object' || v === null) return false;
  const proto: unknown = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
};
const optionalPositive = (v: unknown): v is number | undefined =>
  v === undefined || (typeof v === 'number' && Number.isFinite(v) && v > 0);
const isCategory = (v: unknown): v is TCategoryCode => typeof v === 'string' && CATEGORY_SET.has(v);
const isUnit = (v: unknown): v is TUnit => typeof v === 'string' && UNIT_SET.has(v);

/**
 * Whether a line whose fields have each been checked has only those `given` keys, so that zod's
 * output would be a copy of it: no unknown key to strip, no default to add.
 */
function isOutputShaped(raw: Record<string, unknown>, given: number): raw is TBoqLine & Record<string, unknown> {
  // Keys inherited from a polluted prototype only make the count differ: the line is then copied.
  let keys = 0;
  for (const _key in raw) keys++;
  return keys === given;
}

/** A line as ZBoqLine outputs it, or undefined when the hand check does not accept it. */
function fastLine(raw: unknown): TBoqLine | undefined {
  if (!isPlainObject(raw)) return undefined;
  const {
    id,
    category,
    subItem: sub,
    materialKey,
    quantity,
    unit,
    factorId,
    density,
    thickness,
    kgPerPiece,
    kgPerMetre,
    label,
  } = raw;
  if (typeof id !== 'string' || id.length === 0) return undefined;
  if (!isCategory(category)) return undefined;
  if (sub !== undefined && typeof sub !== 'string') return undefined;
  if (typeof materialKey !== 'string' || materialKey.length === 0) return undefined;
  if (typeof quantity !== 'number' || !Number.isFinite(quantity) || quantity < 0) return undefined;
  if (!isUnit(unit)) return undefined;
  if (factorId !== undefined && (typeof factorId !== 'string' || factorId.length === 0)) return undefined;
  if (!optionalPositive(density) || !optionalPositive(thickness)) return undefined;
  if (!optionalPositive(kgPerPiece) || !optionalPositive(kgPerMetre)) return undefined;
  if (label !== undefined && typeof label !== 'string') return undefined;
  const code = sub ?? DEFAULT_SUB_ITEM[category];
  if (code === undefined || subItem(code)?.category !== category) return undefined;
  const given =
    6 +
    Number(factorId !== undefined) +
    Number(density !== undefined) +
    Number(thickness !== undefined) +
    Number(kgPerPiece !== undefined) +
    Number(kgPerMetre !== undefined) +
    Number(label !== undefined);
  // A copy of 100,000 lines outlives the young generation and is most of the garbage collector's
  // work: a line already as zod would return it is taken as it is (nothing downstream writes to it).
  if (sub !== undefined && isOutputShaped(raw, given)) return raw;
  return {
    id,
    category,
    subItem: code,
    materialKey,
    quantity,
    unit,
    factorId,
    density,
    thickness,
    kgPerPiece,
    kgPerMetre,
    label,
  };
}

/**
 * The line ids seen so far. Hashing 100,000 strings into a Set is the largest part of reading a
 * bill of quantities, so ids of the form the grid writes (letters, then a whole number without
 * leading zeros: "L1", "L2" …) are kept as bits per prefix, and only other ids go into a Set. An
 * id of that form equals only ids of the same form, so the two never need comparing.
 */
export class SeenIds {
  private readonly other = new Set<string>();
  private readonly byPrefix = new Map<string, Uint8Array>();
  private prefix = '';
  private bits: Uint8Array = new Uint8Array(0);

  /** Adds the id; false when it was there already. */
  add(id: string): boolean {
    const length = id.length;
    // The trailing digits, read from the end in one pass: their value and where they start.
    let p = length;
    let n = 0;
    let place = 1;
    for (; p > 0; p--) {
      const d = id.charCodeAt(p - 1) - 48;
      if (d < 0 || d > 9) break;
      // Up to 7 digits (a 1.25 MB bitmap at most).
      if (place === 1e7) return this.addOther(id);
      n += d * place;
      place *= 10;
    }
    const digits = length - p;
    // A leading zero is another string ("L01" ≠ "L1").
    if (digits === 0 || (digits > 1 && id.charCodeAt(p) === 48)) return this.addOther(id);
    if (!this.samePrefix(id, p)) {
      this.prefix = id.slice(0, p);
      this.bits = this.byPrefix.get(this.prefix) ?? new Uint8Array(0);
    }
    const byte = n >> 3;
    if (byte >= this.bits.length) {
      const grown = new Uint8Array(Math.max(byte + 1, this.bits.length * 2, 1024));
      grown.set(this.bits);
      this.bits = grown;
      this.byPrefix.set(this.prefix, grown);
    }
    const bit = 1 << (n & 7);
    if ((this.bits[byte]! & bit) !== 0) return false;
    this.bits[byte]! |= bit;
    return true;
  }

  /** Whether the id's first `p` characters are the current prefix (one or two, as a rule). */
  private samePrefix(id: string, p: number): boolean {
    const prefix = this.prefix;
    if (p !== prefix.length) return false;
    for (let i = 0; i < p; i++) if (id.charCodeAt(i) !== prefix.charCodeAt(i)) return false;
    return true;
  }

  private addOther(id: string): boolean {
    if (this.other.has(id)) return false;
    this.other.add(id);
    return true;
  }
}

export type TValidation =
  | { ok: true; input: TAssessmentInput; lineGroups: TLineGroups }
  | { ok: false; error: NonNullable<ReturnType<typeof ZAssessmentInput.safeParse>['error']> };

const viaZod = (raw: unknown): TValidation => {
  const parsed = ZAssessmentInput.safeParse(raw);
  if (!parsed.success) return { ok: false, error: parsed.error };
  // Zod accepted what the hand check did not (e.g. a duplicate check failed first): group here.
  return { ok: true, input: parsed.data, lineGroups: groupLines(parsed.data.boq) };
};

/**
 * Whether the first `taken` lines of `raw` were each returned as they are by the line check, and
 * they are all of it: then the array itself is what zod would return (a fresh copy of it), and
 * is used as it is. A plain array only, so that nothing but its elements can tell the two apart.
 */
function takenWhole(raw: unknown[], taken: number): raw is TBoqLine[] {
  return taken === raw.length && Object.getPrototypeOf(raw) === Array.prototype;
}

/** The first `i` lines, each of which the check took as it is, checked again to type them. */
function takenPrefix(raw: unknown[], i: number): TBoqLine[] | undefined {
  const lines: TBoqLine[] = [];
  for (let j = 0; j < i; j++) {
    const line = fastLine(raw[j]);
    if (line === undefined) return undefined;
    lines.push(line);
  }
  return lines;
}

/** ZAssessmentInput's answer, reached faster; see the note at the top. */
export function validateAssessmentInput(raw: unknown): TValidation {
  if (!isPlainObject(raw) || !Array.isArray(raw.boq)) return viaZod(raw);
  const rawLines: unknown[] = raw.boq;
  const n = rawLines.length;
  // Copied only from the first line the check had to rewrite (or zod parse): a copy of 100,000
  // pointers into an old-generation array costs the collector more than the check itself.
  let copy: TBoqLine[] | undefined;
  let taken = 0;
  const ids = new SeenIds();
  for (let i = 0; i < n; i++) {
    const given = rawLines[i];
    let line = fastLine(given);
    if (line === undefined) {
      const parsed = ZBoqLine.safeParse(given);
      if (!parsed.success) return viaZod(raw);
      line = parsed.data;
    }
    // Duplicate ids are refused by ZAssessmentInput's refinement: let zod word and place them.
    if (!ids.add(line.id)) return viaZod(raw);
    if (copy !== undefined) copy.push(line);
    else if (line === given) taken++;
    else {
      copy = takenPrefix(rawLines, i);
      // A line whose getters answer differently the second time: zod decides.
      if (copy === undefined) return viaZod(raw);
      copy.push(line);
    }
  }
  const rest = ZAssessmentBase.safeParse({ ...raw, boq: [] });
  if (!rest.success) return viaZod(raw);
  const lines = copy ?? (takenWhole(rawLines, taken) ? rawLines : undefined);
  if (lines === undefined) return viaZod(raw);
  return { ok: true, input: { ...rest.data, boq: lines }, lineGroups: groupLines(lines) };
}
