import { ReportDraftShapeError } from '@tsumiki/domain/lifecycle';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from './client';
import { insertApplication } from './repositories/applications.repository';
import { findResultsReport, saveResultsReport } from './repositories/lifecycle.repository';
import { insertOrganisation } from './repositories/organisations.repository';
import { insertProgramme } from './repositories/programmes.repository';
import { insertUser } from './repositories/users.repository';
import { testBackends } from './testing';

const backends = await testBackends();

describe.each(backends)('typed results-report drafts on $name', (backend) => {
  let database: Database;
  let ids: { user: string; application: string };

  beforeAll(async () => {
    database = await backend.create();
    const { db } = database;
    const office = await insertOrganisation(db, { kind: 'programme_office', name_ja: '事務局', name_en: 'Office', short_name_ja: null });
    const org = await insertOrganisation(db, { kind: 'applicant', name_ja: '申請者', name_en: 'Applicant', short_name_ja: null });
    const user = await insertUser(db, { email: 'report@example.jp', displayName: '報告 太郎', passwordHash: 'x' });
    const programme = await insertProgramme(db, {
      code: 'co2',
      kind: 'co2_factor_support',
      name_ja: 'co2',
      name_en: 'co2',
      fiscal_year: 2026,
      window_opens_at: new Date('2026-04-01T00:00:00Z'),
      window_closes_at: new Date('2026-12-24T04:00:00Z'),
      budget_yen: 100_000_000,
      office_organisation_id: office.id,
    });
    const application = await insertApplication(db, { programmeId: programme.id, organisationId: org.id, createdBy: user.id, title: '実績報告', content: { programme: 'co2_factor_support' } });
    ids = { user: user.id, application: application.id };
  });
  afterAll(() => database.close());

  it('round-trips a half-entered draft, typed, and names the application when a stored row does not fit', async () => {
    const { db } = database;
    const content = { lines: [{ id: 'l1', category: 'verification', amount: -3 }], publication: { status: 'next_year' as const, developed: false } };
    const saved = await saveResultsReport(db, { applicationId: ids.application, expectedVersion: null, content, userId: ids.user, at: new Date() });
    expect(saved?.content).toEqual(content);
    expect((await findResultsReport(db, ids.application))?.content).toEqual(content);

    await db.updateTable('results_reports').set({ content: JSON.stringify({ lines: [{ id: 'l1', amount: 'lots' }] }) }).where('application_id', '=', ids.application).execute();
    const read = findResultsReport(db, ids.application);
    await expect(read).rejects.toThrow(ReportDraftShapeError);
    await expect(findResultsReport(db, ids.application)).rejects.toMatchObject({ code: 'results.draft_invalid', params: { application: ids.application, path: 'lines.0.amount' } });
  });
});
