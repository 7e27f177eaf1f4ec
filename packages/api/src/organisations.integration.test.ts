import { TRPCError } from '@trpc/server';
import { countRows, type Database } from '@tsumiki/db';
import { testBackends } from '@tsumiki/db/testing';
import { errorMessage } from '@tsumiki/domain';
import { describe, expect, it } from 'vitest';
import type { ZodError } from 'zod';
import { clientFor, PASSWORD, refusalOf, seededDatabase, signedInClient } from './test-support';

const backends = await testBackends();


const signUpInput = (corporateNumber: string, email: string) => ({
  organisation: { name: '積み木木材株式会社', corporateNumber, address: '東京都千代田区霞が関1-1-1', representative: '代表取締役 木村一郎' },
  user: { email },
});

/** The mails queued to `email` under `topic`, newest first, read from the outbox as a mail catcher would. */
async function mailsTo(database: Database, topic: string, email: string) {
  const rows = await database.db.selectFrom('outbox').selectAll().where('topic', '=', topic).orderBy('id', 'desc').execute();
  return rows.filter((r) => (r.payload as { to?: string }).to === email);
}

/** The token of the latest invitation (or sign-up link) e-mailed to `email`. */
async function invitationToken(database: Database, email: string, topic = 'organisation.invitation'): Promise<string> {
  const rows = await database.db.selectFrom('outbox').selectAll().where('topic', '=', topic).orderBy('id', 'desc').execute();
  const message = rows.find((r) => (r.payload as { to?: string }).to === email);
  const link = (message?.payload as { link?: string } | undefined)?.link ?? '';
  return link.slice(link.lastIndexOf('/') + 1);
}

