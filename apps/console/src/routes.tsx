import { AppRoutes, lazyPage, type NavItem } from '@tsumiki/ui';
import { Route } from 'react-router';

// Each page is its own chunk, loaded when its route is first visited.
const DefinitionEditorPage = lazyPage(() => import('./definitions/definition-editor-page'), 'DefinitionEditorPage');
const NewProgrammePage = lazyPage(() => import('./definitions/new-programme-page'), 'NewProgrammePage');
const FactorLibraryPage = lazyPage(() => import('./carbon/factor-library-page'), 'FactorLibraryPage');
const ApplicationPage = lazyPage(() => import('./pages/application-page'), 'ApplicationPage');
const HomePage = lazyPage(() => import('./pages/home-page'), 'HomePage');
const LedgerPage = lazyPage(() => import('./pages/ledger-page'), 'LedgerPage');
const QueuePage = lazyPage(() => import('./pages/queue-page'), 'QueuePage');
const SummaryPage = lazyPage(() => import('./pages/summary-page'), 'SummaryPage');
const PublicationPage = lazyPage(() => import('./publication/publication-page'), 'PublicationPage');
const SpecialRatePage = lazyPage(() => import('./special-rate/special-rate-page'), 'SpecialRatePage');
const RoundsPage = lazyPage(() => import('./rounds/rounds-page'), 'RoundsPage');
const StatisticsPage = lazyPage(() => import('./statistics/statistics-page'), 'StatisticsPage');

export const NAV: NavItem[] = [
  { to: '/', labelKey: 'nav.queue', end: true },
  { to: '/summary', labelKey: 'nav.summary' },
  { to: '/ledger', labelKey: 'nav.ledger', roles: ['reviewer', 'programme_admin'] },
  { to: '/publication', labelKey: 'publication.nav', roles: ['reviewer', 'programme_admin'] },
  { to: '/statistics', labelKey: 'statistics.nav', roles: ['reviewer', 'programme_admin'] },
  { to: '/rounds', labelKey: 'rounds.nav', roles: ['programme_admin'] },
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
      <Route path="rounds" element={<RoundsPage />} />
      <Route path="carbon/factors" element={<FactorLibraryPage />} />
      <Route path="programme-definitions/new" element={<NewProgrammePage />} />
      <Route path="programme-definitions/:definitionId" element={<DefinitionEditorPage />} />
    </AppRoutes>
  );
}
