import type { TApp } from '@tsumiki/domain';
import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { AuthGate } from './auth-gate';
import type { AppMessages } from './i18n';
import { TsumikiProvider } from './provider';

/** Every app starts the same way: providers, the router, and sign-in in front of its routes. */
export function mountApp(app: TApp, routes: ReactNode, messages?: AppMessages) {
  const root = document.getElementById('root');
  if (!root) throw new Error('index.html has no #root element.');
  createRoot(root).render(
    <StrictMode>
      <TsumikiProvider app={app} messages={messages}>
        <BrowserRouter>
          <AuthGate>{routes}</AuthGate>
        </BrowserRouter>
      </TsumikiProvider>
    </StrictMode>,
  );
}
