import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assess, assessValidated, evaluatePrepared, evaluateTotals, prepareAssessment, sumByKey } from './engine';
import type { TScenario } from './model';
import { ZAssessmentInput } from './model';
import { validateAssessmentInput } from './validate';

/*
 * The fast path (hand-checked validation that groups the lines, lines taken without a copy, keys
 * looked up again only for the lines a result names) against the plain one: zod's parse, then the
 * engine grouping zod's copy itself. Both must give the same outcome to the last digit and word.
 */

const base = {
  project: { name: 'P', building: { use: 'office', structure: 'RC', grossFloorAreaM2: 800 } },
  assessmentDate: '2026-04-01',
  method: 'detailed',
  factors: [
    {
      id: 'own.rebar',
      materialKey: 'steel.rebar',
      nameJa: '自社 鉄筋',
      nameEn: 'Own rebar',
      productCategory: 'test',
      declaredUnit: 't',
      a1a3: 700,
      dataType: 'epd_industry',
      owner: 'test',
      source: 'test value',
      publishedOn: '2025-04-01',
    },
  ],
};

const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
const placeArb = fc.constantFrom<[string, string | undefined]>(
  ['3', '3.5'],
  ['3', '3.1'],
  ['3', '3.4'],
  ['5', '5.1'],
  ['1', '1'],
  ['1', undefined],
  ['6', undefined],
);
const fieldsArb = fc.record(
  {
    materialKey: fc.constantFrom('wood.clt', 'wood.plywood_structural', 'steel.rebar', 'concrete.ready_mixed', 'wood.mdf'),
    quantity: fc.oneof(fc.double({ min: 0, max: 1e5, noNaN: true }), fc.constantFrom(0, 1, 2.5)),
    unit: fc.constantFrom('m3', 'm2', 't', 'kg'),
    thickness: maybe(fc.constantFrom(0.012, 0.024)),
    density: maybe(fc.constantFrom(500, 2300)),
    factorId: maybe(fc.constantFrom('own.rebar')),
    label: maybe(fc.constantFrom('柱')),
  },
  { requiredKeys: ['materialKey', 'quantity', 'unit'] },
);
const goodLine = fc
  .tuple(placeArb, fieldsArb)
  .map(([[category, subItem], fields]) => (subItem === undefined ? { category, ...fields } : { category, subItem, ...fields }));
// What a client also sends: a line the schema refuses, or one it accepts only by rewriting it.
const oddLine = fc.oneof(
  goodLine.map((l) => ({ ...l, quantity: -1 })),
  goodLine.map((l) => ({ ...l, unit: 'bushel' })),
  goodLine.map((l) => ({ ...l, quantity: Number.NaN })),
  goodLine.map((l) => ({ ...l, extra: 'dropped' })),
  goodLine.map((l) => ({ ...l, subItem: '5.1' })),
);
const boqArb = fc
  .array(fc.oneof({ weight: 12, arbitrary: goodLine }, { weight: 1, arbitrary: oddLine }), { maxLength: 40 })
  .map((lines) => lines.map((l, i) => ({ ...l, id: `L${i + 1}` })));

// A bill whose lines share keys, as a real one does: a few kinds of line, each many times over.
const repeatedBoqArb = fc
  .tuple(
    fc.array(goodLine, { minLength: 1, maxLength: 4 }),
    fc.array(fc.tuple(fc.nat(), fc.double({ min: 0, max: 1e4, noNaN: true })), { minLength: 1, maxLength: 60 }),
  )
  .map(([kinds, picks]) => picks.map(([p, quantity], i) => ({ ...kinds[p % kinds.length]!, quantity, id: `L${i + 1}` })));

