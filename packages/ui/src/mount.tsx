import type { TApp } from '@tsumiki/domain';
import { Center, Loader } from '@mantine/core';
import { StrictMode, Suspense, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter, createRoutesFromElements, Outlet, Route, RouterProvider } from 'react-router';
import { AuthGate } from './auth-gate';
import type { AppMessages } from './i18n';
import { TsumikiProvider } from './provider';

/**
 * Every app starts the same way: providers, the router, and sign-in in front of its routes.
 * `publicRoutes` (React Router <Route> elements) are reachable without signing in; everything else
 * goes through the auth gate.
 */
export function mountApp(app: TApp, routes: ReactNode, options: { messages?: AppMessages; publicRoutes?: ReactNode } = {}) {
  const root = document.getElementById('root');
  if (!root) throw new Error('index.html has no #root element.');
  // A data router, so a page can hold the user back from losing unsaved work (useBlocker); the
  // apps' own <Routes> still nest under the catch-all.
  const router = createBrowserRouter(
    createRoutesFromElements(
      <Route
        element={
          // Public pages may be loaded lazily too; signed-in pages wait inside the layout instead.
          <Suspense fallback={<Center mih="100vh"><Loader aria-label="…" /></Center>}>
            <Outlet />
          </Suspense>
        }
      >
        {options.publicRoutes}
        <Route path="*" element={<AuthGate>{routes}</AuthGate>} />
      </Route>,
    ),
  );
  createRoot(root).render(
    <StrictMode>
      <TsumikiProvider app={app} messages={options.messages}>
        <RouterProvider router={router} />
      </TsumikiProvider>
    </StrictMode>,
  );
}
