import { AppShell, Burger, Center, Group, Loader, NavLink, Text, Button } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { TRole } from '@tsumiki/domain';
import { Suspense, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink as RouterNavLink, Outlet } from 'react-router';
import { LocaleSwitch } from './locale-switch';
import { useAppName } from './provider';
import { useSession } from './session';
import { useSignOut } from './use-sign-out';

export interface NavItem {
  to: string;
  /** A key in the app's messages. */
  labelKey: string;
  /** Shown only to these roles; everyone in the app when absent. */
  roles?: TRole[];
  end?: boolean;
}

/** Role-aware navigation: the items a user's roles may use, in order. */
export function visibleNavItems(items: NavItem[], roles: TRole[]): NavItem[] {
  return items.filter((item) => !item.roles || item.roles.some((r) => roles.includes(r)));
}

/** `headerExtra`: an app's own controls beside the user's name (the portal's notification bell). */
export function AppLayout({ nav, children, headerExtra }: { nav: NavItem[]; children?: ReactNode; headerExtra?: ReactNode }) {
  const { t } = useTranslation();
  const app = useAppName();
  const session = useSession();
  const signOut = useSignOut();
  const [opened, { toggle, close }] = useDisclosure();
  const roles = session.memberships.map((m) => m.role);
  const primaryRole = roles[0];

  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="md">
      <a href="#main" className="tsumiki-skip-link">
        {t('layout.skipToContent')}
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t('layout.mainNavigation')} />
            <Text fw={700}>{t('product')}</Text>
            <Text c="dimmed" visibleFrom="xs">
              {t(`app.${app}`)}
            </Text>
          </Group>
          <Group gap="xs" wrap="nowrap">
            {headerExtra}
            <Text size="sm" visibleFrom="sm" data-testid="signed-in-user">
              {t('layout.signedInAs', {
                name: session.user.displayName,
                role: primaryRole ? t(`role.${primaryRole}`) : '',
              })}
            </Text>
            <LocaleSwitch />
            <Button variant="default" size="compact-sm" onClick={signOut.run} loading={signOut.isPending}>
              {t('layout.signOut')}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" component="nav" aria-label={t('layout.mainNavigation')}>
        {visibleNavItems(nav, roles).map((item) => (
          <NavLink
            key={`${item.to}|${item.labelKey}`}
            component={RouterNavLink}
            to={item.to}
            end={item.end}
            label={t(item.labelKey)}
            onClick={close}
          />
        ))}
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1}>
        {/* Pages are loaded per route (lazyPage): the layout stays while one arrives. */}
        <Suspense fallback={<Center py="xl"><Loader aria-label={t('state.loading')} /></Center>}>{children ?? <Outlet />}</Suspense>
      </AppShell.Main>
    </AppShell>
  );
}