describe('the fast path and the plain one', () => {
  it('assess(raw) equals zod then the engine, for random bills of quantities', () => {
    let assessed = 0;
    fc.assert(
      fc.property(boqArb, fc.boolean(), (boq, allowIncomplete) => {
        // Through JSON, as the product receives input.
        const raw: unknown = JSON.parse(JSON.stringify({ ...base, boq, allowIncomplete }));
        const fast = assess(raw);
        const zod = ZAssessmentInput.safeParse(raw);
        if (!zod.success) {
          expect(fast.ok).toBe(false);
          return;
        }
        const plain = assessValidated(zod.data);
        expect(fast).toEqual(plain);
        if (fast.ok) assessed++;
      }),
      { numRuns: 300, seed: 20261205 },
    );
    expect(assessed).toBeGreaterThan(30);
  }, 120_000);

  it('evaluates a prepared assessment the same from validation’s grouping and from its own', () => {
    fc.assert(
      fc.property(boqArb, (boq) => {
        const raw: unknown = JSON.parse(JSON.stringify({ ...base, boq, allowIncomplete: true }));
        const validated = validateAssessmentInput(raw);
        if (!validated.ok) return;
        const grouped = prepareAssessment(validated.input, { lineGroups: validated.lineGroups });
        const own = prepareAssessment(validated.input);
        expect(grouped.ok).toBe(own.ok);
        if (!grouped.ok || !own.ok) return;
        expect(grouped.prepared.keyOfLine).toEqual(own.prepared.keyOfLine);
        expect(evaluatePrepared(grouped.prepared)).toEqual(evaluatePrepared(own.prepared));
      }),
      { numRuns: 200, seed: 20261205 },
    );
  }, 120_000);

  // Scenario variants: rates, site totals, cycles and end-of-life shares, each given or left to the defaults.
  const scenarioArb: fc.Arbitrary<TScenario> = fc.record(
    {
      a4Rate: fc.double({ min: 0, max: 0.2, noNaN: true }),
      a5Rate: fc.double({ min: 0, max: 0.2, noNaN: true }),
      siteA4KgCo2e: fc.double({ min: 0, max: 1e6, noNaN: true }),
      maintenanceKgCo2ePerYear: fc.double({ min: 0, max: 1e4, noNaN: true }),
      repairRatePerYear: fc.record({ '3': fc.double({ min: 0, max: 0.01, noNaN: true }) }),
      replacementCycleYears: fc.record({ '5': fc.constantFrom(15, 30, null), '3.5': fc.constantFrom(20, 90) }, { requiredKeys: [] }),
      reuseRate: fc.record({ '3': fc.double({ min: 0, max: 0.5, noNaN: true }) }),
      recyclingRate: fc.record({ '3': fc.double({ min: 0, max: 0.5, noNaN: true }), '5': fc.constantFrom(0.2, 0.9) }, { requiredKeys: [] }),
      endOfLifePerKg: fc.record({ c1: fc.constantFrom(0.001, 0.01), c4: fc.double({ min: 0, max: 0.1, noNaN: true }) }, { requiredKeys: [] }),
    },
    { requiredKeys: [] },
  );

  it('gives a variant’s totals alone equal to the last bit to its full result', () => {
    let compared = 0;
    fc.assert(
      fc.property(fc.oneof(boqArb, repeatedBoqArb), fc.array(scenarioArb, { minLength: 1, maxLength: 4 }), (boq, scenarios) => {
        const raw: unknown = JSON.parse(JSON.stringify({ ...base, boq, allowIncomplete: true }));
        const validated = validateAssessmentInput(raw);
        if (!validated.ok) return;
        const prepared = prepareAssessment(validated.input, { lineGroups: validated.lineGroups });
        if (!prepared.ok) return;
        for (const scenario of scenarios) {
          const full = evaluatePrepared(prepared.prepared, scenario);
          const totals = evaluateTotals(prepared.prepared, scenario);
          // The same variant assessed from scratch, as a project's scenario is.
          expect(full).toEqual(assessValidated({ ...validated.input, scenario }));
          expect(totals.ok).toBe(full.ok);
          if (!full.ok || !totals.ok) {
            if (!full.ok && !totals.ok) expect(totals.issues).toEqual(full.issues);
            continue;
          }
          for (const [m, v] of Object.entries(full.result.modules)) expect(Object.is(totals.modules[m as keyof typeof totals.modules], v)).toBe(true);
          expect(Object.is(totals.wholeLife, full.result.stages.wholeLife)).toBe(true);
          compared++;
        }
      }),
      { numRuns: 150, seed: 20261205 },
    );
    expect(compared).toBeGreaterThan(100);
  }, 120_000);

  it('assesses a column of quantities as it assesses lines holding those quantities, refusals word for word', () => {
    let refused = 0;
    fc.assert(
      fc.property(
        fc.oneof(boqArb, repeatedBoqArb),
        fc.array(
          fc.oneof(
            { weight: 30, arbitrary: fc.oneof(fc.double({ min: 0, max: 1e5, noNaN: true }), fc.constantFrom(0, -0, 1, 0.1)) },
            { weight: 1, arbitrary: fc.constantFrom(-1, Number.NaN, Infinity, -Infinity) },
          ),
          { minLength: 60, maxLength: 60 },
        ),
        (boq, trial) => {
          const raw: unknown = JSON.parse(JSON.stringify({ ...base, boq, allowIncomplete: true }));
          const validated = validateAssessmentInput(raw);
          if (!validated.ok) return;
          const { input, lineGroups } = validated;
          // The grouping's own column gives the sums it added as it read the lines.
          expect(sumByKey(lineGroups, lineGroups.quantities)).toEqual({ sums: lineGroups.sums, allAccepted: true });
          expect(assessValidated(input, { lineGroups, quantities: lineGroups.quantities })).toEqual(assessValidated(input, { lineGroups }));
          const quantities = Float64Array.from(input.boq, (_, i) => trial[i]!);
          const rewritten = { ...input, boq: input.boq.map((l, i) => ({ ...l, quantity: quantities[i]! })) };
          // Not through JSON: it would turn NaN and Infinity into null, which zod words otherwise.
          const outcome = assessValidated(input, { lineGroups, quantities });
          expect(outcome).toEqual(assess(rewritten));
          if (!outcome.ok && outcome.issues.some((i) => i.path[2] === 'quantity')) refused++;
        },
      ),
      { numRuns: 200, seed: 20261205 },
    );
    expect(refused).toBeGreaterThan(20);
  }, 120_000);

  it('takes well-formed lines as they are, and copies from the first line it must rewrite', () => {
    const good = (id: string) => ({ id, category: '3', subItem: '3.5', materialKey: 'wood.clt', quantity: 2, unit: 'm3' });
    const whole = { ...base, boq: [good('A'), good('B'), good('C')] };
    const taken = validateAssessmentInput(whole);
    expect(taken.ok && taken.input.boq).toBe(whole.boq);

    // Category 1 may leave its sub-item out; zod fills it in, so that line (and the array) is new.
    const rewritten = { ...whole, boq: [good('A'), { ...good('B'), category: '1', subItem: undefined }, good('C')] };
    const copied = validateAssessmentInput(rewritten);
    expect(copied.ok).toBe(true);
    if (!copied.ok) return;
    expect(copied.input.boq).not.toBe(rewritten.boq);
    expect(copied.input.boq[0]).toBe(rewritten.boq[0]);
    expect(copied.input.boq[2]).toBe(rewritten.boq[2]);
    expect(copied.input.boq).toEqual(ZAssessmentInput.parse(rewritten).boq);
  });

  it('names lines far down a long bill as it names the first ones', () => {
    const line = (i: number, materialKey: string) => ({
      id: `L${i + 1}`,
      category: '3',
      subItem: '3.5',
      materialKey,
      quantity: 1,
      unit: materialKey === 'steel.section' ? 't' : 'm3',
    });
    // Lines without a factor only after the first few thousand, so the walk goes past them.
    const boq = Array.from({ length: 3000 }, (_, i) => line(i, i >= 2500 && i % 7 === 0 ? 'steel.section' : 'wood.clt'));
    const raw = { ...base, boq, allowIncomplete: true };
    const fast = assess(raw);
    expect(fast.ok).toBe(true);
    if (!fast.ok) return;
    const expected = boq.filter((l) => l.materialKey === 'steel.section').map((l) => l.id);
    expect(fast.result.dataQuality.missingFactors.count).toBe(expected.length);
    expect(fast.result.dataQuality.missingFactors.lineIds).toEqual(expected.slice(0, fast.result.dataQuality.missingFactors.lineIds.length));
    expect(fast.result.dataQuality.missingFactors.lineIds.length).toBeGreaterThan(0);
    expect(fast).toEqual(assessValidated(ZAssessmentInput.parse(raw)));
  });
});
