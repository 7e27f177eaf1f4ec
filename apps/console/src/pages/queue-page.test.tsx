import { fireEvent, screen, waitFor } from '@testing-library/react';
import { AuthGate } from '@tsumiki/ui';
import { fakeApi, renderWithTsumiki, sessionOf } from '@tsumiki/ui/testing';
import { describe, expect, it } from 'vitest';
import { messages } from '../messages';
import { ConsoleRoutes } from '../routes';

const row = {
  id: 'a1',
  title: 'CLTパネル工法 4階建て事務所',
  status: 'submitted',
  version: 2,
  trackingNumber: 'CLT-2025-0001',
  requestedGrantYen: 11_810_000,
  submittedAt: new Date('2026-03-10T01:00:00Z'),
  updatedAt: new Date('2026-03-10T01:00:00Z'),
  programmeId: 'p1',
  programmeKind: 'clt_demonstration',
  programmeNameJa: 'CLT実証',
  programmeNameEn: 'CLT demonstration',
  organisationId: 'o1',
  applicantNameJa: '杉山木材',
  applicantNameEn: 'Sugiyama Timber',
  assignedCount: 1,
};

describe('review queue', () => {
  it('lists the queue with counts per status and asks the API again when searching', async () => {
    const api = fakeApi({
      'auth.me': { data: sessionOf('reviewer', '高橋 健一') },
      'review.queue': (input) => ({
        data: {
          rows: (input as { search?: string }).search === 'zzz' ? [] : [row],
          total: (input as { search?: string }).search === 'zzz' ? 0 : 1,
          counts: { submitted: 1, under_review: 3 },
          page: 1,
          pageSize: 50,
          programmes: [{ id: 'p1', kind: 'clt_demonstration', nameJa: 'CLT実証', nameEn: 'CLT demonstration' }],
        },
      }),
    });
    renderWithTsumiki(<AuthGate><ConsoleRoutes /></AuthGate>, { api, app: 'console', messages });
    const table = await screen.findByTestId('queue-table');
    expect(table.textContent).toContain('CLT-2025-0001');
    expect(table.textContent).toContain('11,810,000');
    expect(screen.getByTestId('tab-under_review').textContent).toContain('3');
    // Every tab says what it holds, 「すべて」 too: the matches of every status.
    expect(screen.getByTestId('tab-all').textContent).toBe('すべて 4');
    const search = screen.getByLabelText('事業名・受付番号・申請者で検索');
    fireEvent.change(search, { target: { value: 'zzz' } });
    await waitFor(() => expect(screen.getByTestId('queue-total').textContent).toBe('0件'));
    expect(api.calls.filter((c) => c.path === 'review.queue').at(-1)?.input).toMatchObject({ search: 'zzz', page: 1 });
    // Nothing found: the way back clears every condition.
    fireEvent.click(await screen.findByTestId('queue-clear-filters'));
    await waitFor(() => expect(screen.getByTestId('queue-total').textContent).toBe('1件'));
    expect((search as HTMLInputElement).value).toBe('');
  });

  it('keeps the amount bounds as typed and refuses a lower bound above the upper one rather than asking for nothing', async () => {
    const api = fakeApi({
      'auth.me': { data: sessionOf('reviewer', '高橋 健一') },
      'review.queue': { data: { rows: [row], total: 1, counts: { submitted: 1 }, page: 1, pageSize: 50, programmes: [] } },
    });
    renderWithTsumiki(<AuthGate><ConsoleRoutes /></AuthGate>, { api, app: 'console', messages });
    await screen.findByTestId('queue-table');
    const queued = () => api.calls.filter((c) => c.path === 'review.queue').at(-1)?.input;
    fireEvent.change(screen.getByTestId('queue-min-requested'), { target: { value: '5,000,000' } });
    await waitFor(() => expect(queued()).toMatchObject({ minRequestedYen: 5_000_000 }));
    const max = screen.getByTestId<HTMLInputElement>('queue-max-requested');
    fireEvent.change(max, { target: { value: '1,000' } });
    fireEvent.blur(max);
    expect(await screen.findByText('申請助成額の上限は下限以上にしてください。')).toBeTruthy();
    expect(max.value).toBe('1,000');
    expect(queued()).not.toHaveProperty('maxRequestedYen');
    fireEvent.change(max, { target: { value: '9,000,000' } });
    await waitFor(() => expect(queued()).toMatchObject({ minRequestedYen: 5_000_000, maxRequestedYen: 9_000_000 }));
    expect(screen.queryByText('申請助成額の上限は下限以上にしてください。')).toBeNull();
  });
});
