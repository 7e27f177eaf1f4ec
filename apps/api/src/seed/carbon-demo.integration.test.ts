import { listCarbonProjects, findCarbonProject, listOrganisations } from '@tsumiki/db';
import { createPGliteTestDatabase } from '@tsumiki/db/testing';
import { assessProject, effectiveA1a3, STARTER_LIBRARY, ZCarbonProjectContent } from '@tsumiki/domain/carbon';
import { describe, expect, it } from 'vitest';
import { seedDemo } from './demo';

describe('carbon demo project', () => {
  it('gives the demo applicant one project whose timber is assessed and whose gaps are marked incomplete', { timeout: 60_000 }, async () => {
    const database = await createPGliteTestDatabase();
    try {
      await seedDemo(database.db, { now: new Date('2026-04-01T03:00:00Z') });
      const sugiyama = (await listOrganisations(database.db, 'applicant')).find((o) => o.short_name_ja === '杉山木材')!;
      const [summary, ...more] = await listCarbonProjects(database.db, [sugiyama.id]);
      expect(more).toEqual([]);
      const row = (await findCarbonProject(database.db, summary!.id, [sugiyama.id]))!;
      const content = ZCarbonProjectContent.parse({ name: row.name, building: row.building, settings: row.settings, boq: row.boq, scenarios: row.scenarios });
      expect(content.settings.assessmentDate).toBe('2026-04-01');
      const [base, site] = assessProject(content, STARTER_LIBRARY).scenarios;
      if (!base?.outcome.ok || !site?.outcome.ok) throw new Error('expected results');
      // The wood table of seeds/002: CLT 252, glulam (medium) 161, sawn 80, structural plywood 166 kg-CO2e/m³;
      // concrete and rebar on the generic factors (uplifted); gypsum board is still a gap.
      const generic = (key: string) => effectiveA1a3(STARTER_LIBRARY.find((f) => f.materialKey === key && !f.gap)!)!;
      const wood = 620 * 252 + 85 * 161 + 40 * 80 + 25 * 166;
      expect(base.outcome.result.modules['A1-A3']).toBeCloseTo(wood + 380 * generic('concrete.ready_mixed') + 32 * generic('steel.rebar'), 6);
      expect(base.outcome.result.complete).toBe(false);
      expect(base.outcome.result.dataQuality.missingFactors.materials).toEqual(['board.gypsum']);
      expect(site.outcome.result.modules.A5).toBeLessThan(base.outcome.result.modules.A5);
    } finally {
      await database.close();
    }
  });
});
