import { AppRoutes, type NavItem } from '@tsumiki/ui';
import { Route } from 'react-router';
import { HomePage } from './pages/home-page';

export const NAV: NavItem[] = [{ to: '/', labelKey: 'nav.home', end: true }];

export function ConsoleRoutes() {
  return (
    <AppRoutes nav={NAV}>
      <Route index element={<HomePage />} />
    </AppRoutes>
  );
}
