import { randomUUID } from 'node:crypto';
import type { TRPCError } from '@trpc/server';
import { sql } from 'kysely';
import { countRows, ensureLedger, insertApplication, insertProgramme, type Database } from '@tsumiki/db';
import { testBackends } from '@tsumiki/db/testing';
import { cltExampleApplicationContent, type TApplicationContent } from '@tsumiki/domain/programmes';
import { errorMessage } from '@tsumiki/domain';
import { pdfText } from '@tsumiki/pdf/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ZodError } from 'zod';
import { attachRequiredDocuments, seedRoles, signedInClient, tinyPdf, refusalCodesOf } from './test-support';

const backends = await testBackends();

describe.each(backends)('submission on $name', (backend) => {
  let database: Database;
  let seed: Awaited<ReturnType<typeof seedRoles>>;

  beforeAll(async () => {
    database = await backend.create();
    seed = await seedRoles(database);
  });
  afterAll(() => database.close());

  async function completeDraft(title: string) {
    const client = await signedInClient(database, seed.users.applicant.email);
    const draft = await client.caller.applications.createDraft({ programmeId: seed.programme.id, title });
    const saved = await client.caller.applications.updateDraft({ id: draft.id, version: draft.version, content: cltExampleApplicationContent() });
    await attachRequiredDocuments(database, { applicationId: draft.id, kind: 'clt_demonstration', content: saved.content, uploadedBy: seed.users.applicant.id });
    return { client, draft: saved };
  }

  it('submits a complete CLT application: a receipt, a frozen version, the 記載例 grant to the yen, then no more edits', async () => {
    const { client, draft } = await completeDraft('CLT実証 記載例');
    const result = await client.caller.applications.submit({ id: draft.id, version: draft.version, idempotencyKey: randomUUID() });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.receipt.trackingNumber).toMatch(/^CLT-2026-\d{4}$/);
    expect(result.receipt.versionNo).toBe(1);
    // 様式4-1 10,800,000 + 様式4-2 1,010,000.
    expect(result.receipt.requestedGrantYen).toBe(11_810_000);

    const after = await client.caller.applications.get({ id: draft.id });
    expect(after).toMatchObject({ status: 'submitted', trackingNumber: result.receipt.trackingNumber, requestedGrantYen: 11_810_000 });
    expect(after.submissions.map((s) => s.versionNo)).toEqual([1]);
    const frozen = await client.caller.applications.submission({ id: draft.id, versionNo: 1 });
    expect(frozen.content).toEqual(cltExampleApplicationContent());
    expect((frozen.assessment as { grant: { amount: number } }).grant.amount).toBe(11_810_000);

    expect(await refusalCodesOf(client.caller.applications.updateDraft({ id: draft.id, version: after.version, title: '提出後の変更' }))).toEqual({
      code: 'PRECONDITION_FAILED',
      appCode: 'application.not_editable',
    });
    const outbox = await database.db.selectFrom('outbox').selectAll().where('topic', '=', 'application.submitted').execute();
    expect(outbox.some((m) => (m.payload as { applicationId?: string }).applicationId === draft.id)).toBe(true);
    const audit = await database.db.selectFrom('audit_log').selectAll().where('entity_id', '=', draft.id).where('action', '=', 'application.submit').execute();
    expect(audit).toHaveLength(1);
  });

  it('starts 様式1 from the organisation’s record and the person signed in', async () => {
    const client = await signedInClient(database, seed.users.applicant.email);
    const draft = await client.caller.applications.createDraft({ programmeId: seed.programme.id, title: '様式1の初期値' });
    const organisation = await database.db.selectFrom('organisations').selectAll().where('id', '=', draft.organisationId).executeTakeFirstOrThrow();
    const user = await database.db.selectFrom('users').selectAll().where('id', '=', seed.users.applicant.id).executeTakeFirstOrThrow();
    expect(draft.content.applicant).toMatchObject({ name: organisation.name_ja, contactName: user.display_name, contactEmail: user.email });
    if (organisation.address) expect(draft.content.applicant?.address).toBe(organisation.address);
  });

  it('refuses an incomplete application with every issue named, and writes nothing', async () => {
    const client = await signedInClient(database, seed.users.applicant.email);
    const draft = await client.caller.applications.createDraft({ programmeId: seed.programme.id, title: '未完成' });
    const content = cltExampleApplicationContent();
    delete (content.applicant as Record<string, unknown>).name;
    const saved = await client.caller.applications.updateDraft({ id: draft.id, version: 1, content });
    await attachRequiredDocuments(database, { applicationId: draft.id, kind: 'clt_demonstration', content, uploadedBy: seed.users.applicant.id });
    const before = await countRows(database.db, 'application_submissions');
    const result = await client.caller.applications.submit({ id: draft.id, version: saved.version, idempotencyKey: randomUUID() });
    expect(result).toEqual({ ok: false, issues: [expect.objectContaining({ code: 'application.field_required', path: 'applicant.name' })] });
    expect(await countRows(database.db, 'application_submissions')).toBe(before);
    expect(await client.caller.applications.get({ id: draft.id })).toMatchObject({ status: 'draft', version: saved.version, trackingNumber: null });
  });

  it('submits once for one idempotency key, however often and however concurrently it is retried', async () => {
    const { client, draft } = await completeDraft('再送');
    const key = randomUUID();
    const before = await countRows(database.db, 'application_submissions');
    const results = await Promise.all([
      client.caller.applications.submit({ id: draft.id, version: draft.version, idempotencyKey: key }),
      client.caller.applications.submit({ id: draft.id, version: draft.version, idempotencyKey: key }),
    ]);
    const again = await client.caller.applications.submit({ id: draft.id, version: draft.version, idempotencyKey: key });
    expect(await countRows(database.db, 'application_submissions')).toBe(before + 1);
    const numbers = [...results, again].map((r) => (r.ok ? r.receipt.trackingNumber : 'refused'));
    expect(new Set(numbers).size).toBe(1);
    expect(numbers[0]).toMatch(/^CLT-/);
  });

  it('numbers applications submitted at the same moment one after another, no gap and no repeat, each audited with its own number', async () => {
    const drafts = await Promise.all(['同時提出1', '同時提出2', '同時提出3', '同時提出4', '同時提出5'].map((title) => completeDraft(title)));
    const results = await Promise.all(drafts.map(({ client, draft }) => client.caller.applications.submit({ id: draft.id, version: draft.version, idempotencyKey: randomUUID() })));
    const numbers = results.map((r) => (r.ok ? r.receipt.trackingNumber : 'refused'));
    const serials = numbers.map((n) => Number(/^CLT-2026-(\d{4})$/.exec(n)?.[1])).sort((a, b) => a - b);
    expect(serials.every(Number.isInteger), numbers.join(', ')).toBe(true);
    expect(serials).toEqual(serials.map((_, i) => serials[0]! + i));
    for (const [i, { draft }] of drafts.entries()) {
      const audit = await database.db.selectFrom('audit_log').select('after').where('entity_id', '=', draft.id).where('action', '=', 'application.submit').execute();
      const application = await database.db.selectFrom('applications').select(['tracking_number', 'version']).where('id', '=', draft.id).executeTakeFirstOrThrow();
      expect(audit.map((a) => a.after)).toEqual([expect.objectContaining({ trackingNumber: numbers[i], version: application.version, status: 'submitted' })]);
      expect(application.tracking_number).toBe(numbers[i]);
      // The notice is written with the application, in the same statement: its number too.
      const notices = await database.db.selectFrom('outbox').select('payload').where('topic', '=', 'application.submitted').where(sql<boolean>`payload->>'applicationId' = ${draft.id}`).execute();
      expect(notices.length).toBeGreaterThan(0);
      expect(notices.map((n) => (n.payload as { trackingNumber?: string }).trackingNumber)).toEqual(notices.map(() => numbers[i]));
    }
  });

  it('refuses submission after the deadline, to the minute', async () => {
    const closesAt = new Date(Date.now() + 3_600_000);
    const programme = await insertProgramme(database.db, {
      code: `clt-deadline-${randomUUID()}`,
      kind: 'clt_demonstration',
      name_ja: '締切の試験',
      name_en: 'Deadline test',
      fiscal_year: 2026,
      window_opens_at: new Date(Date.now() - 86_400_000),
      window_closes_at: closesAt,
      budget_yen: 627_000_000,
      office_organisation_id: seed.orgs.programme_office.id,
    });
    const make = async () => {
      const draft = await insertApplication(database.db, {
        programmeId: programme.id,
        organisationId: seed.orgs.applicant.id,
        createdBy: seed.users.applicant.id,
        title: '締切直前',
        content: cltExampleApplicationContent(),
      });
      await attachRequiredDocuments(database, { applicationId: draft.id, kind: 'clt_demonstration', content: cltExampleApplicationContent(), uploadedBy: seed.users.applicant.id });
      return draft;
    };
    const late = await signedInClient(database, seed.users.applicant.email, { now: () => closesAt });
    const lateDraft = await make();
    expect(await refusalCodesOf(late.caller.applications.submit({ id: lateDraft.id, version: 1, idempotencyKey: randomUUID() }))).toEqual({
      code: 'PRECONDITION_FAILED',
      appCode: 'programme.window_closed',
    });
    const justInTime = await signedInClient(database, seed.users.applicant.email, { now: () => new Date(closesAt.getTime() - 60_000) });
    const onTime = await make();
    const result = await justInTime.caller.applications.submit({ id: onTime.id, version: 1, idempotencyKey: randomUUID() });
    expect(result.ok).toBe(true);
  });

  it('refuses a CO2 application once the ledger has committed the whole budget', async () => {
    const programme = await insertProgramme(database.db, {
      code: `co2-budget-${randomUUID()}`,
      kind: 'co2_factor_support',
      name_ja: '予算の試験',
      name_en: 'Budget test',
      fiscal_year: 2026,
      window_opens_at: new Date(Date.now() - 86_400_000),
      window_closes_at: new Date(Date.now() + 86_400_000),
      budget_yen: 4_000_000,
      office_organisation_id: seed.orgs.programme_office.id,
    });
    // A grant decision committed the whole budget in the programme's ledger.
    await ensureLedger(database.db, programme.id, 4_000_000, null);
    await database.db.updateTable('budget_ledgers').set({ committed_yen: 4_000_000 }).where('programme_id', '=', programme.id).execute();
    const draft = await insertApplication(database.db, {
      programmeId: programme.id,
      organisationId: seed.orgs.applicant.id,
      createdBy: seed.users.applicant.id,
      title: '予算到達後',
      content: { programme: 'co2_factor_support' },
    });
    const client = await signedInClient(database, seed.users.applicant.email);
    expect(await refusalCodesOf(client.caller.applications.submit({ id: draft.id, version: 1, idempotencyKey: randomUUID() }))).toEqual({
      code: 'BAD_REQUEST',
      appCode: 'application.budget_exhausted',
    });
  });

  it("cannot submit another organisation's application, nor replay its key", async () => {
    const { client, draft } = await completeDraft('他社');
    const key = randomUUID();
    await client.caller.applications.submit({ id: draft.id, version: draft.version, idempotencyKey: key });
    const bob = await signedInClient(database, seed.otherApplicant.email);
    expect(await refusalCodesOf(bob.caller.applications.submit({ id: draft.id, version: draft.version, idempotencyKey: randomUUID() }))).toMatchObject({ code: 'NOT_FOUND' });
    expect(await refusalCodesOf(bob.caller.applications.submit({ id: draft.id, version: draft.version, idempotencyKey: key }))).toMatchObject({ code: 'NOT_FOUND' });
  });
  it('refuses submission while a required document is missing, naming it in Japanese, and accepts once it is attached', async () => {
    const client = await signedInClient(database, seed.users.applicant.email);
    const draft = await client.caller.applications.createDraft({ programmeId: seed.programme.id, title: '書類不足' });
    const saved = await client.caller.applications.updateDraft({ id: draft.id, version: draft.version, content: cltExampleApplicationContent() });
    const before = await countRows(database.db, 'application_submissions');
    const refused = await client.caller.applications.submit({ id: draft.id, version: saved.version, idempotencyKey: randomUUID() });
    expect(refused.ok).toBe(false);
    const missing = refused.ok ? [] : refused.issues.filter((i) => i.code === 'application.document_missing');
    expect(missing.map((i) => i.path)).toEqual([
      'documents.attachment_1_concept',
      'documents.attachment_1_drawings',
      'documents.attachment_2',
      'documents.attachment_3',
      'documents.attachment_4',
      'documents.financial_statements',
    ]);
    expect(errorMessage(missing[0]!.code, 'ja', missing[0]!.params)).toContain('必要書類「添付資料1 建築物の基本構想図」が添付されていません');
    expect(await countRows(database.db, 'application_submissions')).toBe(before);

    // Attached through the API, as the wizard does: the document named, the pages counted.
    const uploaded = await client.caller.attachments.upload({
      applicationId: draft.id,
      fileName: '基本構想図.pdf',
      declaredType: 'application/pdf',
      contentBase64: Buffer.from(tinyPdf(2)).toString('base64'),
      documentCode: 'attachment_1_concept',
    });
    expect(uploaded).toMatchObject({ documentCode: 'attachment_1_concept', pageCount: 2 });
    const { attachments } = await client.caller.applications.get({ id: draft.id });
    expect(attachments.find((a) => a.id === uploaded.id)).toMatchObject({ document_code: 'attachment_1_concept', page_count: 2 });
    await attachRequiredDocuments(database, { applicationId: draft.id, kind: 'clt_demonstration', content: saved.content, uploadedBy: seed.users.applicant.id });
    const accepted = await client.caller.applications.submit({ id: draft.id, version: saved.version, idempotencyKey: randomUUID() });
    expect(accepted.ok).toBe(true);
  });

  it('refuses bad attachments with a clear Japanese message and stores nothing: oversized, wrong type, unknown document', async () => {
    const client = await signedInClient(database, seed.users.applicant.email);
    const draft = await client.caller.applications.createDraft({ programmeId: seed.programme.id, title: '添付の試験' });
    const before = await countRows(database.db, 'attachments');
    const base = { applicationId: draft.id, fileName: 'a.pdf', declaredType: 'application/pdf' as const };
    const oversized = Buffer.alloc(20 * 1024 * 1024 + 1, 0x25).toString('base64');
    expect(await refusalCodesOf(client.caller.attachments.upload({ ...base, contentBase64: oversized }))).toEqual({ code: 'PAYLOAD_TOO_LARGE', appCode: 'attachment.too_large' });
    expect(errorMessage('attachment.too_large', 'ja')).toBe('ファイルが大きすぎます。1ファイル20MBまでです。');
    // Far beyond the limit: refused by the input schema before the bytes are even decoded.
    const huge = await client.caller.attachments.upload({ ...base, contentBase64: oversized + 'A'.repeat(1024) }).catch((e: unknown) => e as TRPCError);
    expect(((huge as TRPCError).cause as unknown as ZodError).issues.map((i) => i.message)).toEqual(['attachment.too_large']);
    expect(await refusalCodesOf(client.caller.attachments.upload({ ...base, contentBase64: Buffer.from('not a pdf').toString('base64') }))).toEqual({
      code: 'BAD_REQUEST',
      appCode: 'attachment.type_mismatch',
    });
    expect(
      await refusalCodesOf(client.caller.attachments.upload({ ...base, contentBase64: Buffer.from(tinyPdf()).toString('base64'), documentCode: 'form_99' })),
    ).toEqual({ code: 'BAD_REQUEST', appCode: 'attachment.document_unknown' });
    expect(await countRows(database.db, 'attachments')).toBe(before);
  });

  it('refuses drafts of the wrong shape and absurd or negative amounts with the field named, and saves nothing', async () => {
    const client = await signedInClient(database, seed.users.applicant.email);
    const draft = await client.caller.applications.createDraft({ programmeId: seed.programme.id, title: '金額の試験' });
    const wrongType = await client.caller.applications
      .updateDraft({ id: draft.id, version: draft.version, content: 'not an object' as unknown as TApplicationContent })
      .catch((e: unknown) => e as TRPCError);
    expect((wrongType as TRPCError).code).toBe('BAD_REQUEST');
    // Saving never blocks on the budget (drafts are saved as typed); submitting names the line.
    const content = cltExampleApplicationContent();
    const lines = content.grant!.building!.lines;
    lines[0]!.amount = -5;
    const saved = await client.caller.applications.updateDraft({ id: draft.id, version: draft.version, content });
    await attachRequiredDocuments(database, { applicationId: draft.id, kind: 'clt_demonstration', content, uploadedBy: seed.users.applicant.id });
    const negative = await client.caller.applications.submit({ id: draft.id, version: saved.version, idempotencyKey: randomUUID() });
    expect(negative.ok).toBe(false);
    const issue = negative.ok ? undefined : negative.issues.find((i) => i.path.startsWith('grant.building.lines.0'));
    expect(issue).toBeDefined();
    expect(errorMessage(issue!.code, 'ja', issue!.params)).toMatch(/金額/);
    lines[0]!.amount = 1e15;
    const absurd = await client.caller.applications.updateDraft({ id: draft.id, version: saved.version, content });
    const tooMuch = await client.caller.applications.submit({ id: draft.id, version: absurd.version, idempotencyKey: randomUUID() });
    expect(tooMuch.ok).toBe(false);
    expect(await client.caller.applications.get({ id: draft.id })).toMatchObject({ status: 'draft', trackingNumber: null });
  });

  it("keeps another organisation's application out of reach: read, edit, attach all 'not found'", async () => {
    const { draft } = await completeDraft('他社の下書き');
    const bob = await signedInClient(database, seed.otherApplicant.email);
    const notFound = { code: 'NOT_FOUND', appCode: 'application.not_found' };
    expect(await refusalCodesOf(bob.caller.applications.get({ id: draft.id }))).toEqual(notFound);
    expect(await refusalCodesOf(bob.caller.applications.updateDraft({ id: draft.id, version: draft.version, title: '乗っ取り' }))).toEqual(notFound);
    expect(
      await refusalCodesOf(bob.caller.attachments.upload({ applicationId: draft.id, fileName: 'x.pdf', declaredType: 'application/pdf', contentBase64: Buffer.from(tinyPdf()).toString('base64') })),
    ).toEqual(notFound);
    const client = await signedInClient(database, seed.users.applicant.email);
    expect((await client.caller.applications.get({ id: draft.id })).title).toBe('他社の下書き');
  });

  it('shows each programme with its budget remaining after the ledger committed grants', async () => {
    await ensureLedger(database.db, seed.programme.id, 627_000_000, null);
    await database.db.updateTable('budget_ledgers').set({ committed_yen: 27_000_000 }).where('programme_id', '=', seed.programme.id).execute();
    const client = await signedInClient(database, seed.users.applicant.email);
    const listed = (await client.caller.programmes.list()).find((p) => p.id === seed.programme.id);
    expect(listed).toMatchObject({ budgetYen: 627_000_000, committedYen: 27_000_000, budgetRemainingYen: 600_000_000, closedByBudget: false, isOpen: true });
  });
  it('downloads the application as a PDF in Japanese: the draft, then the frozen version with its tracking number', async () => {
    const { client, draft } = await completeDraft('PDFの試験');
    const draftPdf = await client.caller.applications.pdf({ id: draft.id });
    expect(draftPdf.mimeType).toBe('application/pdf');
    const draftText = (await pdfText(Buffer.from(draftPdf.base64, 'base64'))).text;
    expect(draftText).toContain('下書き（未提出）');
    const result = await client.caller.applications.submit({ id: draft.id, version: draft.version, idempotencyKey: randomUUID() });
    if (!result.ok) throw new Error('submits');
    const frozen = await client.caller.applications.pdf({ id: draft.id, versionNo: 1 });
    expect(frozen.filename).toBe(`${result.receipt.trackingNumber}-v1.pdf`);
    const bytes = Buffer.from(frozen.base64, 'base64');
    expect(bytes.subarray(0, 4).toString('latin1')).toBe('%PDF');
    const text = (await pdfText(bytes)).text.replace(/\s+/g, '');
    for (const expected of ['様式4-1事業予算書（実証事業用）', '10,800,000円', '28,800,000円', result.receipt.trackingNumber]) expect(text).toContain(expected);
    const bob = await signedInClient(database, seed.otherApplicant.email);
    expect(await refusalCodesOf(bob.caller.applications.pdf({ id: draft.id }))).toMatchObject({ code: 'NOT_FOUND' });
  });
});
