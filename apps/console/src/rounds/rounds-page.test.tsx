import { fireEvent, screen, waitFor } from '@testing-library/react';
import { AuthGate } from '@tsumiki/ui';
import { fakeApi, renderWithTsumiki, sessionOf } from '@tsumiki/ui/testing';
import { describe, expect, it } from 'vitest';
import { messages } from '../messages';
import { ConsoleRoutes } from '../routes';

const round = {
  id: 'r7',
  code: 'lca-support-r7',
  kind: 'lca_implementation',
  nameJa: '令和7年度 LCA実施支援',
  nameEn: 'FY2025 LCA implementation support',
  fiscalYear: 2025,
  opensAt: new Date('2025-03-31T15:00:00Z'),
  closesAt: new Date('2025-06-30T08:00:00Z'),
  budgetYen: 100_000_000,
  budgetStated: false,
  committedYen: 0,
  notes: '',
  status: 'published',
  actions: ['close'],
  officeOrganisationId: 'o1',
  isDemo: false,
};
const programmes = [{ id: 'p1', code: 'lca_implementation', kind: 'lca_implementation', nameJa: 'LCA実施支援事業', nameEn: 'LCA implementation support', rounds: [round] }];

describe('rounds page', () => {
  it('checks a new round with the domain schema as it is typed and sends it as JST text and whole yen', async () => {
    const api = fakeApi({
      'auth.me': { data: sessionOf('programme_admin', '佐藤 誠') },
      'rounds.list': { data: programmes },
      'rounds.create': { data: { id: 'r8' } },
    });
    renderWithTsumiki(<AuthGate><ConsoleRoutes /></AuthGate>, { api, app: 'console', messages, route: '/rounds' });
    await screen.findByTestId('round-lca-support-r7');
    // A budget the call did not state is marked as a placeholder until the office sets it.
    expect(screen.getByTestId('round-lca-support-r7').textContent).toContain('仮の値（公募要領に記載なし）');
    expect(screen.getByTestId('round-status-lca-support-r7').textContent).toBe('公開中');

    // The programme's rules are edited from here too.
    expect(screen.getByTestId('definition-edit-lca_implementation').getAttribute('href')).toMatch(/^\/programme-definitions\/[\w-]+$/);
    // A new programme starts from a template, found from here.
    expect(screen.getByTestId('programme-new').getAttribute('href')).toBe('/programme-definitions/new');
    fireEvent.click(screen.getByTestId('round-new-lca_implementation'));
    fireEvent.change(screen.getByTestId('round-code'), { target: { value: 'LCA 8' } });
    // Quiet while typing; said once the field is left, then as typed.
    expect(screen.queryByText(/公募回コードは半角英小文字/)).toBeNull();
    fireEvent.blur(screen.getByTestId('round-code'));
    expect(await screen.findByText(/公募回コードは半角英小文字/)).toBeTruthy();
    fireEvent.change(screen.getByTestId('round-code'), { target: { value: 'lca-support-r8' } });
    fireEvent.change(screen.getByTestId('round-name-ja'), { target: { value: '令和8年度 LCA実施支援' } });
    fireEvent.change(screen.getByTestId('round-name-en'), { target: { value: 'FY2026 LCA implementation support' } });
    fireEvent.change(screen.getByTestId('round-fiscal-year'), { target: { value: '2026' } });
    fireEvent.change(screen.getByTestId('round-opens-at'), { target: { value: '2026-04-01T10:00' } });
    fireEvent.change(screen.getByTestId('round-closes-at'), { target: { value: '2026-04-01T09:59' } });
    fireEvent.blur(screen.getByTestId('round-closes-at'));
    expect(await screen.findByText('受付終了日時は受付開始日時より後にしてください。')).toBeTruthy();
    fireEvent.click(screen.getByTestId('round-save'));
    expect(api.calls.some((c) => c.path === 'rounds.create')).toBe(false);

    fireEvent.change(screen.getByTestId('round-closes-at'), { target: { value: '2026-06-30T17:00' } });
    fireEvent.change(screen.getByTestId('round-budget'), { target: { value: '65,000,000' } });
    await waitFor(() => expect(screen.queryByText('受付終了日時は受付開始日時より後にしてください。')).toBeNull());
    fireEvent.click(screen.getByTestId('round-save'));
    await waitFor(() => expect(api.calls.some((c) => c.path === 'rounds.create')).toBe(true));
    expect(api.calls.find((c) => c.path === 'rounds.create')?.input).toEqual({
      programmeDefinitionId: 'p1',
      round: { code: 'lca-support-r8', nameJa: '令和8年度 LCA実施支援', nameEn: 'FY2026 LCA implementation support', fiscalYear: 2026, opensAt: '2026-04-01T10:00', closesAt: '2026-06-30T17:00', budgetYen: 65_000_000, notes: '' },
    });
  });

  it('closes a round only after confirming', async () => {
    const api = fakeApi({
      'auth.me': { data: sessionOf('programme_admin', '佐藤 誠') },
      'rounds.list': { data: programmes },
      'rounds.transition': { data: { id: 'r7', status: 'closed' } },
    });
    renderWithTsumiki(<AuthGate><ConsoleRoutes /></AuthGate>, { api, app: 'console', messages, route: '/rounds' });
    fireEvent.click(await screen.findByTestId('round-close-lca-support-r7'));
    expect(await screen.findByText('公募回を締め切りますか')).toBeTruthy();
    expect(api.calls.some((c) => c.path === 'rounds.transition')).toBe(false);
    fireEvent.click(screen.getByTestId('round-confirm'));
    await waitFor(() => expect(api.calls.find((c) => c.path === 'rounds.transition')?.input).toEqual({ roundId: 'r7', action: 'close' }));
  });

  it('opens the editor under the round’s row and says in Japanese when a programme has no round', async () => {
    const api = fakeApi({
      'auth.me': { data: sessionOf('programme_admin', '佐藤 誠') },
      'rounds.list': { data: [...programmes, { ...programmes[0], id: 'p2', code: 'clt', nameJa: 'CLT実証事業', rounds: [] }] },
    });
    renderWithTsumiki(<AuthGate><ConsoleRoutes /></AuthGate>, { api, app: 'console', messages, route: '/rounds' });
    await screen.findByTestId('round-lca-support-r7');
    expect(screen.getByRole('table', { name: 'LCA実施支援事業の公募回' })).toBeTruthy();
    expect(screen.getByTestId('rounds-of-clt-empty').textContent).toBe('まだ公募回がありません。');
    fireEvent.click(screen.getByTestId('round-edit-lca-support-r7'));
    const editor = await screen.findByTestId('round-save');
    expect(editor.closest('tr')?.previousElementSibling?.getAttribute('data-testid')).toBe('round-lca-support-r7');
  });

  it('shows a close at midnight as 24:00 of the day before, as the programme list does, and keeps each end of the window on one line', async () => {
    // Closes at 2025-12-25 00:00 JST: applications are taken to the end of 24 December.
    const closingAtMidnight = { ...round, closesAt: new Date('2025-12-24T15:00:00Z') };
    const api = fakeApi({
      'auth.me': { data: sessionOf('programme_admin', '佐藤 誠') },
      'rounds.list': { data: [{ ...programmes[0], rounds: [closingAtMidnight] }] },
    });
    renderWithTsumiki(<AuthGate><ConsoleRoutes /></AuthGate>, { api, app: 'console', messages, route: '/rounds' });
    const row = await screen.findByTestId('round-lca-support-r7');
    const window = row.querySelector('[data-testid=window-text]')!;
    expect(window.textContent).toBe('2025-04-01 00:00 JST – 2025-12-24 24:00 JST');
    expect([...window.querySelectorAll('span')].map((end) => end.style.whiteSpace)).toEqual(['nowrap', 'nowrap']);
    // The editor holds the close as typed (00:00 of the 25th) and says how the list shows it.
    fireEvent.click(screen.getByTestId('round-edit-lca-support-r7'));
    const closes = await screen.findByTestId('round-closes-at');
    expect((closes as HTMLInputElement).value).toBe('2025-12-25T00:00');
    expect(document.getElementById(closes.getAttribute('aria-describedby')!.split(' ')[0]!)?.textContent).toContain('0:00に終える回は、一覧では前日の24:00と表示します。');
  });

  it('says beside 公開中 whether a published round is taking applications now', async () => {
    const day = 24 * 60 * 60 * 1000;
    const now = Date.now();
    const ended = { ...round, code: 'ended', opensAt: new Date(now - 90 * day), closesAt: new Date(now - 30 * day) };
    const open = { ...round, id: 'r8', code: 'open', opensAt: new Date(now - day), closesAt: new Date(now + 30 * day) };
    const draft = { ...round, id: 'r9', code: 'draft', status: 'draft', actions: ['publish'], opensAt: new Date(now + 30 * day), closesAt: new Date(now + 60 * day) };
    const api = fakeApi({
      'auth.me': { data: sessionOf('programme_admin', '佐藤 誠') },
      'rounds.list': { data: [{ ...programmes[0], rounds: [ended, open, draft] }] },
    });
    renderWithTsumiki(<AuthGate><ConsoleRoutes /></AuthGate>, { api, app: 'console', messages, route: '/rounds' });
    expect((await screen.findByTestId('round-window-state-ended')).textContent).toBe('受付期間終了');
    expect(screen.getByTestId('round-window-state-open').textContent).toBe('受付中');
    // A draft takes nothing whatever its window says: no second line.
    expect(screen.getByTestId('round-status-draft').textContent).toBe('下書き');
    expect(screen.queryByTestId('round-window-state-draft')).toBeNull();
  });
});
