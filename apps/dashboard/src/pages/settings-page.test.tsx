import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { AuthGate } from '@tsumiki/ui';
import { fakeApi, renderWithTsumiki, sessionOf } from '@tsumiki/ui/testing';
import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { messages } from '../messages';
import { SettingsPage } from './settings-page';

const associationId = '10000000-0000-4000-8000-000000000001';

function renderSettings(answers: Parameters<typeof fakeApi>[0]) {
  const api = fakeApi({
    'auth.me': { data: sessionOf('association_reporter', undefined, { organisationId: associationId }) },
    'ccus.memberFirms': { data: [{ id: '20000000-0000-4000-8000-000000000001', name: 'A建設', projectCostYen: 900_000_000, figures: 12, latestMonth: '2026-03' }] },
    'ccus.customMetrics': { data: [] },
    ...answers,
  });
  renderWithTsumiki(
    <AuthGate>
      <Routes>
        <Route path="/associations/:associationId/settings" element={<SettingsPage />} />
      </Routes>
    </AuthGate>,
    { api, app: 'dashboard', messages, route: `/associations/${associationId}/settings` },
  );
  return api;
}

describe('member firms and own metrics', () => {
  it('refuses an empty firm name in Japanese before sending, and shows the server’s duplicate message', async () => {
    const api = renderSettings({ 'ccus.saveMemberFirm': { error: { appCode: 'ccus.member_name_taken', httpStatus: 409 } } });
    const user = userEvent.setup();
    await screen.findByText('A建設');
    // The firm's latest month as every other month on the dashboard reads, not 2026-03.
    expect(screen.getByRole('rowheader', { name: 'A建設' }).closest('tr')?.textContent).toContain('2026年3月');
    await user.click(screen.getByTestId('firm-save'));
    expect(await screen.findByText('会員企業名を入力してください。')).toBeTruthy();
    expect(api.calls.some((c) => c.path === 'ccus.saveMemberFirm')).toBe(false);
    await user.type(screen.getByTestId('firm-name'), 'A建設');
    await user.click(screen.getByTestId('firm-save'));
    expect((await screen.findByRole('alert')).textContent).toContain('同じ名前の会員企業が既に登録されています');
    expect(api.calls.find((c) => c.path === 'ccus.saveMemberFirm')?.input).toEqual({ associationId, id: undefined, name: 'A建設', projectCostYen: null });
  });

  it('refuses a metric code that a built-in metric already uses', async () => {
    const api = renderSettings({});
    const user = userEvent.setup();
    await user.type(await screen.findByRole('textbox', { name: /指標コード/ }), 'touch_rate');
    await user.type(screen.getByRole('textbox', { name: /指標名（日本語）/ }), 'タッチ率');
    await user.type(screen.getByRole('textbox', { name: /指標名（英語）/ }), 'Touch');
    await user.click(screen.getByRole('button', { name: '独自指標を追加' }));
    await waitFor(() => expect(screen.getByText('この指標コードは既に使われています。別のコードにしてください。')).toBeTruthy());
    expect(api.calls.some((c) => c.path === 'ccus.addCustomMetric')).toBe(false);
  });

  it('sorts the firms by project cost, edits one from its row, and says in Japanese when there are none', async () => {
    const firm = (id: string, name: string, projectCostYen: number | null) => ({ id, name, projectCostYen, figures: 1, latestMonth: '2026-03' });
    renderSettings({
      'ccus.memberFirms': { data: [firm('20000000-0000-4000-8000-000000000001', 'A建設', 900_000_000), firm('20000000-0000-4000-8000-000000000002', 'B工務店', null), firm('20000000-0000-4000-8000-000000000003', 'C組', 5_000_000)] },
    });
    const user = userEvent.setup();
    const table = await screen.findByRole('table', { name: '会員企業' });
    const names = () => within(table).getAllByRole('rowheader').map((h) => h.textContent);
    expect(names()).toEqual(['A建設', 'B工務店', 'C組']);
    await user.click(screen.getByTestId('sort-projectCost'));
    expect(names()).toEqual(['C組', 'A建設', 'B工務店']);
    await user.click(screen.getByRole('button', { name: 'C組 編集' }));
    expect(screen.getByTestId<HTMLInputElement>('firm-name').value).toBe('C組');
    expect(screen.getByTestId('metric-table-empty').textContent).toBe('独自指標はまだありません。');
  });

  it('says how to add a firm when none is registered', async () => {
    renderSettings({ 'ccus.memberFirms': { data: [] } });
    expect((await screen.findByTestId('firm-table-empty')).textContent).toContain('会員企業はまだ登録されていません');
  });
});
