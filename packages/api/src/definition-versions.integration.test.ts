import { randomUUID } from 'node:crypto';
import { insertProgramme } from '@tsumiki/db';
import { testBackends } from '@tsumiki/db/testing';
import type { TLcaContent, TProgrammeDefinition } from '@tsumiki/domain/programmes';
import { beforeAll, describe, expect, it } from 'vitest';
import { seededDatabase, signedInClient, type Client } from './test-support';

/**
 * Everything the office edits is read from the version an application is pinned to (for a draft,
 * the latest published; for a round, its programme's published version): the budget standing of a
 * round, the budget tables and their import, the report categories and the scoring sheet.
 */

const backends = await testBackends();

const lcaContent = (category: string): TLcaContent => ({
  programme: 'lca_implementation',
  applicant: { name: '杉山設計', representative: '代表取締役 杉山一郎', address: '東京都千代田区1-1', contactName: '杉山花子', contactEmail: 'hanako@example.jp', contactPhone: '03-0000-0000' },
  outline: { purpose: '事務所ビルのLCA算定' },
  pledge: { agreed: true },
  grant: { facts: { withBimModel: false, reportsLcaResult: true, cooperatesWithSurveys: true }, lines: [{ id: 'l1', category, amount: 3_000_000 }] },
});

/** Version 2: a third cost category, two evaluation items, and acceptance that stops when the budget runs out. */
const version2 = (d: TProgrammeDefinition): TProgrammeDefinition => ({
  ...d,
  costCategories: [...d.costCategories, { code: 'survey', name: { ja: '現地調査費', en: 'Site surveys' }, taxTreatment: 'taxable', notes: [], source: '第2版' }],
  sections: d.sections.map((s) => ({ ...s, categories: [...s.categories, 'survey'] })),
  evaluationItems: [
    { code: 'feasibility', text: { ja: '実現可能性', en: 'Feasibility' }, weight: 2, source: '第2版' },
    { code: 'dissemination', text: { ja: '普及効果', en: 'Dissemination' }, weight: 1, source: '第2版' },
  ],
  scoring: { scale: { min: 0, max: 10 }, levels: [], assumption: false, source: '第2版' },
  windows: [{ id: 'fy2026', opensAt: '2026-04-01T00:00', closesAt: '2027-03-01T00:00', label: { ja: '通年', en: 'All year' }, closesEarlyWhenBudgetExhausted: true, source: '第2版' }],
});

const SURVEY_SHEET = '表,経費区分,内容,金額（税込・円）\n経費,現地調査費,敷地の調査,100000\n';

