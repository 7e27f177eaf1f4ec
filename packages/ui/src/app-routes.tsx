import type { ReactNode } from 'react';
import { Route, Routes } from 'react-router';
import { AppLayout, type NavItem } from './app-layout';
import { NotFoundPage } from './not-found-page';

/** Each app's pages inside the shared layout, with a not-found page for everything else. */
export function AppRoutes({ nav, children }: { nav: NavItem[]; children: ReactNode }) {
  return (
    <Routes>
      <Route element={<AppLayout nav={nav} />}>
        {children}
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
