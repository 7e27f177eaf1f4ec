/**
 * The data a load or fault run works on: a programme office with an open CLT round, applicants
 * each in their own organisation, reviewers and committee members, a ministry with the eight
 * associations, and a stock of already-submitted applications for the review queue.
 */
import { hashPassword } from '@tsumiki/api';
import { insertMembership, insertOrganisation, insertProgramme, insertUser, latestPublishedVersion, type DB } from '@tsumiki/db';
import { type TRole } from '@tsumiki/domain';
import { assessApplication, cltExampleApplicationContent } from '@tsumiki/domain/programmes';
import { sql, type Kysely } from 'kysely';

export const LOAD_PASSWORD = 'load-password-2026';

export interface Account {
  email: string;
  role: TRole;
}

export interface Seeded {
  programmeId: string;
  accounts: Account[];
}

export interface SeedSize {
  applicants: number;
  reviewers: number;
  ministry: number;
  /** Applications already submitted before the run (the review queue's stock). */
  submitted: number;
}

const DAY_MS = 86_400_000;

export async function seedLoadData(db: Kysely<DB>, size: SeedSize, now = new Date()): Promise<Seeded> {
  const passwordHash = await hashPassword(LOAD_PASSWORD);
  const accounts: Account[] = [];
  const member = async (email: string, displayName: string, organisationId: string, role: TRole) => {
    const user = await insertUser(db, { email, displayName, passwordHash });
    await insertMembership(db, { userId: user.id, organisationId, role });
    accounts.push({ email, role });
  };

  const office = await insertOrganisation(db, { kind: 'programme_office', name_ja: '木構造振興株式会社', name_en: 'Mokkoushin', short_name_ja: null });
  const programme = await insertProgramme(db, {
    code: 'clt-load',
    kind: 'clt_demonstration',
    name_ja: 'CLT建築実証事業（負荷試験）',
    name_en: 'CLT demonstration (load test)',
    fiscal_year: now.getUTCFullYear(),
    window_opens_at: new Date(now.getTime() - DAY_MS),
    window_closes_at: new Date(now.getTime() + 30 * DAY_MS),
    // Large enough that the round never closes on budget during a run.
    budget_yen: 1_000_000_000_000,
    office_organisation_id: office.id,
  });
  for (let i = 1; i <= size.reviewers; i++) {
    await member(`reviewer${i}@load.example`, `審査員${i}`, office.id, i % 3 === 0 ? 'committee' : 'reviewer');
  }
  const ministry = await insertOrganisation(db, { kind: 'ministry', name_ja: '国土交通省', name_en: 'MLIT', short_name_ja: null });
  for (let i = 1; i <= size.ministry; i++) await member(`ministry${i}@load.example`, `担当${i}`, ministry.id, 'ministry');
  for (let i = 1; i <= 8; i++) {
    await insertOrganisation(db, { kind: 'association', name_ja: `建設業団体${i}`, name_en: `Association ${i}`, short_name_ja: `団体${i}` });
  }
  const orgIds: string[] = [];
  for (let i = 1; i <= Math.max(size.applicants, 1); i++) {
    const org = await insertOrganisation(db, { kind: 'applicant', name_ja: `申請者${i}株式会社`, name_en: `Applicant ${i} Co.`, short_name_ja: null });
    orgIds.push(org.id);
    if (i <= size.applicants) await member(`applicant${i}@load.example`, `申請者${i}`, org.id, 'applicant');
  }

  if (size.submitted > 0) {
    const content = cltExampleApplicationContent();
    const rules = await latestPublishedVersion(db, programme.programme_definition_id);
    if (!rules) throw new Error('The load round has no published rules.');
    const requested = assessApplication('clt_demonstration', content, undefined, rules.definition).result!.grant.amount;
    const creator = await db.selectFrom('users').select('id').where('email', 'like', 'applicant%').executeTakeFirstOrThrow();
    await sql`
      insert into applications (programme_id, applicant_organisation_id, created_by, title, status, content, submitted_at, tracking_number, requested_grant_yen, version, definition_version_id)
      select ${programme.id}::uuid, (${sql.lit(`{${orgIds.join(',')}}`)}::uuid[])[1 + (g % ${orgIds.length})], ${creator.id}::uuid,
             'CLT実証事業 既存提案' || g, 'submitted', ${JSON.stringify(content)}::jsonb, ${now}::timestamptz - make_interval(mins => g),
             'CLT-LOAD-' || lpad(g::text, 6, '0'), ${requested}, 2, ${rules.id}::uuid
      from generate_series(1, ${size.submitted}) g`.execute(db);
    await sql`
      insert into application_submissions (application_id, version_no, title, content, assessment, requested_grant_yen, submitted_by, submitted_at, idempotency_key)
      select id, 1, title, content, '{}'::jsonb, requested_grant_yen, created_by, submitted_at, 'seed-' || id from applications`.execute(db);
  }
  await sql`analyze`.execute(db);
  return { programmeId: programme.id, accounts };
}
