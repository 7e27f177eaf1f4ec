import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeApi, renderWithTsumiki, sessionOf } from '@tsumiki/ui/testing';
import { AuthGate } from '@tsumiki/ui';
import { describe, expect, it } from 'vitest';
import { messages } from '../messages';
import { PlanSection } from './plan-section';

const associationId = '10000000-0000-4000-8000-000000000001';
const plan = {
  targets: [{ metricCode: 'registration_renewal_rate', annualTarget: 0.75 }],
  report: { statusText: '説明会を開催した。', goalsText: '', actionsText: '', published: false, version: 3, updatedAt: null },
};

function renderPlan(answers: Parameters<typeof fakeApi>[0], editable: boolean) {
  const api = fakeApi({ 'auth.me': { data: sessionOf(editable ? 'association_reporter' : 'association_viewer') }, 'ccus.plan': { data: plan }, ...answers });
  renderWithTsumiki(
    <AuthGate>
      <PlanSection associationId={associationId} fiscalYear={2025} editable={editable} />
    </AuthGate>,
    { api, app: 'dashboard', messages },
  );
  return api;
}

describe('targets and the yearly report', () => {
  it('shows the report read-only to a viewer', async () => {
    renderPlan({}, false);
    expect((await screen.findByTestId('report-view')).textContent).toContain('説明会を開催した。');
    expect(screen.queryByRole('textbox')).toBeNull();
  });

  it('saves rate targets as fractions, typed as percentages', async () => {
    const api = renderPlan({ 'ccus.setTargets': { data: { ok: true } } }, true);
    const user = userEvent.setup();
    const renewal = await screen.findByRole('textbox', { name: '事業者登録更新率' });
    expect((renewal as HTMLInputElement).value).toBe('75%');
    await user.clear(renewal);
    await user.type(renewal, '82.5');
    await user.click(screen.getByTestId('save-targets'));
    await waitFor(() =>
      expect(api.calls.find((c) => c.path === 'ccus.setTargets')?.input).toEqual({
        associationId,
        fiscalYear: 2025,
        targets: [{ metricCode: 'registration_renewal_rate', annualTarget: 0.825 }],
      }),
    );
  });

  it('refuses a rate target over 100% as typed, never clamping it, and sends nothing', async () => {
    const api = renderPlan({ 'ccus.setTargets': { data: { ok: true } } }, true);
    const user = userEvent.setup();
    const renewal = await screen.findByRole('textbox', { name: '事業者登録更新率' });
    await user.clear(renewal);
    await user.type(renewal, '120');
    await user.tab();
    expect(await screen.findByText('率の目標は0%より大きく100%以下で入力してください。')).toBeTruthy();
    expect((renewal as HTMLInputElement).value).toBe('120%');
    expect(renewal.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByTestId<HTMLButtonElement>('save-targets').disabled).toBe(true);
    await user.type(renewal, '{Enter}');
    expect((renewal as HTMLInputElement).value).toBe('120%');
    expect(api.calls.some((c) => c.path === 'ccus.setTargets')).toBe(false);
    // As typed from then on: back in range, the message goes.
    await user.clear(renewal);
    await user.type(renewal, '95');
    await waitFor(() => expect(screen.queryByText('率の目標は0%より大きく100%以下で入力してください。')).toBeNull());
    expect(screen.getByTestId<HTMLButtonElement>('save-targets').disabled).toBe(false);
  });

  it('refuses a count target of 0 when saving, naming it at the field', async () => {
    const api = renderPlan({ 'ccus.setTargets': { data: { ok: true } } }, true);
    const user = userEvent.setup();
    const count = await screen.findByRole('textbox', { name: '就業履歴数' });
    await user.type(count, '0');
    await user.click(screen.getByTestId('save-targets'));
    expect(await screen.findByText('目標は0より大きい数値で入力してください。')).toBeTruthy();
    expect(api.calls.some((c) => c.path === 'ccus.setTargets')).toBe(false);
  });

  it('autosaves the texts from the loaded version, and keeps the text when someone else saved first', async () => {
    const api = renderPlan({ 'ccus.saveReport': { error: { appCode: 'ccus.report_version_conflict', httpStatus: 409 } } }, true);
    const user = userEvent.setup();
    const goals = await screen.findByRole('textbox', { name: '取組目標' });
    await user.type(goals, '全現場にカードリーダー');
    await waitFor(() => expect(api.calls.filter((c) => c.path === 'ccus.saveReport')).toHaveLength(1), { timeout: 3_000 });
    expect(api.calls.find((c) => c.path === 'ccus.saveReport')?.input).toMatchObject({ goalsText: '全現場にカードリーダー', version: 3 });
    expect((await screen.findByRole('alert')).textContent).toContain('他の人がこの年度の取組を先に保存しました');
    expect((goals as HTMLTextAreaElement).value).toBe('全現場にカードリーダー');
  });
});
