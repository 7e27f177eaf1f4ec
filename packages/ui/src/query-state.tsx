import { Alert, Button, Center, Loader, Text } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from './errors';

/** Loading, failure (with the reason and a retry) and empty, the same way on every screen. */
export function QueryState<T, E = unknown>({
  query,
  children,
  isEmpty,
}: {
  query: UseQueryResult<T, E>;
  children: (data: T) => ReactNode;
  isEmpty?: (data: T) => boolean;
}) {
  const { t } = useTranslation();
  if (query.isPending) {
    return (
      <Center py="lg">
        <Loader size="sm" aria-label={t('state.loading')} />
      </Center>
    );
  }
  if (query.isError) {
    return (
      <Alert color="red" title={t('state.loadFailed')} role="alert">
        <Text size="sm">{errorText(t, query.error)}</Text>
        <Button mt="sm" size="xs" variant="light" onClick={() => void query.refetch()}>
          {t('state.retry')}
        </Button>
      </Alert>
    );
  }
  if (isEmpty?.(query.data)) {
    return (
      <Text c="dimmed" py="md">
        {t('state.empty')}
      </Text>
    );
  }
  return <>{children(query.data)}</>;
}
