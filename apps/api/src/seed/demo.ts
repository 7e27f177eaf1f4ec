import { hashPassword } from '@tsumiki/api';
import {
  countUsers,
  findUserByEmail,
  insertMembership,
  insertOrganisation,
  insertProgramme,
  insertUser,
  type DB,
  type Executor,
} from '@tsumiki/db';
import { jstInstant, jstParts, type TRole } from '@tsumiki/domain';
import type { Kysely } from 'kysely';
import { seedCarbonDemo } from './carbon-demo';
import { seedCcusDemo } from './ccus-demo';
import { DEMO_APPLICANTS } from './demo-applications';
import { seedReviewDemo } from './review-demo';

/** Everyone in the demo signs in with this password (printed by the start command). */
export const DEMO_PASSWORD = 'tsumiki-demo-2026';

export interface DemoLogin {
  role: TRole;
  email: string;
  displayName: string;
  organisation: string;
}

/** One person per role (SPEC §7). */
export const DEMO_ACCOUNTS = [
  { role: 'applicant', email: 'applicant@demo.tsumiki.jp', displayName: '杉山 美咲' },
  { role: 'reviewer', email: 'reviewer@demo.tsumiki.jp', displayName: '高橋 健一' },
  { role: 'committee', email: 'committee@demo.tsumiki.jp', displayName: '中村 由紀子' },
  { role: 'programme_admin', email: 'admin@demo.tsumiki.jp', displayName: '佐藤 誠' },
  { role: 'association_reporter', email: 'reporter@demo.tsumiki.jp', displayName: '伊藤 直樹' },
  { role: 'association_viewer', email: 'viewer@demo.tsumiki.jp', displayName: '渡辺 真理' },
  { role: 'ministry', email: 'ministry@demo.tsumiki.jp', displayName: '山本 大輔' },
] as const satisfies readonly { role: TRole; email: string; displayName: string }[];

/** One applicant of each other demo company (the demo applicant works for 杉山木材 only). */
export const DEMO_ORGANISATION_APPLICANTS = [
  { organisation: '東北CLT', email: 'tohoku-clt@demo.tsumiki.jp', displayName: '東 翔太' },
  { organisation: '断熱建材工業会', email: 'insulation@demo.tsumiki.jp', displayName: '白石 彩' },
] as const;

/** The eight associations of seeds/000, with their usual short names. */
const ASSOCIATIONS = [
  ['一般社団法人日本建設業連合会', 'Japan Federation of Construction Contractors', '日建連'],
  ['一般社団法人全国建設業協会', 'Japan Construction Industry Association', '全建'],
  ['一般社団法人全国中小建設業協会', 'National Association of Small and Medium Construction Contractors', '全中建'],
  ['一般社団法人建設産業専門団体連合会', 'Federation of Specialist Construction Associations', '建専連'],
  ['一般社団法人日本空調衛生工事業協会', 'Japan Air Conditioning, Heating & Sanitary Contractors Association', '日空衛'],
  ['一般社団法人日本電設工業協会', 'Japan Electrical Construction Association', '日本電設工業協会'],
  ['一般社団法人住宅生産団体連合会', 'Japan Federation of Housing Organizations', '住団連'],
  ['全国建設労働組合総連合', 'National Federation of Construction Workers’ Unions', '全建総連'],
] as const;

/**
 * The two programmes as the documents define them (001, 003), plus a demo round of each whose
 * window is open on the day of seeding, so a newcomer can apply right away.
 */
function programmes(now: Date) {
  const today = jstParts(now);
  const demoOpens = jstInstant(today.year, today.month, today.day);
  const demoCloses = new Date(demoOpens.getTime() + 60 * 86_400_000);
  const closeParts = jstParts(demoCloses);
  return {
    co2: {
      code: 'co2-factor-support-r7',
      kind: 'co2_factor_support' as const,
      name_ja: '令和7年度 CO2原単位等の策定に係る支援',
      name_en: 'FY2025 support for developing CO2 emission factors',
      fiscal_year: 2025,
      // 001 §3.1: 令和7年4月1日から令和7年12月24日まで (the whole closing day counts).
      window_opens_at: jstInstant(2025, 4, 1),
      window_closes_at: jstInstant(2025, 12, 25),
      // 001 states no budget figure; this is a placeholder the programme office replaces.
      budget_yen: 100_000_000,
      budget_stated: false,
      definition: JSON.stringify({ source: 'seeds/001', caps: { perFactorYen: 4_000_000, perApplicantYen: 10_000_000 } }),
    },
    clt: {
      code: 'clt-demonstration-r7',
      kind: 'clt_demonstration' as const,
      name_ja: '令和7年度 CLT建築実証事業',
      name_en: 'FY2025 CLT building demonstration subsidy',
      fiscal_year: 2025,
      // 003 §6.1: 令和8年3月6日（金）～令和8年4月6日（月）13時 必着.
      window_opens_at: jstInstant(2026, 3, 6),
      window_closes_at: jstInstant(2026, 4, 6, 13, 0),
      budget_yen: 627_000_000,
      definition: JSON.stringify({ source: 'seeds/003', grantBody: '木構造振興株式会社', expectedProjects: 20 }),
    },
    co2Demo: {
      code: 'co2-factor-support-demo',
      kind: 'co2_factor_support' as const,
      name_ja: '【デモ】CO2原単位等の策定に係る支援（受付中の回）',
      name_en: '[Demo] Support for developing CO2 emission factors (open round)',
      fiscal_year: today.month >= 4 ? today.year : today.year - 1,
      window_opens_at: demoOpens,
      window_closes_at: jstInstant(closeParts.year, closeParts.month, closeParts.day + 1),
      budget_yen: 100_000_000,
      is_demo: true,
      budget_stated: false,
      definition: JSON.stringify({ source: 'seeds/001', demoOf: 'co2-factor-support-r7' }),
    },
    cltDemo: {
      code: 'clt-demonstration-demo',
      kind: 'clt_demonstration' as const,
      name_ja: '【デモ】CLT建築実証事業（受付中の回）',
      name_en: '[Demo] CLT building demonstration subsidy (open round)',
      fiscal_year: today.month >= 4 ? today.year : today.year - 1,
      window_opens_at: demoOpens,
      window_closes_at: jstInstant(closeParts.year, closeParts.month, closeParts.day, 13, 0),
      budget_yen: 627_000_000,
      is_demo: true,
      definition: JSON.stringify({ source: 'seeds/003', demoOf: 'clt-demonstration-r7' }),
    },
  };
}

