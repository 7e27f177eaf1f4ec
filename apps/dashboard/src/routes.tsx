import { AppRoutes, type NavItem } from '@tsumiki/ui';
import { Route } from 'react-router';
import { AssociationPage } from './pages/association-page';
import { HomePage } from './pages/home-page';
import { FiguresPage } from './pages/figures-page';
import { ImportPage } from './pages/import-page';
import { SettingsPage } from './pages/settings-page';

export const NAV: NavItem[] = [
  { to: '/', labelKey: 'nav.overview', end: true, roles: ['ministry'] },
  { to: '/', labelKey: 'nav.myAssociation', end: true, roles: ['association_reporter', 'association_viewer'] },
];

export function DashboardRoutes() {
  return (
    <AppRoutes nav={NAV}>
      <Route index element={<HomePage />} />
      <Route path="associations/:associationId" element={<AssociationPage />} />
      <Route path="associations/:associationId/import" element={<ImportPage />} />
      <Route path="associations/:associationId/figures" element={<FiguresPage />} />
      <Route path="associations/:associationId/settings" element={<SettingsPage />} />
    </AppRoutes>
  );
}
