import { ActionIcon, Anchor, Indicator, Popover, Stack } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '@tsumiki/ui';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { NotificationList } from './notification-list';

/** The header's bell: the unread count (refreshed each minute), the latest notifications on click. */
export function NotificationBell() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const [opened, { toggle, close }] = useDisclosure(false);
  const unread = useQuery(trpc.notifications.unreadCount.queryOptions(undefined, { refetchInterval: 60_000 }));
  const count = unread.data ?? 0;
  return (
    <Popover opened={opened} onChange={(o) => !o && close()} width={380} position="bottom-end" shadow="md" trapFocus>
      {/* The count badge wraps the target, not the other way round: the popover's aria-expanded and
          aria-controls belong on the button, not on the badge's div. */}
      <Indicator label={count} size={16} disabled={count === 0} color="red" data-testid="notification-count" data-count={count}>
        <Popover.Target>
          <ActionIcon variant="default" size="lg" aria-label={t('notifications.bell', { count })} onClick={toggle} data-testid="notification-bell">
            <svg aria-hidden="true" width="18" height="18" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
              <path d="M18 8a6 6 0 0 0-12 0c0 7-3 9-3 9h18s-3-2-3-9" />
              <path d="M13.7 21a2 2 0 0 1-3.4 0" />
            </svg>
          </ActionIcon>
        </Popover.Target>
      </Indicator>
      <Popover.Dropdown>
        <Stack gap="xs" mah={480} style={{ overflowY: 'auto' }}>
          <NotificationList limit={10} compact onNavigate={close} />
          <Anchor component={Link} to="/notifications" size="sm" onClick={close}>
            {t('notifications.all')}
          </Anchor>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
