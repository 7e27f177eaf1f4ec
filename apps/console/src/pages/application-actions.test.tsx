import { fireEvent, screen, waitFor } from '@testing-library/react';
import { yen } from '@tsumiki/domain';
import { isFinalStep, transitionSpec, type TWorkflowEvent } from '@tsumiki/domain/review';
import { fakeApi, renderWithTsumiki } from '@tsumiki/ui/testing';
import { describe, expect, it } from 'vitest';
import { messages } from '../messages';
import { Actions } from './application-actions';

const applicationId = '10000000-0000-4000-8000-000000000001';
const eventOf = (event: TWorkflowEvent) => {
  const spec = transitionSpec(event)!;
  return { event, label: spec.label, inputs: spec.inputs, to: spec.to, final: isFinalStep(event) };
};
const view = {
  application: { id: applicationId, title: 'CLT実証 提案A', status: 'under_review' as const, version: 3, trackingNumber: 'CLT-1', requestedGrantYen: 1_000, submittedAt: null, organisationId: 'o1' },
  events: [eventOf('return_for_correction'), eventOf('decide_grant')],
  maximumYen: yen(11_810_000),
};

describe('a workflow step’s form', () => {
  it('names what the step still needs instead of asking to confirm it, and sends nothing', async () => {
    const api = fakeApi({ 'review.transition': { data: { status: 'returned' } } });
    renderWithTsumiki(<Actions view={view} />, { api, app: 'console', messages });
    fireEvent.click(screen.getByTestId('event-return_for_correction'));
    fireEvent.click(screen.getByTestId('run-event'));
    expect(await screen.findByText('「差戻し」には理由の入力が必要です。理由を入力してください。')).toBeTruthy();
    expect(screen.getByText('「差戻し」には期限（日本時間）の指定が必要です。期限を入力してください。')).toBeTruthy();
    expect(screen.queryByTestId('confirm-yes')).toBeNull();
    expect(api.calls.some((c) => c.path === 'review.transition')).toBe(false);
    // Given both, the step is confirmed and sent with the deadline read as Japan time.
    fireEvent.change(screen.getByTestId('input-reason'), { target: { value: '様式4-1の根拠資料を添付してください。' } });
    fireEvent.change(screen.getByTestId('input-due'), { target: { value: '2099-12-10T17:00' } });
    fireEvent.click(screen.getByTestId('run-event'));
    fireEvent.click(await screen.findByTestId('confirm-yes'));
    await waitFor(() =>
      expect(api.calls.find((c) => c.path === 'review.transition')?.input).toEqual({
        applicationId,
        version: 3,
        event: 'return_for_correction',
        reason: '様式4-1の根拠資料を添付してください。',
        dueAt: new Date('2099-12-10T08:00:00Z'),
      }),
    );
  });

  it('names a granted amount over the computed maximum as it is typed, in yen with separators, and sends nothing', async () => {
    const api = fakeApi({ 'review.transition': { data: { status: 'grant_decided' } } });
    renderWithTsumiki(<Actions view={view} />, { api, app: 'console', messages });
    fireEvent.click(screen.getByTestId('event-decide_grant'));
    const amount = screen.getByTestId('input-amount');
    fireEvent.change(amount, { target: { value: '11810001' } });
    fireEvent.blur(amount);
    expect(await screen.findByText('交付額 11,810,001円 が、算定された上限額 11,810,000円 を超えています。上限額以下の金額にしてください。')).toBeTruthy();
    fireEvent.click(screen.getByTestId('run-event'));
    expect(screen.queryByTestId('confirm-yes')).toBeNull();
    expect(api.calls.some((c) => c.path === 'review.transition')).toBe(false);
    // The maximum itself is accepted: the message goes as the amount is typed down to it.
    fireEvent.change(amount, { target: { value: '11810000' } });
    await waitFor(() => expect(screen.queryByText(/算定された上限額/)).toBeNull());
  });
});
