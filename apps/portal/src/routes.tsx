import { Box } from '@mantine/core';
import { AppRoutes, lazyPage, type NavItem } from '@tsumiki/ui';
import { Suspense } from 'react';
import { Route } from 'react-router';

// Each page is its own chunk, loaded when its route is first visited.
const ApplicationPage = lazyPage(() => import('./applications/application-page'), 'ApplicationPage');
const NewApplicationPage = lazyPage(() => import('./applications/new-application-page'), 'NewApplicationPage');
const ReceiptPage = lazyPage(() => import('./applications/receipt-page'), 'ReceiptPage');
const CarbonListPage = lazyPage(() => import('./carbon/carbon-list-page'), 'CarbonListPage');
const CarbonProjectPage = lazyPage(() => import('./carbon/carbon-project-page'), 'CarbonProjectPage');
const RememberedNamesPage = lazyPage(() => import('./carbon/remembered-names-page'), 'RememberedNamesPage');
const MembersPage = lazyPage(() => import('./organisation/members-page'), 'MembersPage');
const NotificationsPage = lazyPage(() => import('./notifications/notifications-page'), 'NotificationsPage');
const HomePage = lazyPage(() => import('./pages/home-page'), 'HomePage');
// The bell and its popover (with its positioning library) arrive beside the first page rather than
// before it: the header is on every first screen, the popover is opened now and then.
const NotificationBell = lazyPage(() => import('./notifications/notification-bell'), 'NotificationBell');

export const NAV: NavItem[] = [
  { to: '/', labelKey: 'nav.home', end: true },
  { to: '/carbon', labelKey: 'carbon.nav' },
  { to: '/organisation', labelKey: 'organisation.nav' },
];

export function PortalRoutes() {
  return (
    <AppRoutes nav={NAV} headerExtra={<HeaderBell />}>
      <Route index element={<HomePage />} />
      <Route path="applications/new/:programmeId" element={<NewApplicationPage />} />
      <Route path="applications/:id" element={<ApplicationPage />} />
      <Route path="applications/:id/receipt/:versionNo" element={<ReceiptPage />} />
      <Route path="carbon" element={<CarbonListPage />} />
      <Route path="notifications" element={<NotificationsPage />} />
      <Route path="carbon/names" element={<RememberedNamesPage />} />
      <Route path="carbon/:id" element={<CarbonProjectPage />} />
      <Route path="organisation" element={<MembersPage />} />
    </AppRoutes>
  );
}

/** Holds the bell's place (an ActionIcon of size lg is 34 px) so the header does not shift when it arrives. */
function HeaderBell() {
  return (
    <Suspense fallback={<Box w={34} h={34} />}>
      <NotificationBell />
    </Suspense>
  );
}
