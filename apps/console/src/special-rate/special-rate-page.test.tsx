import { fireEvent, screen, waitFor } from '@testing-library/react';
import { AuthGate } from '@tsumiki/ui';
import { fakeApi, renderWithTsumiki, sessionOf } from '@tsumiki/ui/testing';
import { describe, expect, it } from 'vitest';
import { messages } from '../messages';
import { ConsoleRoutes } from '../routes';

const criterion = (code: string, ja: string, fromFacts: 'met' | 'not_met' | 'unknown') => ({
  code,
  text: { ja, en: code },
  source: '003 §2.4',
  fromFacts,
  confirmedByCommittee: false,
  met: fromFacts === 'met',
});
const view = {
  application: { id: 'a1', title: 'CLT実証 提案A', status: 'under_review', trackingNumber: 'CLT-2026-0001' },
  status: 'awaiting_committee',
  criteria: [
    criterion('three_storeys_or_1000m2_structural', '3階建て以上又は延べ面積1,000㎡以上', 'unknown'),
    criterion('existing_model', '普及モデルの活用', 'met'),
    criterion('further_buildings', '今後の建築予定', 'met'),
    criterion('technical_ingenuity', '技術的な工夫', 'unknown'),
  ],
  citedButNotMet: [],
  finding: null,
  history: [],
  canRecord: true,
};

describe('special-rate (1/2) finding page', () => {
  it('shows the criteria from the application, asks for a reason before recording, and records the finding', async () => {
    const api = fakeApi({
      'auth.me': { data: sessionOf('reviewer', '高橋 健一') },
      'review.specialRate': { data: view },
      'review.recordSpecialRate': { data: { id: 'f1', status: 'recommended', recordedAt: new Date() } },
    });
    renderWithTsumiki(<AuthGate><ConsoleRoutes /></AuthGate>, { api, app: 'console', messages, route: '/applications/a1/special-rate' });
    await screen.findByTestId('special-rate-criteria');
    expect(screen.getAllByRole('rowheader').map((h) => h.textContent)).toContain('技術的な工夫出典: 令和7年度 CLT建築実証事業 募集要領 §2.4');
    expect(screen.getByTestId('special-rate-history-empty').textContent).toBe('まだ所見は記録されていません。');
    expect(screen.getByTestId('special-rate-status').textContent).toBe('要件に該当・委員会の所見待ち');
    expect(screen.getByTestId('criterion-existing_model').textContent).toContain('該当');
    // Only criteria the facts leave open can be confirmed by the committee.
    expect(screen.queryByTestId('finding-cite-existing_model')).toBeNull();
    // Nothing chosen yet: recording names what is missing and sends nothing.
    fireEvent.click(screen.getByTestId('finding-record'));
    expect(await screen.findByText('特に優れたものと認めるかどうかを選んでください。')).toBeTruthy();
    expect(api.calls.some((c) => c.path === 'review.recordSpecialRate')).toBe(false);

    fireEvent.click(screen.getByLabelText('認める'));
    await waitFor(() => expect(screen.queryByText('特に優れたものと認めるかどうかを選んでください。')).toBeNull());
    fireEvent.click(screen.getByLabelText('技術的な工夫'));
    fireEvent.change(screen.getByTestId('finding-reason'), { target: { value: ' ' } });
    expect(await screen.findByText('助成率の特例についての委員会の所見を入力してください。')).toBeTruthy();
    expect(screen.getByTestId<HTMLTextAreaElement>('finding-reason').value).toBe(' ');
    fireEvent.change(screen.getByTestId('finding-reason'), { target: { value: '接合部の工夫が特に優れる' } });
    fireEvent.click(screen.getByTestId('finding-record'));
    await waitFor(() => expect(api.calls.some((c) => c.path === 'review.recordSpecialRate')).toBe(true));
    expect(api.calls.find((c) => c.path === 'review.recordSpecialRate')?.input).toEqual({
      applicationId: 'a1',
      excellent: true,
      criteria: ['technical_ingenuity'],
      reason: '接合部の工夫が特に優れる',
    });
  });

  it('shows the API’s refusal in Japanese', async () => {
    const api = fakeApi({
      'auth.me': { data: sessionOf('reviewer', '高橋 健一') },
      'review.specialRate': { data: view },
      'review.recordSpecialRate': { error: { appCode: 'scoring.special_finding_closed', httpStatus: 400, appParams: { status: '採択', statusEn: 'Selected' } } },
    });
    renderWithTsumiki(<AuthGate><ConsoleRoutes /></AuthGate>, { api, app: 'console', messages, route: '/applications/a1/special-rate' });
    await screen.findByTestId('special-rate-form');
    fireEvent.click(screen.getByLabelText('認めない'));
    fireEvent.change(screen.getByTestId('finding-reason'), { target: { value: '通常の助成率とする' } });
    fireEvent.click(screen.getByTestId('finding-record'));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('状況が「採択」の提案には、助成率の特例の所見を記録できません');
  });
});
