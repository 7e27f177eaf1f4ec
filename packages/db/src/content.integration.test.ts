import { cltExampleApplicationContent, ContentShapeError, ZApplicationContent, type TApplicationContent } from '@tsumiki/domain/programmes';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from './client';
import { up as typedContentUp } from './migrations/2026-12-04T17-typed-application-content';
import { findApplicationById, insertApplication, updateApplicationIfVersion } from './repositories/applications.repository';
import { insertOrganisation } from './repositories/organisations.repository';
import { insertProgramme } from './repositories/programmes.repository';
import { findLatestSubmission, insertSubmission, listSubmissionsOfApplication } from './repositories/submissions.repository';
import { insertUser } from './repositories/users.repository';
import { testBackends } from './testing';

const backends = await testBackends();

const co2: TApplicationContent = ZApplicationContent.parse({
  programme: 'co2_factor_support',
  applicant: { name: '一般社団法人 断熱建材工業会' },
  outline: { purpose: '断熱材2製品のEPD', parties: '会員企業2社', schedule: '令和8年度' },
  grant: {
    applicant: { kind: 'industry_body' },
    factors: [{ id: 'A', kind: 'epd_cfp_verified', product: '押出法ポリスチレンフォーム', productCategory: '断熱材' }],
    // A row just added in the wizard: only its id and amount so far.
    lines: [{ id: '1', category: 'personnel', factorId: 'A', amount: 3_200_000 }, { id: '2', amount: 0 }],
  },
});

describe.each(backends)('typed application content on $name', (backend) => {
  let database: Database;
  let ids: { user: string; org: string; clt: string; co2: string };

  beforeAll(async () => {
    database = await backend.create();
    const { db } = database;
    const office = await insertOrganisation(db, { kind: 'programme_office', name_ja: '事務局', name_en: 'Office', short_name_ja: null });
    const org = await insertOrganisation(db, { kind: 'applicant', name_ja: '申請者', name_en: 'Applicant', short_name_ja: null });
    const user = await insertUser(db, { email: 'content@example.jp', displayName: '申請 太郎', passwordHash: 'x' });
    const programme = (code: string, kind: 'clt_demonstration' | 'co2_factor_support') =>
      insertProgramme(db, {
        code,
        kind,
        name_ja: code,
        name_en: code,
        fiscal_year: 2026,
        window_opens_at: new Date('2026-04-01T00:00:00Z'),
        window_closes_at: new Date('2026-12-24T04:00:00Z'),
        budget_yen: 627_000_000,
        office_organisation_id: office.id,
      });
    ids = { user: user.id, org: org.id, clt: (await programme('clt', 'clt_demonstration')).id, co2: (await programme('co2', 'co2_factor_support')).id };
  });
  afterAll(() => database.close());

  const draft = (programmeId: string, content: TApplicationContent) =>
    insertApplication(database.db, { programmeId, organisationId: ids.org, createdBy: ids.user, title: '実証', content });

  it('round-trips the content of every programme kind, drafts and frozen versions alike', async () => {
    const clt = cltExampleApplicationContent();
    const a = await draft(ids.clt, clt);
    expect(a.content).toEqual(clt);
    expect((await findApplicationById(database.db, a.id))?.content).toEqual(clt);

    const b = await draft(ids.co2, co2);
    expect((await findApplicationById(database.db, b.id))?.content).toEqual(co2);
    const edited: TApplicationContent = { ...co2, pledge: { agreed: true } };
    expect((await updateApplicationIfVersion(database.db, { id: b.id, expectedVersion: b.version, content: edited }))?.content).toEqual(edited);

    await insertSubmission(database.db, {
      applicationId: a.id,
      versionNo: 1,
      title: '実証',
      content: clt,
      assessment: {},
      requestedGrantYen: null,
      submittedBy: ids.user,
      submittedAt: new Date(),
      idempotencyKey: `k-${a.id}`,
    });
    expect((await findLatestSubmission(database.db, a.id))?.content).toEqual(clt);
    expect((await listSubmissionsOfApplication(database.db, a.id)).map((s) => s.content)).toEqual([clt]);
  });

  it('refuses a stored row of the wrong shape with an error naming the application', async () => {
    const a = await draft(ids.clt, { programme: 'clt_demonstration' });
    // Written behind the repositories' back: a budget section that is not a list of lines.
    await database.db
      .updateTable('applications')
      .set({ content: JSON.stringify({ programme: 'clt_demonstration', grant: { building: { lines: 'many' } } }) })
      .where('id', '=', a.id)
      .execute();
    const read = findApplicationById(database.db, a.id);
    await expect(read).rejects.toBeInstanceOf(ContentShapeError);
    await expect(findApplicationById(database.db, a.id)).rejects.toMatchObject({
      code: 'application.content_invalid',
      params: { application: a.id, path: 'grant.building.lines' },
    });
  });

  it('the migration gives rows written before it their programme kind', async () => {
    const a = await draft(ids.co2, co2);
    const { programme: _kind, ...untyped } = co2;
    await database.db.updateTable('applications').set({ content: JSON.stringify(untyped) }).where('id', '=', a.id).execute();
    await expect(findApplicationById(database.db, a.id)).rejects.toBeInstanceOf(ContentShapeError);
    await typedContentUp(database.db);
    expect((await findApplicationById(database.db, a.id))?.content).toEqual(co2);
    const stored = await sql<{ kind: string }>`select content->>'programme' as kind from applications where id = ${a.id}`.execute(database.db);
    expect(stored.rows[0]?.kind).toBe('co2_factor_support');
  });
});
