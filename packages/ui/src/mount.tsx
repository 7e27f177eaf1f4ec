import type { TApp } from '@tsumiki/domain';
import { Center, Loader } from '@mantine/core';
import { StrictMode, Suspense, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter, Route, Routes } from 'react-router';
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
  createRoot(root).render(
    <StrictMode>
      <TsumikiProvider app={app} messages={options.messages}>
        <BrowserRouter>
          {/* Public pages may be loaded lazily too; signed-in pages wait inside the layout instead. */}
          <Suspense fallback={<Center mih="100vh"><Loader aria-label="…" /></Center>}>
            <Routes>
              {options.publicRoutes}
              <Route path="*" element={<AuthGate>{routes}</AuthGate>} />
            </Routes>
          </Suspense>
        </BrowserRouter>
      </TsumikiProvider>
    </StrictMode>,
  );
}