/** Seeds the demo in one transaction; refuses a database that already has users. */
export async function seedDemo(db: Kysely<DB>, options: { now?: Date } = {}): Promise<{ logins: DemoLogin[] }> {
  if ((await countUsers(db)) > 0) throw new Error('The database already has users; the demo seed only runs on an empty one.');
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return db.transaction().execute(async (trx) => {
    const org = (kind: 'applicant' | 'association' | 'programme_office' | 'ministry', name_ja: string, name_en: string, short_name_ja: string | null = null) =>
      insertOrganisation(trx, { kind, name_ja, name_en, short_name_ja });

    const mlit = await org('ministry', '国土交通省 住宅局', 'MLIT Housing Bureau', '国交省');
    const ibecs = await org('programme_office', '一般社団法人環境共生まちづくり協会', 'Institute for Built Environment and Carbon Neutral for SDGs', '環境共生まちづくり協会');
    const howtec = await org('programme_office', '公益財団法人日本住宅・木材技術センター', 'Japan Housing and Wood Technology Center', '住木センター');
    const mokkoushin = await org('programme_office', '木構造振興株式会社', 'Mokkoushin (timber structure promotion)', '木構振');
    const associations = [];
    for (const [ja, en, short] of ASSOCIATIONS) associations.push(await org('association', ja, en, short));
    // Applicants with the representative and address their forms start from (no corporate number:
    // a made-up one could be a real company's).
    const applicant = async (short: keyof typeof DEMO_APPLICANTS, name_en: string) => {
      const { name, representative, address } = DEMO_APPLICANTS[short];
      return insertOrganisation(trx, { kind: 'applicant', name_ja: name, name_en, short_name_ja: short, representative, address });
    };
    const sugiyama = await applicant('杉山木材', 'Sugiyama Timber Industries (demo)');
    const tohoku = await applicant('東北CLT', 'Tohoku CLT Construction (demo)');
    const insulation = await applicant('断熱建材工業会', 'Japan Insulation Materials Association (demo)');

    const p = programmes(options.now ?? new Date());
    await insertProgramme(trx, { ...p.co2, office_organisation_id: ibecs.id });
    await insertProgramme(trx, { ...p.clt, office_organisation_id: howtec.id });
    await insertProgramme(trx, { ...p.co2Demo, office_organisation_id: ibecs.id });
    await insertProgramme(trx, { ...p.cltDemo, office_organisation_id: howtec.id });

    const nikkenren = associations[0]!;
    const zenken = associations[1]!;
    // Which organisations each demo person works in.
    const organisationsOf: Record<TRole, { id: string; name_ja: string }[]> = {
      applicant: [sugiyama],
      reviewer: [ibecs, howtec],
      committee: [howtec],
      programme_admin: [ibecs, howtec, mokkoushin],
      association_reporter: [nikkenren],
      association_viewer: [zenken],
      ministry: [mlit],
    };
    const logins: DemoLogin[] = [];
    for (const account of DEMO_ACCOUNTS) {
      const user = await insertUser(trx, { email: account.email, displayName: account.displayName, passwordHash });
      const organisations = organisationsOf[account.role];
      for (const o of organisations) await insertMembership(trx, { userId: user.id, organisationId: o.id, role: account.role });
      logins.push({ ...account, organisation: organisations.map((o) => o.name_ja).join('、') });
    }
    // The other demo applicants' own people: their applications are created and submitted by
    // them, so notices about those go to them and never to the demo applicant of another company.
    const colleagueOrganisations = { '東北CLT': tohoku, '断熱建材工業会': insulation };
    for (const colleague of DEMO_ORGANISATION_APPLICANTS) {
      const user = await insertUser(trx, { email: colleague.email, displayName: colleague.displayName, passwordHash });
      const organisation = colleagueOrganisations[colleague.organisation];
      await insertMembership(trx, { userId: user.id, organisationId: organisation.id, role: 'applicant' });
      logins.push({ role: 'applicant', email: colleague.email, displayName: colleague.displayName, organisation: organisation.name_ja });
    }
    // The yearly reports are signed by the demo association reporter.
    const reporter = await findUserByEmail(trx, 'reporter@demo.tsumiki.jp');
    await seedCcusDemo(trx, associations, options.now ?? new Date(), reporter!.id);
    await seedReviewDemo(trx, options.now ?? new Date());
    await seedCarbonDemo(trx, sugiyama.id, options.now ?? new Date());
    return { logins };
  });
}

export async function isEmpty(db: Executor): Promise<boolean> {
  return (await countUsers(db)) === 0;
}
