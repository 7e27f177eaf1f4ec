import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { AuthGate } from '@tsumiki/ui';
import { fakeApi, renderWithTsumiki, sessionOf } from '@tsumiki/ui/testing';
import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { ReporterOnly } from '../components/reporter-only';
import { messages } from '../messages';
import { FiguresPage } from './figures-page';

const associationId = '10000000-0000-4000-8000-000000000001';

describe('entering a month of figures', () => {
  it('checks as you type with the import rules and sends only what was filled in', async () => {
    const api = fakeApi({
      'auth.me': { data: sessionOf('association_reporter', undefined, { organisationId: associationId }) },
      'ccus.monthFigures': {
        data: [
          {
            metricCode: 'work_history_records',
            reportedNumerator: 90_000,
            reportedDenominator: null,
            members: 0,
          },
        ],
      },
      'ccus.enterFigures': { data: { ok: true, fileIssues: [], rows: [], errorRows: 0, saved: 2 } },
    });
    renderWithTsumiki(
      <AuthGate>
        <Routes>
          <Route path="/associations/:associationId/figures" element={<FiguresPage />} />
        </Routes>
      </AuthGate>,
      {
        api,
        app: 'dashboard',
        messages,
        route: `/associations/${associationId}/figures?fy=2025&asOf=2025-09`,
      },
    );
    const user = userEvent.setup();
    const records = await screen.findByRole('textbox', { name: '就業履歴数 実績・分子' });
    expect((records as HTMLInputElement).value).toBe('90,000');

    await user.type(screen.getByRole('textbox', { name: '事業者登録更新率 実績・分子' }), '90');
    await user.type(screen.getByRole('textbox', { name: '事業者登録更新率 分母' }), '80');
    expect(await screen.findByText('率の分子（該当数）が分母（対象数）を超えています。')).toBeTruthy();
    expect(screen.getByTestId<HTMLButtonElement>('figures-save').disabled).toBe(true);

    const denominator = screen.getByRole('textbox', { name: '事業者登録更新率 分母' });
    await user.clear(denominator);
    await user.type(denominator, '100');
    expect(screen.queryByText('率の分子（該当数）が分母（対象数）を超えています。')).toBeNull();
    expect(screen.getByText('90%')).toBeTruthy();
    await user.click(screen.getByTestId('figures-save'));
    await waitFor(() =>
      expect(api.calls.find((c) => c.path === 'ccus.enterFigures')?.input).toEqual({
        associationId,
        month: '2025-09',
        figures: [
          { metricCode: 'work_history_records', numerator: 90_000, denominator: null },
          { metricCode: 'registration_renewal_rate', numerator: 90, denominator: 100 },
        ],
      }),
    );
  });

  it('names a rate’s missing denominator when saving, and sends nothing', async () => {
    const api = fakeApi({
      'auth.me': { data: sessionOf('association_reporter', undefined, { organisationId: associationId }) },
      'ccus.monthFigures': { data: [] },
      'ccus.enterFigures': { data: { ok: true, fileIssues: [], rows: [], errorRows: 0, saved: 1 } },
    });
    renderWithTsumiki(
      <AuthGate>
        <Routes>
          <Route path="/associations/:associationId/figures" element={<FiguresPage />} />
        </Routes>
      </AuthGate>,
      { api, app: 'dashboard', messages, route: `/associations/${associationId}/figures?fy=2025&asOf=2025-09` },
    );
    const user = userEvent.setup();
    const numerator = await screen.findByRole('textbox', { name: '事業者登録更新率 実績・分子' });
    await user.type(numerator, '1,200');
    await user.click(screen.getByTestId('figures-save'));
    expect(await screen.findByText('この指標は率のため、分母（対象数）が必要です。')).toBeTruthy();
    expect((numerator as HTMLInputElement).value).toBe('1,200');
    expect(api.calls.some((c) => c.path === 'ccus.enterFigures')).toBe(false);
  });

  it('shows a viewer a read-only notice instead of inputs the server would refuse', async () => {
    const api = fakeApi({
      'auth.me': { data: sessionOf('association_viewer', undefined, { organisationId: associationId }) },
      'ccus.monthFigures': { data: [] },
    });
    renderWithTsumiki(
      <AuthGate>
        <Routes>
          <Route
            path="/associations/:associationId/figures"
            element={
              <ReporterOnly>
                <FiguresPage />
              </ReporterOnly>
            }
          />
        </Routes>
      </AuthGate>,
      {
        api,
        app: 'dashboard',
        messages,
        route: `/associations/${associationId}/figures?fy=2025&asOf=2025-09`,
      },
    );
    expect(await screen.findByText(/報告担当者だけです/)).toBeTruthy();
    expect(screen.queryAllByRole('textbox')).toHaveLength(0);
    expect(screen.queryByTestId('figures-save')).toBeNull();
  });
});
