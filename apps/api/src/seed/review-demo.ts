import {
  ensureLedger,
  findUserByEmail,
  insertApplication,
  insertAssignment,
  insertSubmission,
  listMembersOfOrganisation,
  listOrganisations,
  listProgrammes,
  nextTrackingValue,
  setApplicationSubmitted,
  type Executor,
} from '@tsumiki/db';
import { CLT_PROGRAMME_BUDGET } from '@tsumiki/domain/review';
import { assessApplication, cltExampleApplicationContent, type TApplicationContent } from '@tsumiki/domain/programmes';
import { trackingCounterKey, trackingNumber } from '@tsumiki/domain';

/** A CO2 application: EPDs for two insulation products (001 §2.5, 例1), the costs split over them. */
function co2Content(applicantName: string): TApplicationContent {
  const epd = (id: string, product: string) => ({
    id,
    kind: 'epd_cfp_verified' as const,
    product,
    productCategory: '断熱材',
    iso14025Verification: true,
    developedByReport: true,
    publication: 'results_report' as const,
  });
  return {
    programme: 'co2_factor_support',
    applicant: { name: applicantName },
    grant: {
      applicant: { name: applicantName, kind: 'industry_body' },
      factors: [epd('A', '押出法ポリスチレンフォーム'), epd('B', '硬質ウレタンフォーム')],
      lines: [
        { id: '1', category: 'personnel', factorId: 'A', amount: 3_200_000 },
        { id: '2', category: 'personnel', factorId: 'B', amount: 2_800_000 },
      ],
    },
  };
}

/**
 * Review demo (issue 5): submitted applications of the demo applicant organisations in the open
 * demo rounds, frozen as the submit flow freezes them, one assigned to the demo committee member,
 * and the budget ledgers (¥627,000,000 for CLT).
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

  let counter = 0;
  const submit = async (programme: (typeof programmes)[number], organisationId: string, title: string, content: TApplicationContent, minutesAgo: number) => {
    const kind = programme.kind;
    const assessment = assessApplication(kind, content);
    const requested = assessment.result?.grant.amount ?? null;
    // Created and submitted by a member of the organisation it belongs to.
    const creator = (await listMembersOfOrganisation(db, organisationId)).find((m) => m.role === 'applicant');
    if (!creator) throw new Error('Each demo applicant organisation needs an applicant member.');
    const draft = await insertApplication(db, { programmeId: programme.id, organisationId, createdBy: creator.userId, title, content });
    const submittedAt = new Date(now.getTime() - minutesAgo * 60_000);
    counter += 1;
    // Numbered by the same counter as real submissions, so later ones continue the sequence.
    const tracking = trackingNumber(kind, programme.fiscal_year, await nextTrackingValue(db, trackingCounterKey(kind, programme.fiscal_year)));
    await insertSubmission(db, {
      applicationId: draft.id,
      versionNo: 1,
      title,
      content,
      assessment: assessment.result ? { ...assessment.result } : {},
      requestedGrantYen: requested,
      submittedBy: creator.userId,
      submittedAt,
      idempotencyKey: `demo-review-${counter}`,
    });
    await setApplicationSubmitted(db, { id: draft.id, expectedVersion: draft.version, submittedAt, trackingNumber: tracking, requestedGrantYen: requested, status: 'submitted' });
    return draft.id;
  };

  const example = cltExampleApplicationContent();
  const first = await submit(cltDemo, orgNamed('杉山木材').id, 'CLTパネル工法 4階建て事務所の建築実証（杉山木材）', example, 180);
  await submit(cltDemo, orgNamed('東北CLT').id, 'CLT床版を用いた3階建て共同住宅の設計・建築実証（東北CLT）', cltExampleApplicationContent(), 120);
  await submit(cltDemo, orgNamed('杉山木材').id, 'CLT耐力壁の性能実証と2階建て店舗（杉山木材）', cltExampleApplicationContent(), 60);
  await submit(co2Demo, orgNamed('断熱建材工業会').id, '断熱材2製品のEPD策定（断熱建材工業会）', co2Content('一般社団法人日本断熱建材工業会（デモ）'), 240);
  await insertAssignment(db, { applicationId: first, memberId: committee.id, assignedBy: reviewer.id });

  await ensureLedger(db, clt.id, CLT_PROGRAMME_BUDGET, null);
  await ensureLedger(db, cltDemo.id, CLT_PROGRAMME_BUDGET, null);
  await ensureLedger(db, co2Demo.id, co2Demo.budget_yen, null);
}
