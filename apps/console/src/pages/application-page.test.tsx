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
    // Nothing chosen is no answer: the reason is shown and nothing is sent.
    fireEvent.click(screen.getByTestId('conflict-declare'));
    expect((await screen.findByTestId('conflict-unanswered')).textContent).toContain('「該当なし」を選ぶか');
    fireEvent.click(screen.getByLabelText('該当があります（次から選んでください）'));
    fireEvent.click(screen.getByLabelText('関係を有する企業等による提案'));
    fireEvent.click(screen.getByTestId('conflict-declare'));
    // A conflict cannot be withdrawn: it is confirmed in a dialog first, and only the dialog sends it.
    await screen.findByTestId('confirm-yes');
    expect(api.calls.some((c) => c.path === 'review.declareConflict')).toBe(false);
    fireEvent.click(screen.getByTestId('confirm-yes'));
    await screen.findByTestId('conflict-declared');
    expect(api.calls.find((c) => c.path === 'review.declareConflict')?.input).toEqual({ applicationId: 'a1', conflicts: [{ kind: 'related_company' }] });
    // The proposal itself was never asked for.
    await waitFor(() => expect(api.calls.some((c) => c.path === 'review.open')).toBe(false));
  });

  it('sends 該当なし as an explicit answer', async () => {
    const api = fakeApi({
      'auth.me': { data: sessionOf('committee', '中村 由紀子') },
      'review.declarationStatus': { data: { required: true, title: 'CLT実証 提案A' } },
      'review.declareConflict': { data: { conflicted: false, assignmentRevoked: false } },
    });
    renderWithTsumiki(<AuthGate><ConsoleRoutes /></AuthGate>, { api, app: 'console', messages, route: '/applications/a1' });
    await screen.findByTestId('conflict-form');
    fireEvent.click(screen.getByLabelText('該当なし（上記のいずれにも該当しません）'));
    fireEvent.click(screen.getByTestId('conflict-declare'));
    await waitFor(() => expect(api.calls.find((c) => c.path === 'review.declareConflict')?.input).toEqual({ applicationId: 'a1', noConflict: true, conflicts: [] }));
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
