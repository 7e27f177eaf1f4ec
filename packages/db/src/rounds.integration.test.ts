import { cloneRoundForNextYear, jstInstant } from '@tsumiki/domain';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from './client';
import { insertOrganisation } from './repositories/organisations.repository';
import { ensureProgrammeDefinition } from './repositories/programme-definitions.repository';
import { insertProgramme } from './repositories/programmes.repository';
import { findRoundForUpdate, insertRound, insertRoundClone, listRoundsOfOffices, roundOfRow, updateRoundStatus, updateRoundTerms } from './repositories/rounds.repository';
import { testBackends } from './testing';

const backends = await testBackends();

describe.each(backends)('rounds repository on $name', (backend) => {
  let database: Database;
  let officeId: string;
  let otherOfficeId: string;
  let co2: string;
  let co2Other: string;

  beforeAll(async () => {
    database = await backend.create();
    officeId = (await insertOrganisation(database.db, { kind: 'programme_office', name_ja: '協会', name_en: 'Office', short_name_ja: null })).id;
    otherOfficeId = (await insertOrganisation(database.db, { kind: 'programme_office', name_ja: '別', name_en: 'Other', short_name_ja: null })).id;
    co2 = await ensureProgrammeDefinition(database.db, 'co2_factor_support', officeId);
    co2Other = await ensureProgrammeDefinition(database.db, 'co2_factor_support', otherOfficeId);
  });
  afterAll(() => database.close());

  const round = (code: string, office = () => officeId) => ({
    kind: 'co2_factor_support' as const,
    code,
    nameJa: '令和7年度 CO2原単位等の策定に係る支援',
    nameEn: 'FY2025 CO2',
    fiscalYear: 2025,
    opensAt: jstInstant(2025, 4, 1),
    closesAt: jstInstant(2025, 12, 25),
    budgetYen: 100_000_000,
    notes: '前年度の実績から',
    officeOrganisationId: office(),
    programmeDefinitionId: office() === officeId ? co2 : co2Other,
    definition: { source: 'seeds/001', caps: { perFactorYen: 4_000_000 } },
    budgetStated: false,
  });

  it('writes a new round as a draft and refuses a code already taken', async () => {
    const created = await insertRound(database.db, round('co2-r7'));
    expect(created).toMatchObject({ code: 'co2-r7', status: 'draft', notes: '前年度の実績から', budget_stated: false, budget_yen: 100_000_000 });
    expect(await insertRound(database.db, round('co2-r7', () => otherOfficeId))).toBeUndefined();
  });

  it('keeps rows written without a status (the seed, importers) as published calls', async () => {
    const seeded = await insertProgramme(database.db, {
      code: 'seeded',
      kind: 'clt_demonstration',
      name_ja: 's',
      name_en: 's',
      fiscal_year: 2025,
      window_opens_at: jstInstant(2026, 3, 6),
      window_closes_at: jstInstant(2026, 4, 6, 13),
      budget_yen: 627_000_000,
      office_organisation_id: officeId,
    });
    expect(seeded).toMatchObject({ status: 'published', budget_stated: true, notes: '' });
  });

  it('clones a round into the next fiscal year with its rules, office and budget, as a draft', async () => {
    const source = (await insertRound(database.db, round('co2-clone-r7')))!;
    await updateRoundStatus(database.db, source.id, 'draft', 'published', new Date());
    const clone = (await insertRoundClone(database.db, source, cloneRoundForNextYear(roundOfRow(source))))!;
    expect(clone).toMatchObject({
      code: 'co2-clone-r8',
      name_ja: '令和8年度 CO2原単位等の策定に係る支援',
      kind: 'co2_factor_support',
      fiscal_year: 2026,
      office_organisation_id: officeId,
      status: 'draft',
      notes: '前年度の実績から',
      budget_stated: false,
      definition: { source: 'seeds/001', caps: { perFactorYen: 4_000_000 } },
    });
    expect(Number(clone.budget_yen)).toBe(100_000_000);
    expect(clone.window_opens_at).toEqual(jstInstant(2026, 4, 1));
    expect(clone.window_closes_at).toEqual(jstInstant(2026, 12, 25));
  });

  it('sets the window, budget and notes; a budget the office sets is stated', async () => {
    const r = (await insertRound(database.db, round('co2-terms')))!;
    const at = new Date('2026-12-04T10:00:00Z');
    const updated = await updateRoundTerms(database.db, r.id, { opensAt: jstInstant(2026, 5, 1, 9, 30), closesAt: jstInstant(2026, 6, 30, 17), budgetYen: 80_000_000, notes: '', at });
    expect(updated).toMatchObject({ budget_stated: true, notes: '', updated_at: at });
    expect(Number(updated.budget_yen)).toBe(80_000_000);
    expect(updated.window_opens_at).toEqual(jstInstant(2026, 5, 1, 9, 30));
  });

  it('moves the status only from the status it was read in', async () => {
    const r = (await insertRound(database.db, round('co2-status')))!;
    const now = new Date();
    expect(await updateRoundStatus(database.db, r.id, 'published', 'closed', now)).toBeUndefined();
    expect((await updateRoundStatus(database.db, r.id, 'draft', 'published', now))?.status).toBe('published');
    expect((await updateRoundStatus(database.db, r.id, 'published', 'closed', now))?.status).toBe('closed');
    expect((await updateRoundStatus(database.db, r.id, 'closed', 'published', now))?.status).toBe('published');
    expect((await database.db.transaction().execute((trx) => findRoundForUpdate(trx, r.id)))?.status).toBe('published');
  });

  it('holds the window order and the known statuses in the database too', async () => {
    const r = (await insertRound(database.db, round('co2-checks')))!;
    await expect(updateRoundTerms(database.db, r.id, { opensAt: jstInstant(2026, 5, 1), closesAt: jstInstant(2026, 5, 1), budgetYen: 1, notes: '', at: new Date() })).rejects.toThrow();
    await expect(sql`update programmes set status = 'archived' where id = ${r.id}`.execute(database.db)).rejects.toThrow();
  });

  it("lists only the offices' rounds, by programme then newest year", async () => {
    const rows = await listRoundsOfOffices(database.db, [otherOfficeId]);
    expect(rows).toEqual([]);
    const mine = await listRoundsOfOffices(database.db, [officeId]);
    // Grouped by programme, newest fiscal year first within each.
    const co2Rounds = mine.filter((r) => r.programme_definition_id === co2);
    expect(co2Rounds[0]?.code).toBe('co2-clone-r8');
    expect(co2Rounds.slice(1).every((r) => r.fiscal_year === 2025)).toBe(true);
    expect(mine.map((r) => r.code)).toContain('seeded');
  });
});
