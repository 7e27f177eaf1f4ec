import { render, type RenderResult } from '@testing-library/react';
import { TRPCClientError, type TRPCLink } from '@trpc/client';
import { errorMessages, type TApp } from '@tsumiki/domain';
import { observable } from '@trpc/server/observable';
import type { ReactNode } from 'react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { createI18n, type AppMessages, type Locale } from '../i18n';
import { TsumikiProvider } from '../provider';
import { createApiClient, createQueryClient, type AppRouter } from '../trpc';

/** A procedure's canned answer: data, or an error shaped like the API's (see trpc.ts errorFormatter). */
export type FakeAnswer = { data: unknown } | { error: { appCode: string; httpStatus: number; appParams?: Record<string, string | number> } };

export interface FakeApi {
  link: TRPCLink<AppRouter>;
  /** Every call made, in order: path and input. */
  calls: { path: string; input: unknown }[];
  answers: Record<string, FakeAnswer | ((input: unknown) => FakeAnswer)>;
}

/**
 * An in-memory tRPC link for component tests: the real client and react-query, without a server.
 * Unknown procedures fail loudly, so a test cannot pass by calling something nobody answered.
 */
export function fakeApi(answers: FakeApi['answers']): FakeApi {
  const api: FakeApi = {
    calls: [],
    answers,
    link: () => ({ op }) =>
      observable((observer) => {
        api.calls.push({ path: op.path, input: op.input });
        const entry = api.answers[op.path];
        const answer = typeof entry === 'function' ? entry(op.input) : entry;
        // A macrotask, like the network: tests see the loading state first.
        const timer = setTimeout(() => {
          if (!answer) {
            observer.error(new TRPCClientError(`No fake answer for ${op.path}`));
          } else if ('error' in answer) {
            observer.error(
              new TRPCClientError(answer.error.appCode, {
                result: { error: { code: -32600, message: answer.error.appCode, data: { code: 'BAD_REQUEST', ...answer.error } } } as never,
              }),
            );
          } else {
            observer.next({ result: { type: 'data', data: answer.data } });
            observer.complete();
          }
        }, 0);
        return () => clearTimeout(timer);
      }),
  };
  return api;
}

export function renderWithTsumiki(
  ui: ReactNode,
  {
    app = 'portal',
    api,
    locale = 'ja',
    route = '/',
    messages,
  }: { app?: TApp; api: FakeApi; locale?: Locale; route?: string; messages?: AppMessages },
): RenderResult & { i18n: ReturnType<typeof createI18n> } {
  const i18n = createI18n(locale, messages, errorMessages);
  const queryClient = createQueryClient();
  queryClient.setDefaultOptions({ queries: { retry: false, staleTime: Infinity } });
  const result = render(
    <TsumikiProvider app={app} apiClient={createApiClient([api.link])} queryClient={queryClient} i18n={i18n}>
      {/* A data router, as the apps mount: pages may block navigation while work is unsaved. */}
      <RouterProvider router={createMemoryRouter([{ path: '*', element: ui }], { initialEntries: [route] })} />
    </TsumikiProvider>,
  );
  return { ...result, i18n };
}

export const sessionOf = (
  role: string,
  displayName = '杉山 美咲',
  extra: { locale?: Locale; organisationId?: string } = {},
) => ({
  user: { id: '00000000-0000-4000-8000-000000000001', email: 'user@example.jp', displayName, locale: extra.locale ?? 'ja' },
  memberships: [
    {
      id: '00000000-0000-4000-8000-000000000002',
      role,
      organisationId: extra.organisationId ?? '00000000-0000-4000-8000-000000000003',
      organisationKind: 'applicant',
      organisationNameJa: 'テスト組織',
      organisationNameEn: 'Test organisation',
    },
  ],
  expiresAt: new Date('2026-11-22T09:00:00Z'),
});

/** A programme as programmes.list returns it: the CLT call of seeds/003 (closes 2026-04-06 13:00 JST). */
export const programmeFixture = {
  id: 'p1',
  code: 'clt-demonstration-r7',
  kind: 'clt_demonstration' as const,
  nameJa: 'CLT活用建築物等実証事業',
  nameEn: 'CLT building demonstration',
  fiscalYear: 2025,
  windowOpensAt: new Date('2026-03-05T15:00:00Z'),
  windowClosesAt: new Date('2026-04-06T04:00:00Z'),
  budgetYen: 627_000_000,
  budgetStated: true,
  budgetRemainingYen: 627_000_000,
  committedYen: 0,
  closedByBudget: false,
  isDemo: false,
  isOpen: false,
  listing: 'upcoming' as const,
};
