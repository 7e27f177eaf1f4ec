import { ensureLedger, ensureProgrammeDefinition, findLedger, insertApplication, insertLedgerEntry, insertMembership, insertOrganisation, insertUser, updateLedgerIfVersion, type Database } from '@tsumiki/db';
import { testBackends } from '@tsumiki/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from './auth/password';
import { errorCodeOf, PASSWORD, seedRoles, signedInClient, type Client } from './test-support';

const backends = await testBackends();

const terms = { opensAt: '2026-11-01T09:00', closesAt: '2030-03-31T17:00', budgetYen: 65_000_000, notes: '第1回' };
const round = (code: string) => ({ ...terms, code, nameJa: '令和8年度 LCA実施支援', nameEn: 'FY2026 LCA implementation support', fiscalYear: 2026 });

describe.each(backends)('rounds API on $name', (backend) => {
  let database: Database;
  let seed: Awaited<ReturnType<typeof seedRoles>>;
  let admin: Client;
  let otherAdmin: Client;
  let reviewer: Client;
  let applicant: Client;
  let lca: string;
  const newRound = (code: string) => ({ programmeDefinitionId: lca, round: round(code) });
  const roundsOf = async (client: Client) => (await client.caller.rounds.list()).flatMap((p) => p.rounds);

  const auditOf = (id: string) => database.db.selectFrom('audit_log').selectAll().where('entity_type', '=', 'programme_round').where('entity_id', '=', id).orderBy('id').execute();

  beforeAll(async () => {
    database = await backend.create();
    seed = await seedRoles(database);
    const otherOffice = await insertOrganisation(database.db, { kind: 'programme_office', name_ja: '別の事業主体', name_en: 'Another office', short_name_ja: null });
    const other = await insertUser(database.db, { email: 'other-admin@example.jp', displayName: 'other admin', passwordHash: await hashPassword(PASSWORD) });
    await insertMembership(database.db, { userId: other.id, organisationId: otherOffice.id, role: 'programme_admin' });
    admin = await signedInClient(database, seed.users.programme_admin.email);
    otherAdmin = await signedInClient(database, 'other-admin@example.jp');
    reviewer = await signedInClient(database, seed.users.reviewer.email);
    applicant = await signedInClient(database, seed.users.applicant.email);
    lca = await ensureProgrammeDefinition(database.db, 'lca_implementation', seed.orgs.programme_office.id);
  });
  afterAll(() => database?.close());

  it('opens a round as a draft that applicants neither see nor apply to until it is published', async () => {
    const { id } = await admin.caller.rounds.create(newRound('lca-r8'));
    const programmes = await admin.caller.rounds.list();
    expect(programmes.find((p) => p.id === lca)?.rounds.map((r) => r.id)).toContain(id);
    const listed = programmes.flatMap((p) => p.rounds).find((r) => r.id === id);
    expect(listed).toMatchObject({ status: 'draft', actions: ['publish'], budgetYen: 65_000_000, budgetStated: true, notes: '第1回', fiscalYear: 2026 });
    expect(listed?.closesAt.toISOString()).toBe('2030-03-31T08:00:00.000Z');
    expect((await applicant.caller.programmes.list()).map((p) => p.id)).not.toContain(id);
    expect(await errorCodeOf(applicant.caller.applications.createDraft({ programmeId: id, title: '下書き' }))).toBe('PRECONDITION_FAILED round.not_accepting');
    // Nothing to review in a draft round: the console's review pages list it once published.
    const reviewed = async () => (await admin.caller.review.programmes()).map((p) => p.id);
    expect(await reviewed()).not.toContain(id);

    await admin.caller.rounds.transition({ roundId: id, action: 'publish' });
    expect(await reviewed()).toContain(id);
    expect((await applicant.caller.programmes.list()).find((p) => p.id === id)).toMatchObject({ isOpen: true, budgetYen: 65_000_000 });
    expect(await errorCodeOf(applicant.caller.applications.createDraft({ programmeId: id, title: '公開後' }))).toBe('ok');

    await admin.caller.rounds.transition({ roundId: id, action: 'close' });
    expect((await applicant.caller.programmes.list()).find((p) => p.id === id)).toMatchObject({ isOpen: false });
    expect(await errorCodeOf(applicant.caller.applications.createDraft({ programmeId: id, title: '締切後' }))).toBe('PRECONDITION_FAILED round.not_accepting');
    expect(await errorCodeOf(admin.caller.rounds.transition({ roundId: id, action: 'close' }))).toBe('BAD_REQUEST round.transition_not_allowed');
    expect(await admin.caller.rounds.transition({ roundId: id, action: 'reopen' })).toEqual({ id, status: 'published' });

    const audit = await auditOf(id);
    expect(audit.map((a) => a.action)).toEqual(['round.create', 'round.publish', 'round.close', 'round.reopen']);
    expect(audit[0]).toMatchObject({ actor_user_id: seed.users.programme_admin.id, before: null, after: expect.objectContaining({ status: 'draft', budgetYen: 65_000_000 }) });
    expect(audit[2]).toMatchObject({ before: expect.objectContaining({ status: 'published' }), after: expect.objectContaining({ status: 'closed' }) });
  });

  it('lets only programme admins of the owning office change a round', async () => {
    const { id } = await admin.caller.rounds.create(newRound('lca-owned'));
    for (const [client, expected] of [
      [otherAdmin, 'FORBIDDEN round.not_owning_office'],
      [reviewer, 'FORBIDDEN auth.forbidden_role'],
      [applicant, 'FORBIDDEN auth.forbidden_role'],
    ] as const) {
      expect(await errorCodeOf(client.caller.rounds.transition({ roundId: id, action: 'publish' }))).toBe(expected);
      expect(await errorCodeOf(client.caller.rounds.update({ roundId: id, terms }))).toBe(expected);
      expect(await errorCodeOf(client.caller.rounds.clone({ roundId: id }))).toBe(expected);
    }
    // Nor open a round in an office they do not administer.
    expect(await errorCodeOf(otherAdmin.caller.rounds.create(newRound('lca-theirs')))).toBe('FORBIDDEN round.not_owning_office');
    expect(await otherAdmin.caller.rounds.list()).toEqual([]);
    expect((await auditOf(id)).map((a) => a.action)).toEqual(['round.create']);
  });

  it('sets window, budget and notes, refusing a window that ends before it starts; the placeholder budget becomes stated', async () => {
    const co2 = seed.closedProgramme.id;
    await database.db.updateTable('programmes').set({ budget_stated: false }).where('id', '=', co2).execute();
    expect((await applicant.caller.programmes.list()).find((p) => p.id === co2)?.budgetStated).toBe(false);
    expect(await errorCodeOf(admin.caller.rounds.update({ roundId: co2, terms: { ...terms, closesAt: '2026-11-01T08:59' } }))).toBe('BAD_REQUEST');

    await admin.caller.rounds.update({ roundId: co2, terms: { opensAt: '2025-04-01T00:00', closesAt: '2025-12-25T00:00', budgetYen: 120_000_000, notes: '補正予算を反映' } });
    expect((await applicant.caller.programmes.list()).find((p) => p.id === co2)).toMatchObject({ budgetStated: true, budgetYen: 120_000_000 });
    const [entry] = await auditOf(co2);
    expect(entry).toMatchObject({
      action: 'round.update',
      before: expect.objectContaining({ budgetYen: 100_000_000, budgetStated: false, notes: '' }),
      after: expect.objectContaining({ budgetYen: 120_000_000, budgetStated: true, notes: '補正予算を反映', closesAt: '2025-12-24T15:00:00.000Z' }),
    });
  });

  it('moves an open ledger to the budget the office sets, never below what is committed', async () => {
    const { id } = await admin.caller.rounds.create(newRound('lca-ledger'));
    await ensureLedger(database.db, id, 65_000_000, null);
    // A decision committed ¥50M: its ledger entry and the ledger's total, as the review workflow writes them.
    const decided = await insertApplication(database.db, { programmeId: id, organisationId: seed.orgs.applicant.id, createdBy: seed.users.applicant.id, title: '採択', content: { programme: 'lca_implementation' } });
    await updateLedgerIfVersion(database.db, { programmeId: id, expectedVersion: 0, budgetYen: 65_000_000, committedYen: 50_000_000, at: new Date() });
    await insertLedgerEntry(database.db, { programme_id: id, application_id: decided.id, kind: 'commit', amount_yen: 50_000_000, committed_after_yen: 50_000_000, budget_after_yen: 65_000_000, version_after: 1, actor_user_id: null });
    expect(await errorCodeOf(admin.caller.rounds.update({ roundId: id, terms: { ...terms, budgetYen: 40_000_000 } }))).toBe('BAD_REQUEST ledger.budget_below_committed');
    await admin.caller.rounds.update({ roundId: id, terms: { ...terms, budgetYen: 90_000_000 } });
    expect(await findLedger(database.db, id)).toMatchObject({ budget_yen: 90_000_000, committed_yen: 50_000_000 });
    const entries = await database.db.selectFrom('budget_ledger_entries').selectAll().where('programme_id', '=', id).orderBy('version_after').execute();
    expect(entries.map((e) => [e.kind, Number(e.amount_yen), Number(e.budget_after_yen)])).toEqual([['open', 0, 65_000_000], ['commit', 50_000_000, 65_000_000], ['budget', 25_000_000, 90_000_000]]);
  });

  it("clones last year's round into the next fiscal year as a draft; a second clone takes the next free code or the one given", async () => {
    const { id } = await admin.caller.rounds.create(newRound('lca-r9'));
    const clone = await admin.caller.rounds.clone({ roundId: id });
    const row = (await roundsOf(admin)).find((r) => r.id === clone.id);
    expect(row).toMatchObject({ code: 'lca-r10', nameJa: '令和9年度 LCA実施支援', fiscalYear: 2027, status: 'draft', budgetYen: 65_000_000, notes: '第1回' });
    expect(row?.opensAt.toISOString()).toBe('2027-11-01T00:00:00.000Z');
    const second = await admin.caller.rounds.clone({ roundId: id });
    expect((await roundsOf(admin)).find((r) => r.id === second.id)).toMatchObject({ code: 'lca-r10-2', fiscalYear: 2027, status: 'draft' });
    const named = await admin.caller.rounds.clone({ roundId: id, code: 'lca-r10-extra' });
    expect((await roundsOf(admin)).find((r) => r.id === named.id)?.code).toBe('lca-r10-extra');
    // A code the office gives is used as given: taken, it is refused so the office can choose another.
    expect(await errorCodeOf(admin.caller.rounds.clone({ roundId: id, code: 'lca-r10' }))).toBe('CONFLICT round.code_taken');
    expect((await auditOf(clone.id))[0]).toMatchObject({ action: 'round.clone', before: expect.objectContaining({ code: 'lca-r9' }), after: expect.objectContaining({ code: 'lca-r10' }) });
  });
});
