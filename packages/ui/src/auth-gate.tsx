import { Button, Center, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { ROLE_APP, rolesForApp, type TApp } from '@tsumiki/domain';
import { lazy, Suspense, useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LocaleSwitch } from './locale-switch';
import { useAppName } from './provider';
import { QueryState } from './query-state';
import { SessionContext, useSessionQuery, type Session } from './session';
import { showLocale } from './i18n';
import { useSignOut } from './use-sign-out';

// The sign-in screens (with their form library and the domain's schemas) load only for someone
// signed out: a signed-in user's first screen does not download them.
const SignInPage = lazy(async () => ({ default: (await import('./sign-in-page')).SignInPage }));
const RecoveryCodesPage = lazy(async () => ({ default: (await import('./sign-in-page')).RecoveryCodesPage }));

/**
 * Signed out: the sign-in screen. Signed in without a role for this app: a page that says which app
 * is theirs. Otherwise the app, with the session in context. The API enforces the same roles; this
 * only spares people screens that would refuse them.
 */
export function AuthGate({ children }: { children: ReactNode }) {
  const app = useAppName();
  const me = useSessionQuery();
  const { i18n } = useTranslation();
  // Recovery codes just made at enrolment stay on screen until the user has kept them, session or not.
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  const accountLocale = me.data?.user.locale;
  useEffect(() => {
    if (accountLocale && accountLocale !== i18n.language) showLocale(i18n, accountLocale).catch(() => undefined);
    // Only when the account's preference arrives or changes, not on every switch in between.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [accountLocale]);

  if (recoveryCodes) {
    return (
      <Suspense fallback={<FullPageLoader />}>
        <RecoveryCodesPage codes={recoveryCodes} onDone={() => setRecoveryCodes(null)} />
      </Suspense>
    );
  }
  if (me.isPending) return <FullPageLoader />;
  return (
    <QueryState query={me}>
      {(session) => {
        if (!session)
          return (
            <Suspense fallback={<FullPageLoader />}>
              <SignInPage onEnrolled={setRecoveryCodes} />
            </Suspense>
          );
        const allowed = rolesForApp(app);
        if (!session.memberships.some((m) => allowed.includes(m.role))) return <WrongAppPage session={session} />;
        return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
      }}
    </QueryState>
  );
}

function FullPageLoader() {
  return (
    <Center mih="100vh">
      <Loader aria-label="…" />
    </Center>
  );
}

function WrongAppPage({ session }: { session: Session }) {
  const { t, i18n } = useTranslation();
  const app = useAppName();
  const list = new Intl.ListFormat(i18n.language, { type: 'conjunction' });
  const signOut = useSignOut();
  const roles = [...new Set(session.memberships.map((m) => m.role))];
  const theirApps = [...new Set(roles.map((r) => ROLE_APP[r]))] as TApp[];
  return (
    <Center mih="100vh" p="md" component="main" id="main">
      <Paper withBorder p="xl" maw={520} data-testid="wrong-app">
        <Stack>
          <Title order={1} size="h2">
            {t('wrongApp.title')}
          </Title>
          <Text>
            {t('wrongApp.body', {
              name: session.user.displayName,
              roles: list.format(roles.map((r) => t(`role.${r}`))),
              app: t(`app.${app}`),
            })}
          </Text>
          <Text fw={600}>{t('wrongApp.useInstead', { apps: list.format(theirApps.map((a) => t(`app.${a}`))) })}</Text>
          <Button variant="light" onClick={signOut.run} loading={signOut.isPending}>
            {t('wrongApp.signOut')}
          </Button>
          <LocaleSwitch />
        </Stack>
      </Paper>
    </Center>
  );
}