describe.each(backends)('organisation sign-up and members on $name', (backend) => {
  const t = seededDatabase(backend);

  it('registers an organisation, mails its first applicant a link to choose a name and password, and only then signs them in', async () => {
    const browser = await clientFor(t.database);
    const result = await browser.caller.auth.signUp(signUpInput('7000012050002', 'hanako@kimura.example.jp'));
    expect(result).toEqual({ status: 'mail_sent' });
    expect(browser.cookies.token).toBeUndefined();
    expect(await t.database.db.selectFrom('users').select('id').where('email', '=', 'hanako@kimura.example.jp').execute()).toEqual([]);
    const token = await invitationToken(t.database, 'hanako@kimura.example.jp', 'organisation.sign_up');
    const invitee = await clientFor(t.database);
    expect(await invitee.caller.organisations.invitation({ token })).toMatchObject({ organisationName: '積み木木材株式会社', state: 'pending' });
    const accepted = await invitee.caller.organisations.acceptInvitation({ token, displayName: '木村花子', password: PASSWORD });
    expect(accepted.memberships).toEqual([expect.objectContaining({ role: 'applicant', organisationKind: 'applicant', organisationNameJa: '積み木木材株式会社' })]);
    const session = await clientFor(t.database, { cookies: invitee.cookies });
    const [mine] = await session.caller.organisations.mine();
    expect(mine).toMatchObject({ corporateNumber: '7000012050002', representative: '代表取締役 木村一郎' });
    const draft = await session.caller.applications.createDraft({ programmeId: t.seed.programme.id, title: '新規組織の申請' });
    expect(draft.organisationId).toBe(mine!.id);
  });

  it('answers a sign-up with a registered address exactly like one with a new address, and tells the owner by e-mail', async () => {
    const usersBefore = await countRows(t.database.db, 'users');
    const fresh = await clientFor(t.database, { request: { ip: '203.0.113.31' } });
    const taken = await clientFor(t.database, { request: { ip: '203.0.113.32' } });
    const forNew = await fresh.caller.auth.signUp(signUpInput('7000012050010', 'new-owner@kimura.example.jp'));
    const forTaken = await taken.caller.auth.signUp(signUpInput('6000012050028', t.seed.users.applicant.email));
    expect(forTaken).toEqual(forNew);
    expect([fresh.cookies.token, taken.cookies.token]).toEqual([undefined, undefined]);
    expect(await countRows(t.database.db, 'users')).toBe(usersBefore);
    // The owner of the address hears about it, with where to sign in; nothing is made for the attempt.
    const [notice] = await mailsTo(t.database, 'auth.sign_up_existing_address', t.seed.users.applicant.email);
    expect(notice?.payload).toMatchObject({ to: t.seed.users.applicant.email, signInLink: expect.stringMatching(/^http/) as string });
    expect(await mailsTo(t.database, 'organisation.sign_up', t.seed.users.applicant.email)).toEqual([]);
    expect(await t.database.db.selectFrom('organisations').select('id').where('corporate_number', '=', '6000012050028').execute()).toEqual([]);
    expect(await mailsTo(t.database, 'organisation.sign_up', 'new-owner@kimura.example.jp')).toHaveLength(1);
  });

  it('refuses a bad check digit or a registered number in Japanese, and writes nothing', async () => {
    const before = { organisations: await countRows(t.database.db, 'organisations'), users: await countRows(t.database.db, 'users') };
    const browser = await clientFor(t.database);
    const bad = await browser.caller.auth.signUp(signUpInput('7000012050003', 'x@kimura.example.jp')).catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(TRPCError);
    expect((bad as TRPCError).code).toBe('BAD_REQUEST');
    const issues = ((bad as TRPCError).cause as unknown as ZodError).issues;
    expect(issues.map((i) => [i.path.join('.'), i.message])).toEqual([['organisation.corporateNumber', 'organisation.corporate_number_check_digit']]);
    expect(errorMessage(issues[0]!.message, 'ja')).toContain('チェック用数字');
    expect(await refusalOf(browser.caller.auth.signUp(signUpInput('7000012050002', 'y@kimura.example.jp')))).toMatchObject({
      code: 'CONFLICT',
      appCode: 'organisation.corporate_number_taken',
      message: expect.stringContaining('既に登録されています') as string,
    });
    expect({ organisations: await countRows(t.database.db, 'organisations'), users: await countRows(t.database.db, 'users') }).toEqual(before);
  });

  it('throttles sign-ups from one client', async () => {
    const browser = await clientFor(t.database, { request: { ip: '203.0.113.9' } });
    const outcomes: (string | undefined)[] = [];
    // Refused attempts count too (the number is taken): a script trying numbers is what this stops.
    for (let i = 0; i < 11; i++) outcomes.push((await refusalOf(browser.caller.auth.signUp(signUpInput('7000012050002', `t${i}@example.jp`)))).appCode);
    expect(outcomes.slice(0, 10).every((c) => c === 'organisation.corporate_number_taken')).toBe(true);
    expect(outcomes[10]).toBe('organisation.sign_up_rate_limited');
  });

  it('invites a colleague who accepts once, edits the same draft, and can be removed', async () => {
    const owner = await signedInClient(t.database, t.seed.users.applicant.email);
    const organisationId = t.seed.orgs.applicant.id;
    const draft = await owner.caller.applications.createDraft({ programmeId: t.seed.programme.id, title: '共同編集' });

    await owner.caller.organisations.invite({ organisationId, email: 'Colleague@Example.jp' });
    const token = await invitationToken(t.database, 'colleague@example.jp');
    expect(token).toHaveLength(43);

    const invitee = await clientFor(t.database);
    expect(await invitee.caller.organisations.invitation({ token })).toMatchObject({ email: 'colleague@example.jp', organisationName: '申請者A', state: 'pending' });
    const accepted = await invitee.caller.organisations.acceptInvitation({ token, displayName: '同僚', password: PASSWORD });
    expect(accepted.memberships.map((m) => m.organisationId)).toEqual([organisationId]);

    const colleague = await signedInClient(t.database, 'colleague@example.jp');
    const saved = await colleague.caller.applications.updateDraft({ id: draft.id, version: draft.version, title: '同僚が編集' });
    expect((await owner.caller.applications.get({ id: draft.id })).title).toBe('同僚が編集');
    expect(saved.version).toBe(draft.version + 1);

    // Single use: the link does not work twice.
    expect(await refusalOf((await clientFor(t.database)).caller.organisations.acceptInvitation({ token, displayName: '別人', password: PASSWORD }))).toMatchObject({
      code: 'NOT_FOUND',
      appCode: 'invitation.not_found',
    });
    expect(await refusalOf(owner.caller.organisations.invite({ organisationId, email: 'colleague@example.jp' }))).toMatchObject({ appCode: 'invitation.already_member' });

    const { members } = await owner.caller.organisations.members({ organisationId });
    const membership = members.find((m) => m.email === 'colleague@example.jp')!;
    const me = members.find((m) => m.isMe)!;
    expect(await refusalOf(owner.caller.organisations.removeMember({ organisationId, membershipId: me.membershipId }))).toMatchObject({ appCode: 'member.cannot_remove_self' });
    await owner.caller.organisations.removeMember({ organisationId, membershipId: membership.membershipId });
    const removed = await signedInClient(t.database, 'colleague@example.jp');
    expect(await refusalOf(removed.caller.applications.get({ id: draft.id }))).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('expires invitations after a week, withdraws them on request, and keeps other organisations out', async () => {
    const owner = await signedInClient(t.database, t.seed.users.applicant.email);
    const organisationId = t.seed.orgs.applicant.id;
    await owner.caller.organisations.invite({ organisationId, email: 'late@example.jp' });
    const token = await invitationToken(t.database, 'late@example.jp');
    const later = await clientFor(t.database, { now: () => new Date(Date.now() + 8 * 24 * 3_600_000) });
    expect(await refusalOf(later.caller.organisations.acceptInvitation({ token, displayName: '遅い人', password: PASSWORD }))).toMatchObject({
      appCode: 'invitation.expired',
      message: expect.stringContaining('有効期限') as string,
    });

    await owner.caller.organisations.invite({ organisationId, email: 'withdrawn@example.jp' });
    const withdrawnToken = await invitationToken(t.database, 'withdrawn@example.jp');
    const { invitations } = await owner.caller.organisations.members({ organisationId });
    await owner.caller.organisations.revokeInvitation({ organisationId, invitationId: invitations.find((i) => i.email === 'withdrawn@example.jp')!.id });
    expect(await refusalOf((await clientFor(t.database)).caller.organisations.acceptInvitation({ token: withdrawnToken, displayName: 'x', password: PASSWORD }))).toMatchObject({
      appCode: 'invitation.not_found',
    });

    const other = await signedInClient(t.database, t.seed.otherApplicant.email);
    expect(await refusalOf(other.caller.organisations.members({ organisationId }))).toMatchObject({ code: 'NOT_FOUND', appCode: 'organisation.not_found' });
    expect(await refusalOf(other.caller.organisations.invite({ organisationId, email: 'spy@example.jp' }))).toMatchObject({ appCode: 'organisation.not_found' });
  });
});
