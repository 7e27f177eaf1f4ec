import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assess, assessValidated } from './engine';
import { groupLines } from './line-groups';
import { ZAssessmentInput } from './model';
import { SeenIds, validateAssessmentInput } from './validate';

const base = {
  project: { name: 'V', building: { use: 'office', structure: 'W', grossFloorAreaM2: 500 } },
  assessmentDate: '2026-04-01',
  method: 'detailed',
};

// Each field draws from good values and the kinds of bad ones a paste or an API client sends.
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
const goodLine = fc.record({
  id: fc.constantFrom('G1', 'G2', 'G3'),
  category: fc.constant('3'),
  subItem: fc.constantFrom('3.5', '3.1'),
  materialKey: fc.constantFrom('wood.clt', 'concrete.ready_mixed'),
  quantity: fc.double({ min: 0, max: 1e6, noNaN: true }),
  unit: fc.constantFrom('m3', 'kg'),
  density: maybe(fc.constantFrom(500, 2300)),
});
const anyLine = fc.record(
  {
    id: fc.constantFrom('L1', 'L2', 'L3', 'L4', '', 7),
    category: fc.constantFrom('1', '2', '3', '5', '6', '9', 3, ''),
    subItem: maybe(fc.constantFrom('3.1', '3.5', '2.2', '5.2', '1', '6.1', '3.7', 'x', 31)),
    materialKey: fc.constantFrom('wood.clt', 'concrete.ready_mixed', 'steel.rebar', '', null),
    quantity: fc.oneof(fc.double({ min: -10, max: 1e6, noNaN: false }), fc.constantFrom(-0.5, -0, 0, 12.5, '12', Infinity, null)),
    unit: fc.constantFrom('m3', 't', 'kg', 'm2', 'bushel', 'M3', 5),
    factorId: maybe(fc.constantFrom('jp.rinya.clt', '', 3)),
    density: maybe(fc.constantFrom(500, 0, -1, '500', Number.NaN)),
    thickness: maybe(fc.constantFrom(0.012, 0, '0.1')),
    kgPerPiece: maybe(fc.constantFrom(2, -2)),
    kgPerMetre: maybe(fc.constantFrom(3, 0)),
    label: maybe(fc.constantFrom('梁', 4)),
    extra: maybe(fc.constantFrom('ignored')),
  },
  { requiredKeys: ['id', 'category', 'materialKey', 'quantity', 'unit'] },
);
// A good line with one field made bad (or odd but good): where a hand check is most likely to slip.
const oneBadField = fc
  .tuple(
    goodLine,
    fc.constantFrom<[string, unknown]>(
      ['id', ''],
      ['id', 7],
      ['category', '9'],
      ['category', '2'],
      ['category', 3],
      ['subItem', undefined],
      ['subItem', '3.7'],
      ['subItem', 31],
      ['materialKey', ''],
      ['quantity', -0.5],
      ['quantity', -0],
      ['quantity', Number.NaN],
      ['quantity', Infinity],
      ['quantity', '12'],
      ['unit', 'bushel'],
      ['unit', 'M3'],
      ['factorId', ''],
      ['factorId', 'jp.rinya.clt'],
      ['density', 0],
      ['density', '500'],
      ['thickness', -1],
      ['kgPerPiece', Number.NaN],
      ['kgPerMetre', Infinity],
      ['label', 4],
      ['label', undefined],
      ['extra', 'ignored'],
    ),
  )
  .map(([line, [key, value]]) => ({ ...line, [key]: value }));
const lineArb = fc.oneof(goodLine, oneBadField, oneBadField, anyLine);

describe('the fast validation', () => {
  it('gives ZAssessmentInput’s answer for any input: the same output, or the same issues word for word', () => {
    let accepted = 0;
    fc.assert(
      fc.property(fc.array(lineArb, { maxLength: 6 }), fc.constantFrom(500, 500, -1, 'x'), (drawn, area) => {
        // Good lines get distinct ids; the other pool still repeats ids, so duplicates are tried too.
        const boq = drawn.map((l, i) => (typeof l.id === 'string' && l.id.startsWith('G') ? { ...l, id: `${l.id}-${i}` } : l));
        const raw = { ...base, project: { ...base.project, building: { ...base.project.building, grossFloorAreaM2: area } }, boq };
        const fast = validateAssessmentInput(raw);
        const zod = ZAssessmentInput.safeParse(raw);
        expect(fast.ok).toBe(zod.success);
        if (fast.ok && boq.length > 0) accepted++;
        if (fast.ok && zod.success) {
          expect(fast.input).toEqual(zod.data);
          expect(fast.lineGroups).toEqual(groupLines(zod.data.boq));
        }
        if (!fast.ok && !zod.success) expect(fast.error.issues).toEqual(zod.error.issues);
      }),
      { numRuns: 600, seed: 20261204 },
    );
    // The good path must be exercised too, not only refusals.
    expect(accepted).toBeGreaterThan(10);
  }, 60_000);

  it('names a bad line with the same message as before, among 100,000 good ones', () => {
    const boq = Array.from({ length: 100_000 }, (_, i) => ({
      id: `L${i + 1}`,
      category: '3',
      subItem: '3.5',
      materialKey: 'wood.clt',
      quantity: 1 + (i % 7),
      unit: 'm3',
    }));
    boq[41_234] = { ...boq[41_234]!, quantity: -3 };
    const out = assess({ ...base, boq });
    expect(out.ok).toBe(false);
    if (out.ok) return;
    expect(out.issues).toEqual([
      {
        code: 'carbon.quantity_negative',
        params: { field: 'boq.41234.quantity', value: -3, line: 'L41235', row: 41_235, unit: 'm3', subItem: '3.5' },
        path: ['boq', 41_234, 'quantity'],
        lineId: 'L41235',
      },
    ]);
  }, 60_000);

  it('assesses the same whether the lines were grouped while validating or by the engine', () => {
    const raw = {
      ...base,
      boq: [
        { id: 'A', category: '3', subItem: '3.5', materialKey: 'wood.clt', quantity: 10, unit: 'm3' },
        { id: 'B', category: '3', subItem: '3.1', materialKey: 'concrete.ready_mixed', quantity: 20, unit: 'm3' },
        { id: 'C', category: '3', subItem: '3.5', materialKey: 'wood.clt', quantity: 5, unit: 'm3' },
        { id: 'D', category: '3', subItem: '3.4', materialKey: 'steel.rebar', quantity: 900, unit: 'kg' },
      ],
    };
    const viaValidation = assess(raw);
    const viaEngine = assessValidated(ZAssessmentInput.parse(raw));
    expect(viaValidation).toEqual(viaEngine);
  });
});

describe('the line ids seen', () => {
  it('answers as a Set of strings would, for ids of the grid’s form and any other', () => {
    const id = fc.oneof(
      fc.tuple(fc.constantFrom('', 'L', 'S-', 'L0', '行'), fc.oneof(fc.nat({ max: 30 }), fc.nat({ max: 20_000_000 }))).map(([p, n]) => `${p}${n}`),
      fc.constantFrom('L01', 'L001', 'L0', '0', '00', 'L', '', 'L1 ', 'L１', 'L12345678', 'L9999999'),
      fc.string({ maxLength: 4 }),
    );
    fc.assert(
      fc.property(fc.array(id, { maxLength: 40 }), (ids) => {
        const seen = new SeenIds();
        const reference = new Set<string>();
        for (const x of ids) {
          expect(seen.add(x), x).toBe(!reference.has(x));
          reference.add(x);
        }
      }),
      { numRuns: 2000, seed: 20261204 },
    );
  });
});
