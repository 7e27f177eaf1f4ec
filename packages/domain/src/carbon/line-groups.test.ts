import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { groupLines, type LineKey } from './line-groups';
import type { TBoqLine } from './model';

/** The obvious grouping (a Map on the key's JSON), which the hashed table must agree with. */
function naive(lines: readonly TBoqLine[]) {
  const index = new Map<string, number>();
  const keys: LineKey[] = [];
  const sums: number[] = [];
  const counts: number[] = [];
  const keyOfLine = lines.map((l) => {
    const key: LineKey = {
      materialKey: l.materialKey,
      subItem: l.subItem,
      category: l.category,
      unit: l.unit,
      factorId: l.factorId,
      density: l.density,
      thickness: l.thickness,
      kgPerPiece: l.kgPerPiece,
      kgPerMetre: l.kgPerMetre,
    };
    const id = JSON.stringify([
      key.materialKey,
      key.subItem,
      key.unit,
      key.factorId ?? null,
      key.density ?? null,
      key.thickness ?? null,
      key.kgPerPiece ?? null,
      key.kgPerMetre ?? null,
    ]);
    let k = index.get(id);
    if (k === undefined) {
      index.set(id, (k = keys.length));
      keys.push(key);
      sums.push(0);
      counts.push(0);
    }
    sums[k] = sums[k]! + l.quantity;
    counts[k] = counts[k]! + 1;
    return k;
  });
  return {
    keys,
    keyOfLine: Int32Array.from(keyOfLine),
    quantities: Float64Array.from(lines, (l) => l.quantity),
    sums: Float64Array.from(sums),
    counts: Int32Array.from(counts),
  };
}

const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
// Names and numbers chosen to collide in a hash that reads a few characters: same length, same
// ends, thicknesses a rounding apart.
const line = fc.record({
  materialKey: fc.constantFrom(
    'wood.clt',
    'wood.cla',
    'wood.alt',
    'concrete.ready_mixed',
    'concrete.ready_mixeD',
    'x',
    'ab',
  ),
  subItem: fc.constantFrom('3.1', '3.5', '2.2', '5.1'),
  unit: fc.constantFrom('m3', 'm2', 't', 'kg'),
  factorId: maybe(fc.constantFrom('a.b', 'a.c', 'b.b')),
  density: maybe(fc.constantFrom(500, 500.0000001, 2300)),
  thickness: maybe(fc.constantFrom(0.012, 0.0120000001, 0.024, 12)),
  kgPerPiece: maybe(fc.constantFrom(1, 2)),
  kgPerMetre: maybe(fc.constantFrom(3, 3.5)),
  quantity: fc.double({ min: 0, max: 1e6, noNaN: true }),
});

describe('groupLines', () => {
  it('groups as a Map on the whole key would, keys in first-seen order', () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 300 }), (drawn) => {
        const lines = drawn.map((l, i) => ({ ...l, id: `L${i + 1}`, category: '3' as const }));
        expect(groupLines(lines)).toEqual(naive(lines));
      }),
      { numRuns: 300 },
    );
  });

  it('keeps thousands of keys apart as its table grows', () => {
    const lines: TBoqLine[] = [];
    for (let i = 0; i < 5000; i++)
      lines.push({
        id: `L${i}`,
        category: '3',
        subItem: '3.5',
        materialKey: `m${i % 2500}`,
        unit: 'm2',
        thickness: 0.001 * (1 + (i % 7)),
        quantity: 1,
      });
    expect(groupLines(lines)).toEqual(naive(lines));
  });

  it('looks up any line’s key again as the grouping found it, and knows its own lines', () => {
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 200 }), fc.nat(), (drawn, pick) => {
        const lines = drawn.map((l, i) => ({ ...l, id: `L${i + 1}`, category: '3' as const }));
        const groups = groupLines(lines);
        const expected = naive(lines).keyOfLine;
        const i = pick % lines.length;
        expect(groups.keyOf(i)).toBe(expected[i]);
        expect(groups.keyOfLine).toEqual(expected);
        expect(groups.isFor(lines)).toBe(true);
        expect(groups.isFor([...lines])).toBe(false);
      }),
      { numRuns: 200 },
    );
  });

  it('keeps keys apart that differ in one field only, by less than the hash sees', () => {
    const one: TBoqLine = { id: 'A', category: '3', subItem: '3.5', materialKey: 'wood.clt', unit: 'm2', quantity: 1 };
    const pairs: [Partial<TBoqLine>, Partial<TBoqLine>][] = [
      [{ thickness: 0.012 }, { thickness: 0.0120000001 }],
      [{ density: 500 }, { density: 500.0000001 }],
      [{ kgPerPiece: 2 }, { kgPerPiece: 2.0000001 }],
      [{ kgPerMetre: 3 }, { kgPerMetre: 3.0000001 }],
      [{ factorId: 'a.b' }, { factorId: 'b.b' }],
      [{ materialKey: 'wood.clt' }, { materialKey: 'wood.alt' }],
      [{ thickness: 0.012 }, {}],
      [{ density: 500 }, { kgPerPiece: 500 }],
    ];
    for (const [a, b] of pairs) {
      const lines = [
        { ...one, ...a },
        { ...one, ...b, id: 'B' },
        { ...one, ...a, id: 'C' },
      ];
      const groups = groupLines(lines);
      expect(groups.keys).toHaveLength(2);
      expect(groups).toEqual(naive(lines));
    }
  });
});
