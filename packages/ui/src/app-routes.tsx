import type { ReactNode } from 'react';
import { Route, Routes } from 'react-router';
import { AppLayout, type NavItem } from './app-layout';
import { NotFoundPage } from './not-found-page';

/** Each app's pages inside the shared layout, with a not-found page for everything else. */
export function AppRoutes({ nav, children, headerExtra }: { nav: NavItem[]; children: ReactNode; headerExtra?: ReactNode }) {
  return (
    <Routes>
      <Route element={<AppLayout nav={nav} headerExtra={headerExtra} />}>
        {children}
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
