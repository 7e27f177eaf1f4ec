import { screen, within } from '@testing-library/react';
import { AuthGate } from '@tsumiki/ui';
import { fakeApi, renderWithTsumiki, sessionOf } from '@tsumiki/ui/testing';
import { describe, expect, it } from 'vitest';
import { DashboardRoutes } from '../routes';

const associations = [
  ['日本建設業連合会', 'Japan Federation of Construction Contractors', '日建連'],
  ['全国建設業協会', 'National Construction Association', '全建'],
].map(([nameJa, nameEn, shortNameJa], i) => ({ id: `o${i}`, nameJa, nameEn, shortNameJa }));

describe('dashboard home', () => {
  it('lists the associations the user may see', async () => {
    const api = fakeApi({
      'auth.me': { data: sessionOf('ministry', '山本 大輔') },
      'organisations.listAssociations': { data: associations },
    });
    renderWithTsumiki(<AuthGate><DashboardRoutes /></AuthGate>, { api, app: 'dashboard' });
    const table = await screen.findByTestId('association-table');
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.textContent)).toEqual(['日本建設業連合会日建連', '全国建設業協会全建']);
  });

  it('sends an applicant to the portal instead', async () => {
    const api = fakeApi({ 'auth.me': { data: sessionOf('applicant') } });
    renderWithTsumiki(<AuthGate><DashboardRoutes /></AuthGate>, { api, app: 'dashboard' });
    expect((await screen.findByTestId('wrong-app')).textContent).toContain('申請者ポータル');
    expect(api.calls.map((c) => c.path)).toEqual(['auth.me']);
  });
});
