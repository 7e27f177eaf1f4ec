import { fireEvent, screen, waitFor } from '@testing-library/react';
import { AuthGate } from '@tsumiki/ui';
import { fakeApi, renderWithTsumiki, sessionOf } from '@tsumiki/ui/testing';
import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { messages } from '../messages';
import { PortalRoutes } from '../routes';
import { SignUpPage } from './sign-up-page';

const type = (label: string, value: string) => {
  // Labels start with the text (a required mark may follow); "氏名" must not match "代表者の役職・氏名".
  const input = screen.getByLabelText(new RegExp(`^${label.replace(/[()（）]/g, '\\$&')}`));
  fireEvent.change(input, { target: { value } });
  fireEvent.blur(input);
};

describe('organisation sign-up page', () => {
  it('says in Japanese what is wrong as you leave a field, and sends nothing until it is right', async () => {
    const api = fakeApi({ 'auth.signUp': { data: { status: 'mail_sent' } }, 'auth.me': { data: null } });
    renderWithTsumiki(<Routes><Route path="/sign-up" element={<SignUpPage />} /></Routes>, { api, route: '/sign-up', messages });
    await screen.findByTestId('sign-up');
    type('法人番号', '7000012050003');
    expect(await screen.findByText(/チェック用数字が残り12桁と合いません/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '登録を申し込む' }));
    expect(await screen.findByText('法人名（団体名）を入力してください。')).toBeTruthy();
    expect(api.calls.filter((c) => c.path === 'auth.signUp')).toHaveLength(0);

    type('法人名（団体名）', '積み木木材株式会社');
    type('法人番号', '７０００-０１２０-５０００２');
    type('所在地', '東京都千代田区霞が関1-1-1');
    type('代表者の役職・氏名', '代表取締役 木村一郎');
    type('メールアドレス', 'hanako@kimura.example.jp');
    fireEvent.click(screen.getByRole('button', { name: '登録を申し込む' }));
    await waitFor(() => expect(api.calls.some((c) => c.path === 'auth.signUp')).toBe(true));
    const sent = api.calls.find((c) => c.path === 'auth.signUp')?.input as { organisation: { corporateNumber: string } };
    expect(sent.organisation.corporateNumber).toBe('7000012050002');
    // The same page whatever the address: mail sent, nobody signed in.
    expect((await screen.findByTestId('sign-up-sent')).textContent).toContain('hanako@kimura.example.jp にメールを送りました');
  });

  it('shows the API refusal (number already registered) in Japanese', async () => {
    const api = fakeApi({ 'auth.signUp': { error: { appCode: 'organisation.corporate_number_taken', httpStatus: 409 } } });
    renderWithTsumiki(<Routes><Route path="/sign-up" element={<SignUpPage />} /></Routes>, { api, route: '/sign-up', messages });
    await screen.findByTestId('sign-up');
    for (const [label, value] of [
      ['法人名（団体名）', '積み木木材株式会社'],
      ['法人番号', '7000012050002'],
      ['所在地', '東京都'],
      ['代表者の役職・氏名', '代表'],
      ['メールアドレス', 'a@example.jp'],
    ] as const)
      type(label, value);
    fireEvent.click(screen.getByRole('button', { name: '登録を申し込む' }));
    expect((await screen.findByRole('alert')).textContent).toContain('この法人番号の組織は既に登録されています');
  });
});

describe('members page', () => {
  it('lists members and invitations and sends an invitation', async () => {
    const session = sessionOf('applicant', '杉山 美咲');
    const organisationId = session.memberships[0]!.organisationId;
    const api = fakeApi({
      'auth.me': { data: session },
      'organisations.mine': { data: [{ id: organisationId, name: '申請者', corporateNumber: '7000012050002', address: '東京都', representative: '代表' }] },
      'organisations.members': {
        data: {
          members: [{ membershipId: 'm1', role: 'applicant', since: new Date('2026-11-30T01:00:00Z'), userId: session.user.id, email: session.user.email, displayName: '杉山 美咲', isMe: true }],
          invitations: [{ id: 'i1', email: 'old@example.jp', createdAt: new Date(), expiresAt: new Date('2026-12-07T01:00:00Z'), state: 'expired' }],
        },
      },
      'organisations.invite': { data: { id: 'i2', email: 'colleague@example.jp', expiresAt: new Date() } },
    });
    renderWithTsumiki(<AuthGate><PortalRoutes /></AuthGate>, { api, route: '/organisation', messages });
    const table = await screen.findByTestId('member-table');
    expect(table.textContent).toContain('杉山 美咲');
    // Each of the organisation's particulars under its own name.
    expect(screen.getByText(/^法人番号/).textContent).toBe('法人番号 7000012050002 ／ 代表者 代表 ／ 所在地 東京都');
    expect((await screen.findByTestId('invitation-table')).textContent).toContain('期限切れ');
    type('招待するメールアドレス', 'not-an-address');
    expect(await screen.findByText(/メールアドレスの形式が正しくありません/)).toBeTruthy();
    type('招待するメールアドレス', 'Colleague@Example.jp');
    fireEvent.click(screen.getByRole('button', { name: '招待メールを送る' }));
    expect((await screen.findByRole('status')).textContent).toContain('colleague@example.jp に招待メールを送りました');
    expect(api.calls.find((c) => c.path === 'organisations.invite')?.input).toEqual({ organisationId, email: 'colleague@example.jp' });
  });
});
