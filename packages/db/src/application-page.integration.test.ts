import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from './client';
import { findApplicationById, findApplicationWithDocuments, findApplicationForUpload, insertApplication, saveDraftAudited } from './repositories/applications.repository';
import { insertAttachment, listAttachmentsOfApplication } from './repositories/attachments.repository';
import { insertOrganisation } from './repositories/organisations.repository';
import { definitionForApplication, latestPublishedVersion, openDraftVersion, publishedDefinitions } from './repositories/programme-definitions.repository';
import { findProgrammeById, findProgrammeWithLedger, findRoundForNewDraft, insertProgramme, listProgrammesWithLedger } from './repositories/programmes.repository';
import { ensureLedger, findLedger } from './repositories/review-ledger.repository';
import { findReceiptByIdempotencyKey, insertSubmission, readApplicationForSubmission, listSubmissionsOfApplication, setApplicationSubmitted } from './repositories/submissions.repository';
import { trackingCounterKey, trackingNumber, trackingNumberFormat } from '@tsumiki/domain';
import { insertUser } from './repositories/users.repository';
import { testBackends } from './testing';

const backends = await testBackends();

// The applicant's page reads in two statements what it read in six; each must answer as the reads it replaced.
describe.each(backends)("an application's page on $name", (backend) => {
  let database: Database;
  let ids: { applicationId: string; emptyApplicationId: string; programmeId: string; userId: string };

  beforeAll(async () => {
    database = await backend.create();
    const { db } = database;
    const office = await insertOrganisation(db, { kind: 'programme_office', name_ja: '事務局', name_en: 'Office', short_name_ja: null });
    const applicant = await insertOrganisation(db, { kind: 'applicant', name_ja: '申請者', name_en: 'Applicant', short_name_ja: null });
    const user = await insertUser(db, { email: 'page@example.jp', displayName: '申請 太郎', passwordHash: 'x' });
    const programme = await insertProgramme(db, {
      code: 'page',
      kind: 'clt_demonstration',
      name_ja: 'CLT',
      name_en: 'CLT',
      fiscal_year: 2025,
      window_opens_at: new Date('2026-03-05T15:00:00Z'),
      window_closes_at: new Date('2026-04-06T04:00:00Z'),
      budget_yen: 627_000_000,
      office_organisation_id: office.id,
    });
    await ensureLedger(db, programme.id, 627_000_000, null);
    const draft = { programmeId: programme.id, organisationId: applicant.id, createdBy: user.id, content: { programme: 'clt_demonstration' } } as const;
    const application = await insertApplication(db, { ...draft, title: '実証' });
    const empty = await insertApplication(db, { ...draft, title: '空' });
    for (const [i, fileName] of ['様式1.pdf', '図面.pdf', '見積書.pdf'].entries()) {
      await insertAttachment(db, {
        applicationId: application.id,
        uploadedBy: user.id,
        fileName,
        declaredType: 'application/pdf',
        detectedType: 'application/pdf',
        sha256: `sha-${i}`,
        content: new Uint8Array(100 + i),
        documentCode: i === 0 ? 'form1' : null,
        pageCount: i === 0 ? 3 : null,
      });
    }
    for (const versionNo of [1, 2]) {
      await insertSubmission(db, {
        applicationId: application.id,
        versionNo,
        title: '実証',
        content: { programme: 'clt_demonstration' },
        assessment: {},
        requestedGrantYen: 10_000_000 * versionNo,
        submittedBy: user.id,
        submittedAt: new Date(`2026-03-2${versionNo}T01:02:03.456Z`),
        idempotencyKey: `page-${versionNo}`,
      });
    }
    // A draft of the rules is not what the page computes with.
    await openDraftVersion(db, programme.programme_definition_id, user.id);
    ids = { applicationId: application.id, emptyApplicationId: empty.id, programmeId: programme.id, userId: user.id };
  });
  afterAll(() => database.close());

  it('reads the application with its documents (oldest first) and its submitted versions (newest first), times as Dates', async () => {
    const { db } = database;
    const page = await findApplicationWithDocuments(db, ids.applicationId);
    expect(page?.application).toEqual(await findApplicationById(db, ids.applicationId));
    expect(page?.round).toEqual(await findProgrammeWithLedger(db, ids.programmeId));
    expect(page?.attachments).toEqual(await listAttachmentsOfApplication(db, ids.applicationId));
    expect(page?.attachments.map((a) => a.file_name)).toEqual(['様式1.pdf', '図面.pdf', '見積書.pdf']);
    expect(page?.attachments[0]?.created_at).toBeInstanceOf(Date);
    const separately = await listSubmissionsOfApplication(db, ids.applicationId);
    expect(page?.submissions).toEqual(separately.map((s) => ({ version_no: s.version_no, requested_grant_yen: s.requested_grant_yen, submitted_at: s.submitted_at })));
    expect(page?.submissions.map((s) => [s.version_no, s.submitted_at.toISOString()])).toEqual([
      [2, '2026-03-22T01:02:03.456Z'],
      [1, '2026-03-21T01:02:03.456Z'],
    ]);
  });

  it('answers empty lists for an application with nothing attached or submitted, and nothing for an unknown id', async () => {
    const page = await findApplicationWithDocuments(database.db, ids.emptyApplicationId);
    expect(page?.attachments).toEqual([]);
    expect(page?.submissions).toEqual([]);
    expect(await findApplicationWithDocuments(database.db, '00000000-0000-4000-8000-000000000000')).toBeUndefined();
  });

  it("reads the round with its ledger and its programme's newest published rules, not the open draft", async () => {
    const { db } = database;
    const round = await findProgrammeWithLedger(db, ids.programmeId);
    const { ledger_budget_yen, ledger_committed_yen, published_version_id, ...programme } = round!;
    expect(programme).toEqual(await findProgrammeById(db, ids.programmeId));
    const ledger = await findLedger(db, ids.programmeId);
    expect({ ledger_budget_yen, ledger_committed_yen }).toEqual({ ledger_budget_yen: ledger?.budget_yen, ledger_committed_yen: ledger?.committed_yen });
    expect(published_version_id).toBe((await latestPublishedVersion(db, programme.programme_definition_id))?.id);
    expect(published_version_id).toBeTruthy();
    // A new draft reads the round with the applying organisation's record.
    const organisation = await db.selectFrom('organisations').selectAll().where('id', '=', programme.office_organisation_id).executeTakeFirstOrThrow();
    const forDraft = await findRoundForNewDraft(db, ids.programmeId, organisation.id);
    const { applicant, ...roundOfDraft } = forDraft!;
    expect(roundOfDraft).toEqual(await findProgrammeById(db, ids.programmeId));
    expect(applicant).toEqual({ name_ja: organisation.name_ja, representative: organisation.representative, address: organisation.address });
    expect((await findRoundForNewDraft(db, ids.programmeId, '00000000-0000-4000-8000-000000000000'))?.applicant).toBeNull();
    // The catalogue reads the same id beside each round, and the rules by it.
    const listed = (await listProgrammesWithLedger(db)).find((p) => p.id === ids.programmeId);
    expect(listed?.published_version_id).toBe(published_version_id);
    const rules = await publishedDefinitions(db, [published_version_id!]);
    expect(rules.get(published_version_id!)).toEqual((await latestPublishedVersion(db, programme.programme_definition_id))?.definition);
    expect((await publishedDefinitions(db, ['00000000-0000-4000-8000-000000000000'])).size).toBe(0);
  });

  it("reads what an upload checks of an application with its round's newest published rules' id, and those rules are what a draft computes with", async () => {
    const { db } = database;
    const withRules = await findApplicationForUpload(db, ids.applicationId);
    const { published_version_id, ...application } = withRules!;
    const whole = await findApplicationById(db, ids.applicationId);
    expect(application).toEqual({
      id: whole!.id,
      status: whole!.status,
      applicant_organisation_id: whole!.applicant_organisation_id,
      programme_id: whole!.programme_id,
      definition_version_id: whole!.definition_version_id,
    });
    expect(published_version_id).toBe((await findProgrammeWithLedger(db, ids.programmeId))?.published_version_id);
    // Given the id, the rules are found without asking the database which version is newest.
    expect((await definitionForApplication(db, application, { published_version_id }))?.id).toBe((await definitionForApplication(db, application))?.id);
    expect(await findApplicationForUpload(db, '00000000-0000-4000-8000-000000000000')).toBeUndefined();
  });

  it("numbers a new submitted version one after the application's last, in the insert itself", async () => {
    const { db } = database;
    const next = (applicationId: string, key: string) =>
      insertSubmission(db, {
        applicationId,
        versionNo: 'next',
        title: '実証',
        content: { programme: 'clt_demonstration' },
        assessment: {},
        requestedGrantYen: null,
        submittedBy: ids.userId,
        submittedAt: new Date('2026-03-23T00:00:00Z'),
        idempotencyKey: key,
      });
    expect((await next(ids.applicationId, 'page-next')).version_no).toBe(3);
    expect((await next(ids.emptyApplicationId, 'page-first')).version_no).toBe(1);
  });

  it('reads what a submission checks in one statement, with or without the row lock: the application, the round, the receipt for its key, the documents, the last version', async () => {
    const { db } = database;
    const submitted = await insertSubmission(db, {
      applicationId: ids.applicationId,
      versionNo: 'next',
      title: '実証',
      content: { programme: 'clt_demonstration' },
      assessment: {},
      requestedGrantYen: 12_345_678,
      submittedBy: ids.userId,
      submittedAt: new Date('2026-03-24T01:02:03.456Z'),
      idempotencyKey: 'facts-key',
    });
    const application = (await findApplicationById(db, ids.applicationId))!;
    const read = await readApplicationForSubmission(db, { applicationId: ids.applicationId, idempotencyKey: 'facts-key' });
    // Under the row lock (a resubmission's transaction) it reads the same.
    const locked = await db.transaction().execute((trx) => readApplicationForSubmission(trx, { applicationId: ids.applicationId, idempotencyKey: 'facts-key', lock: true }));
    expect(locked).toEqual(read);
    expect(read!.application).toEqual(application);
    expect(read!.round).toEqual(await findProgrammeWithLedger(db, ids.programmeId));
    expect(read!.lastVersionNo).toBe(submitted.version_no);
    const expected = { application_id: ids.applicationId, version_no: submitted.version_no, submitted_at: submitted.submitted_at, requested_grant_yen: 12_345_678 };
    expect(read!.receipt).toEqual(expected);
    expect(read!.attachments).toEqual((await listAttachmentsOfApplication(db, ids.applicationId)).map((a) => ({ document_code: a.document_code, page_count: a.page_count })));
    expect(read!.attachments.length).toBeGreaterThan(0);
    const unknownKey = await readApplicationForSubmission(db, { applicationId: ids.emptyApplicationId, idempotencyKey: 'no-such-key' });
    const versions = await listSubmissionsOfApplication(db, ids.emptyApplicationId);
    expect([unknownKey?.receipt, unknownKey?.attachments, unknownKey?.lastVersionNo]).toEqual([null, [], versions[0]?.version_no ?? 0]);
    expect(await readApplicationForSubmission(db, { applicationId: '00000000-0000-4000-8000-000000000000', idempotencyKey: 'facts-key' })).toBeUndefined();
    // A retry outside the lock reads the same receipt with whose application it is.
    expect(await findReceiptByIdempotencyKey(db, 'facts-key')).toEqual({
      ...expected,
      applicant_organisation_id: application.applicant_organisation_id,
      tracking_number: application.tracking_number,
    });
    expect(await findReceiptByIdempotencyKey(db, 'no-such-key')).toBeUndefined();
  });

  it("saves a draft in one statement only while every check holds, auditing what was stored before and after", async () => {
    const { db } = database;
    const draft = await findApplicationById(db, ids.emptyApplicationId);
    const applicant = draft!.applicant_organisation_id;
    const save = (change: { expectedVersion?: number; organisationIds?: string[]; content?: Parameters<typeof saveDraftAudited>[1]['content']; title?: string }) =>
      saveDraftAudited(
        db,
        { id: ids.emptyApplicationId, expectedVersion: change.expectedVersion ?? draft!.version, statuses: ['draft'], organisationIds: change.organisationIds ?? [applicant], ...change },
        { actorUserId: ids.userId, action: 'application.update_draft', requestId: 'req-1', ip: null },
      );
    const audits = () => db.selectFrom('audit_log').select(['before', 'after', 'request_id']).where('entity_id', '=', ids.emptyApplicationId).where('action', '=', 'application.update_draft').execute();
    // Each check refuses on its own: another organisation, a stale version, content of another programme.
    expect(await save({ title: '他社', organisationIds: ['00000000-0000-4000-8000-000000000000'] })).toBeUndefined();
    expect(await save({ title: '古い版', expectedVersion: draft!.version + 5 })).toBeUndefined();
    expect(await save({ content: { programme: 'co2_factor' } as never })).toBeUndefined();
    expect(await audits()).toEqual([]);
    const saved = await save({ title: '保存済み', content: { programme: 'clt_demonstration', plan: { content: '計画' } } as never });
    expect(saved).toMatchObject({ title: '保存済み', version: draft!.version + 1, content: { programme: 'clt_demonstration', plan: { content: '計画' } } });
    expect(await findApplicationById(db, ids.emptyApplicationId)).toEqual(saved);
    expect(await audits()).toEqual([
      {
        before: { title: '空', content: { programme: 'clt_demonstration' }, version: draft!.version },
        after: { title: '保存済み', content: { programme: 'clt_demonstration', plan: { content: '計画' } }, version: draft!.version + 1 },
        request_id: 'req-1',
      },
    ]);
    // A title alone keeps the content, and says so in the audit.
    const renamed = await save({ title: '改名', expectedVersion: saved!.version });
    expect(renamed?.content).toEqual(saved?.content);
    expect((await audits())[1]?.after).toEqual({ title: '改名', content: saved?.content, version: saved!.version + 1 });
    // A status that takes no edits: nothing.
    await db.updateTable('applications').set({ status: 'submitted' }).where('id', '=', ids.emptyApplicationId).execute();
    expect(await save({ title: '提出後', expectedVersion: renamed!.version })).toBeUndefined();
    await db.updateTable('applications').set({ status: 'draft' }).where('id', '=', ids.emptyApplicationId).execute();
  });

  it("takes a first submission's number from the counter in the statement that records it, written as the domain's trackingNumber", async () => {
    const { db } = database;
    const owner = await findApplicationById(db, ids.applicationId);
    const key = trackingCounterKey('clt_demonstration', 2031);
    for (const counter of [1, 999, 9_999, 10_000, 123_456]) {
      await db.insertInto('tracking_counters').values({ prefix: key, last_value: counter - 1 }).onConflict((oc) => oc.column('prefix').doUpdateSet({ last_value: counter - 1 })).execute();
      const draft = await insertApplication(db, { programmeId: ids.programmeId, organisationId: owner!.applicant_organisation_id, createdBy: ids.userId, title: `番号 ${counter}`, content: { programme: 'clt_demonstration' } });
      const submitted = await setApplicationSubmitted(
        db,
        {
          id: draft.id,
          expectedVersion: draft.version,
          submittedAt: new Date('2031-05-01T00:00:00Z'),
          trackingNumber: { counterKey: key, ...trackingNumberFormat('clt_demonstration', 2031) },
          requestedGrantYen: null,
          status: 'submitted',
        },
        {
          audit: { actorUserId: ids.userId, action: 'application.submit', entityType: 'application', entityId: draft.id, after: { status: 'submitted' } },
          notice: { topic: 'application.submitted', applicationId: draft.id, payload: { applicationId: draft.id } },
        },
      );
      expect(submitted?.tracking_number).toBe(trackingNumber('clt_demonstration', 2031, counter));
      const audit = await db.selectFrom('audit_log').select('after').where('entity_id', '=', draft.id).where('action', '=', 'application.submit').executeTakeFirstOrThrow();
      expect(audit.after).toEqual({ status: 'submitted', trackingNumber: submitted?.tracking_number });
    }
    expect((await db.selectFrom('tracking_counters').select('last_value').where('prefix', '=', key).executeTakeFirstOrThrow()).last_value).toBe(123_456);
    // A version that moved: nothing recorded (the caller's transaction then rolls the counter back).
    const stale = await insertApplication(db, { programmeId: ids.programmeId, organisationId: owner!.applicant_organisation_id, createdBy: ids.userId, title: '古い版', content: { programme: 'clt_demonstration' } });
    const missed = await setApplicationSubmitted(db, { id: stale.id, expectedVersion: stale.version + 1, submittedAt: new Date(), trackingNumber: { counterKey: key, ...trackingNumberFormat('clt_demonstration', 2031) }, requestedGrantYen: null, status: 'submitted' });
    expect(missed).toBeUndefined();
    // …and takes no number, though no transaction rolls the counter back.
    expect((await db.selectFrom('tracking_counters').select('last_value').where('prefix', '=', key).executeTakeFirstOrThrow()).last_value).toBe(123_456);
  });

  // Two connections at once: PGlite has one.
  it.skipIf(backend.name === 'pglite')('takes no number for a version another writer moves while the statement waits for its row', async () => {
    const { db } = database;
    const owner = await findApplicationById(db, ids.applicationId);
    const key = trackingCounterKey('clt_demonstration', 2032);
    const draft = await insertApplication(db, { programmeId: ids.programmeId, organisationId: owner!.applicant_organisation_id, createdBy: ids.userId, title: '競合', content: { programme: 'clt_demonstration' } });
    const submit = () =>
      setApplicationSubmitted(db, {
        id: draft.id,
        expectedVersion: draft.version,
        submittedAt: new Date(),
        trackingNumber: { counterKey: key, ...trackingNumberFormat('clt_demonstration', 2032) },
        requestedGrantYen: null,
        status: 'submitted',
      });
    const waitingOnLocks = async () =>
      Number((await sql<{ n: string }>`select count(*) as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`.execute(db)).rows[0]!.n);
    const submitted = await db.connection().execute(async (writer) => {
      await sql`begin`.execute(writer);
      await writer.updateTable('applications').set({ title: '自動保存', version: draft.version + 1 }).where('id', '=', draft.id).execute();
      const waiting = submit();
      // The submission is taken only once it waits for the row the writer holds.
      while ((await waitingOnLocks()) === 0) await new Promise((r) => setTimeout(r, 10));
      await sql`commit`.execute(writer);
      return waiting;
    });
    expect(submitted).toBeUndefined();
    expect(await db.selectFrom('tracking_counters').select('last_value').where('prefix', '=', key).executeTakeFirst()).toBeUndefined();
    expect(await findApplicationById(db, draft.id)).toMatchObject({ status: 'draft', title: '自動保存', tracking_number: null });
    // At the version that is there now, it takes the first number.
    const again = await setApplicationSubmitted(db, {
      id: draft.id,
      expectedVersion: draft.version + 1,
      submittedAt: new Date(),
      trackingNumber: { counterKey: key, ...trackingNumberFormat('clt_demonstration', 2032) },
      requestedGrantYen: null,
      status: 'submitted',
    });
    expect(again?.tracking_number).toBe(trackingNumber('clt_demonstration', 2032, 1));
  });
});
