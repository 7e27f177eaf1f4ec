import { AppRoutes, lazyPage, type NavItem } from '@tsumiki/ui';
import { Route } from 'react-router';
import { NotificationBell } from './notifications/notification-bell';

// Each page is its own chunk, loaded when its route is first visited.
const ApplicationPage = lazyPage(() => import('./applications/application-page'), 'ApplicationPage');
const NewApplicationPage = lazyPage(() => import('./applications/new-application-page'), 'NewApplicationPage');
const ReceiptPage = lazyPage(() => import('./applications/receipt-page'), 'ReceiptPage');
const CarbonListPage = lazyPage(() => import('./carbon/carbon-list-page'), 'CarbonListPage');
const CarbonProjectPage = lazyPage(() => import('./carbon/carbon-project-page'), 'CarbonProjectPage');
const MembersPage = lazyPage(() => import('./organisation/members-page'), 'MembersPage');
const NotificationsPage = lazyPage(() => import('./notifications/notifications-page'), 'NotificationsPage');
const HomePage = lazyPage(() => import('./pages/home-page'), 'HomePage');

export const NAV: NavItem[] = [
  { to: '/', labelKey: 'nav.home', end: true },
  { to: '/carbon', labelKey: 'carbon.nav' },
  { to: '/organisation', labelKey: 'organisation.nav' },
];

export function PortalRoutes() {
  return (
    <AppRoutes nav={NAV} headerExtra={<NotificationBell />}>
      <Route index element={<HomePage />} />
      <Route path="applications/new/:programmeId" element={<NewApplicationPage />} />
      <Route path="applications/:id" element={<ApplicationPage />} />
      <Route path="applications/:id/receipt/:versionNo" element={<ReceiptPage />} />
      <Route path="carbon" element={<CarbonListPage />} />
      <Route path="notifications" element={<NotificationsPage />} />
      <Route path="carbon/:id" element={<CarbonProjectPage />} />
      <Route path="organisation" element={<MembersPage />} />
    </AppRoutes>
  );
}
