import { insertProgramme, type Database } from '@tsumiki/db';
import { testBackends } from '@tsumiki/db/testing';
import { jstInstant, type TRole } from '@tsumiki/domain';
import { assessApplication, BUILTIN_PROGRAMMES, cltExampleApplicationContent, type TApplicationContent } from '@tsumiki/domain/programmes';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runReminders } from './routers/review/reminders.service';
import { submittedCltApplication } from './review-test-support';
import { errorCodeOf as codeOf, seedRoles, signedInClient, type Client } from './test-support';

const backends = await testBackends();
const NOW = jstInstant(2026, 4, 10, 10, 0);
const content = cltExampleApplicationContent();

describe.each(backends)('review console API on $name', (backend) => {
  let database: Database;
  let seed: Awaited<ReturnType<typeof seedRoles>>;
  const clients = {} as Record<TRole, Client>;
  let n = 0;

  /** A submitted CLT application of the applicant organisation, as the submit flow leaves it. */
  async function submitted(title = `CLT実証 ${n + 1}`, body: TApplicationContent = content, programmeId = seed.programme.id) {
    n += 1;
    const { id } = await submittedCltApplication(database, {
      programmeId,
      organisationId: seed.orgs.applicant.id,
      createdBy: seed.users.applicant.id,
      key: `rc-${backend.name}-${n}`,
      title,
      trackingNumber: `CLT-R-${String(n).padStart(4, '0')}`,
      submittedAt: NOW,
      content: body,
    });
    return { id };
  }
  const versionOf = async (id: string) => (await database.db.selectFrom('applications').select('version').where('id', '=', id).executeTakeFirstOrThrow()).version;
  const step = async (client: Client, id: string, event: string, extra: { reason?: string; dueAt?: Date; amount?: number } = {}) =>
    client.caller.review.transition({ applicationId: id, version: await versionOf(id), event: event as never, ...extra });

  beforeAll(async () => {
    database = await backend.create();
    seed = await seedRoles(database);
    for (const role of ['reviewer', 'committee', 'programme_admin', 'applicant'] as const) clients[role] = await signedInClient(database, seed.users[role].email, { now: () => NOW });
  });
  afterAll(() => database?.close());

  describe('special rate (1/2) finding', () => {
    it('shows the CLT criteria against the facts, records the finding with its recommendation and audits it', async () => {
      const app = await submitted();
      const { reviewer } = clients;
      const before = await reviewer.caller.review.specialRate({ applicationId: app.id });
      expect(before.criteria.map((c) => c.code)).toEqual(['three_storeys_or_1000m2_structural', 'existing_model', 'further_buildings', 'technical_ingenuity']);
      expect(before.finding).toBeNull();
      // The 記載例 uses a disseminated model and plans further buildings; the judgement of
      // technical ingenuity is left to the committee.
      expect(before.criteria.map((c) => c.fromFacts)).toEqual(['unknown', 'met', 'met', 'unknown']);
      expect(before.status).toBe('awaiting_committee');
      expect(before.canRecord).toBe(true);

      const recorded = await reviewer.caller.review.recordSpecialRate({ applicationId: app.id, excellent: true, criteria: ['technical_ingenuity'], reason: '接合部の工夫による施工合理化が特に優れる' });
      expect(recorded.status).toBe('recommended');
      const after = await reviewer.caller.review.specialRate({ applicationId: app.id });
      expect(after.status).toBe('recommended');
      expect(after.criteria.find((c) => c.code === 'technical_ingenuity')).toMatchObject({ confirmedByCommittee: true, met: true });
      expect(after.finding).toMatchObject({ excellent: true, reason: '接合部の工夫による施工合理化が特に優れる', recordedByName: 'reviewer user' });

      // A later finding replaces it; both stay in the history and in the audit log.
      await clients.programme_admin.caller.review.recordSpecialRate({ applicationId: app.id, excellent: false, criteria: [], reason: '委員会審議の結果、特例には該当しない' });
      const latest = await reviewer.caller.review.specialRate({ applicationId: app.id });
      expect(latest.status).toBe('not_recommended');
      // The committee summary sheet reads the same finding.
      const summary = await reviewer.caller.review.summary({ programmeId: seed.programme.id });
      expect(summary.rows.find((r) => r.proposalId === app.id)?.specialRate.status).toBe('not_recommended');
      expect(latest.history.map((h) => h.excellent)).toEqual([false, true]);
      const audit = await database.db.selectFrom('audit_log').select(['action', 'before', 'after', 'actor_user_id']).where('entity_id', '=', app.id).where('action', '=', 'review.special_rate_finding').orderBy('id').execute();
      expect(audit).toHaveLength(2);
      expect(audit[0]!.after).toMatchObject({ excellent: true, status: 'recommended', criteria: ['technical_ingenuity'] });
      expect(audit[1]!.before).toMatchObject({ excellent: true, status: 'recommended' });
      expect(audit[1]!.actor_user_id).toBe(seed.users.programme_admin.id);
    });

    it('refuses a finding without a reason, from a committee member, an outsider, or after selection, writing nothing', async () => {
      const app = await submitted();
      const finding = { applicationId: app.id, excellent: true, criteria: [] as never[], reason: '理由' };
      expect(await codeOf(clients.reviewer.caller.review.recordSpecialRate({ ...finding, reason: '  ' }))).toBe('BAD_REQUEST');
      expect(await codeOf(clients.committee.caller.review.recordSpecialRate(finding))).toMatch(/^FORBIDDEN/);
      expect(await codeOf(clients.applicant.caller.review.recordSpecialRate(finding))).toMatch(/^FORBIDDEN/);
      // Unassigned: the proposal does not exist for the committee member.
      expect(await codeOf(clients.committee.caller.review.specialRate({ applicationId: app.id }))).toBe('NOT_FOUND review.application_not_found');
      await step(clients.reviewer, app.id, 'start_review');
      await step(clients.reviewer, app.id, 'recommend');
      await step(clients.programme_admin, app.id, 'select');
      expect(await codeOf(clients.reviewer.caller.review.recordSpecialRate(finding))).toBe('BAD_REQUEST scoring.special_finding_closed');
      expect((await clients.reviewer.caller.review.specialRate({ applicationId: app.id })).canRecord).toBe(false);
      const rows = await database.db.selectFrom('review_special_rate_findings').select('id').where('application_id', '=', app.id).execute();
      expect(rows).toEqual([]);
    });
  });

  describe('publication list and statistics', () => {
    it('publishes only selected proposals (事業名, 実施者, 概要) and counts a round by status, amount, use, structure, region and score', async () => {
      const round = await insertProgramme(database.db, {
        code: `clt-stats-${backend.name}`,
        kind: 'clt_demonstration',
        name_ja: 'CLT実証（統計）',
        name_en: 'CLT (statistics)',
        fiscal_year: 2026,
        window_opens_at: new Date(Date.now() - 86_400_000),
        window_closes_at: new Date(Date.now() + 30 * 86_400_000),
        budget_yen: 627_000_000,
        office_organisation_id: seed.orgs.programme_office.id,
      });
      const at = (site: string, mainUse: string) => {
        const c = cltExampleApplicationContent();
        return { ...c, building: { ...c.building, site }, grant: { ...c.grant, facts: { ...c.grant?.facts, mainUse } } };
      };
      const { reviewer, programme_admin: admin } = clients;
      const chosen = await submitted('高知の事務所', at('高知県高知市〇〇町2-2', '事務所'), round.id);
      const dropped = await submitted('東京の共同住宅', at('東京都千代田区1-1', '共同住宅'), round.id);
      await submitted('高知の店舗', at('高知県南国市1-1', '店舗'), round.id);
      for (const id of [chosen.id, dropped.id]) await step(reviewer, id, 'start_review');
      await step(reviewer, chosen.id, 'recommend');
      await step(admin, chosen.id, 'select');
      const maximum = assessApplication('clt_demonstration', content, undefined, BUILTIN_PROGRAMMES.clt_demonstration).result!.grant.amount;
      await step(admin, chosen.id, 'decide_grant', { amount: maximum - 10_000 });
      await step(admin, dropped.id, 'reject', { reason: '評価点が基準に達しない' });

      const list = await reviewer.caller.review.publication({ programmeId: round.id });
      expect(list.rows).toEqual([{ title: '高知の事務所', implementers: '株式会社〇〇木材', summary: 'CLTパネル工法普及モデルによる4階建て事務所の実証' }]);
      const file = await admin.caller.review.exportPublication({ programmeId: round.id, format: 'csv' });
      const csv = Buffer.from(file.base64, 'base64').toString('utf8');
      expect(csv).toContain('事業名,実施者,概要');
      expect(csv).toContain('高知の事務所');
      expect(csv).not.toContain('東京の共同住宅');
      expect(file.filename).toMatch(/^selection-list-clt-stats-/);
      const xlsx = await admin.caller.review.exportPublication({ programmeId: round.id, format: 'xlsx' });
      expect(Buffer.from(xlsx.base64, 'base64').subarray(0, 2).toString()).toBe('PK');

      const stats = await reviewer.caller.review.statistics({ programmeId: round.id });
      expect(stats.statistics.received).toBe(3);
      expect(stats.statistics.byStatus).toMatchObject({ submitted: 1, grant_decided: 1, not_selected: 1 });
      expect(stats.statistics.amounts.requested).toBe(3 * maximum);
      expect(stats.statistics.amounts.granted).toBe(maximum - 10_000);
      expect(stats.statistics.budget).toMatchObject({ budget: 627_000_000, committed: maximum - 10_000 });
      const by = (breakdown: string) => stats.breakdowns.find((b) => b.breakdown === breakdown)?.rows;
      expect(stats.breakdowns.map((b) => b.breakdown)).toEqual(['use', 'structure', 'site']);
      expect(by('site')).toEqual([
        { key: '高知県', count: 2, selected: 1, requested: 2 * maximum, granted: maximum - 10_000 },
        { key: '東京都', count: 1, selected: 0, requested: maximum, granted: 0 },
      ]);
      expect(by('use')?.map((r) => r.key).sort()).toEqual(['事務所', '共同住宅', '店舗'].sort());
      expect(by('structure')).toEqual([{ key: 'CLTパネル工法のみ', count: 3, selected: 1, requested: 3 * maximum, granted: maximum - 10_000 }]);
      expect(stats.scores).toMatchObject({ scored: 0 });
      expect(stats.scores!.bins).toHaveLength(10);

      // Committee members and applicants get neither.
      expect(await codeOf(clients.committee.caller.review.publication({ programmeId: round.id }))).toMatch(/^FORBIDDEN/);
      expect(await codeOf(clients.applicant.caller.review.statistics({ programmeId: round.id }))).toMatch(/^FORBIDDEN/);
    });
  });

  describe('queue pages by keyset', () => {
    it('continues after the previous page’s cursor to the rows the next page number gives, and refuses a malformed cursor', async () => {
      const { reviewer } = clients;
      const tagged = `仙台-${backend.name}`;
      for (let i = 0; i < 5; i++) await submitted(`${tagged} 第${i}棟`);
      const filters = { search: tagged, sort: 'title', direction: 'desc', pageSize: 2 } as const;
      const first = await reviewer.caller.review.queue(filters);
      expect(first.total).toBe(5);
      const byCursor = await reviewer.caller.review.queue({ ...filters, after: first.nextCursor! });
      const byPage = await reviewer.caller.review.queue({ ...filters, page: 2 });
      expect(byCursor.rows.map((r) => r.title)).toEqual(byPage.rows.map((r) => r.title));
      expect(byCursor.rows.map((r) => r.title)).toEqual([`${tagged} 第2棟`, `${tagged} 第1棟`]);
      const last = await reviewer.caller.review.queue({ ...filters, after: byCursor.nextCursor! });
      expect([last.rows.map((r) => r.title), last.nextCursor]).toEqual([[`${tagged} 第0棟`], null]);
      expect(await codeOf(reviewer.caller.review.queue({ ...filters, after: { value: 'x', id: 'not-an-id' } }))).toBe('BAD_REQUEST');
    });
  });

  describe('saved views of the queue', () => {
    it('saves, counts, renames and deletes a user’s own views; names are checked and unique per user', async () => {
      const { reviewer, programme_admin: admin } = clients;
      const tagged = `札幌-${backend.name}`;
      await submitted(`${tagged} 事務所`);
      await submitted(`${tagged} 共同住宅`);
      const saved = await reviewer.caller.review.saveView({ name: ' 札幌の提案 ', filters: { search: tagged, statuses: ['submitted'], sort: 'title', direction: 'asc' } });
      let views = await reviewer.caller.review.views();
      expect(views).toMatchObject([{ id: saved.id, name: '札幌の提案', count: 2, filters: { search: tagged, statuses: ['submitted'], sort: 'title', direction: 'asc' } }]);

      // The count follows the queue: one of them leaves the submitted status.
      const one = (await reviewer.caller.review.queue({ search: `${tagged} 事務所`, sort: 'title', direction: 'asc' })).rows[0]!;
      await step(reviewer, one.id, 'start_review');
      views = await reviewer.caller.review.views();
      expect(views[0]!.count).toBe(1);

      expect(await codeOf(reviewer.caller.review.saveView({ name: '札幌の提案', filters: {} }))).toBe('CONFLICT views.name_taken');
      expect(await codeOf(reviewer.caller.review.saveView({ name: '   ', filters: {} }))).toBe('BAD_REQUEST');
      // Views are per user: the office sees none of the reviewer's and may use the same name.
      expect(await admin.caller.review.views()).toEqual([]);
      await admin.caller.review.saveView({ name: '札幌の提案', filters: { sort: 'submitted_at', direction: 'desc' } });
      expect(await codeOf(admin.caller.review.deleteView({ id: saved.id }))).toBe('NOT_FOUND views.not_found');
      expect(await codeOf(admin.caller.review.updateView({ id: saved.id, version: 1, name: 'x', filters: {} }))).toBe('NOT_FOUND views.not_found');

      const renamed = await reviewer.caller.review.updateView({ id: saved.id, version: 1, name: '札幌（審査中）', filters: { search: tagged, statuses: ['under_review'], sort: 'title', direction: 'asc' } });
      expect(renamed.version).toBe(2);
      expect(await codeOf(reviewer.caller.review.updateView({ id: saved.id, version: 1, name: '古い画面から', filters: {} }))).toBe('CONFLICT views.version_conflict');
      expect((await reviewer.caller.review.views())).toMatchObject([{ name: '札幌（審査中）', count: 1 }]);
      await reviewer.caller.review.deleteView({ id: saved.id });
      expect(await reviewer.caller.review.views()).toEqual([]);
    });
  });

  describe('reminders for requests to applicants', () => {
    const reminders = (applicationId: string) =>
      database.db.selectFrom('outbox').select(['recipient_user_id', 'payload']).where('topic', '=', 'review.request_reminder').where(sql<boolean>`payload->>'applicationId' = ${applicationId}`).orderBy('id').execute();

    it('sends 3 days and 1 day before at 09:00 JST and once overdue, each exactly once, through the outbox', async () => {
      const app = await submitted();
      await step(clients.reviewer, app.id, 'start_review');
      await step(clients.reviewer, app.id, 'request_information', { reason: '構造計算書の補足資料を提出してください。', dueAt: jstInstant(2026, 4, 20, 17, 0) });

      await runReminders(database.db, jstInstant(2026, 4, 17, 8, 59));
      expect(await reminders(app.id)).toEqual([]);
      await runReminders(database.db, jstInstant(2026, 4, 17, 9, 0));
      await runReminders(database.db, jstInstant(2026, 4, 17, 9, 0));
      await runReminders(database.db, jstInstant(2026, 4, 18, 12, 0));
      expect((await reminders(app.id)).map((r) => r.payload.reminder)).toEqual(['before_3']);
      await runReminders(database.db, jstInstant(2026, 4, 19, 9, 30));
      // Two runs at once (the API's timer and the CLI): still one overdue reminder.
      await Promise.all([runReminders(database.db, jstInstant(2026, 4, 20, 17, 0)), runReminders(database.db, jstInstant(2026, 4, 20, 17, 0))]);
      await runReminders(database.db, jstInstant(2026, 4, 25, 9, 0));
      const sent = await reminders(app.id);
      expect(sent.map((r) => r.payload.reminder)).toEqual(['before_3', 'before_1', 'overdue']);
      expect(sent[0]).toMatchObject({
        recipient_user_id: seed.users.applicant.id,
        payload: { requestKind: 'information', daysBefore: 3, message: '構造計算書の補足資料を提出してください。', dueAt: jstInstant(2026, 4, 20, 17, 0).toISOString() },
      });
      const audit = await database.db.selectFrom('audit_log').select('action').where('entity_id', '=', app.id).where('action', '=', 'review.request_reminder').execute();
      expect(audit).toHaveLength(3);
    });

    it('stops once the request is answered or the application has moved on', async () => {
      const answered = await submitted();
      await step(clients.reviewer, answered.id, 'start_review');
      await step(clients.reviewer, answered.id, 'request_information', { reason: '資料', dueAt: jstInstant(2026, 4, 20, 17, 0) });
      await clients.applicant.caller.review.respond({ applicationId: answered.id, version: await versionOf(answered.id), event: 'answer_request' });
      const dropped = await submitted();
      await step(clients.reviewer, dropped.id, 'start_review');
      await step(clients.reviewer, dropped.id, 'request_information', { reason: '資料', dueAt: jstInstant(2026, 4, 20, 17, 0) });
      await step(clients.programme_admin, dropped.id, 'reject', { reason: '期限までに資料が提出されなかった' });
      await runReminders(database.db, jstInstant(2026, 4, 21, 9, 0));
      expect(await reminders(answered.id)).toEqual([]);
      expect(await reminders(dropped.id)).toEqual([]);
    });
  });
});
