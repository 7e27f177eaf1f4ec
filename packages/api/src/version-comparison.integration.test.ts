import { insertApplication, insertSubmission, setApplicationSubmitted, type Database } from '@tsumiki/db';
import { testBackends } from '@tsumiki/db/testing';
import { jstInstant, type TRole } from '@tsumiki/domain';
import { assessApplication, BUILTIN_PROGRAMMES, cltExampleApplicationContent } from '@tsumiki/domain/programmes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodeOf as codeOf, seedRoles, signedInClient, type Client } from './test-support';

const backends = await testBackends();
const NOW = jstInstant(2026, 6, 1, 10, 0);
const DUE = jstInstant(2026, 6, 10, 13, 0);
const content = cltExampleApplicationContent();
const MAXIMUM = assessApplication('clt_demonstration', content, undefined, BUILTIN_PROGRAMMES.clt_demonstration).result!.grant.amount;

describe.each(backends)('comparing submitted versions on $name', (backend) => {
  let database: Database;
  let seed: Awaited<ReturnType<typeof seedRoles>>;
  const clients = {} as Record<TRole, Client>;
  let stranger: Client;

  const versionOf = async (id: string) => (await database.db.selectFrom('applications').select('version').where('id', '=', id).executeTakeFirstOrThrow()).version;

  async function submitted(n: number) {
    const { db } = database;
    const draft = await insertApplication(db, { programmeId: seed.programme.id, organisationId: seed.orgs.applicant.id, createdBy: seed.users.applicant.id, title: `CLT実証 ${n}`, content });
    await insertSubmission(db, { applicationId: draft.id, versionNo: 1, title: draft.title, content, assessment: {}, requestedGrantYen: MAXIMUM, submittedBy: seed.users.applicant.id, submittedAt: NOW, idempotencyKey: `vc-${backend.name}-${n}` });
    const app = await setApplicationSubmitted(db, { id: draft.id, expectedVersion: draft.version, submittedAt: NOW, trackingNumber: `CLT-V-${n}`, requestedGrantYen: MAXIMUM, status: 'submitted' });
    return app!.id;
  }

  beforeAll(async () => {
    database = await backend.create();
    seed = await seedRoles(database);
    for (const role of ['reviewer', 'programme_admin', 'applicant', 'committee'] as const) clients[role] = await signedInClient(database, seed.users[role].email, { now: () => NOW });
    stranger = await signedInClient(database, seed.otherApplicant.email, { now: () => NOW });
  });
  afterAll(() => database?.close());

  it('after a return and a resubmission with a changed budget line, staff see the line old → new and the grant recomputed', async () => {
    const id = await submitted(1);
    const none = await clients.reviewer.caller.review.compareVersions({ applicationId: id });
    expect(none).toMatchObject({ versions: [{ versionNo: 1 }], comparison: null });

    await clients.reviewer.caller.review.transition({ applicationId: id, version: await versionOf(id), event: 'return_for_correction', reason: '仮設工事の見積を直してください', dueAt: DUE });
    const edited = cltExampleApplicationContent();
    edited.grant!.building!.lines[1] = { ...edited.grant!.building!.lines[1]!, amount: 3_300_000, unitPrice: 3_300_000 };
    await clients.applicant.caller.applications.updateDraft({ id, version: await versionOf(id), content: edited });
    await clients.applicant.caller.applications.submit({ id, version: await versionOf(id), idempotencyKey: crypto.randomUUID() });

    for (const role of ['reviewer', 'programme_admin'] as const) {
      const { from, to, comparison } = await clients[role].caller.review.compareVersions({ applicationId: id });
      expect([from, to]).toEqual([1, 2]);
      expect(comparison?.fields).toEqual([]);
      expect(comparison?.lines).toEqual([
        expect.objectContaining({ change: 'changed', before: expect.objectContaining({ description: '仮設工事', amount: 2_200_000 }), after: expect.objectContaining({ amount: 3_300_000 }) }),
      ]);
      // 1,100,000 more, tax included: 1,000,000 at 3/10.
      expect(comparison?.amounts.grant).toEqual({ before: MAXIMUM, after: MAXIMUM + 300_000 });
    }
    // Either order, by choice.
    const back = await clients.reviewer.caller.review.compareVersions({ applicationId: id, from: 2, to: 1 });
    expect(back.comparison?.amounts.grant).toEqual({ before: MAXIMUM + 300_000, after: MAXIMUM });
    expect(await codeOf(clients.reviewer.caller.review.compareVersions({ applicationId: id, from: 1, to: 3 }))).toBe('NOT_FOUND review.submission_version_not_found');
  });

  it('is for the programme’s staff only', async () => {
    const id = await submitted(2);
    expect(await codeOf(clients.applicant.caller.review.compareVersions({ applicationId: id }))).toMatch(/^FORBIDDEN/);
    expect(await codeOf(stranger.caller.review.compareVersions({ applicationId: id }))).toMatch(/^FORBIDDEN/);
    expect(await codeOf(clients.committee.caller.review.compareVersions({ applicationId: id }))).toMatch(/^FORBIDDEN/);
  });
});
