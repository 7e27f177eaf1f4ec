import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import type { QueryClient } from '@tanstack/react-query';
import { QueryClientProvider } from '@tanstack/react-query';
import type { TApp } from '@tsumiki/domain';
import type { i18n } from 'i18next';
import { createContext, useContext, useState, type ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { createI18n, type AppMessages } from './i18n';
import { theme } from './theme';
import { createApiClient, createQueryClient, TRPCProvider, type ApiClient } from './trpc';

const AppNameContext = createContext<TApp>('portal');
/** Which of the three apps this is: the auth gate and the layout need to know. */
export const useAppName = () => useContext(AppNameContext);

export interface TsumikiProviderProps {
  app: TApp;
  children: ReactNode;
  /** Tests pass their own; apps get an HTTP client to /trpc. */
  apiClient?: ApiClient;
  queryClient?: QueryClient;
  i18n?: i18n;
  messages?: AppMessages;
}

export function TsumikiProvider({ app, children, ...injected }: TsumikiProviderProps) {
  const [queryClient] = useState(() => injected.queryClient ?? createQueryClient());
  const [apiClient] = useState(() => injected.apiClient ?? createApiClient());
  const [i18nInstance] = useState(() => injected.i18n ?? createI18n(undefined, injected.messages));
  return (
    <AppNameContext.Provider value={app}>
      <I18nextProvider i18n={i18nInstance}>
        <MantineProvider theme={theme}>
          <Notifications />
          <QueryClientProvider client={queryClient}>
            <TRPCProvider trpcClient={apiClient} queryClient={queryClient}>
              {children}
            </TRPCProvider>
          </QueryClientProvider>
        </MantineProvider>
      </I18nextProvider>
    </AppNameContext.Provider>
  );
}
