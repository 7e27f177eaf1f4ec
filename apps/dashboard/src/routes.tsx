import { AppRoutes, lazyPage, type NavItem } from '@tsumiki/ui';
import { Route } from 'react-router';
import { ReporterOnly } from './components/reporter-only';

// Each page is its own chunk, loaded when its route is first visited.
const AssociationPage = lazyPage(() => import('./pages/association-page'), 'AssociationPage');
const HomePage = lazyPage(() => import('./pages/home-page'), 'HomePage');
const FiguresPage = lazyPage(() => import('./pages/figures-page'), 'FiguresPage');
const ImportPage = lazyPage(() => import('./pages/import-page'), 'ImportPage');
const SettingsPage = lazyPage(() => import('./pages/settings-page'), 'SettingsPage');

export const NAV: NavItem[] = [
  { to: '/', labelKey: 'nav.overview', end: true, roles: ['ministry'] },
  {
    to: '/',
    labelKey: 'nav.myAssociation',
    end: true,
    roles: ['association_reporter', 'association_viewer'],
  },
];

export function DashboardRoutes() {
  return (
    <AppRoutes nav={NAV}>
      <Route index element={<HomePage />} />
      <Route path="associations/:associationId" element={<AssociationPage />} />
      <Route
        path="associations/:associationId/import"
        element={
          <ReporterOnly>
            <ImportPage />
          </ReporterOnly>
        }
      />
      <Route
        path="associations/:associationId/figures"
        element={
          <ReporterOnly>
            <FiguresPage />
          </ReporterOnly>
        }
      />
      <Route
        path="associations/:associationId/settings"
        element={
          <ReporterOnly>
            <SettingsPage />
          </ReporterOnly>
        }
      />
    </AppRoutes>
  );
}
