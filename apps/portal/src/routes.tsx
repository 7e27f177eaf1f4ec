import { AppRoutes, type NavItem } from '@tsumiki/ui';
import { Route } from 'react-router';
import { ApplicationPage } from './applications/application-page';
import { NewApplicationPage } from './applications/new-application-page';
import { ReceiptPage } from './applications/receipt-page';
import { CarbonListPage } from './carbon/carbon-list-page';
import { CarbonProjectPage } from './carbon/carbon-project-page';
import { MembersPage } from './organisation/members-page';
import { NotificationBell } from './notifications/notification-bell';
import { NotificationsPage } from './notifications/notifications-page';
import { HomePage } from './pages/home-page';

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
