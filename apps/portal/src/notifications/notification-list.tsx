import { Anchor, Badge, Button, Card, Group, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { displayJst, QueryState, useTRPC } from '@tsumiki/ui';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** The caller's notifications, newest first; opening one's application marks it read. */
export function NotificationList({ limit = 30, compact = false, onNavigate }: { limit?: number; compact?: boolean; onNavigate?: () => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const list = useQuery(trpc.notifications.list.queryOptions({ limit }));
  const markRead = useMutation(trpc.notifications.markRead.mutationOptions({ onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.notifications.pathKey() }) }));
  return (
    <QueryState query={list}>
      {(data) => (
        <Stack gap="xs" data-testid="notification-list">
          {data.items.length === 0 && <Text c="dimmed">{t('notifications.none')}</Text>}
          {data.unread > 0 && (
            <Button size="xs" variant="subtle" w="fit-content" onClick={() => markRead.mutate({})} loading={markRead.isPending}>
              {t('notifications.markAllRead')}
            </Button>
          )}
          {data.items.map((n) => (
            <Card key={n.id} withBorder padding="xs" data-testid="notification" data-read={n.readAt ? 'true' : 'false'}>
              <Group justify="space-between" wrap="nowrap" align="flex-start">
                <Stack gap={2}>
                  <Text fw={n.readAt ? 400 : 700} size="sm">
                    {!n.readAt && (
                      <Badge size="xs" color="red" mr={4}>
                        {t('notifications.unread')}
                      </Badge>
                    )}
                    {n.subject}
                  </Text>
                  <Text size="xs" c="dimmed">
                    <time dateTime={n.createdAt.toISOString()}>{displayJst(n.createdAt)}</time>
                  </Text>
                  {!compact && (
                    <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                      {n.body}
                    </Text>
                  )}
                  {n.applicationId && (
                    <Anchor
                      component={Link}
                      to={`/applications/${n.applicationId}`}
                      size="xs"
                      onClick={() => {
                        if (!n.readAt) markRead.mutate({ ids: [n.id] });
                        onNavigate?.();
                      }}
                    >
                      {t('notifications.open')}
                    </Anchor>
                  )}
                </Stack>
                {!n.readAt && (
                  <Button size="compact-xs" variant="light" onClick={() => markRead.mutate({ ids: [n.id] })}>
                    {t('notifications.markRead')}
                  </Button>
                )}
              </Group>
            </Card>
          ))}
        </Stack>
      )}
    </QueryState>
  );
}
