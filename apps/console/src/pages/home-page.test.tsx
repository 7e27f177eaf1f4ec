import { screen } from '@testing-library/react';
import { AuthGate } from '@tsumiki/ui';
import { fakeApi, programmeFixture, renderWithTsumiki, sessionOf } from '@tsumiki/ui/testing';
import { describe, expect, it } from 'vitest';
import { ConsoleRoutes } from '../routes';

describe('console home', () => {
  it('greets the reviewer in English when chosen and lists programmes with budgets', async () => {
    const api = fakeApi({
      'auth.me': { data: sessionOf('reviewer', 'Kenichi Takahashi', { locale: 'en' }) },
      'programmes.list': {
        data: [programmeFixture],
      },
    });
    renderWithTsumiki(<AuthGate><ConsoleRoutes /></AuthGate>, { api, app: 'console', locale: 'en', route: '/programmes' });
    expect((await screen.findByRole('heading', { level: 1 })).textContent).toBe('Welcome, Kenichi Takahashi');
    const table = await screen.findByTestId('programme-table');
    expect(table.textContent).toContain('CLT building demonstration');
    expect(table.textContent).toContain('¥627,000,000');
    expect(table.textContent).toContain('FY2025');
  });

  it('keeps a committee member’s home to the console navigation', async () => {
    const api = fakeApi({ 'auth.me': { data: sessionOf('committee', '中村 由紀子') }, 'programmes.list': { data: [] } });
    renderWithTsumiki(<AuthGate><ConsoleRoutes /></AuthGate>, { api, app: 'console', route: '/programmes' });
    await screen.findByTestId('home');
    expect(screen.getByRole('navigation', { name: 'メインメニュー' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'ホーム' }).getAttribute('href')).toBe('/programmes');
    expect(screen.queryByRole('link', { name: '予算台帳' })).toBeNull();
  });
});
