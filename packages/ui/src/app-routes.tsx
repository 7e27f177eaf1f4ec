import { lazy, type ComponentType, type ReactNode } from 'react';
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

/**
 * A page loaded when its route is first visited, so an app's first screen downloads only its own
 * code: `lazyPage(() => import('./pages/home-page'), 'HomePage')` (named exports kept).
 */
export function lazyPage<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) {
  return lazy(async () => ({ default: (await load())[name] }));
}
