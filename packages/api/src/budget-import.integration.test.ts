import { TRPCError } from '@trpc/server';
import { testBackends } from '@tsumiki/db/testing';
import { cltExampleApplicationContent } from '@tsumiki/domain/programmes';
import { describe, expect, it } from 'vitest';
import { seededDatabase, signedInClient } from './test-support';

const backends = await testBackends();

describe.each(backends)('budget template and import on $name', (backend) => {
  const t = seededDatabase(backend);

  it('round-trips the draft budget through the Excel template, and names bad CSV lines without saving anything', async () => {
    const client = await signedInClient(t.database, t.seed.users.applicant.email);
    const draft = await client.caller.applications.createDraft({ programmeId: t.seed.programme.id, title: '予算の取込' });
    const saved = await client.caller.applications.updateDraft({ id: draft.id, version: draft.version, content: cltExampleApplicationContent() });

    const template = await client.caller.applications.budgetTemplate({ applicationId: draft.id, format: 'xlsx' });
    expect(template.filename).toBe('clt-demo-budget.xlsx');
    const preview = await client.caller.applications.previewBudgetImport({ applicationId: draft.id, file: { format: 'xlsx', base64: template.base64 } });
    expect(preview.ok).toBe(true);
    if (preview.ok) expect(preview.tables.building?.map((l) => l.amount)).toEqual((saved.content.programme === 'clt_demonstration' ? saved.content.grant?.building?.lines : [])?.map((l) => l.amount));

    const csv = await client.caller.applications.budgetTemplate({ applicationId: draft.id, format: 'csv' });
    const header = Buffer.from(csv.base64, 'base64').toString('utf8').split(/\r?\n/)[0]!;
    const bad = await client.caller.applications.previewBudgetImport({
      applicationId: draft.id,
      file: { format: 'csv', text: `${header}\n建築物の建築実証,需用費,CLT,abc,,\n協議会運営費,需用費,会議資料,-1,,\n` },
    });
    expect(bad).toMatchObject({ ok: false, issues: [{ line: 2, code: 'budget_import.amount_invalid' }, { line: 3, code: 'budget_import.amount_invalid' }] });
    expect((await client.caller.applications.get({ id: draft.id })).version).toBe(saved.version);
  });

  it("refuses another organisation's application and an unreadable file", async () => {
    const client = await signedInClient(t.database, t.seed.users.applicant.email);
    const draft = await client.caller.applications.createDraft({ programmeId: t.seed.programme.id, title: '他社' });
    const other = await signedInClient(t.database, t.seed.otherApplicant.email);
    await expect(other.caller.applications.budgetTemplate({ applicationId: draft.id, format: 'csv' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const unreadable = await client.caller.applications
      .previewBudgetImport({ applicationId: draft.id, file: { format: 'xlsx', base64: Buffer.from('not excel').toString('base64') } })
      .catch((e: unknown) => e);
    expect(unreadable).toBeInstanceOf(TRPCError);
    expect(((unreadable as TRPCError).cause as { code?: string }).code).toBe('budget_import.unreadable');
  });
});
