import { randomUUID } from 'node:crypto';
import { insertMembership, insertOrganisation, insertProgramme, insertUser, listAuditOfEntity } from '@tsumiki/db';
import { testBackends } from '@tsumiki/db/testing';
import { assessApplication, type TLcaContent, type TProgrammeDefinition } from '@tsumiki/domain/programmes';
import { beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from './auth/password';
import { errorCodeOf, PASSWORD, seededDatabase, signedInClient, type Client } from './test-support';

const backends = await testBackends();

/** An LCA application as the portal saves it: every required field answered, one line of LCA cost. */
const lcaContent = (amount: number): TLcaContent => ({
  programme: 'lca_implementation',
  applicant: { name: '杉山設計', representative: '代表取締役 杉山一郎', address: '東京都千代田区1-1', contactName: '杉山花子', contactEmail: 'hanako@example.jp', contactPhone: '03-0000-0000' },
  outline: { purpose: '事務所ビルのLCA算定' },
  pledge: { agreed: true },
  grant: { facts: { withBimModel: false, reportsLcaResult: true, cooperatesWithSurveys: true }, lines: [{ id: 'l1', category: 'lca_calculation', amount }] },
});

/** The LCA definition paying half the cost instead of all of it (定額 → 1/2). */
const halfRate = (d: TProgrammeDefinition): TProgrammeDefinition => ({
  ...d,
  sections: d.sections.map((s) => ({ ...s, rates: s.rates.map((r) => ({ ...r, rate: { numerator: 1, denominator: 2 }, basis: 'at_most' as const })) })),
});

describe.each(backends)('programme definitions through the API on $name', (backend) => {
  const state = seededDatabase(backend);
  const clients = {} as Record<'admin' | 'otherAdmin' | 'reviewer' | 'applicant', Client>;

  beforeAll(async () => {
    const { database, seed } = state;
    const other = await insertOrganisation(database.db, { kind: 'programme_office', name_ja: '別の事務局', name_en: 'Other office', short_name_ja: null });
    const user = await insertUser(database.db, { email: 'other-admin@example.jp', displayName: '別の管理者', passwordHash: await hashPassword(PASSWORD) });
    await insertMembership(database.db, { userId: user.id, organisationId: other.id, role: 'programme_admin' });
    clients.admin = await signedInClient(database, seed.users.programme_admin.email);
    clients.otherAdmin = await signedInClient(database, 'other-admin@example.jp');
    clients.reviewer = await signedInClient(database, seed.users.reviewer.email);
    clients.applicant = await signedInClient(database, seed.users.applicant.email);
  });

  it('only the owning office’s programme admins may change a programme; each change is audited with before and after', async () => {
    const { admin, otherAdmin, reviewer, applicant } = clients;
    const created = await admin.caller.programmeDefinitions.createFromTemplate({ template: 'lca_implementation', code: 'lca_authz', nameJa: 'LCA実施支援', nameEn: 'LCA support' });
    const draft = await admin.caller.programmeDefinitions.openDraft({ id: created.id });
    const changed = { versionId: draft.id, definition: halfRate(draft.definition) };
    for (const [who, client] of [['other office', otherAdmin], ['reviewer', reviewer], ['applicant', applicant]] as const) {
      expect(await errorCodeOf(client.caller.programmeDefinitions.get({ id: created.id })), who).toMatch(/^FORBIDDEN/);
      expect(await errorCodeOf(client.caller.programmeDefinitions.openDraft({ id: created.id })), who).toMatch(/^FORBIDDEN/);
      expect(await errorCodeOf(client.caller.programmeDefinitions.updateDraft(changed)), who).toMatch(/^FORBIDDEN/);
      expect(await errorCodeOf(client.caller.programmeDefinitions.publish({ versionId: draft.id, changeSummary: 'x' })), who).toMatch(/^FORBIDDEN/);
      expect(await errorCodeOf(client.caller.programmeDefinitions.tryIt({ programmeDefinitionId: created.id, draft: draft.definition, sample: {} })), who).toMatch(/^FORBIDDEN/);
    }
    expect(await errorCodeOf(otherAdmin.caller.programmeDefinitions.get({ id: created.id }))).toBe('FORBIDDEN programmes.not_owner');
    expect((await otherAdmin.caller.programmeDefinitions.list()).map((p) => p.code)).not.toContain('lca_authz');

    await admin.caller.programmeDefinitions.updateDraft(changed);
    await admin.caller.programmeDefinitions.publish({ versionId: draft.id, changeSummary: '補助率を1/2に' });
    expect(await errorCodeOf(admin.caller.programmeDefinitions.updateDraft(changed))).toBe('BAD_REQUEST programmes.version_not_draft');

    const rows = await listAuditOfEntity(state.database.db, 'programme_definition', created.id);
    expect(rows.map((r) => [r.action, r.actor_user_id])).toEqual([
      ['programme_definition.create', state.seed.users.programme_admin.id],
      ['programme_definition.draft_open', state.seed.users.programme_admin.id],
      ['programme_definition.draft_update', state.seed.users.programme_admin.id],
      ['programme_definition.publish', state.seed.users.programme_admin.id],
    ]);
    const rate = (v: unknown) => (v as { definition: TProgrammeDefinition }).definition.sections[0]!.rates[0]!.rate;
    const [, , update, publish] = rows;
    expect([rate(update!.before), rate(update!.after)]).toEqual([{ numerator: 1, denominator: 1 }, { numerator: 1, denominator: 2 }]);
    expect([(publish!.before as { version: number }).version, (publish!.after as { version: number; changeSummary: string }).version]).toEqual([1, 2]);
    expect((publish!.after as { changeSummary: string }).changeSummary).toBe('補助率を1/2に');
  });

  it('refuses an inconsistent draft with the named error', async () => {
    const { admin } = clients;
    const created = await admin.caller.programmeDefinitions.createFromTemplate({ template: 'lca_implementation', code: 'lca_refusal', nameJa: 'LCA', nameEn: 'LCA' });
    const draft = await admin.caller.programmeDefinitions.openDraft({ id: created.id });
    const negative = { ...draft.definition, caps: draft.definition.caps.map((c) => ({ ...c, amount: -1 })) };
    expect(await errorCodeOf(admin.caller.programmeDefinitions.updateDraft({ versionId: draft.id, definition: negative }))).toBe('BAD_REQUEST');
    const tried = await admin.caller.programmeDefinitions.tryIt({ programmeDefinitionId: created.id, draft: negative, sample: {} });
    expect(tried.draft.ok ? [] : tried.draft.issues.map((i) => i.code)).toContain('programmes.definition_negative_cap');
    expect(await errorCodeOf(admin.caller.programmeDefinitions.createFromTemplate({ template: 'lca_implementation', code: 'lca_refusal', nameJa: 'x', nameEn: 'x' }))).toBe('CONFLICT programmes.code_taken');
    // The console asks while the code is typed, so a taken one is named before anything is sent.
    expect(await admin.caller.programmeDefinitions.codeAvailable({ code: 'lca_refusal' })).toEqual({ code: 'lca_refusal', available: false });
    expect(await admin.caller.programmeDefinitions.codeAvailable({ code: 'lca_refusal_2' })).toEqual({ code: 'lca_refusal_2', available: true });
  });

  it('pins a submitted application to its version: a new rate leaves its figures alone, a new draft takes it', async () => {
    const { admin, applicant } = clients;
    const { database, seed } = state;
    const created = await admin.caller.programmeDefinitions.createFromTemplate({ template: 'lca_implementation', code: 'lca_pinning', nameJa: 'LCA実施支援', nameEn: 'LCA support' });
    const now = Date.now();
    const round = await insertProgramme(database.db, {
      code: 'lca_pinning_r1', kind: 'lca_implementation', name_ja: 'LCA実施支援 第1回', name_en: 'LCA round 1', fiscal_year: 2026,
      window_opens_at: new Date(now - 86_400_000), window_closes_at: new Date(now + 86_400_000), budget_yen: 100_000_000,
      office_organisation_id: seed.orgs.programme_office.id, programme_definition_id: created.id,
    });
    const apply = async (title: string) => {
      const draft = await applicant.caller.applications.createDraft({ programmeId: round.id, title });
      return applicant.caller.applications.updateDraft({ id: draft.id, version: draft.version, content: lcaContent(3_000_000) });
    };
    const first = await apply('事務所ビルのLCA');
    const submitted = await applicant.caller.applications.submit({ id: first.id, version: first.version, idempotencyKey: randomUUID() });
    expect(submitted.ok).toBe(true);
    const before = await applicant.caller.applications.get({ id: first.id });
    // 定額: the whole ¥3,000,000 (under the ¥6,500,000 cap without BIM).
    expect([before.requestedGrantYen, before.definition?.version, before.definition?.pinned]).toEqual([3_000_000, 1, true]);

    const draft = await admin.caller.programmeDefinitions.openDraft({ id: created.id });
    await admin.caller.programmeDefinitions.updateDraft({ versionId: draft.id, definition: halfRate(draft.definition) });
    // A draft's rules are the office's until published: to an applicant they do not exist.
    await expect(applicant.caller.programmes.rules({ versionId: draft.id })).rejects.toMatchObject({ code: 'NOT_FOUND', cause: { code: 'programmes.definition_not_found' } });
    await admin.caller.programmeDefinitions.publish({ versionId: draft.id, changeSummary: '補助率を1/2に' });

    const after = await applicant.caller.applications.get({ id: first.id });
    expect([after.requestedGrantYen, after.definition?.version]).toEqual([3_000_000, 1]);
    expect(assessApplication('lca_implementation', after.content, undefined, await applicant.caller.programmes.rules({ versionId: after.definition!.versionId })).result?.grant.amount).toBe(3_000_000);
    // The reviewer's forms are computed with the pinned version too.
    const reviewed = JSON.stringify(await (await signedInClient(database, seed.users.reviewer.email)).caller.review.open({ applicationId: first.id }));
    expect([reviewed.includes('3,000,000'), reviewed.includes('1,500,000')]).toEqual([true, false]);

    const second = await apply('別の建物のLCA');
    const fresh = await applicant.caller.applications.get({ id: second.id });
    expect([fresh.definition?.version, fresh.definition?.pinned]).toEqual([2, false]);
    expect(assessApplication('lca_implementation', fresh.content, undefined, await applicant.caller.programmes.rules({ versionId: fresh.definition!.versionId })).result?.grant.amount).toBe(1_500_000);
    const submittedSecond = await applicant.caller.applications.submit({ id: second.id, version: fresh.version, idempotencyKey: randomUUID() });
    expect(submittedSecond.ok).toBe(true);
    expect((await applicant.caller.applications.get({ id: second.id })).requestedGrantYen).toBe(1_500_000);
  });
});
