import type { TRPCError } from '@trpc/server';
import {
  insertMembership,
  insertSubmission,
  insertUser,
  setApplicationSubmitted,
  type Database,
} from '@tsumiki/db';
import { testBackends } from '@tsumiki/db/testing';
import { isReceived, jstInstant, type TApplicationStatus, type TRole } from '@tsumiki/domain';
import { assessApplication, BUILTIN_PROGRAMMES, cltExampleApplicationContent } from '@tsumiki/domain/programmes';
import { authorisationMatrix, TRANSITIONS } from '@tsumiki/domain/review';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from './auth/password';
import { submittedCltApplication } from './review-test-support';
import { errorCodeOf as codeOf, PASSWORD, seedRoles, signedInClient, type Client } from './test-support';

const backends = await testBackends();
const NOW = jstInstant(2026, 4, 10, 10, 0);
const DUE = jstInstant(2026, 4, 24, 17, 0);
const LATER = jstInstant(2026, 4, 10, 11, 0);
const content = cltExampleApplicationContent();
const MAXIMUM = assessApplication('clt_demonstration', content, undefined, BUILTIN_PROGRAMMES.clt_demonstration).result!.grant.amount;

describe.each(backends)('review API on $name', (backend) => {
  let database: Database;
  let seed: Awaited<ReturnType<typeof seedRoles>>;
  const clients = {} as Record<TRole, Client>;
  let admin2: Client;
  let committee2: Client;
  let committee2Id: string;
  let n = 0;

  /** A submitted CLT application of the applicant organisation, as the submit flow leaves it. */
  async function submitted(options: { createdBy?: string } = {}) {
    n += 1;
    return submittedCltApplication(database, {
      programmeId: seed.programme.id,
      organisationId: seed.orgs.applicant.id,
      createdBy: options.createdBy ?? seed.users.applicant.id,
      key: `k-${backend.name}-${n}`,
      title: `CLT実証 ${n}`,
      trackingNumber: `CLT-T-${n}`,
      submittedAt: NOW,
    });
  }

  async function setStatus(id: string, status: TApplicationStatus) {
    const row = await database.db.updateTable('applications').set((eb) => ({ status, version: eb('version', '+', 1) })).where('id', '=', id).returning('version').executeTakeFirstOrThrow();
    return row.version;
  }

  const versionOf = async (id: string) => (await database.db.selectFrom('applications').select('version').where('id', '=', id).executeTakeFirstOrThrow()).version;

  async function step(client: Client, id: string, event: string, extra: { reason?: string; dueAt?: Date; amount?: number } = {}) {
    return client.caller.review.transition({ applicationId: id, version: await versionOf(id), event: event as never, ...extra });
  }

  beforeAll(async () => {
    database = await backend.create();
    seed = await seedRoles(database);
    for (const role of ['reviewer', 'committee', 'programme_admin', 'applicant'] as const) clients[role] = await signedInClient(database, seed.users[role].email, { now: () => NOW });
    const hash = await hashPassword(PASSWORD);
    const second = await insertUser(database.db, { email: 'committee2@example.jp', displayName: '委員二', passwordHash: hash });
    committee2Id = second.id;
    await insertMembership(database.db, { userId: second.id, organisationId: seed.orgs.programme_office.id, role: 'committee' });
    committee2 = await signedInClient(database, 'committee2@example.jp', { now: () => NOW });
    admin2 = await signedInClient(database, seed.users.programme_admin.email, { now: () => NOW });
  });
  afterAll(() => database?.close());

  it('takes an application from submitted through a return for correction to a fixed amount, one audit row per transition', async () => {
    const app = await submitted();
    const { reviewer, programme_admin: admin, applicant } = clients;
    await step(reviewer, app.id, 'start_review');
    await step(reviewer, app.id, 'return_for_correction', { reason: '様式3の記載漏れ', dueAt: DUE });
    // The applicant's corrected version (the portal's submit flow does this).
    await insertSubmission(database.db, { applicationId: app.id, versionNo: 2, title: 'CLT実証 訂正', content, assessment: {}, requestedGrantYen: MAXIMUM, submittedBy: seed.users.applicant.id, submittedAt: LATER, idempotencyKey: `k-${backend.name}-fix` });
    await setApplicationSubmitted(database.db, { id: app.id, expectedVersion: await versionOf(app.id), submittedAt: LATER, trackingNumber: 'CLT-T-1', requestedGrantYen: MAXIMUM, status: 'resubmitted' });
    await step(reviewer, app.id, 'start_review');
    await step(reviewer, app.id, 'recommend');
    await step(admin, app.id, 'select');
    expect(await codeOf(step(admin, app.id, 'decide_grant', { amount: MAXIMUM + 1 }))).toBe('BAD_REQUEST ledger.over_maximum');
    await step(admin, app.id, 'decide_grant', { amount: MAXIMUM - 1_000 });
    await step(reviewer, app.id, 'start_work');
    await applicant.caller.review.respond({ applicationId: app.id, version: await versionOf(app.id), event: 'report_results' });
    const opened = await reviewer.caller.review.open({ applicationId: app.id });
    expect(opened.reportLines.length).toBeGreaterThan(3);
    const [first, ...rest] = opened.reportLines;
    await reviewer.caller.review.reviewReportLines({
      applicationId: app.id,
      version: await versionOf(app.id),
      reviews: [
        { lineId: first!.lineId, decision: 'reduced', acceptedAmount: Math.floor(first!.amountYen / 2), reason: '単価の根拠不足' },
        ...rest.map((l) => ({ lineId: l.lineId, decision: 'accepted' as const })),
      ],
    });
    const fixed = await step(admin, app.id, 'fix_amount', { amount: 0 });
    expect(fixed.status).toBe('amount_fixed');
    expect(fixed.amount).toBeLessThanOrEqual(MAXIMUM - 1_000);
    await step(admin, app.id, 'pay');

    const view = await reviewer.caller.review.open({ applicationId: app.id });
    expect(view.history.map((h) => h.event)).toEqual([
      'start_review', 'return_for_correction', 'start_review', 'recommend', 'select', 'decide_grant', 'start_work', 'report_results', 'fix_amount', 'pay',
    ]);
    expect(view.decision).toMatchObject({ grantedYen: MAXIMUM - 1_000, fixedYen: fixed.amount });
    expect(view.decision!.ownShareYen).toBeGreaterThan(0);
    expect(view.requests).toMatchObject([{ kind: 'correction', message: '様式3の記載漏れ' }]);
    expect(view.requests[0]!.answeredAt).not.toBeNull();
    const audit = await database.db.selectFrom('audit_log').select(['action', 'after']).where('entity_id', '=', app.id).where('action', 'like', 'review.%').orderBy('id').execute();
    const transitionAudits = audit.filter((a) => TRANSITIONS.some((t) => `review.${t.event}` === a.action));
    expect(transitionAudits.map((a) => a.action.slice('review.'.length))).toEqual(view.history.map((h) => h.event));
    // Applicant notices exactly where the domain says so.
    const notices = await database.db.selectFrom('outbox').select('payload').where('topic', '=', 'application.status_changed').execute();
    const mine = notices.map((o) => o.payload).filter((p) => p.applicationId === app.id).map((p) => p.event);
    expect(mine).toEqual(view.history.filter((h) => h.notifiedApplicant).map((h) => h.event));
    expect(mine).not.toContain('start_review');
    // The ledger holds the fixed amount, not the grant.
    const ledger = await admin.caller.review.ledger({ programmeId: seed.programme.id });
    expect(ledger.summary.committed).toBe(fixed.amount);
  });

  it('refuses illegal transitions: wrong status, wrong role, stale version, applicants and strangers', async () => {
    const app = await submitted();
    expect(await codeOf(step(clients.programme_admin, app.id, 'select'))).toBe('BAD_REQUEST workflow.not_allowed_from_status');
    expect(await codeOf(step(clients.reviewer, app.id, 'decide_grant', { amount: 1 }))).toBe('FORBIDDEN workflow.role_not_allowed');
    expect(await codeOf(step(clients.reviewer, app.id, 'return_for_correction', { dueAt: DUE }))).toBe('BAD_REQUEST workflow.reason_required');
    expect(await codeOf(step(clients.reviewer, app.id, 'request_information', { reason: 'x', dueAt: DUE }))).toBe('BAD_REQUEST workflow.not_allowed_from_status');
    expect(await codeOf(clients.reviewer.caller.review.transition({ applicationId: app.id, version: app.version - 1, event: 'start_review' }))).toBe('CONFLICT review.version_conflict');
    expect(await codeOf(clients.applicant.caller.review.transition({ applicationId: app.id, version: app.version, event: 'start_review' }))).toBe('FORBIDDEN auth.forbidden_role');
    expect(await codeOf(clients.applicant.caller.review.respond({ applicationId: app.id, version: app.version, event: 'report_results' }))).toBe('BAD_REQUEST workflow.not_allowed_from_status');
    const other = await signedInClient(database, seed.otherApplicant.email);
    expect(await codeOf(other.caller.review.respond({ applicationId: app.id, version: app.version, event: 'withdraw' }))).toBe('NOT_FOUND application.not_found');
    // Nothing moved, nothing recorded.
    expect(await versionOf(app.id)).toBe(app.version);
    const rows = await database.db.selectFrom('review_status_transitions').select('id').where('application_id', '=', app.id).execute();
    expect(rows).toEqual([]);
  });

  it('enforces the domain authorisation matrix for every (event, status) row and console role', async () => {
    const app = await submitted();
    const byRole: Record<'reviewer' | 'programme_admin', Client> = { reviewer: clients.reviewer, programme_admin: clients.programme_admin };
    // Drafts are the applicant's alone: staff do not even find them (tested above), so start after submission.
    for (const row of authorisationMatrix().filter((r) => isReceived(r.from))) {
      const version = await setStatus(app.id, row.from);
      for (const role of ['reviewer', 'programme_admin'] as const) {
        if (row.allowed[role]) continue;
        const outcome = await codeOf(byRole[role].caller.review.transition({ applicationId: app.id, version, event: row.event, reason: 'r', dueAt: DUE, amount: 1 }));
        expect(outcome, `${row.event} from ${row.from} as ${role}`).toBe('FORBIDDEN workflow.role_not_allowed');
      }
    }
  });

  it('never commits more than the budget when two decisions race', async () => {
    // A budget that holds one grant but not two.
    const budget = MAXIMUM + Math.floor(MAXIMUM / 2);
    const programmeId = seed.programme.id;
    await database.db.updateTable('programmes').set({ budget_yen: budget }).where('id', '=', programmeId).execute();
    await database.db.updateTable('budget_ledgers').set({ budget_yen: budget }).where('programme_id', '=', programmeId).execute();
    const committedBefore = (await clients.programme_admin.caller.review.ledger({ programmeId })).summary.committed;
    const room = budget - committedBefore;
    for (let round = 0; round < 3; round++) {
      const [a, b] = [await submitted(), await submitted()];
      for (const app of [a, b]) await setStatus(app.id, 'selected');
      const amount = Math.min(MAXIMUM, room - (round === 0 ? 0 : 0));
      const results = await Promise.allSettled([
        clients.programme_admin.caller.review.transition({ applicationId: a.id, version: await versionOf(a.id), event: 'decide_grant', amount }),
        admin2.caller.review.transition({ applicationId: b.id, version: await versionOf(b.id), event: 'decide_grant', amount }),
      ]);
      const ledger = await clients.programme_admin.caller.review.ledger({ programmeId });
      expect(ledger.summary.committed).toBeLessThanOrEqual(budget);
      if (round === 0) {
        expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
        const refusal = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
        expect((refusal.reason as TRPCError).cause).toMatchObject({ code: 'ledger.over_budget' });
      } else {
        expect(results.every((r) => r.status === 'rejected')).toBe(true);
      }
    }
    // Committed equals the sum of the entries and of the decisions: nothing was charged twice.
    const row = await database.db.selectFrom('budget_ledgers').selectAll().where('programme_id', '=', programmeId).executeTakeFirstOrThrow();
    const entries = await database.db.selectFrom('budget_ledger_entries').select('amount_yen').where('programme_id', '=', programmeId).execute();
    expect(entries.reduce((s, e) => s + e.amount_yen, 0)).toBe(row.committed_yen);
    await database.db.updateTable('programmes').set({ budget_yen: 627_000_000 }).where('id', '=', programmeId).execute();
    await database.db.updateTable('budget_ledgers').set({ budget_yen: 627_000_000 }).where('programme_id', '=', programmeId).execute();
  });

  it('keeps a conflicted committee member out of the proposal, in the API itself', async () => {
    const app = await submitted();
    const member = clients.committee;
    const memberId = seed.users.committee.id;
    // Not assigned: the proposal does not exist for the member.
    expect(await codeOf(member.caller.review.open({ applicationId: app.id }))).toBe('NOT_FOUND review.application_not_found');
    await clients.reviewer.caller.review.assign({ applicationId: app.id, memberId });
    await clients.reviewer.caller.review.assign({ applicationId: app.id, memberId: committee2Id });
    expect((await member.caller.review.queue({})).rows.map((r) => r.id)).toContain(app.id);
    // Assigned but not declared: declare first.
    expect(await codeOf(member.caller.review.open({ applicationId: app.id }))).toBe('FORBIDDEN conflict.declaration_required');
    expect(await member.caller.review.declarationStatus({ applicationId: app.id })).toMatchObject({ required: true });
    const declared = await member.caller.review.declareConflict({ applicationId: app.id, conflicts: [{ kind: 'related_company', note: '親会社' }] });
    expect(declared).toEqual({ conflicted: true, assignmentRevoked: true });
    for (const call of [
      () => member.caller.review.open({ applicationId: app.id }),
      () => member.caller.review.sheet({ applicationId: app.id }),
      () => member.caller.review.saveSheet({ applicationId: app.id, version: null, scores: [], submit: false }),
      () => member.caller.review.declareConflict({ applicationId: app.id, noConflict: true, conflicts: [] }),
      () => member.caller.review.declarationStatus({ applicationId: app.id }),
    ]) {
      expect(await codeOf(call())).toBe('FORBIDDEN conflict.conflicted');
    }
    expect((await member.caller.review.queue({})).rows.map((r) => r.id)).not.toContain(app.id);
    expect(await codeOf(clients.reviewer.caller.review.assign({ applicationId: app.id, memberId }))).toBe('FORBIDDEN conflict.conflicted');
    const members = await clients.reviewer.caller.review.members({ applicationId: app.id });
    expect(members.find((m) => m.id === memberId)).toMatchObject({ assigned: false, blockedBy: 'conflict.conflicted' });

    // Nothing ticked is no answer, and 該当なし beside a conflict contradicts it: both refused, the proposal stays closed.
    const unanswered = await committee2.caller.review.declareConflict({ applicationId: app.id, conflicts: [] }).catch((error: unknown) => error);
    expect(JSON.stringify(unanswered)).toContain('conflict.answer_required');
    const contradictory = await committee2.caller.review.declareConflict({ applicationId: app.id, noConflict: true, conflicts: [{ kind: 'consulted_self' }] }).catch((error: unknown) => error);
    expect(JSON.stringify(contradictory)).toContain('conflict.answer_required');
    expect(await codeOf(committee2.caller.review.open({ applicationId: app.id }))).toBe('FORBIDDEN conflict.declaration_required');
    // The other member declares none, scores as a draft, then submits.
    await committee2.caller.review.declareConflict({ applicationId: app.id, noConflict: true, conflicts: [] });
    const sheet = await committee2.caller.review.sheet({ applicationId: app.id });
    const items = sheet.rubric.items.map((i) => i.code);
    const draft = await committee2.caller.review.saveSheet({ applicationId: app.id, version: null, scores: [{ item: items[0]!, score: 4 }], submit: false });
    expect(draft.status).toBe('draft');
    // A score outside the scale is refused with the scale, never stored as the nearest bound.
    expect(await codeOf(committee2.caller.review.saveSheet({ applicationId: app.id, version: draft.version, scores: [{ item: items[0]!, score: 9 }], submit: false }))).toBe('BAD_REQUEST scoring.score_out_of_range');
    expect((await committee2.caller.review.sheet({ applicationId: app.id })).sheet?.scores).toEqual([{ item: items[0]!, score: 4 }]);
    expect(await codeOf(committee2.caller.review.saveSheet({ applicationId: app.id, version: draft.version, scores: [{ item: items[0]!, score: 4 }], submit: true }))).toBe('BAD_REQUEST scoring.item_unscored');
    const done = await committee2.caller.review.saveSheet({ applicationId: app.id, version: draft.version, scores: items.map((item) => ({ item, score: 3 })), submit: true });
    expect(done.status).toBe('submitted');
    expect(await codeOf(committee2.caller.review.saveSheet({ applicationId: app.id, version: done.version, scores: items.map((item) => ({ item, score: 5 })), submit: false }))).toBe('BAD_REQUEST scoring.already_submitted');

    // Left out of the averages; the conflicted member's summary does not even list the proposal.
    const summary = await clients.reviewer.caller.review.summary({ programmeId: seed.programme.id });
    const row = summary.rows.find((r) => r.proposalId === app.id)!;
    expect(row.excluded.map((e) => e.memberId)).toEqual([memberId]);
    expect(row.score.countedMemberIds).toEqual([committee2Id]);
    expect(row.score.evaluationAverage).toBe(3 * items.length);
    const theirs = await member.caller.review.summary({ programmeId: seed.programme.id });
    expect(theirs.rows.map((r) => r.proposalId)).not.toContain(app.id);
  });

  it('keeps a member who applied to the programme out of all its proposals', async () => {
    await submitted({ createdBy: committee2Id });
    const other = await submitted();
    expect(await codeOf(clients.reviewer.caller.review.assign({ applicationId: other.id, memberId: committee2Id }))).toBe('FORBIDDEN conflict.member_applied_to_programme');
  });

  it('lets the reviewer confirm or reject bonus items with reasons, and exports the queue', async () => {
    const app = await submitted();
    expect(await codeOf(clients.reviewer.caller.review.reviewBonus({ applicationId: app.id, item: 'existing_model', decision: 'rejected' }))).toBe('BAD_REQUEST scoring.bonus_reason_required');
    await clients.reviewer.caller.review.reviewBonus({ applicationId: app.id, item: 'existing_model', decision: 'rejected', reason: '既存モデルの図面と異なる' });
    const view = await clients.reviewer.caller.review.open({ applicationId: app.id });
    expect(view.bonus!.lines.find((l) => l.code === 'existing_model')).toMatchObject({ counted: false, review: { decision: 'rejected' } });
    expect(view.eligibility?.status).toBe('eligible');
    expect(view.maximumYen).toBe(MAXIMUM);
    const file = await clients.reviewer.caller.review.exportQueue({ format: 'csv', programmeId: seed.programme.id, statuses: ['submitted'] });
    const csv = Buffer.from(file.base64, 'base64').toString('utf8');
    expect(csv).toContain('受付番号');
    expect(csv).toContain(`CLT-T-${n}`);
  });
});
