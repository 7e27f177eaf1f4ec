import { MEMBER_RATE_BANDS, memberRateBand, metricValue } from '@tsumiki/domain/ccus';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from './client';
import { listMemberDrillDownPage, memberDrillDownCounts } from './repositories/ccus-drill-down.repository';
import { insertMemberFirms, writeCcusFacts } from './repositories/ccus.repository';
import { insertOrganisation } from './repositories/organisations.repository';
import { testBackends } from './testing';

/**
 * The drill-down ranks and bands member firms in SQL; the domain's metricValue and memberRateBand
 * state the rule. For any members' figures, on both backends: every page read in turn gives the
 * firms in the domain's order of value (no figure last), and the bands count what the domain counts.
 */

const backends = await testBackends();
const MONTH = '2026-01-01';

const figureArb = (kind: 'ratio' | 'flow') =>
  kind === 'ratio'
    ? fc.oneof(
        // Small denominators: equal rates (ties broken by name) are common, as in real figures.
        fc.integer({ min: 1, max: 8 }).chain((denominator) =>
          fc.record({ numerator: fc.integer({ min: 0, max: denominator }), denominator: fc.constant<number | null>(denominator) }),
        ),
        // A rate reported without its whole has no value, like a firm with no figure.
        fc.record({ numerator: fc.integer({ min: 0, max: 3 }), denominator: fc.constant<number | null>(null) }),
      )
    : fc.record({ numerator: fc.integer({ min: 0, max: 5 }), denominator: fc.constant<number | null>(null) });

const caseArb = fc.constantFrom('ratio' as const, 'flow' as const).chain((kind) =>
  fc.record({
    kind: fc.constant(kind),
    figures: fc.array(fc.option(figureArb(kind), { nil: null }), { minLength: 1, maxLength: 12 }),
    limit: fc.integer({ min: 1, max: 5 }),
  }),
);

describe.each(backends)('CCUS member drill-down SQL against the domain on $name', (backend) => {
  let database: Database;
  let n = 0;
  beforeAll(async () => {
    database = await backend.create();
  });
  afterAll(() => database?.close());

  it('pages through the firms in the order of the domain’s value and bands them as the domain does', async () => {
    await fc.assert(
      fc.asyncProperty(caseArb, async ({ kind, figures, limit }) => {
        n += 1;
        const association = await insertOrganisation(database.db, { kind: 'association', name_ja: `協会D${n}`, name_en: `Association D${n}`, short_name_ja: `D${n}` });
        const firms = await insertMemberFirms(database.db, association.id, figures.map((_, i) => ({ name: `会員${String(i).padStart(2, '0')}`, projectCostYen: null })));
        const metricCode = kind === 'ratio' ? 'worker_registration_rate' : 'work_history_records';
        const facts = figures.flatMap((figure, i) =>
          figure ? [{ memberFirmId: firms.find((f) => f.name === `会員${String(i).padStart(2, '0')}`)!.id, metricCode, periodMonth: MONTH, weightYen: null, ...figure }] : [],
        );
        await database.db.transaction().execute((trx) => writeCcusFacts(trx, association.id, facts, null));
        const query = { associationId: association.id, metricCode, isRatio: kind === 'ratio', periodMonth: MONTH, bands: kind === 'ratio' ? MEMBER_RATE_BANDS : [] };

        const read: { name: string; value: number | null }[] = [];
        for (let offset = 0; offset < figures.length + limit; offset += limit) {
          const page = await listMemberDrillDownPage(database.db, { ...query, offset, limit });
          expect(page.length).toBe(Math.max(0, Math.min(limit, figures.length - offset)));
          read.push(...page.map((r) => ({ name: r.name, value: metricValue(kind, r) })));
        }
        const values = figures.map((f) => (f ? metricValue(kind, f) : null));
        // The domain's order: value descending, no value last, then by name.
        const expected = values
          .map((value, i) => ({ name: `会員${String(i).padStart(2, '0')}`, value }))
          .sort((a, b) => (b.value ?? -Infinity) - (a.value ?? -Infinity) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
        expect(read).toEqual(expected);

        const counts = await memberDrillDownCounts(database.db, { ...query, offset: 0, limit });
        expect(counts.firms).toBe(figures.length);
        expect(counts.withValue).toBe(values.filter((v) => v != null).length);
        if (kind === 'ratio') {
          const perBand = MEMBER_RATE_BANDS.map((_, band) => values.filter((v) => memberRateBand(v) === band).length);
          expect(counts.perBand).toEqual(perBand);
        } else expect(counts.perBand).toEqual([]);
      }),
      { numRuns: 30 },
    );
  });
});