describe.each(backends)('rules read from the pinned definition version on $name', (backend) => {
  const state = seededDatabase(backend);
  const clients = {} as Record<'admin' | 'reviewer' | 'committee' | 'applicant', Client>;

  beforeAll(async () => {
    const { database, seed } = state;
    clients.admin = await signedInClient(database, seed.users.programme_admin.email);
    clients.reviewer = await signedInClient(database, seed.users.reviewer.email);
    clients.committee = await signedInClient(database, seed.users.committee.email);
    clients.applicant = await signedInClient(database, seed.users.applicant.email);
  });

  it('a submitted application keeps its version’s categories, rubric and report; a new draft and the round take the new one', async () => {
    const { admin, reviewer, committee, applicant } = clients;
    const { database, seed } = state;
    const created = await admin.caller.programmeDefinitions.createFromTemplate({ template: 'lca_implementation', code: 'lca_versions', nameJa: 'LCA実施支援', nameEn: 'LCA support' });
    const now = Date.now();
    const round = (code: string, budget: number) =>
      insertProgramme(database.db, {
        code, kind: 'lca_implementation', name_ja: `LCA実施支援 ${code}`, name_en: `LCA ${code}`, fiscal_year: 2026,
        window_opens_at: new Date(now - 86_400_000), window_closes_at: new Date(now + 86_400_000), budget_yen: budget,
        office_organisation_id: seed.orgs.programme_office.id, programme_definition_id: created.id,
      });
    const open = await round('lca_versions_r1', 100_000_000);
    // A round whose budget is already used up: whether that stops it is the programme's rule.
    const spent = await round('lca_versions_r2', 0);
    const standing = async () => (await applicant.caller.programmes.list()).find((p) => p.id === spent.id)!;
    const apply = async (title: string, category: string) => {
      const draft = await applicant.caller.applications.createDraft({ programmeId: open.id, title });
      const saved = await applicant.caller.applications.updateDraft({ id: draft.id, version: draft.version, content: lcaContent(category) });
      return { ...draft, version: saved.version };
    };
    const submit = async (app: { id: string; version: number }) =>
      expect((await applicant.caller.applications.submit({ id: app.id, version: app.version, idempotencyKey: randomUUID() })).ok).toBe(true);
    const preview = (applicationId: string) => applicant.caller.applications.previewBudgetImport({ applicationId, file: { format: 'csv', text: SURVEY_SHEET } });

    const first = await apply('事務所ビルのLCA', 'lca_calculation');
    await submit(first);
    expect(await standing()).toMatchObject({ closedByBudget: false, isOpen: true });

    const draft = await admin.caller.programmeDefinitions.openDraft({ id: created.id });
    await admin.caller.programmeDefinitions.updateDraft({ versionId: draft.id, definition: version2(draft.definition) });
    await admin.caller.programmeDefinitions.publish({ versionId: draft.id, changeSummary: '現地調査費と評価項目を追加' });

    // The round follows the programme's published version: version 2 closes a call whose budget is spent.
    expect(await standing()).toMatchObject({ closedByBudget: true, isOpen: false });

    // Budget tables: the new category is unknown to the submitted application, offered to a new draft.
    expect(await preview(first.id)).toMatchObject({ ok: false, issues: [{ code: 'budget_import.value_unknown' }] });
    const second = await apply('別の建物のLCA', 'survey');
    expect(await preview(second.id)).toMatchObject({ ok: true, tables: { lines: [{ category: 'survey', amount: 100_000 }] } });
    await submit(second);

    // Scoring: each sheet is the rubric of the version its proposal was submitted under.
    for (const app of [first, second]) {
      await reviewer.caller.review.assign({ applicationId: app.id, memberId: seed.users.committee.id });
      await committee.caller.review.declareConflict({ applicationId: app.id, noConflict: true, conflicts: [] });
    }
    const sheetOf = async (id: string) => {
      const s = await committee.caller.review.sheet({ applicationId: id });
      return [s.rubric.items.map((i) => i.code), s.maximum];
    };
    expect(await sheetOf(first.id)).toEqual([['overall'], 5]);
    // Its weights (2 and 1) and its scale (0–10) too: 2 × 10 + 1 × 10.
    expect(await sheetOf(second.id)).toEqual([['feasibility', 'dissemination'], 30]);

    // The results report of the submitted application keeps its version's categories.
    const versionOf = async (id: string) => (await database.db.selectFrom('applications').select('version').where('id', '=', id).executeTakeFirstOrThrow()).version;
    const step = async (client: Client, id: string, event: string, extra: { amount?: number } = {}) =>
      client.caller.review.transition({ applicationId: id, version: await versionOf(id), event: event as never, ...extra });
    await step(reviewer, first.id, 'start_review');
    await step(reviewer, first.id, 'recommend');
    await step(admin, first.id, 'select');
    await step(admin, first.id, 'decide_grant', { amount: 3_000_000 });
    await step(reviewer, first.id, 'start_work');
    const report = await applicant.caller.lifecycle.reportDraft({ applicationId: first.id });
    expect(report.categories).toEqual(['lca_calculation', 'factor_development']);
    expect(report.rules.costCategories.map((c) => c.code)).not.toContain('survey');
  });
});
