import {
  answerOpenRequests,
  ensureLedger,
  findUserByEmail,
  insertApplication,
  insertAssignment,
  insertReviewRequest,
  insertStatusTransition,
  insertSubmission,
  latestPublishedVersion,
  listMembersOfOrganisation,
  listOrganisations,
  listProgrammes,
  nextTrackingValue,
  pinDefinitionVersion,
  setApplicationStatusIfVersion,
  setApplicationSubmitted,
  updateApplicationIfVersion,
  type Executor,
} from '@tsumiki/db';
import { CLT_PROGRAMME_BUDGET, transition } from '@tsumiki/domain/review';
import { assessApplication, type TApplicationContent } from '@tsumiki/domain/programmes';
import { trackingCounterKey, trackingNumber, type TApplicationStatus, type TProgrammeKind } from '@tsumiki/domain';
import { DEMO_APPLICATIONS, DEMO_DRAFT, type DemoApplication } from './demo-applications';

type Programme = Awaited<ReturnType<typeof listProgrammes>>[number];

/**
 * Review demo: the demo applicant organisations' applications in the open demo rounds,
 * frozen as the submit flow freezes them, in different states (one under review, one returned and
 * resubmitted with its two versions), one assigned to the demo committee member, and the budget
 * ledgers (¥627,000,000 for CLT).
 */
export async function seedReviewDemo(db: Executor, now: Date) {
  const programmes = await listProgrammes(db);
  const cltDemo = programmes.find((p) => p.code === 'clt-demonstration-demo');
  const co2Demo = programmes.find((p) => p.code === 'co2-factor-support-demo');
  const clt = programmes.find((p) => p.code === 'clt-demonstration-r7');
  const committee = await findUserByEmail(db, 'committee@demo.tsumiki.jp');
  const reviewer = await findUserByEmail(db, 'reviewer@demo.tsumiki.jp');
  if (!cltDemo || !co2Demo || !clt || !committee || !reviewer) throw new Error('The review demo needs the demo programmes and accounts.');
  const orgs = await listOrganisations(db, 'applicant');
  const orgNamed = (short: string) => {
    const org = orgs.find((o) => o.short_name_ja === short);
    if (!org) throw new Error(`Demo organisation ${short} is missing.`);
    return org;
  };
  const roundOf: Record<TProgrammeKind, Programme | undefined> = { clt_demonstration: cltDemo, co2_factor_support: co2Demo, lca_implementation: undefined, generic_cost_share: undefined };

  let counter = 0;
  for (const demo of DEMO_APPLICATIONS()) {
    const programme = roundOf[demo.content.programme];
    if (!programme) throw new Error(`No demo round for ${demo.title}.`);
    counter += 1;
    const id = await seedOne(db, { demo, programme, organisationId: orgNamed(demo.organisation).id, reviewerId: reviewer.id, now, key: `demo-review-${counter}` });
    if (demo.assigned) await insertAssignment(db, { applicationId: id, memberId: committee.id, assignedBy: reviewer.id });
  }
  // A draft the applicant has not submitted yet: reviewers never see it.
  const draft = DEMO_DRAFT();
  const drafter = orgNamed(draft.organisation);
  const member = (await listMembersOfOrganisation(db, drafter.id)).find((m) => m.role === 'applicant');
  if (!member) throw new Error('Each demo applicant organisation needs an applicant member.');
  await insertApplication(db, { programmeId: co2Demo.id, organisationId: drafter.id, createdBy: member.userId, title: draft.title, content: draft.content });

  await ensureLedger(db, clt.id, CLT_PROGRAMME_BUDGET, null);
  await ensureLedger(db, cltDemo.id, CLT_PROGRAMME_BUDGET, null);
  await ensureLedger(db, co2Demo.id, co2Demo.budget_yen, null);
}

