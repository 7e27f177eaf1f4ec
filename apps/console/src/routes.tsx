import { AppRoutes, type NavItem } from '@tsumiki/ui';
import { Route } from 'react-router';
import { FactorLibraryPage } from './carbon/factor-library-page';
import { ApplicationPage } from './pages/application-page';
import { HomePage } from './pages/home-page';
import { LedgerPage } from './pages/ledger-page';
import { QueuePage } from './pages/queue-page';
import { SummaryPage } from './pages/summary-page';
import { PublicationPage } from './publication/publication-page';
import { SpecialRatePage } from './special-rate/special-rate-page';
import { StatisticsPage } from './statistics/statistics-page';

export const NAV: NavItem[] = [
  { to: '/', labelKey: 'nav.queue', end: true },
  { to: '/summary', labelKey: 'nav.summary' },
  { to: '/ledger', labelKey: 'nav.ledger', roles: ['reviewer', 'programme_admin'] },
  { to: '/publication', labelKey: 'publication.nav', roles: ['reviewer', 'programme_admin'] },
  { to: '/statistics', labelKey: 'statistics.nav', roles: ['reviewer', 'programme_admin'] },
  { to: '/carbon/factors', labelKey: 'carbonLibrary.nav', roles: ['programme_admin'] },
  { to: '/programmes', labelKey: 'nav.home' },
];

export function ConsoleRoutes() {
  return (
    <AppRoutes nav={NAV}>
      <Route index element={<QueuePage />} />
      <Route path="applications/:applicationId" element={<ApplicationPage />} />
      <Route path="applications/:applicationId/special-rate" element={<SpecialRatePage />} />
      <Route path="summary" element={<SummaryPage />} />
      <Route path="ledger" element={<LedgerPage />} />
      <Route path="publication" element={<PublicationPage />} />
      <Route path="statistics" element={<StatisticsPage />} />
      <Route path="programmes" element={<HomePage />} />
      <Route path="carbon/factors" element={<FactorLibraryPage />} />
    </AppRoutes>
  );
}
