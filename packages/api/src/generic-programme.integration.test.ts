import { randomUUID } from 'node:crypto';
import { testBackends } from '@tsumiki/db/testing';
import { assessApplication, type TGenericContent, type TProgrammeDefinition } from '@tsumiki/domain/programmes';
import { beforeAll, describe, expect, it } from 'vitest';
import { errorCodeOf, seededDatabase, signedInClient, type Client } from './test-support';

const backends = await testBackends();

/** A cost-share application as the portal saves it: every required field, equipment (taxable) and personnel (no tax). */
const content = (lines: NonNullable<NonNullable<TGenericContent['grant']>['lines']>): TGenericContent => ({
  programme: 'generic_cost_share',
  applicant: { name: '株式会社〇〇製作所', representative: '代表取締役 山田一郎', address: '東京都千代田区1-1', contactName: '山田花子', contactEmail: 'hanako@example.jp', contactPhone: '03-0000-0000' },
  outline: { purpose: '高効率設備の導入', schedule: '令和8年4月〜令和9年2月' },
  pledge: { agreed: true },
  grant: { facts: {}, lines },
});

/** The office's figures: 2/3 of the eligible cost, at most ¥1,800,000 per project. */
const officeFigures = (d: TProgrammeDefinition): TProgrammeDefinition => ({
  ...d,
  sections: d.sections.map((s) => ({ ...s, rates: s.rates.map((r) => ({ ...r, rate: { numerator: 2, denominator: 3 } })) })),
  caps: d.caps.map((c) => (c.id === 'per_project' ? { ...c, amount: 1_800_000 } : c)),
});

describe.each(backends)('a programme from the generic cost-share template on $name', (backend) => {
  const state = seededDatabase(backend);
  const clients = {} as Record<'admin' | 'reviewer' | 'applicant', Client>;

  beforeAll(async () => {
    const { database, seed } = state;
    clients.admin = await signedInClient(database, seed.users.programme_admin.email);
    clients.reviewer = await signedInClient(database, seed.users.reviewer.email);
    clients.applicant = await signedInClient(database, seed.users.applicant.email);
  });

  it('is created, opened and applied to; the grant is the office’s rate on the tax-exclusive cost, up to its cap', async () => {
    const { admin, reviewer, applicant } = clients;
    const created = await admin.caller.programmeDefinitions.createFromTemplate({ template: 'generic_cost_share', code: 'energy_saving', nameJa: '省エネ設備導入補助', nameEn: 'Energy-saving equipment subsidy' });
    expect((await admin.caller.programmeDefinitions.get({ id: created.id })).kind).toBe('generic_cost_share');
    // Version 1 is the template's (1/2, ¥10,000,000); the office publishes its own figures as version 2.
    const draft = await admin.caller.programmeDefinitions.openDraft({ id: created.id });
    await admin.caller.programmeDefinitions.updateDraft({ versionId: draft.id, definition: officeFigures(draft.definition) });
    await admin.caller.programmeDefinitions.publish({ versionId: draft.id, changeSummary: '補助率2/3・上限180万円' });

    const { id: roundId } = await admin.caller.rounds.create({
      programmeDefinitionId: created.id,
      round: { code: 'energy-saving-r1', nameJa: '令和8年度 省エネ設備導入補助', nameEn: 'FY2026 energy-saving subsidy', fiscalYear: 2026, opensAt: '2026-01-01T09:00', closesAt: '2030-03-31T17:00', budgetYen: 50_000_000, notes: '第1回' },
    });
    expect(await errorCodeOf(applicant.caller.applications.createDraft({ programmeId: roundId, title: '下書き' }))).toBe('PRECONDITION_FAILED round.not_accepting');
    await admin.caller.rounds.transition({ roundId, action: 'publish' });

    const apply = async (title: string, lines: Parameters<typeof content>[0]) => {
      const draft = await applicant.caller.applications.createDraft({ programmeId: roundId, title });
      const saved = await applicant.caller.applications.updateDraft({ id: draft.id, version: draft.version, content: content(lines) });
      return { id: draft.id, version: saved.version };
    };

    // 1,100,000 incl. tax → 1,000,000; + 500,000 personnel: 1,500,000 × 2/3 = 1,000,000.
    const small = await apply('空調設備の更新', [
      { id: 'l1', section: 'project', category: 'equipment', description: '空調機', amount: 1_100_000 },
      { id: 'l2', section: 'project', category: 'personnel', description: '据付技術者', amount: 500_000 },
    ]);
    expect((await applicant.caller.applications.submit({ id: small.id, version: small.version, idempotencyKey: randomUUID() })).ok).toBe(true);
    const submitted = await applicant.caller.applications.get({ id: small.id });
    expect([submitted.status, submitted.requestedGrantYen, submitted.definition?.version, submitted.definition?.pinned]).toEqual(['submitted', 1_000_000, 2, true]);
    const assessed = assessApplication('generic_cost_share', submitted.content, undefined, await applicant.caller.programmes.rules({ versionId: submitted.definition!.versionId })).result!;
    expect(assessed.grant).toMatchObject({ requested: 1_600_000, base: 1_500_000, amount: 1_000_000, ownShare: 600_000, capHit: null });

    // 5,500,000 incl. tax → 5,000,000 × 2/3 = 3,333,333, capped at 1,800,000.
    const large = await apply('生産ラインの更新', [{ id: 'l1', section: 'project', category: 'equipment', amount: 5_500_000 }]);
    expect((await applicant.caller.applications.submit({ id: large.id, version: large.version, idempotencyKey: randomUUID() })).ok).toBe(true);
    expect((await applicant.caller.applications.get({ id: large.id })).requestedGrantYen).toBe(1_800_000);

    // A line outside the definition's categories is refused at submission (the unknown code is not shown, the list is).
    const wrong = await apply('対象外の経費', [{ id: 'l1', section: 'project', category: 'travel', amount: 100_000 }]);
    const refused = await applicant.caller.applications.submit({ id: wrong.id, version: wrong.version, idempotencyKey: randomUUID() });
    expect(refused.ok).toBe(false);
    expect(JSON.stringify(refused)).toContain('grant.category_unknown');

    // The reviewer sees the figures the pinned version computes.
    const opened = JSON.stringify(await reviewer.caller.review.open({ applicationId: small.id }));
    expect([opened.includes('1,000,000'), opened.includes('750,000')]).toEqual([true, false]);
  });
});
