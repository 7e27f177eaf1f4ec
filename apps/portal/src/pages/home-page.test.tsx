import { screen, waitFor, within } from '@testing-library/react';
import { AuthGate } from '@tsumiki/ui';
import { fakeApi, programmeFixture, renderWithTsumiki, sessionOf } from '@tsumiki/ui/testing';
import { describe, expect, it } from 'vitest';
import { PortalRoutes } from '../routes';

const programme = programmeFixture;

describe('portal home', () => {
  it('greets the applicant and lists their applications and the programmes', async () => {
    const api = fakeApi({
      'auth.me': { data: sessionOf('applicant', '杉山 美咲') },
      'programmes.list': {
        data: [programme, { ...programme, id: 'p2', nameJa: 'CO2排出原単位整備支援', budgetYen: 100_000_000, budgetStated: false, isOpen: true }],
      },
      'applications.listMine': {
        data: [
          {
            id: 'a1',
            title: '高知県産CLTを用いた4階建て庁舎',
            status: 'returned',
            version: 3,
            updatedAt: new Date('2026-03-10T01:30:00Z'),
            programmeNameJa: 'CLT活用建築物等実証事業',
            programmeNameEn: 'CLT building demonstration',
          },
        ],
      },
    });
    renderWithTsumiki(<AuthGate><PortalRoutes /></AuthGate>, { api });
    const home = await screen.findByTestId('home');
    expect(within(home).getByRole('heading', { level: 1 }).textContent).toBe('ようこそ、杉山 美咲さん');

    const applications = await screen.findByTestId('application-table');
    expect(applications.textContent).toContain('高知県産CLTを用いた4階建て庁舎');
    expect(applications.textContent).toContain('差戻し');
    expect(applications.textContent).toContain('2026-03-10 10:30 JST');
    // The time stays on one line (JST had wrapped under 10:30 at 1,280 px).
    expect(within(applications).getByText('2026-03-10 10:30 JST').closest('td')?.style.whiteSpace).toBe('nowrap');

    const programmes = await screen.findByTestId('programme-table');
    const rows = within(programmes).getAllByRole('row');
    expect(rows).toHaveLength(3);
    expect(rows[1]?.textContent).toContain('627,000,000円');
    expect(rows[1]?.textContent).toContain('令和7年度');
    expect(rows[1]?.textContent).toContain('2026-03-06 00:00 JST – 2026-04-06 13:00 JST');
    // Published with its window ahead: not yet open, which is not the same as over.
    expect(rows[1]?.textContent).toContain('受付前');
    expect(rows[1]?.textContent).not.toContain('受付外');
    expect(rows[2]?.textContent).toContain('仮の値（公募要領に記載なし）');
    expect(rows[2]?.textContent).toContain('受付中');
  });

  it('lists closed calls apart from 公募中・公募予定, and a window ending at midnight as ending the day before at 24:00', async () => {
    const co2 = { ...programme, id: 'p3', nameJa: 'CO2原単位等の策定に係る支援', windowOpensAt: new Date('2025-03-31T15:00:00Z'), windowClosesAt: new Date('2025-12-24T15:00:00Z') };
    const api = fakeApi({
      'auth.me': { data: sessionOf('applicant') },
      'programmes.list': { data: [{ ...programme, isOpen: true, listing: 'open' }, { ...co2, listing: 'closed' }] },
      'applications.listMine': { data: [] },
    });
    renderWithTsumiki(<AuthGate><PortalRoutes /></AuthGate>, { api });
    const closed = await screen.findByTestId('closed-programmes');
    const [current] = screen.getAllByTestId('programme-table');
    expect(current?.textContent).not.toContain('CO2原単位等の策定に係る支援');
    expect(within(closed).getByRole('heading').textContent).toBe('受付を終了した事業');
    expect(closed.textContent).toContain('CO2原単位等の策定に係る支援');
    expect(closed.textContent).toContain('2025-04-01 00:00 JST – 2025-12-24 24:00 JST');
    expect(closed.textContent).not.toContain('2025-12-25');
    expect(closed.textContent).toContain('受付外');
  });

  it('says there are no applications yet instead of an empty table', async () => {
    const api = fakeApi({
      'auth.me': { data: sessionOf('applicant') },
      'programmes.list': { data: [] },
      'applications.listMine': { data: [] },
    });
    renderWithTsumiki(<AuthGate><PortalRoutes /></AuthGate>, { api });
    await screen.findByTestId('home');
    await waitFor(() => expect(screen.getAllByText('まだありません')).toHaveLength(2));
    expect(screen.queryByTestId('application-table')).toBeNull();
  });

  it('shows a page for unknown addresses inside the layout', async () => {
    const api = fakeApi({ 'auth.me': { data: sessionOf('applicant') } });
    renderWithTsumiki(<AuthGate><PortalRoutes /></AuthGate>, { api, route: '/no-such-page' });
    expect((await screen.findByTestId('not-found')).textContent).toContain('ページが見つかりません');
  });
});