/** One demo application, taken to its state by the domain's workflow, written as the console and the portal write it. */
async function seedOne(db: Executor, s: { demo: DemoApplication; programme: Programme; organisationId: string; reviewerId: string; now: Date; key: string }) {
  const { demo, programme } = s;
  const kind = demo.content.programme;
  // Created and submitted by a member of the organisation it belongs to.
  const creator = (await listMembersOfOrganisation(db, s.organisationId)).find((m) => m.role === 'applicant');
  if (!creator) throw new Error('Each demo applicant organisation needs an applicant member.');
  const at = (minutesAgo: number) => new Date(s.now.getTime() - minutesAgo * 60_000);
  const changed = () => new Error(`Demo application ${demo.title} changed while seeding.`);
  const draft = await insertApplication(db, { programmeId: programme.id, organisationId: s.organisationId, createdBy: creator.userId, title: demo.title, content: demo.content });
  // Submitted under the round's published rules, pinned as the submit flow pins them.
  const rules = await latestPublishedVersion(db, programme.programme_definition_id);
  if (!rules) throw new Error(`Demo round ${programme.code} has no published rules.`);
  await pinDefinitionVersion(db, draft.id, rules.id);
  // Numbered by the same counter as real submissions, so later ones continue the sequence.
  const tracking = trackingNumber(kind, programme.fiscal_year, await nextTrackingValue(db, trackingCounterKey(kind, programme.fiscal_year)));
  const freeze = async (versionNo: number, content: TApplicationContent, submittedAt: Date, expectedVersion: number, status: 'submitted' | 'resubmitted') => {
    const assessment = assessApplication(kind, content, undefined, rules.definition);
    const requested = assessment.result?.grant.amount ?? null;
    await insertSubmission(db, {
      applicationId: draft.id,
      versionNo,
      title: demo.title,
      content,
      assessment: assessment.result ? { ...assessment.result } : {},
      requestedGrantYen: requested,
      submittedBy: creator.userId,
      submittedAt,
      idempotencyKey: `${s.key}-v${versionNo}`,
    });
    const row = await setApplicationSubmitted(db, { id: draft.id, expectedVersion, submittedAt, trackingNumber: tracking, requestedGrantYen: requested, status });
    if (!row) throw changed();
    return { status: row.status, version: row.version };
  };
  /** A secretariat step, checked by the domain's state machine. */
  const step = async (row: { status: TApplicationStatus; version: number }, event: 'start_review' | 'return_for_correction', minutesAgo: number, input: { reason?: string; dueAt?: Date } = {}) => {
    const outcome = transition(row.status, event, { role: 'reviewer', userId: s.reviewerId }, input, { now: at(minutesAgo) });
    if (!outcome.ok) throw new Error(`Demo application ${demo.title}: ${event} refused (${outcome.code}).`);
    const moved = await setApplicationStatusIfVersion(db, { id: draft.id, expectedVersion: row.version, status: outcome.value.to, at: at(minutesAgo) });
    if (!moved) throw changed();
    const { reason = null, dueAt = null } = outcome.value;
    await insertStatusTransition(db, { applicationId: draft.id, event, from: outcome.value.from, to: outcome.value.to, actorUserId: s.reviewerId, actorRole: 'reviewer', reason, dueAt, amountYen: null, notifiedApplicant: outcome.value.notifiesApplicant, at: at(minutesAgo) });
    return { status: moved.status, version: moved.version };
  };

  let row = await freeze(1, demo.content, at(demo.minutesAgo), draft.version, 'submitted');
  if (demo.underReview) row = await step(row, 'start_review', demo.minutesAgo - 60);
  if (!demo.correction) return draft.id;

  // Returned with a due date two weeks on, corrected by the applicant and resubmitted as version 2.
  const { reason, revised } = demo.correction;
  const returnedAt = demo.minutesAgo - 120;
  const dueAt = new Date(at(returnedAt).getTime() + 14 * 86_400_000);
  row = await step(row, 'return_for_correction', returnedAt, { reason, dueAt });
  await insertReviewRequest(db, { applicationId: draft.id, kind: 'correction', message: reason, issuedBy: s.reviewerId, issuedAt: at(returnedAt), dueAt });
  const edited = await updateApplicationIfVersion(db, { id: draft.id, expectedVersion: row.version, content: revised });
  if (!edited) throw changed();
  const resubmittedAt = at(returnedAt - 600);
  const resubmit = transition(edited.status, 'resubmit', { role: 'applicant', userId: creator.userId, organisationId: s.organisationId }, {}, { applicantOrganisationId: s.organisationId });
  if (!resubmit.ok) throw new Error(`Demo application ${demo.title}: resubmission refused (${resubmit.code}).`);
  await freeze(2, revised, resubmittedAt, edited.version, 'resubmitted');
  await insertStatusTransition(db, { applicationId: draft.id, event: 'resubmit', from: resubmit.value.from, to: resubmit.value.to, actorUserId: creator.userId, actorRole: 'applicant', reason: null, dueAt: null, amountYen: null, notifiedApplicant: resubmit.value.notifiesApplicant, at: resubmittedAt });
  await answerOpenRequests(db, draft.id, ['correction'], resubmittedAt);
  return draft.id;
}
