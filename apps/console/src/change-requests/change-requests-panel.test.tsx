import { fireEvent, screen, waitFor } from '@testing-library/react';
import { fakeApi, renderWithTsumiki } from '@tsumiki/ui/testing';
import { describe, expect, it } from 'vitest';
import { messages } from '../messages';
import { ChangeRequestsPanel } from './change-requests-panel';

const pending = {
  id: '20000000-0000-4000-8000-0000000000c1',
  kind: 'budget',
  status: 'pending',
  reason: 'CLTパネル数量の見直し',
  changedPaths: ['grant.building.lines.0.amount'],
  basedOnVersionNo: 1,
  maximumYen: 11_645_000,
  currentGrantYen: 11_810_000,
  grantAfterYen: 11_645_000,
  submittedAt: new Date('2026-07-01T01:00:00Z'),
  submittedByName: '杉山 美咲',
  decidedAt: null,
  decisionReason: null,
  resultingVersionNo: null,
  changes: [{ path: 'grant.building.lines.0.amount', label: { ja: '建築物の建築実証（1行目）金額（税込・円）', en: 'Building demonstration #1 Amount (tax incl., yen)' }, before: 1_100_000, after: 550_000 }],
};

describe('change requests panel (console)', () => {
  it('shows the change before → after with the grant it gives, and sends the decision with its reason', async () => {
    const api = fakeApi({
      'lifecycle.staffChanges': { data: [pending] },
      'lifecycle.decideChange': { error: { appCode: 'change.decision_reason_required', httpStatus: 400 } },
    });
    renderWithTsumiki(<ChangeRequestsPanel applicationId="a1" />, { api, app: 'console', messages });
    await screen.findByTestId('change-request');
    expect(screen.getByText('予算変更')).toBeTruthy();
    expect(screen.getByText('交付額 11,810,000円 → 変更後 11,645,000円（変更後の内容による上限 11,645,000円）')).toBeTruthy();
    // The item as the application's screens name it, never its path.
    expect(screen.getByRole('rowheader', { name: '建築物の建築実証（1行目）金額（税込・円）' })).toBeTruthy();
    expect(screen.queryByText('grant.building.lines.0.amount')).toBeNull();
    // A rejection without its reason is named at the reason, and nothing is sent.
    fireEvent.click(screen.getByRole('button', { name: '承認しない' }));
    expect(await screen.findByText('不承認とする場合は理由を入力してください。申請者に通知されます。')).toBeTruthy();
    expect(api.calls.filter((c) => c.path === 'lifecycle.decideChange')).toHaveLength(0);
    const reason = screen.getByLabelText<HTMLTextAreaElement>('理由（不承認の場合は必須。申請者に通知されます）');
    fireEvent.change(reason, { target: { value: '数量の根拠が不足' } });
    // The message goes as the reason is typed.
    await waitFor(() => expect(screen.queryByText('不承認とする場合は理由を入力してください。申請者に通知されます。')).toBeNull());
    fireEvent.click(screen.getByRole('button', { name: '承認しない' }));
    await waitFor(() => expect(api.calls.filter((c) => c.path === 'lifecycle.decideChange')).toHaveLength(1));
    expect(api.calls.filter((c) => c.path === 'lifecycle.decideChange')[0]?.input).toEqual({ changeRequestId: '20000000-0000-4000-8000-0000000000c1', decision: 'rejected', reason: '数量の根拠が不足' });
    expect(reason.value).toBe('数量の根拠が不足');
  });
});
