import { metricValue, ratioValue, rollUp, type Figure } from '@tsumiki/domain/ccus';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from './client';
import { insertMemberFirms, listCcusRollups, writeCcusFacts } from './repositories/ccus.repository';
import { insertOrganisation } from './repositories/organisations.repository';
import { testBackends } from './testing';

/**
 * Production rolls CCUS figures up in SQL (refreshCcusRollups); the domain's rollUp states the
 * rule. These properties hold the two to the same answer for any members' figures, on both
 * backends. Figures are generated as the import accepts them: a rate always has its denominator
 * and a count never has one (domain/ccus/import.ts).
 */

const backends = await testBackends();
const MONTH = '2026-01-01';

const memberArb = (kind: 'ratio' | 'flow') =>
  fc.record({
    projectCostYen: fc.option(fc.integer({ min: 0, max: 1_000_000_000_000 }), { nil: null }),
    figure: fc.option(
      kind === 'ratio'
        ? fc.integer({ min: 1, max: 100_000 }).chain((denominator) =>
            fc.record({
              numerator: fc.integer({ min: 0, max: denominator }),
              denominator: fc.constant<number | null>(denominator),
              weightYen: fc.option(fc.integer({ min: 0, max: 1_000_000_000_000 }), { nil: null }),
            }),
          )
        : fc.record({
            numerator: fc.integer({ min: 0, max: 10_000_000 }),
            denominator: fc.constant<number | null>(null),
            weightYen: fc.constant<number | null>(null),
          }),
      { nil: null },
    ),
  });

const caseArb = fc.constantFrom('ratio' as const, 'flow' as const).chain((kind) =>
  fc.record({
    kind: fc.constant(kind),
    members: fc
      .array(memberArb(kind), { minLength: 1, maxLength: 6 })
      .filter((ms) => ms.some((m) => m.figure !== null)),
  }),
);

const close = (actual: number | null, expected: number | null) => {
  if (expected === null) return expect(actual).toBeNull();
  expect(actual).not.toBeNull();
  expect(Math.abs(actual! - expected)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected)));
};

describe.each(backends)('CCUS roll-up SQL against the domain on $name', (backend) => {
  let database: Database;
  let n = 0;
  beforeAll(async () => {
    database = await backend.create();
  });
  afterAll(() => database?.close());

  it('gives the domain rollUp value in the count view and the cost-weighted view', async () => {
    await fc.assert(
      fc.asyncProperty(caseArb, async ({ kind, members }) => {
        n += 1;
        const association = await insertOrganisation(database.db, {
          kind: 'association',
          name_ja: `協会${n}`,
          name_en: `Association ${n}`,
          short_name_ja: `協${n}`,
        });
        const firms = await insertMemberFirms(
          database.db,
          association.id,
          members.map((m, i) => ({ name: `会員${i}`, projectCostYen: m.projectCostYen })),
        );
        const metricCode = kind === 'ratio' ? 'worker_registration_rate' : 'work_history_records';
        const facts = members.flatMap((m, i) =>
          m.figure
            ? [
                {
                  memberFirmId: firms.find((f) => f.name === `会員${i}`)!.id,
                  metricCode,
                  periodMonth: MONTH,
                  ...m.figure,
                },
              ]
            : [],
        );
        await database.db.transaction().execute((trx) => writeCcusFacts(trx, association.id, facts, null));
        const [row] = await listCcusRollups(database.db, {
          fromMonth: MONTH,
          toMonth: MONTH,
          associationId: association.id,
        });

        // The member's 事業費 is the figure's own weight or, failing that, the firm's project cost.
        const figures: Figure[] = members.flatMap((m) =>
          m.figure ? [{ ...m.figure, weightYen: m.figure.weightYen ?? m.projectCostYen }] : [],
        );
        const byCount = rollUp(kind, figures, 'count');
        expect(row).toBeDefined();
        expect(row!.members).toBe(figures.length);
        close(
          metricValue(kind, { numerator: row!.sumNumerator, denominator: row!.sumDenominator }),
          byCount.value,
        );
        if (kind === 'ratio') {
          const byCost = rollUp(kind, figures, 'cost_weighted');
          close(ratioValue(row!.sumWeightedRate, row!.sumWeight), byCost.value);
          close(row!.sumWeight, byCost.denominator);
        }
      }),
      { numRuns: 40 },
    );
  });
});
