import { countRows, type Database } from '@tsumiki/db';
import { testBackends } from '@tsumiki/db/testing';
import { ATTACHMENT_MAX_BYTES, SESSION_TTL_MS } from '@tsumiki/domain';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { PASSWORD, clientFor, seedRoles, signedInClient, refusalCodesOf } from './test-support';

const backends = await testBackends();

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a5c1a8d90000000049454e44ae426082', 'hex');

describe.each(backends)('API on $name', (backend) => {
  let database: Database;
  let seed: Awaited<ReturnType<typeof seedRoles>>;

  beforeAll(async () => {
    database = await backend.create();
    seed = await seedRoles(database);
  });
  afterAll(() => database.close());

  describe('sign-in', () => {
    it('signs in with the right password and knows the user and role', async () => {
      const client = await signedInClient(database, seed.users.applicant.email);
      const me = await client.caller.auth.me();
      expect(me?.user.email).toBe('applicant@example.jp');
      expect(me?.memberships.map((m) => m.role)).toEqual(['applicant']);
    });

    it('refuses a wrong password with a clear error and sets no cookie', async () => {
      const client = await clientFor(database);
      expect(await refusalCodesOf(client.caller.auth.signIn({ email: seed.users.reviewer.email, password: 'wrong password!' }))).toEqual({
        code: 'UNAUTHORIZED',
        appCode: 'auth.invalid_credentials',
      });
      expect(client.cookies.token).toBeUndefined();
    });

    it('answers an unknown address exactly like a wrong password', async () => {
      const client = await clientFor(database);
      expect(await refusalCodesOf(client.caller.auth.signIn({ email: 'nobody@example.jp', password: PASSWORD }))).toEqual({
        code: 'UNAUTHORIZED',
        appCode: 'auth.invalid_credentials',
      });
    });

    it('pauses sign-in for an address after five failures, even with the right password', async () => {
      const email = seed.users.association_viewer.email;
      const client = await clientFor(database, { request: { ip: '10.0.0.9' } });
      for (let i = 0; i < 5; i++) {
        await refusalCodesOf(client.caller.auth.signIn({ email, password: `wrong-${i}-password` }));
      }
      expect(await refusalCodesOf(client.caller.auth.signIn({ email, password: PASSWORD }))).toEqual({
        code: 'TOO_MANY_REQUESTS',
        appCode: 'auth.rate_limited',
      });
    });

    it('issues a new token at sign-in, so a planted token is never promoted (fixation)', async () => {
      const anonymous = await clientFor(database);
      anonymous.cookies.token = 'planted-by-attacker';
      const planted = anonymous.cookies.token;
      await anonymous.caller.auth.signIn({ email: seed.users.ministry.email, password: PASSWORD });
      expect(anonymous.cookies.token).not.toBe(planted);
    });

    it('refuses an expired session with its own message', async () => {
      const client = await signedInClient(database, seed.users.applicant.email);
      const later = await clientFor(database, {
        cookies: client.cookies,
        now: () => new Date(Date.now() + SESSION_TTL_MS + 1000),
      });
      expect(await refusalCodesOf(later.caller.applications.listMine())).toEqual({ code: 'UNAUTHORIZED', appCode: 'auth.session_expired' });
      expect(await later.caller.auth.me()).toBeNull();
    });

    it('ends the session on sign-out: the old cookie no longer works', async () => {
      const client = await signedInClient(database, seed.users.reviewer.email);
      const token = client.cookies.token;
      await client.caller.auth.signOut();
      const replay = await clientFor(database);
      replay.cookies.token = token;
      const again = await clientFor(database, { cookies: replay.cookies });
      expect(await refusalCodesOf(again.caller.programmes.list())).toEqual({ code: 'UNAUTHORIZED', appCode: 'auth.session_expired' });
    });
  });

  describe('cross-site requests', () => {
    it('refuses a mutation without the app header (a plain cross-site form post)', async () => {
      const client = await clientFor(database, { request: { hasCsrfHeader: false } });
      expect(await refusalCodesOf(client.caller.auth.signIn({ email: seed.users.applicant.email, password: PASSWORD }))).toEqual({
        code: 'FORBIDDEN',
        appCode: 'auth.cross_site',
      });
    });

    it('refuses a signed-in mutation from another origin', async () => {
      const signedIn = await signedInClient(database, seed.users.applicant.email);
      const evil = await clientFor(database, {
        cookies: signedIn.cookies,
        request: { origin: 'https://evil.example', fetchSite: 'cross-site' },
      });
      expect(
        await refusalCodesOf(evil.caller.applications.createDraft({ programmeId: seed.programme.id, title: 'x' })),
      ).toEqual({ code: 'FORBIDDEN', appCode: 'auth.cross_site' });
      expect(await countRows(database.db, 'applications')).toBe(0);
    });
  });

  describe('applications', () => {
    it('creates a draft only while the window is open', async () => {
      const client = await signedInClient(database, seed.users.applicant.email);
      expect(
        await refusalCodesOf(client.caller.applications.createDraft({ programmeId: seed.closedProgramme.id, title: '締切後' })),
      ).toEqual({ code: 'PRECONDITION_FAILED', appCode: 'programme.window_closed' });
      const draft = await client.caller.applications.createDraft({ programmeId: seed.programme.id, title: 'CLT実証 A棟' });
      expect(draft).toMatchObject({ status: 'draft', version: 1 });
    });

    it('refuses a stale version: the second writer gets a conflict and the first edit survives', async () => {
      const alice = await signedInClient(database, seed.users.applicant.email);
      const draft = await alice.caller.applications.createDraft({ programmeId: seed.programme.id, title: '競合' });
      const saved = await alice.caller.applications.updateDraft({ id: draft.id, version: 1, content: { programme: 'clt_demonstration', plan: { content: 'first' } } });
      expect(saved.version).toBe(2);
      expect(
        await refusalCodesOf(alice.caller.applications.updateDraft({ id: draft.id, version: 1, content: { programme: 'clt_demonstration', plan: { content: 'stale' } } })),
      ).toEqual({ code: 'CONFLICT', appCode: 'application.version_conflict' });
      const current = await alice.caller.applications.get({ id: draft.id });
      expect(current.content).toEqual({ programme: 'clt_demonstration', plan: { content: 'first' } });
      expect(current.version).toBe(2);
    });

    it('lets one of several simultaneous saves of a version through, with one audit row, and tells the others why', async () => {
      const alice = await signedInClient(database, seed.users.applicant.email);
      const draft = await alice.caller.applications.createDraft({ programmeId: seed.programme.id, title: '同時保存' });
      const attempts = Array.from({ length: 6 }, (_, i) => alice.caller.applications.updateDraft({ id: draft.id, version: 1, title: `同時保存 ${i}` }));
      const saves = await Promise.allSettled(attempts);
      const saved = saves.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
      expect(saved).toHaveLength(1);
      for (const [i, s] of saves.entries()) {
        if (s.status === 'rejected') expect(await refusalCodesOf(attempts[i]!)).toEqual({ code: 'CONFLICT', appCode: 'application.version_conflict' });
      }
      const audited = await database.db.selectFrom('audit_log').select(['after']).where('entity_id', '=', draft.id).where('action', '=', 'application.update_draft').execute();
      expect(audited).toEqual([{ after: expect.objectContaining({ title: saved[0]!.title, version: 2 }) }]);
      const current = await alice.caller.applications.get({ id: draft.id });
      expect([current.title, current.version]).toEqual([saved[0]!.title, 2]);
    });

    it('refuses a save that finds the application submitted since it was read, and writes nothing', async () => {
      const alice = await signedInClient(database, seed.users.applicant.email);
      const draft = await alice.caller.applications.createDraft({ programmeId: seed.programme.id, title: '提出済み' });
      // As if the office had moved it on between the save's read and its write: status changed, version not.
      await database.db.updateTable('applications').set({ status: 'submitted' }).where('id', '=', draft.id).execute();
      expect(await refusalCodesOf(alice.caller.applications.updateDraft({ id: draft.id, version: 1, title: '書き換え' }))).toMatchObject({
        appCode: 'application.not_editable',
      });
      const row = await database.db.selectFrom('applications').select(['title', 'version']).where('id', '=', draft.id).executeTakeFirstOrThrow();
      expect(row).toEqual({ title: '提出済み', version: 1 });
      expect(await database.db.selectFrom('audit_log').select('id').where('entity_id', '=', draft.id).where('action', '=', 'application.update_draft').execute()).toEqual([]);
    });

    it("hides another organisation's application", async () => {
      const alice = await signedInClient(database, seed.users.applicant.email);
      const draft = await alice.caller.applications.createDraft({ programmeId: seed.programme.id, title: '非公開' });
      const bob = await signedInClient(database, seed.otherApplicant.email);
      expect(await refusalCodesOf(bob.caller.applications.get({ id: draft.id }))).toEqual({
        code: 'NOT_FOUND',
        appCode: 'application.not_found',
      });
      expect(
        await refusalCodesOf(bob.caller.applications.updateDraft({ id: draft.id, version: 1, title: '乗っ取り' })),
      ).toMatchObject({ code: 'NOT_FOUND' });
    });
  });

  describe('attachments', () => {
    it('stores a PDF that is a PDF, with its hash and size', async () => {
      const client = await signedInClient(database, seed.users.applicant.email);
      const draft = await client.caller.applications.createDraft({ programmeId: seed.programme.id, title: '添付' });
      const stored = await client.caller.attachments.upload({
        applicationId: draft.id,
        fileName: '様式1.pdf',
        declaredType: 'application/pdf',
        contentBase64: PDF.toString('base64'),
      });
      expect(stored).toMatchObject({ fileName: '様式1.pdf', sizeBytes: PDF.length });
      expect(stored.sha256).toMatch(/^[0-9a-f]{64}$/);
    });

    // One connection in PGlite: a held lock there would hold every other statement too.
    it.runIf(backend.name === 'postgres')('refuses an upload that waited on a submission in progress, with no row and no audit row', async () => {
      const client = await signedInClient(database, seed.users.applicant.email);
      const draft = await client.caller.applications.createDraft({ programmeId: seed.programme.id, title: '提出中の添付' });
      let upload: ReturnType<typeof refusalCodesOf> | undefined;
      await database.db.transaction().execute(async (trx) => {
        // As a submission does: the row locked for update, then the status moved on.
        await trx.selectFrom('applications').select('id').where('id', '=', draft.id).forUpdate().execute();
        // Its refusal is taken as soon as it comes: it may come before this transaction's COMMIT has answered.
        upload = refusalCodesOf(client.caller.attachments.upload({ applicationId: draft.id, fileName: '遅れた資料.pdf', declaredType: 'application/pdf', contentBase64: PDF.toString('base64') }));
        await vi.waitUntil(
          async () => {
            const { rows } = await sql<{ n: number }>`
              select count(*)::int as n from pg_stat_activity where wait_event_type = 'Lock' and query like '%insert into attachments%'`.execute(database.db);
            return rows[0]!.n > 0;
          },
          { timeout: 20_000, interval: 20 },
        );
        await trx.updateTable('applications').set({ status: 'submitted' }).where('id', '=', draft.id).execute();
      });
      expect(await upload!).toEqual({ code: 'PRECONDITION_FAILED', appCode: 'application.not_editable' });
      expect(await database.db.selectFrom('attachments').select('id').where('application_id', '=', draft.id).execute()).toEqual([]);
      expect(await database.db.selectFrom('audit_log').select('id').where('entity_id', '=', draft.id).where('action', '=', 'attachment.upload').execute()).toEqual([]);
    });

    it('refuses a mislabelled or oversized file and stores nothing', async () => {
      const client = await signedInClient(database, seed.users.applicant.email);
      const draft = await client.caller.applications.createDraft({ programmeId: seed.programme.id, title: '不正添付' });
      const before = await countRows(database.db, 'attachments');
      const auditBefore = await countRows(database.db, 'audit_log');
      expect(
        await refusalCodesOf(
          client.caller.attachments.upload({
            applicationId: draft.id,
            fileName: 'drawing.pdf',
            declaredType: 'application/pdf',
            contentBase64: PNG.toString('base64'),
          }),
        ),
      ).toEqual({ code: 'BAD_REQUEST', appCode: 'attachment.type_mismatch' });
      const oversized = Buffer.alloc(ATTACHMENT_MAX_BYTES + 1);
      PDF.copy(oversized);
      expect(
        await refusalCodesOf(
          client.caller.attachments.upload({
            applicationId: draft.id,
            fileName: 'huge.pdf',
            declaredType: 'application/pdf',
            contentBase64: oversized.toString('base64'),
          }),
        ),
      ).toMatchObject({ code: expect.stringMatching(/BAD_REQUEST|PAYLOAD_TOO_LARGE/) });
      expect(await countRows(database.db, 'attachments')).toBe(before);
      expect(await countRows(database.db, 'audit_log')).toBe(auditBefore);
    });
  });

  it('records changes in the audit log with before and after', async () => {
    const client = await signedInClient(database, seed.users.applicant.email);
    const draft = await client.caller.applications.createDraft({ programmeId: seed.programme.id, title: '監査' });
    await client.caller.applications.updateDraft({ id: draft.id, version: 1, title: '監査（改）' });
    const rows = await database.db
      .selectFrom('audit_log')
      .select(['action', 'before', 'after', 'actor_user_id'])
      .where('entity_id', '=', draft.id)
      .orderBy('id')
      .execute();
    expect(rows.map((r) => r.action)).toEqual(['application.create_draft', 'application.update_draft']);
    expect(rows[1]).toMatchObject({
      actor_user_id: seed.users.applicant.id,
      before: { title: '監査', version: 1 },
      after: { title: '監査（改）', version: 2 },
    });
  });
});
