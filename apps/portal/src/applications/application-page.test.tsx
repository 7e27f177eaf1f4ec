import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { AuthGate } from '@tsumiki/ui';
import { fakeApi, programmeFixture, renderWithTsumiki, sessionOf } from '@tsumiki/ui/testing';
import { BUILTIN_PROGRAMMES, cltExampleApplicationContent } from '@tsumiki/domain/programmes';
import { describe, expect, it } from 'vitest';
import { messages } from '../messages';
import { PortalRoutes } from '../routes';

const draft = {
  id: 'a1',
  programmeId: programmeFixture.id,
  organisationId: 'o1',
  title: 'CLT実証',
  status: 'draft',
  // As the API returns it: stored content always carries its programme kind.
  content: { programme: 'clt_demonstration' as const },
  version: 3,
  submittedAt: null,
  trackingNumber: null,
  requestedGrantYen: null,
  createdAt: new Date('2026-11-01T00:00:00Z'),
  updatedAt: new Date('2026-11-01T00:00:00Z'),
  attachments: [],
  programme: { ...programmeFixture, kind: 'clt_demonstration', isOpen: true },
  // Which rules the API computes with: for a draft, the programme's latest published version.
  definition: { versionId: '00000000-0000-4000-8000-0000000000d1', version: 1, pinned: false },
  submissions: [],
};

