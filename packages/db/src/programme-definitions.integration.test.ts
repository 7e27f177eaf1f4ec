import { PROGRAMME_TEMPLATES, ZProgrammeDefinition } from '@tsumiki/domain/programmes';
import { readdir } from 'node:fs/promises';
import { Migrator, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from './client';
import { BUILTIN_DEFINITIONS_2026_12_04 } from './migration-data/builtin-definitions-2026-12-04';
import { folderMigrationProvider, migrateToLatest, migrationFiles } from './migrate';
import { insertApplication } from './repositories/applications.repository';
import { insertOrganisation } from './repositories/organisations.repository';
import {
  createProgrammeDefinition,
  definitionForApplication,
  listDefinitionVersions,
  listProgrammeDefinitions,
  openDraftVersion,
  pinDefinitionVersion,
  publishDefinitionVersion,
  updateDraftVersion,
} from './repositories/programme-definitions.repository';
import { insertProgramme } from './repositories/programmes.repository';
import { insertUser } from './repositories/users.repository';
import { testBackends } from './testing';

const backends = await testBackends();
const THIS_MIGRATION = '2026-12-04T70-programme-definitions';

const round = (officeId: string, code: string) => ({
  code,
  kind: 'lca_implementation' as const,
  name_ja: 'LCA',
  name_en: 'LCA',
  fiscal_year: 2026,
  window_opens_at: new Date('2026-05-01T00:00:00Z'),
  window_closes_at: new Date('2026-06-01T00:00:00Z'),
  budget_yen: 100_000_000,
  office_organisation_id: officeId,
});

describe.each(backends)('programme definitions on $name', (backend) => {
  let database: Database;
  let ids: { office: string; applicant: string; user: string };

  beforeAll(async () => {
    database = await backend.create();
    const { db } = database;
    const office = await insertOrganisation(db, { kind: 'programme_office', name_ja: '事務局', name_en: 'Office', short_name_ja: null });
    const applicant = await insertOrganisation(db, { kind: 'applicant', name_ja: '申請者', name_en: 'Applicant', short_name_ja: null });
    const user = await insertUser(db, { email: 'admin@example.jp', displayName: '管理 花子', passwordHash: 'x' });
    ids = { office: office.id, applicant: applicant.id, user: user.id };
  });
  afterAll(() => database.close());

  it('backfills: one programme per kind and office, version 1 the built-in definition, rounds linked, submitted applications pinned', async () => {
    const { db } = database;
    const names = migrationFiles(await readdir(new URL('./migrations/', import.meta.url))).map((m) => m.name);
    const before = names[names.indexOf(THIS_MIGRATION) - 1]!;
    const migrator = new Migrator({ db, provider: folderMigrationProvider() });
    const down = await migrator.migrateTo(before);
    expect(down.error).toBeUndefined();
    const insertRound = (code: string) =>
      sql<{ id: string }>`insert into programmes (code, kind, name_ja, name_en, fiscal_year, window_opens_at, window_closes_at, budget_yen, office_organisation_id)
        values (${code}, 'clt_demonstration', 'CLT', 'CLT', 2025, '2026-03-05T15:00Z', '2026-04-06T04:00Z', 627000000, ${ids.office}) returning id`.execute(db);
    const r1 = (await insertRound('clt_2025')).rows[0]!.id;
    const r2 = (await insertRound('clt_2026')).rows[0]!.id;
    // What the migration reads is submitted_at; the status column is not its business.
    const app = (programmeId: string, submittedAt: Date | null) =>
      sql<{ id: string }>`insert into applications (programme_id, applicant_organisation_id, created_by, title, content, submitted_at)
        values (${programmeId}, ${ids.applicant}, ${ids.user}, 't', '{"programme":"clt_demonstration"}', ${submittedAt}) returning id`.execute(db);
    const submitted = (await app(r1, new Date())).rows[0]!.id;
    const draft = (await app(r2, null)).rows[0]!.id;

    await migrateToLatest(db);

    const programmes = await listProgrammeDefinitions(db, [ids.office]);
    expect(programmes.map((p) => [p.code, p.kind, p.published_version, p.draft_version])).toEqual([['clt_demonstration', 'clt_demonstration', 1, null]]);
    const [v1] = await listDefinitionVersions(db, programmes[0]!.id);
    expect(v1!.definition).toEqual(ZProgrammeDefinition.parse(JSON.parse(BUILTIN_DEFINITIONS_2026_12_04.clt_demonstration!)));
    const rounds = await db.selectFrom('programmes').select('programme_definition_id').where('id', 'in', [r1, r2]).execute();
    expect(rounds.map((r) => r.programme_definition_id)).toEqual([programmes[0]!.id, programmes[0]!.id]);
    const apps = await db.selectFrom('applications').select(['id', 'definition_version_id']).where('id', 'in', [submitted, draft]).execute();
    expect(Object.fromEntries(apps.map((a) => [a.id, a.definition_version_id]))).toEqual({ [submitted]: v1!.id, [draft]: null });
    // The ids of existing rows survive: the next round of that kind and office joins the same programme.
    const next = await insertProgramme(db, { ...round(ids.office, 'clt_2027'), kind: 'clt_demonstration' });
    expect(next.programme_definition_id).toBe(programmes[0]!.id);
  });

  it('versions: a draft copies the latest, only a draft changes, publishing makes it what drafts compute with, pinned stays', async () => {
    const { db } = database;
    const template = PROGRAMME_TEMPLATES.lca_implementation;
    const { programme, version: v1 } = await createProgrammeDefinition(db, {
      officeOrganisationId: ids.office,
      code: 'lca_2026',
      kind: 'lca_implementation',
      nameJa: 'LCA実施支援',
      nameEn: 'LCA support',
      definition: template.definition,
      changeSummary: 'テンプレートから作成',
      createdBy: ids.user,
    });
    expect([v1.version, v1.status, v1.published_by]).toEqual([1, 'published', ids.user]);
    const rnd = await insertProgramme(db, { ...round(ids.office, 'lca_r1'), programme_definition_id: programme.id });
    const submitted = await insertApplication(db, { programmeId: rnd.id, organisationId: ids.applicant, createdBy: ids.user, title: 's', content: { programme: 'lca_implementation' } });
    await pinDefinitionVersion(db, submitted.id, v1.id);
    const draftApp = await insertApplication(db, { programmeId: rnd.id, organisationId: ids.applicant, createdBy: ids.user, title: 'd', content: { programme: 'lca_implementation' } });

    const opened = await openDraftVersion(db, programme.id, ids.user);
    expect([opened.created, opened.version.version, opened.version.status]).toEqual([true, 2, 'draft']);
    expect((await openDraftVersion(db, programme.id, ids.user)).created).toBe(false);
    const changed = { ...opened.version.definition, caps: opened.version.definition.caps.map((c) => (c.id === 'without_bim' ? { ...c, amount: 7_000_000 } : c)) };
    expect((await updateDraftVersion(db, opened.version.id, changed))!.definition.caps[0]!.amount).toBe(7_000_000);
    // Before publishing, drafts still compute with version 1.
    expect((await definitionForApplication(db, draftApp))!.version).toBe(1);
    const published = await publishDefinitionVersion(db, opened.version.id, { changeSummary: 'BIMなしの上限を700万円に', publishedBy: ids.user });
    expect([published!.status, published!.change_summary]).toEqual(['published', 'BIMなしの上限を700万円に']);
    expect(await updateDraftVersion(db, opened.version.id, template.definition)).toBeUndefined();
    expect(await publishDefinitionVersion(db, opened.version.id, { changeSummary: 'again', publishedBy: ids.user })).toBeUndefined();

    expect((await definitionForApplication(db, draftApp))!.version).toBe(2);
    const pinned = await definitionForApplication(db, { programme_id: rnd.id, definition_version_id: v1.id });
    expect([pinned!.version, pinned!.definition.caps[0]!.amount]).toEqual([1, 6_500_000]);
    expect((await listDefinitionVersions(db, programme.id)).map((v) => [v.version, v.status])).toEqual([[2, 'published'], [1, 'published']]);
    await expect(
      db.insertInto('programme_definition_versions').values({ programme_definition_id: programme.id, version: 2, status: 'draft', definition: '{}' }).execute(),
    ).rejects.toThrow();
  });
});
