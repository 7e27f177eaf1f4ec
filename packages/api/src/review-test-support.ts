import { insertApplication, insertSubmission, setApplicationSubmitted, type Database } from '@tsumiki/db';
import { assessApplication, BUILTIN_PROGRAMMES, cltExampleApplicationContent, type TApplicationContent } from '@tsumiki/domain/programmes';

/** A submitted CLT application, frozen as the submit flow leaves it (the 記載例 unless content is given). */
export async function submittedCltApplication(
  database: Database,
  a: { programmeId: string; organisationId: string; createdBy: string; key: string; title: string; trackingNumber: string; submittedAt: Date; content?: TApplicationContent },
) {
  const { db } = database;
  const content = a.content ?? cltExampleApplicationContent();
  const draft = await insertApplication(db, { programmeId: a.programmeId, organisationId: a.organisationId, createdBy: a.createdBy, title: a.title, content });
  const requested = assessApplication('clt_demonstration', content, undefined, BUILTIN_PROGRAMMES.clt_demonstration).result?.grant.amount ?? null;
  await insertSubmission(db, { applicationId: draft.id, versionNo: 1, title: a.title, content, assessment: {}, requestedGrantYen: requested, submittedBy: a.createdBy, submittedAt: a.submittedAt, idempotencyKey: a.key });
  const app = await setApplicationSubmitted(db, { id: draft.id, expectedVersion: draft.version, submittedAt: a.submittedAt, trackingNumber: a.trackingNumber, requestedGrantYen: requested, status: 'submitted' });
  return { id: app!.id, version: app!.version };
}
