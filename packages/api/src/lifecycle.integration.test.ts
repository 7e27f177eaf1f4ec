import { insertApplication, insertSubmission, setApplicationSubmitted, type Database } from '@tsumiki/db';
import { testBackends } from '@tsumiki/db/testing';
import { jstInstant, type TRole } from '@tsumiki/domain';
import { assessApplication, BUILTIN_PROGRAMMES, cltExampleApplicationContent } from '@tsumiki/domain/programmes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodeOf as codeOf, seedRoles, signedInClient, type Client } from './test-support';

const backends = await testBackends();
const NOW = jstInstant(2026, 6, 1, 10, 0);
const DUE = jstInstant(2026, 6, 10, 13, 0);
const AFTER_DUE = jstInstant(2026, 6, 10, 13, 0);
const content = cltExampleApplicationContent();
const MAXIMUM = assessApplication('clt_demonstration', content, undefined, BUILTIN_PROGRAMMES.clt_demonstration).result!.grant.amount;
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n').toString('base64');
const planned = (content.checklist as { answers: Record<string, string> }).answers;
const DONE = Object.fromEntries(Object.entries(planned).filter(([, a]) => a === 'will_do').map(([k]) => [k, 'done']));

describe.each(backends)('applicant lifecycle API on $name', (backend) => {
  let database: Database;
  let seed: Awaited<ReturnType<typeof seedRoles>>;
  const clients = {} as Record<TRole, Client>;
  let late: Client;
  let stranger: Client;
  let n = 0;

  async function submitted() {
    const { db } = database;
    n += 1;
    const draft = await insertApplication(db, { programmeId: seed.programme.id, organisationId: seed.orgs.applicant.id, createdBy: seed.users.applicant.id, title: `CLT実証 ${n}`, content });
    await insertSubmission(db, { applicationId: draft.id, versionNo: 1, title: draft.title, content, assessment: {}, requestedGrantYen: MAXIMUM, submittedBy: seed.users.applicant.id, submittedAt: NOW, idempotencyKey: `lc-${backend.name}-${n}` });
    const app = await setApplicationSubmitted(db, { id: draft.id, expectedVersion: draft.version, submittedAt: NOW, trackingNumber: `CLT-L-${n}`, requestedGrantYen: MAXIMUM, status: 'submitted' });
    return app!.id;
  }
  const versionOf = async (id: string) => (await database.db.selectFrom('applications').select('version').where('id', '=', id).executeTakeFirstOrThrow()).version;
  const step = async (client: Client, id: string, event: string, extra: { reason?: string; dueAt?: Date; amount?: number } = {}) =>
    client.caller.review.transition({ applicationId: id, version: await versionOf(id), event: event as never, ...extra });
  /** Selected, decided at the maximum and started: the ledger holds the commitment. */
  async function inProgress() {
    const id = await submitted();
    await step(clients.reviewer, id, 'start_review');
    await step(clients.reviewer, id, 'recommend');
    await step(clients.programme_admin, id, 'select');
    await step(clients.programme_admin, id, 'decide_grant', { amount: MAXIMUM });
    await step(clients.reviewer, id, 'start_work');
    return id;
  }

  beforeAll(async () => {
    database = await backend.create();
    seed = await seedRoles(database);
    for (const role of ['reviewer', 'programme_admin', 'applicant'] as const) clients[role] = await signedInClient(database, seed.users[role].email, { now: () => NOW });
    late = await signedInClient(database, seed.users.applicant.email, { now: () => AFTER_DUE });
    stranger = await signedInClient(database, seed.otherApplicant.email, { now: () => NOW });
  });
  afterAll(() => database?.close());

  it('a return for correction is resubmitted before its due date as a new frozen version, with its history row, audit and notice', async () => {
    const id = await submitted();
    await step(clients.reviewer, id, 'return_for_correction', { reason: '様式2の延べ床面積を直してください', dueAt: DUE });
    const timeline = await clients.applicant.caller.lifecycle.timeline({ applicationId: id });
    expect(timeline.may.resubmit).toBe(true);
    expect(timeline.entries.filter((e) => e.type === 'status').map((e) => e.type === 'status' && e.event)).toEqual(['return_for_correction']);
    expect(timeline.entries.find((e) => e.type === 'request')).toMatchObject({ kind: 'correction', message: '様式2の延べ床面積を直してください', dueAt: DUE, overdue: false });

    const receipt = await clients.applicant.caller.applications.submit({ id, version: await versionOf(id), idempotencyKey: crypto.randomUUID() });
    expect(receipt).toMatchObject({ ok: true, receipt: { versionNo: 2 } });
    const history = await database.db.selectFrom('review_status_transitions').selectAll().where('application_id', '=', id).orderBy('id').execute();
    expect(history.map((h) => h.event)).toEqual(['return_for_correction', 'resubmit']);
    expect(history[1]).toMatchObject({ from_status: 'returned', to_status: 'resubmitted', actor_role: 'applicant' });
    const audit = await database.db.selectFrom('audit_log').select('action').where('entity_id', '=', id).execute();
    expect(audit.map((a) => a.action)).toContain('application.resubmit');
    const requests = await database.db.selectFrom('review_requests').select('answered_at').where('application_id', '=', id).execute();
    expect(requests[0]?.answered_at).toEqual(NOW);
    // The console reads the new version.
    const opened = await clients.reviewer.caller.review.open({ applicationId: id });
    expect(opened.submission?.versionNo).toBe(2);
    const after = await clients.applicant.caller.lifecycle.timeline({ applicationId: id });
    expect(after.entries.find((e) => e.type === 'submission' && e.versionNo === 2)).toMatchObject({ origin: 'resubmission' });
    const bell = await clients.applicant.caller.notifications.list();
    expect(bell.items.map((i) => i.subject)).toContain('【差戻し】CLT-L-1 CLT実証 1');
  });

  it('refuses a resubmission at the due minute, with the JST due date, and changes nothing', async () => {
    const id = await submitted();
    await step(clients.reviewer, id, 'return_for_correction', { reason: '図面の追加', dueAt: DUE });
    const version = await versionOf(id);
    const code = await codeOf(late.caller.applications.submit({ id, version, idempotencyKey: crypto.randomUUID() }));
    expect(code).toBe('BAD_REQUEST lifecycle.request_overdue');
    expect(await versionOf(id)).toBe(version);
    const versions = await database.db.selectFrom('application_submissions').select('version_no').where('application_id', '=', id).execute();
    expect(versions).toHaveLength(1);
  });

  it('answers a request for information with text and a file, once, before the due date', async () => {
    const id = await submitted();
    await step(clients.reviewer, id, 'start_review');
    await step(clients.reviewer, id, 'request_information', { reason: '構造計算書を提出してください', dueAt: DUE });
    const { requests } = await clients.applicant.caller.lifecycle.timeline({ applicationId: id });
    const requestId = requests[0]!.id;
    const file = await clients.applicant.caller.lifecycle.upload({ applicationId: id, fileName: '構造計算書.pdf', declaredType: 'application/pdf', contentBase64: PDF });
    expect(await codeOf(clients.applicant.caller.lifecycle.answer({ applicationId: id, version: await versionOf(id), requestId, message: ' ', attachmentIds: [] }))).toBe('BAD_REQUEST');
    expect(await codeOf(stranger.caller.lifecycle.answer({ applicationId: id, version: await versionOf(id), requestId, message: '回答', attachmentIds: [] }))).toBe('NOT_FOUND application.not_found');
    const answered = await clients.applicant.caller.lifecycle.answer({ applicationId: id, version: await versionOf(id), requestId, message: '構造計算書を添付します。', attachmentIds: [file.id] });
    expect(answered.status).toBe('resubmitted');
    const after = await clients.applicant.caller.lifecycle.timeline({ applicationId: id });
    expect(after.requests[0]?.answer).toMatchObject({ message: '構造計算書を添付します。', attachmentIds: [file.id] });
    expect(await codeOf(clients.applicant.caller.lifecycle.answer({ applicationId: id, version: await versionOf(id), requestId, message: 'もう一度', attachmentIds: [] }))).toBe('BAD_REQUEST lifecycle.request_already_answered');
    // The office reads the answer with its file.
    const seen = await clients.reviewer.caller.lifecycle.staffAnswers({ applicationId: id });
    expect(seen).toEqual([expect.objectContaining({ requestMessage: '構造計算書を提出してください', message: '構造計算書を添付します。', late: false, files: [{ id: file.id, fileName: '構造計算書.pdf' }] })]);
    expect(await codeOf(clients.applicant.caller.lifecycle.staffAnswers({ applicationId: id }))).toBe('FORBIDDEN auth.forbidden_role');
  });

  it('the results report: a draft saved as typed, submission refused with the issues by path, then reported through the workflow', async () => {
    const id = await inProgress();
    const empty = await clients.applicant.caller.lifecycle.reportDraft({ applicationId: id });
    expect(empty).toMatchObject({ version: null, kind: 'clt_demonstration' });
    const lines = [{ id: 'b1', category: 'supplies', description: 'CLTパネル', amount: -1 }];
    const first = await clients.applicant.caller.lifecycle.saveReport({ applicationId: id, version: null, content: { lines } });
    expect(await codeOf(clients.applicant.caller.lifecycle.saveReport({ applicationId: id, version: null, content: { lines } }))).toBe('CONFLICT results.draft_version_conflict');
    const refused = await clients.applicant.caller.lifecycle.submitReport({ applicationId: id, version: await versionOf(id), reportVersion: first.version });
    expect(refused).toMatchObject({ ok: false, issues: [expect.objectContaining({ code: 'results.amount_invalid', path: 'lines.0.amount' })] });
    expect((await database.db.selectFrom('applications').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status).toBe('in_progress');

    const evidence = await clients.applicant.caller.lifecycle.upload({ applicationId: id, fileName: '請求書.pdf', declaredType: 'application/pdf', contentBase64: PDF });
    const fixed = await clients.applicant.caller.lifecycle.saveReport({
      applicationId: id,
      version: first.version,
      content: { lines: [{ id: 'b1', category: 'supplies', description: 'CLTパネル', amount: 1_000_000, evidenceAttachmentIds: [evidence.id] }], checklist: { answers: DONE } },
    });
    const done = await clients.applicant.caller.lifecycle.submitReport({ applicationId: id, version: await versionOf(id), reportVersion: fixed.version });
    expect(done).toMatchObject({ ok: true, status: 'results_reported' });
    const reported = await database.db.selectFrom('review_report_lines').selectAll().where('application_id', '=', id).execute();
    expect(reported.map((l) => [l.line_id, l.amount_yen])).toEqual([['b1', 1_000_000]]);
    expect(await codeOf(clients.applicant.caller.lifecycle.saveReport({ applicationId: id, version: fixed.version, content: {} }))).toBe('BAD_REQUEST results.not_allowed_in_status');
  });

  it('a budget change lowers the grant: the office approves it, the ledger gives the difference back, a new version is frozen, the applicant is told', async () => {
    const id = await inProgress();
    const grant = structuredClone(content.grant) as { building: { lines: Record<string, unknown>[] } };
    Object.assign(grant.building.lines[0]!, { quantity: 5, amount: 550_000 });
    const outside = await codeOf(clients.applicant.caller.lifecycle.requestChange({ applicationId: id, reason: '数量の見直し', change: { kind: 'budget', content: { ...content, plan: { content: '変更', schedule: 'x' } } } }));
    expect(outside).toBe('BAD_REQUEST change.path_not_allowed');
    const made = await clients.applicant.caller.lifecycle.requestChange({ applicationId: id, reason: 'CLTパネル数量の見直し', change: { kind: 'budget', content: { ...content, grant } } });
    expect(made.ok).toBe(true);
    if (!made.ok) return;
    expect(made.effect.grantAfterYen).toBeLessThan(MAXIMUM);
    expect(await codeOf(clients.applicant.caller.lifecycle.requestChange({ applicationId: id, reason: '二つ目', change: { kind: 'add_company', company: { name: '木構株式会社', role: '施工' } } }))).toBe('BAD_REQUEST change.pending_exists');
    const staffView = await clients.reviewer.caller.lifecycle.staffChanges({ applicationId: id });
    const amountChange = staffView[0]?.changes.find((c) => c.path === 'grant.building.lines.0.amount');
    // Named as the budget screen names it: the table, the row's number and the column.
    expect(amountChange).toEqual({ path: 'grant.building.lines.0.amount', label: { ja: '建築物の建築実証（1行目）金額（税込・円）', en: 'Building demonstration #1 Amount (tax incl., yen)' }, before: 1_100_000, after: 550_000 });
    expect(await codeOf(clients.applicant.caller.lifecycle.decideChange({ changeRequestId: made.id, decision: 'approved' }))).toBe('FORBIDDEN auth.forbidden_role');
    expect(await codeOf(clients.programme_admin.caller.lifecycle.decideChange({ changeRequestId: made.id, decision: 'rejected' }))).toBe('BAD_REQUEST change.decision_reason_required');
    const decided = await clients.programme_admin.caller.lifecycle.decideChange({ changeRequestId: made.id, decision: 'approved' });
    expect(decided).toMatchObject({ status: 'approved', resultingVersionNo: 2 });
    const decision = await database.db.selectFrom('review_decisions').select('granted_yen').where('application_id', '=', id).executeTakeFirstOrThrow();
    expect(decision.granted_yen).toBe(made.effect.grantAfterYen);
    const entries = await database.db.selectFrom('budget_ledger_entries').select(['kind', 'amount_yen']).where('application_id', '=', id).execute();
    expect(entries).toContainEqual({ kind: 'adjust', amount_yen: made.effect.grantAfterYen - MAXIMUM });
    const opened = await clients.reviewer.caller.review.open({ applicationId: id });
    expect(opened.submission?.versionNo).toBe(2);
    expect(await codeOf(clients.programme_admin.caller.lifecycle.decideChange({ changeRequestId: made.id, decision: 'approved' }))).toBe('BAD_REQUEST change.already_decided');
    const bell = await clients.applicant.caller.notifications.list();
    const notice = bell.items.find((i) => i.topic === 'change_request.decided');
    expect(notice?.subject).toContain('【予算変更承認】');
    const timeline = await clients.applicant.caller.lifecycle.timeline({ applicationId: id });
    expect(timeline.entries.find((e) => e.type === 'submission' && e.versionNo === 2)).toMatchObject({ origin: 'change' });
  });

  it('adds a company without touching the grant; once the results are reported the change can no longer be approved', async () => {
    const id = await inProgress();
    const made = await clients.applicant.caller.lifecycle.requestChange({ applicationId: id, reason: '製造の協力会社を追加', change: { kind: 'add_company', company: { name: '木構株式会社', role: 'CLTパネルの製造', corporateNumber: '1234567890123' } } });
    expect(made).toMatchObject({ ok: true, effect: { grantAfterYen: MAXIMUM, changedPaths: ['parties'] } });
    if (!made.ok) return;
    await database.db.updateTable('applications').set({ status: 'results_reported' }).where('id', '=', id).execute();
    expect(await codeOf(clients.programme_admin.caller.lifecycle.decideChange({ changeRequestId: made.id, decision: 'approved' }))).toBe('BAD_REQUEST change.not_allowed_in_status');
    // A rejection is still recorded, with its reason.
    const rejected = await clients.programme_admin.caller.lifecycle.decideChange({ changeRequestId: made.id, decision: 'rejected', reason: '実績報告後のため' });
    expect(rejected).toMatchObject({ status: 'rejected', resultingVersionNo: null });
  });

  it('notifications are the caller\'s own: unread count, mark read, nobody else\'s touched', async () => {
    const before = await clients.applicant.caller.notifications.unreadCount();
    expect(before).toBeGreaterThan(0);
    expect(await stranger.caller.notifications.markRead({})).toEqual({ updated: 0 });
    expect(await clients.applicant.caller.notifications.unreadCount()).toBe(before);
    const { items } = await clients.applicant.caller.notifications.list({ limit: 1 });
    await clients.applicant.caller.notifications.markRead({ ids: [items[0]!.id] });
    expect(await clients.applicant.caller.notifications.unreadCount()).toBe(before - 1);
    await clients.applicant.caller.notifications.markRead({});
    expect(await clients.applicant.caller.notifications.unreadCount()).toBe(0);
    // Every notification row has its outbox message (one write, both or neither).
    const orphans = await database.db.selectFrom('notifications').leftJoin('outbox', 'outbox.id', 'notifications.outbox_id').select('outbox.id').where('outbox.id', 'is', null).execute();
    expect(orphans).toEqual([]);
  });
});