describe('application wizard', () => {
  it('autosaves on top of the version read, and on a conflict keeps what was typed and says so', async () => {
    let saves = 0;
    const api = fakeApi({
      'auth.me': { data: sessionOf('applicant', '杉山 美咲') },
      'applications.get': { data: draft },
      'programmes.rules': { data: BUILTIN_PROGRAMMES.clt_demonstration },
      'applications.updateDraft': () =>
        ++saves === 1
          ? { data: { ...draft, version: 4, updatedAt: new Date() } }
          : { error: { appCode: 'application.version_conflict', httpStatus: 409, appParams: { currentVersion: 9 } } },
    });
    renderWithTsumiki(
      <AuthGate>
        <PortalRoutes />
      </AuthGate>,
      { api, route: '/applications/a1', messages },
    );
    const name = await screen.findByLabelText(/法人名/);
    fireEvent.change(name, { target: { value: '株式会社〇〇木材' } });
    await waitFor(() => expect(screen.getByTestId('save-state').dataset.state).toBe('saved'), { timeout: 3000 });
    const first = api.calls.find((c) => c.path === 'applications.updateDraft')?.input as { version: number; content: { applicant: { name: string } } };
    expect(first.version).toBe(3);
    expect(first.content.applicant.name).toBe('株式会社〇〇木材');

    // Someone else saved meanwhile: the next save is a conflict, and the typing stays on the page.
    fireEvent.change(name, { target: { value: '株式会社〇〇木材 高知支店' } });
    await waitFor(() => expect(screen.getByTestId('save-state').dataset.state).toBe('conflict'), { timeout: 3000 });
    const second = api.calls.filter((c) => c.path === 'applications.updateDraft')[1]?.input as { version: number };
    expect(second.version).toBe(4);
    expect(screen.getByLabelText<HTMLInputElement>(/法人名/).value).toBe('株式会社〇〇木材 高知支店');
    expect(screen.getByRole('alert').textContent).toContain('入力内容は失われていません');
  });

  it('refuses, never changes, a minus or a decimal in storeys and a third decimal in the floor area, saying the range', async () => {
    const api = fakeApi({
      'auth.me': { data: sessionOf('applicant', '杉山 美咲') },
      'applications.get': { data: draft },
      'programmes.rules': { data: BUILTIN_PROGRAMMES.clt_demonstration },
      'applications.updateDraft': () => ({ data: { ...draft, version: 4, updatedAt: new Date() } }),
    });
    renderWithTsumiki(
      <AuthGate>
        <PortalRoutes />
      </AuthGate>,
      { api, route: '/applications/a1', messages },
    );
    fireEvent.click(await screen.findByRole('tab', { name: '建築物の概要' }));
    const storeys = await screen.findByLabelText<HTMLInputElement>(/階数（地上）/);
    // Each field cites the call by its title, not the platform's number for it (「003 §2.1」).
    expect(document.getElementById(storeys.getAttribute('aria-describedby')!.split(' ')[0]!)?.textContent).toBe('根拠: 令和7年度 CLT建築実証事業 募集要領 §2.1');
    expect(within(screen.getByTestId('eligibility')).getAllByText(/^根拠: /).map((s) => s.textContent).filter((s) => /\b0\d\d ?§/.test(s ?? ''))).toEqual([]);
    fireEvent.change(storeys, { target: { value: '-3' } });
    expect(storeys.value).toBe('-3');
    expect(await screen.findByText('階数（地上）にマイナスは入力できません。0以上100以下で入力してください。')).toBeTruthy();
    fireEvent.change(storeys, { target: { value: '2.5' } });
    expect(await screen.findByText('階数（地上）に小数は入力できません。0以上100以下の整数で入力してください。')).toBeTruthy();
    fireEvent.change(storeys, { target: { value: '４' } });
    const area = screen.getByLabelText<HTMLInputElement>(/延べ床面積/);
    fireEvent.change(area, { target: { value: '1,234.567' } });
    expect(await screen.findByText('延べ床面積（m²）は小数第2位までで入力してください（0以上10,000,000以下）。')).toBeTruthy();
    fireEvent.change(area, { target: { value: '1,234.56' } });
    await waitFor(() => expect(screen.getByTestId('save-state').dataset.state).toBe('saved'), { timeout: 3000 });
    const saved = api.calls.filter((c) => c.path === 'applications.updateDraft').at(-1)?.input as { content: { grant: { facts: { storeys: number; totalFloorAreaM2: number } } } };
    expect(saved.content.grant.facts).toMatchObject({ storeys: 4, totalFloorAreaM2: 1234.56 });
  });

  it('shows the grant and the own share as the budget is typed', async () => {
    const content = {
      ...draft.content,
      grant: { cltUse: 'panel_only', building: { lines: [{ id: 'b1', category: 'supplies', amount: 1_100_000 }] } },
    };
    const api = fakeApi({
      'auth.me': { data: sessionOf('applicant', '杉山 美咲') },
      'applications.get': { data: { ...draft, content } },
      'programmes.rules': { data: BUILTIN_PROGRAMMES.clt_demonstration },
    });
    renderWithTsumiki(
      <AuthGate>
        <PortalRoutes />
      </AuthGate>,
      { api, route: '/applications/a1', messages },
    );
    // 1,100,000 tax included → 1,000,000 × 3/10.
    expect((await screen.findByTestId('summary-grant')).textContent).toContain('300,000');
    expect(screen.getByTestId('summary-ownShare').textContent).toContain('800,000');
  });

  it('shows, on 確認・提出, the forms exactly as they will be submitted, figures explained, before 提出する', async () => {
    const api = fakeApi({
      'auth.me': { data: sessionOf('applicant', '杉山 美咲') },
      'applications.get': { data: { ...draft, content: cltExampleApplicationContent() } },
      'programmes.rules': { data: BUILTIN_PROGRAMMES.clt_demonstration },
    });
    renderWithTsumiki(
      <AuthGate>
        <PortalRoutes />
      </AuthGate>,
      { api, route: '/applications/a1', messages },
    );
    fireEvent.click(await screen.findByRole('tab', { name: '確認・提出' }));
    const preview = await screen.findByTestId('submit-preview');
    const grant = within(preview).getByTestId('form-row-form4_1.grant');
    expect(within(grant).getByTestId('form-value').textContent).toBe('10,800,000円');
    expect(within(grant).getByTestId('form-explanation').textContent).toContain('30,000,000円 × 3/10');
    expect(within(preview).getByTestId('form-row-form4_1.taxExcluded').textContent).toContain('36,000,000円');
    // The preview comes before the button that submits it.
    const submit = screen.getByRole('button', { name: '提出する' });
    expect(preview.compareDocumentPosition(submit) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });
});
