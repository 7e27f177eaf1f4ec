import { createHash } from 'node:crypto';
import { findUserByEmail, insertAttachment, insertConflictDeclaration, type Database } from '@tsumiki/db';
import { testBackends } from '@tsumiki/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from './app';
import { seedDemo } from './seed/demo';
import { signInOverHttp, TEST_ORIGIN as ORIGIN } from './test-support';

const backends = await testBackends();
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const DOCX = Buffer.from('PK\u0003\u0004 not really a document');
const ASSIGNED = 'CLTパネル工法 4階建て事務所の建築実証（杉山木材）';

describe.each(backends)('attachment preview over HTTP on $name', (backend) => {
  let database: Database;
  let app: Awaited<ReturnType<typeof buildServer>>;
  let applicationId: string;
  let pdfId: string;
  let docxId: string;

  const sessionOf = (email: string) => signInOverHttp(app, email);
  const get = (id: string, session?: string) => app.inject({ method: 'GET', url: `/files/attachments/${id}`, ...(session ? { cookies: { tsumiki_session: session } } : {}) });

  beforeAll(async () => {
    database = await backend.create();
    await seedDemo(database.db);
    app = await buildServer({ db: database.db, allowedOrigins: [ORIGIN], secureCookies: false });
    const application = await database.db.selectFrom('applications').select(['id', 'created_by']).where('title', '=', ASSIGNED).executeTakeFirstOrThrow();
    applicationId = application.id;
    const attach = (fileName: string, type: string, content: Buffer) =>
      insertAttachment(database.db, { applicationId, uploadedBy: application.created_by, fileName, declaredType: type, detectedType: type, sha256: createHash('sha256').update(content).digest('hex'), content });
    pdfId = (await attach('様式1 申請書.pdf', 'application/pdf', PDF)).id;
    docxId = (await attach('工程表.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', DOCX)).id;
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it('serves a PDF inline to the secretariat: its type, nosniff, and framing by the console only', async () => {
    const response = await get(pdfId, await sessionOf('reviewer@demo.tsumiki.jp'));
    expect(response.statusCode).toBe(200);
    expect(response.rawPayload.equals(PDF)).toBe(true);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toBe("inline; filename=\"__1 ___.pdf\"; filename*=UTF-8''%E6%A7%98%E5%BC%8F1%20%E7%94%B3%E8%AB%8B%E6%9B%B8.pdf");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(response.headers['content-security-policy']).toContain("frame-ancestors 'self'");
    expect(response.headers['content-security-policy']).toContain("default-src 'none'");
    expect(response.headers['cache-control']).toBe('private, no-store');
    // Other responses keep the app's policy: never framed.
    const page = await app.inject('/healthz');
    expect(page.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(page.headers['x-frame-options']).toBe('DENY');
  });

  it('refuses a type the browser should not render, a missing file, nobody and an applicant', async () => {
    const reviewer = await sessionOf('reviewer@demo.tsumiki.jp');
    const docx = await get(docxId, reviewer);
    expect(docx.statusCode).toBe(415);
    expect(docx.body).toContain('ブラウザで表示できません');
    expect((await get('00000000-0000-4000-8000-000000000000', reviewer)).statusCode).toBe(404);
    expect((await get('not-a-uuid', reviewer)).statusCode).toBe(404);
    expect((await get(pdfId)).statusCode).toBe(401);
    const applicant = await get(pdfId, await sessionOf('applicant@demo.tsumiki.jp'));
    expect(applicant.statusCode).toBe(403);
    expect(applicant.rawPayload.equals(PDF)).toBe(false);
  });

  it('gives a committee member the file only after declaring, and nothing once a conflict is declared', async () => {
    const member = await sessionOf('committee@demo.tsumiki.jp');
    const before = await get(pdfId, member);
    expect(before.statusCode).toBe(403);
    expect(before.body).toContain('申告');
    const committee = (await findUserByEmail(database.db, 'committee@demo.tsumiki.jp'))!;
    const programme = await database.db.selectFrom('applications').select('programme_id').where('id', '=', applicationId).executeTakeFirstOrThrow();
    await insertConflictDeclaration(database.db, { applicationId, programmeId: programme.programme_id, memberId: committee.id, conflicts: [], at: new Date() });
    expect((await get(pdfId, member)).statusCode).toBe(200);
    await insertConflictDeclaration(database.db, { applicationId, programmeId: programme.programme_id, memberId: committee.id, conflicts: [{ kind: 'related_company' }], at: new Date() });
    const conflicted = await get(pdfId, member);
    expect(conflicted.statusCode).toBe(403);
    expect(conflicted.rawPayload.equals(PDF)).toBe(false);
    expect(conflicted.body).toContain('利益相反');
  });
});
