import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { AuthGate } from '@tsumiki/ui';
import { fakeApi, renderWithTsumiki, sessionOf } from '@tsumiki/ui/testing';
import { describe, expect, it } from 'vitest';
import { messages } from '../messages';
import { SurveySection } from './survey-section';

const associationId = '10000000-0000-4000-8000-000000000001';

function renderSurvey() {
  const api = fakeApi({
    'auth.me': { data: sessionOf('association_reporter') },
    'ccus.surveys': { data: [] },
    'ccus.saveSurvey': { data: { ok: true } },
  });
  renderWithTsumiki(
    <AuthGate>
      <SurveySection associationId={associationId} editable latestFiscalYear={2025} />
    </AuthGate>,
    { api, app: 'dashboard', messages },
  );
  return api;
}

describe('entering a year of the member survey', () => {
  it('says as you type when the answers outnumber the firms asked, keeps the text as typed, and saves counts', async () => {
    const api = renderSurvey();
    const user = userEvent.setup();
    const surveyed = await screen.findByRole('textbox', { name: '調査対象の会員企業数' });
    const none = screen.getByRole('textbox', { name: 'なし' });
    await user.clear(surveyed);
    await user.type(surveyed, '１０');
    await user.clear(none);
    await user.type(none, '12');
    await user.tab();
    expect(await screen.findByText('回答数の合計が調査対象数を超えています。')).toBeTruthy();
    await user.clear(none);
    await user.type(none, '8');
    await waitFor(() => expect(screen.queryByText('回答数の合計が調査対象数を超えています。')).toBeNull());
    expect((surveyed as HTMLInputElement).value).toBe('１０');
    await user.click(screen.getByTestId('survey-save'));
    await waitFor(() => expect(api.calls.some((c) => c.path === 'ccus.saveSurvey')).toBe(true));
    expect(api.calls.find((c) => c.path === 'ccus.saveSurvey')?.input).toEqual({
      associationId,
      survey: { fiscalYear: 2025, surveyed: 10, counts: { none: 8, under_20: 0, from_20_to_49: 0, from_50_to_79: 0, at_least_80: 0 } },
    });
  });

  it('refuses a minus in a count with a message, and sends nothing', async () => {
    const api = renderSurvey();
    const user = userEvent.setup();
    const surveyed = await screen.findByRole('textbox', { name: '調査対象の会員企業数' });
    await user.clear(surveyed);
    await user.type(surveyed, '-3');
    expect(surveyed.getAttribute('aria-invalid')).toBe('true');
    await user.click(screen.getByTestId('survey-save'));
    expect((surveyed as HTMLInputElement).value).toBe('-3');
    expect(api.calls.some((c) => c.path === 'ccus.saveSurvey')).toBe(false);
  });
});
