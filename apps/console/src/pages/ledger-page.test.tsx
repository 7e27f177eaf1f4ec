import { screen, within } from '@testing-library/react';
import { AuthGate } from '@tsumiki/ui';
import { fakeApi, renderWithTsumiki, sessionOf } from '@tsumiki/ui/testing';
import { describe, expect, it } from 'vitest';
import { messages } from '../messages';
import { ConsoleRoutes } from '../routes';

const summary = { budget: 627_000_000, committed: 11_810_000, remaining: 615_190_000, decisions: 1 };

describe('budget ledger', () => {
  it('heads every column of the entries', async () => {
    const entry = { id: 'e1', at: new Date('2026-05-20T01:00:00Z'), kind: 'decision', trackingNumber: 'CLT-2025-0001', title: 'CLT実証', amountYen: 11_810_000, committedAfterYen: 11_810_000 };
    const api = fakeApi({
      'auth.me': { data: sessionOf('reviewer', '高橋 健一') },
      'review.programmes': { data: [{ id: 'p1', kind: 'clt_demonstration', name: 'CLT実証', budgetYen: 627_000_000, roles: ['reviewer'] }] },
      'review.ledger': { data: { summary, acceptanceOpen: true, entries: [entry] } },
    });
    renderWithTsumiki(<AuthGate><ConsoleRoutes /></AuthGate>, { api, app: 'console', messages, route: '/ledger' });
    const table = await screen.findByTestId('ledger-entries');
    expect(within(table).getAllByRole('columnheader').map((h) => h.textContent?.replace(/[⇅▲▼]/g, '').trim())).toEqual(['日時', '種別', '申請（受付番号・事業名）', '金額', '計上後の累計']);
    expect(within(table).getAllByRole('row')[1]?.textContent).toContain('11,810,000円');
  });

  it('shows an entry about no application (the opening) with a dash, not "null null"', async () => {
    const opening = { id: 'e0', at: new Date('2026-04-01T00:00:00Z'), kind: 'open', trackingNumber: null, title: null, amountYen: 0, committedAfterYen: 0 };
    const api = fakeApi({
      'auth.me': { data: sessionOf('reviewer', '高橋 健一') },
      'review.programmes': { data: [{ id: 'p1', kind: 'clt_demonstration', name: 'CLT実証', budgetYen: 627_000_000, roles: ['reviewer'] }] },
      'review.ledger': { data: { summary, acceptanceOpen: true, entries: [opening] } },
    });
    renderWithTsumiki(<AuthGate><ConsoleRoutes /></AuthGate>, { api, app: 'console', messages, route: '/ledger' });
    const row = within(await screen.findByTestId('ledger-entries')).getAllByRole('row')[1]!;
    expect(within(row).getAllByRole('cell').map((c) => c.textContent)).toEqual(['2026-04-01 09:00 JST', '開設', '—', '0円', '0円']);
    // The programme selector is named on screen, as on the publication and statistics pages.
    expect(screen.getByText('公募', { selector: 'label' })).toBeTruthy();
  });

  it('says what an empty ledger will hold', async () => {
    const api = fakeApi({
      'auth.me': { data: sessionOf('reviewer', '高橋 健一') },
      'review.programmes': { data: [{ id: 'p1', kind: 'clt_demonstration', name: 'CLT実証', budgetYen: 627_000_000, roles: ['reviewer'] }] },
      'review.ledger': { data: { summary: { ...summary, committed: 0, remaining: 627_000_000, decisions: 0 }, acceptanceOpen: true, entries: [] } },
    });
    renderWithTsumiki(<AuthGate><ConsoleRoutes /></AuthGate>, { api, app: 'console', messages, route: '/ledger' });
    expect((await screen.findByTestId('ledger-entries-empty')).textContent).toContain('交付決定・額の確定があるとここに記録されます');
  });
});
