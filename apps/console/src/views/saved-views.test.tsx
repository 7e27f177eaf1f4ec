import { fireEvent, screen, waitFor } from '@testing-library/react';
import { AuthGate } from '@tsumiki/ui';
import { fakeApi, renderWithTsumiki, sessionOf } from '@tsumiki/ui/testing';
import { describe, expect, it } from 'vitest';
import { messages } from '../messages';
import { ConsoleRoutes } from '../routes';

const queue = { data: { rows: [], total: 0, counts: {}, page: 1, pageSize: 50, programmes: [] } };

describe('saved views of the queue', () => {
  it('shows each view with its count, applies it to the queue, and saves the current settings under a checked name', async () => {
    const api = fakeApi({
      'auth.me': { data: sessionOf('reviewer', '高橋 健一') },
      'review.queue': queue,
      'review.views': { data: [{ id: 'v1', name: '高知の再提出', version: 1, count: 4, filters: { statuses: ['resubmitted'], search: '高知', minRequestedYen: 10_000_000, sort: 'title', direction: 'asc' }, updatedAt: new Date() }] },
      'review.saveView': { data: { id: 'v2', version: 1 } },
    });
    renderWithTsumiki(<AuthGate><ConsoleRoutes /></AuthGate>, { api, app: 'console', messages });
    const view = await screen.findByText('高知の再提出（4件）');
    fireEvent.click(view);
    await waitFor(() =>
      expect(api.calls.filter((c) => c.path === 'review.queue').at(-1)?.input).toMatchObject({ statuses: ['resubmitted'], search: '高知', minRequestedYen: 10_000_000, sort: 'title', direction: 'asc', page: 1 }),
    );
    expect(screen.getByTestId<HTMLInputElement>('queue-search').value).toBe('高知');
    expect(screen.getByLabelText<HTMLInputElement>('申請助成額の下限（円）').value).toBe('10,000,000');

    fireEvent.click(screen.getByTestId('save-view'));
    fireEvent.change(screen.getByTestId('view-name'), { target: { value: 'x'.repeat(61) } });
    fireEvent.click(screen.getByTestId('view-save'));
    expect(await screen.findByText('ビューの名前は60文字以内で入力してください。')).toBeTruthy();
    expect(api.calls.some((c) => c.path === 'review.saveView')).toBe(false);
    fireEvent.change(screen.getByTestId('view-name'), { target: { value: ' 高知（題名順） ' } });
    fireEvent.click(screen.getByTestId('view-save'));
    await waitFor(() => expect(api.calls.some((c) => c.path === 'review.saveView')).toBe(true));
    expect(api.calls.find((c) => c.path === 'review.saveView')?.input).toEqual({
      name: '高知（題名順）',
      filters: { statuses: ['resubmitted'], search: '高知', minRequestedYen: 10_000_000, sort: 'title', direction: 'asc' },
    });
  });
});
