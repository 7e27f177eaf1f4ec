import { Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { NotificationList } from './notification-list';

export function NotificationsPage() {
  const { t } = useTranslation();
  return (
    <Stack>
      <Title order={1} size="h2">
        {t('notifications.heading')}
      </Title>
      <NotificationList limit={100} />
    </Stack>
  );
}
