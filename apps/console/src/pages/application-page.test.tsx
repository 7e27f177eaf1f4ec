import { fireEvent, screen, waitFor } from '@testing-library/react';
import { AuthGate } from '@tsumiki/ui';
import { fakeApi, renderWithTsumiki, sessionOf } from '@tsumiki/ui/testing';
import { describe, expect, it } from 'vitest';
import { messages } from '../messages';
import { ConsoleRoutes } from '../routes';

describe('application page for a committee member', () => {
  it('asks for the declaration before opening, and shows nothing more once a conflict is declared', async () => {
    const api = fakeApi({
      'auth.me': { data: sessionOf('committee', '中村 由紀子') },
      'review.declarationStatus': { data: { required: true, title: 'CLT実証 提案A' } },
      'review.declareConflict': { data: { conflicted: true, assignmentRevoked: true } },
    });
    renderWithTsumiki(<AuthGate><ConsoleRoutes /></AuthGate>, { api, app: 'console', messages, route: '/applications/a1' });
    const form = await screen.findByTestId('conflict-form');
    expect(form.textContent).toContain('CLT実証 提案A');
    fireEvent.click(screen.getByLabelText('関係を有する企業等による提案'));
    fireEvent.click(screen.getByTestId('conflict-declare'));
    await screen.findByTestId('conflict-declared');
    expect(api.calls.find((c) => c.path === 'review.declareConflict')?.input).toEqual({ applicationId: 'a1', conflicts: [{ kind: 'related_company' }] });
    // The proposal itself was never asked for.
    await waitFor(() => expect(api.calls.some((c) => c.path === 'review.open')).toBe(false));
  });

  it('shows the API’s refusal when a conflicted member opens the page directly', async () => {
    const api = fakeApi({
      'auth.me': { data: sessionOf('committee', '中村 由紀子') },
      'review.declarationStatus': { error: { appCode: 'conflict.conflicted', httpStatus: 403, appParams: { kinds: '関係企業等による提案' } } },
    });
    renderWithTsumiki(<AuthGate><ConsoleRoutes /></AuthGate>, { api, app: 'console', messages, route: '/applications/a1' });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('利益相反（関係企業等による提案）');
    expect(screen.queryByTestId('score-sheet')).toBeNull();
  });
});
