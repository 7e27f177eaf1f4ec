import { countRows, openDraftVersion, publishDefinitionVersion, updateDraftVersion } from '@tsumiki/db';
import { testBackends } from '@tsumiki/db/testing';
import { describe, expect, it } from 'vitest';
import { refusalCodesOf, seededDatabase, signedInClient, tinyPdf } from './test-support';

const backends = await testBackends();

/**
 * An upload after the first to an application is checked against what the first read of it (whose
 * it is, which rules) and written in one statement while that still holds. Each way it can stop
 * holding must give what reading the application again gives.
 */
describe.each(backends)('uploads checked against what an earlier upload read, on $name', (backend) => {
  const state = seededDatabase(backend);
  const pdf = Buffer.from(tinyPdf()).toString('base64');
  const upload = (applicationId: string, documentCode: string) => ({ applicationId, fileName: `${documentCode}.pdf`, declaredType: 'application/pdf' as const, contentBase64: pdf, documentCode });
  const uploadsOf = (applicationId: string) =>
    state.database.db.selectFrom('attachments').select(['document_code', 'uploaded_by']).where('application_id', '=', applicationId).orderBy('created_at').execute();
  const auditedUploads = async (applicationId: string) =>
    Number(
      (
        await state.database.db
          .selectFrom('audit_log')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('action', '=', 'attachment.upload')
          .where('entity_id', '=', applicationId)
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('writes and audits each upload, and keeps them to the owner and to drafts', async () => {
    const { database, seed } = state;
    const client = await signedInClient(database, seed.users.applicant.email);
    const draft = await client.caller.applications.createDraft({ programmeId: seed.programme.id, title: '添付の二度目' });
    await client.caller.attachments.upload(upload(draft.id, 'attachment_1_concept'));
    const second = await client.caller.attachments.upload(upload(draft.id, 'attachment_2'));
    expect(second).toMatchObject({ documentCode: 'attachment_2', pageCount: 1 });
    expect((await uploadsOf(draft.id)).map((a) => a.document_code)).toEqual(['attachment_1_concept', 'attachment_2']);
    expect(await auditedUploads(draft.id)).toBe(2);

    // Another organisation's applicant, after the owner's uploads: not found, nothing written.
    const before = await countRows(database.db, 'attachments');
    const bob = await signedInClient(database, seed.otherApplicant.email);
    expect(await refusalCodesOf(bob.caller.attachments.upload(upload(draft.id, 'attachment_3')))).toEqual({ code: 'NOT_FOUND', appCode: 'application.not_found' });
    // An unknown document: refused as before.
    expect(await refusalCodesOf(client.caller.attachments.upload(upload(draft.id, 'form_99')))).toEqual({ code: 'BAD_REQUEST', appCode: 'attachment.document_unknown' });
    // Submitted meanwhile (here, straight in the table): no longer a draft, so no file.
    await database.db.updateTable('applications').set({ status: 'submitted' }).where('id', '=', draft.id).execute();
    expect(await refusalCodesOf(client.caller.attachments.upload(upload(draft.id, 'attachment_3')))).toMatchObject({ appCode: 'application.not_editable' });
    expect(await countRows(database.db, 'attachments')).toBe(before);
    expect(await auditedUploads(draft.id)).toBe(2);
  });

  it('checks against the rules published since the last upload: a document they dropped is refused, one they added is taken', async () => {
    const { database, seed } = state;
    const client = await signedInClient(database, seed.users.applicant.email);
    const draft = await client.caller.applications.createDraft({ programmeId: seed.programme.id, title: '要領の改訂' });
    await client.caller.attachments.upload(upload(draft.id, 'attachment_1_concept'));
    await client.caller.attachments.upload(upload(draft.id, 'attachment_2'));

    // The office publishes rules without 添付資料2 and with a new document.
    const programme = await database.db.selectFrom('programmes').select('programme_definition_id').where('id', '=', seed.programme.id).executeTakeFirstOrThrow();
    const { version } = await openDraftVersion(database.db, programme.programme_definition_id, seed.users.reviewer.id);
    const documents = version.definition.requiredDocuments.filter((d) => d.code !== 'attachment_2');
    await updateDraftVersion(database.db, version.id, { ...version.definition, requiredDocuments: [...documents, { ...documents[0]!, code: 'site_photos' }] });
    await publishDefinitionVersion(database.db, version.id, { changeSummary: '添付資料の見直し', publishedBy: seed.users.reviewer.id });

    expect(await refusalCodesOf(client.caller.attachments.upload(upload(draft.id, 'attachment_2')))).toEqual({ code: 'BAD_REQUEST', appCode: 'attachment.document_unknown' });
    expect(await client.caller.attachments.upload(upload(draft.id, 'site_photos'))).toMatchObject({ documentCode: 'site_photos' });
    expect(await client.caller.attachments.upload(upload(draft.id, 'attachment_3'))).toMatchObject({ documentCode: 'attachment_3' });
    expect((await uploadsOf(draft.id)).map((a) => a.document_code)).toEqual(['attachment_1_concept', 'attachment_2', 'site_photos', 'attachment_3']);
    expect(await auditedUploads(draft.id)).toBe(4);
  });
});
