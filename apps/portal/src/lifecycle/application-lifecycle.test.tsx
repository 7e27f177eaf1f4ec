import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { fakeApi, renderWithTsumiki } from '@tsumiki/ui/testing';
import { describe, expect, it } from 'vitest';
import { messages } from '../messages';
import { ApplicationLifecycle } from './application-lifecycle';

const REQUEST = '00000000-0000-4000-8000-0000000000a1';
const timeline = {
  applicationId: 'app1',
  status: 'information_requested',
  version: 7,
  trackingNumber: 'CLT-2026-0007',
  entries: [
    { type: 'status', at: new Date('2026-06-01T01:00:00Z'), event: 'request_information', from: 'under_review', to: 'information_requested' },
    { type: 'request', at: new Date('2026-06-01T01:00:00Z'), requestId: REQUEST, kind: 'information', message: '構造計算書を提出してください', dueAt: new Date('2026-06-10T04:00:00Z'), overdue: false },
    { type: 'submission', at: new Date('2026-05-20T00:30:00Z'), versionNo: 1, requestedGrantYen: 11_810_000, origin: 'submission' },
  ],
  requests: [{ id: REQUEST, kind: 'information', message: '構造計算書を提出してください', issuedAt: new Date('2026-06-01T01:00:00Z'), dueAt: new Date('2026-06-10T04:00:00Z'), answeredAt: null, answer: null }],
  may: { answer: true, resubmit: false, report: false, change: false, upload: true },
};

describe('application after submission (portal)', () => {
  it('shows the history in Japanese with JST times, and sends an answer only with its text', async () => {
    const api = fakeApi({
      'lifecycle.timeline': { data: timeline },
      'applications.submission': { data: { versionNo: 1, title: 'CLT庁舎', content: {}, assessment: {}, requestedGrantYen: 11_810_000, submittedAt: new Date(), trackingNumber: 'CLT-2026-0007' } },
      'lifecycle.answer': { data: { id: 'app1', status: 'resubmitted', version: 8, event: 'answer_request', amount: null } },
    });
    renderWithTsumiki(<ApplicationLifecycle applicationId="app1" title="CLT庁舎" kind="clt_demonstration" status="information_requested" latestVersionNo={1} />, { api, messages });
    // The open request is what to do next: its tab opens first.
    const form = await screen.findByTestId('answer-form');
    expect(within(form).getByText('期限 2026-06-10 13:00 JST')).toBeTruthy();
    fireEvent.click(within(form).getByRole('button', { name: '回答を提出する' }));
    expect(await within(form).findByText('回答の本文を入力してください。')).toBeTruthy();
    expect(api.calls.some((c) => c.path === 'lifecycle.answer')).toBe(false);
    fireEvent.change(within(form).getByLabelText(/^回答/), { target: { value: '構造計算書を添付します。' } });
    fireEvent.click(within(form).getByRole('button', { name: '回答を提出する' }));
    await waitFor(() => expect(api.calls.find((c) => c.path === 'lifecycle.answer')?.input).toEqual({ applicationId: 'app1', version: 7, requestId: REQUEST, message: '構造計算書を添付します。', attachmentIds: [] }));

    fireEvent.click(screen.getByRole('tab', { name: '経過' }));
    const history = await screen.findByTestId('status-timeline');
    expect(within(history).getByText('追加資料の依頼 → 追加資料依頼中')).toBeTruthy();
    expect(within(history).getByText('第1版を提出')).toBeTruthy();
    expect(within(history).getByText('申請額 11,810,000円')).toBeTruthy();
    expect(within(history).getByText('2026-05-20 09:30 JST')).toBeTruthy();
  });
});
