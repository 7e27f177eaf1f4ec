import { Center, Paper, Stack, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { LocaleSwitch } from '@tsumiki/ui';
import type { FormEventHandler, ReactNode } from 'react';
import { useNavigate } from 'react-router';

/** The frame of the pages reached before signing in (sign-up, invitation): a card with a form and the language switch. */
export function PublicCard({ testId, title, onSubmit, children }: { testId: string; title: string; onSubmit: FormEventHandler<HTMLFormElement>; children: ReactNode }) {
  return (
    <Center mih="100vh" p="md" component="main" id="main">
      <Paper withBorder shadow="sm" p="xl" w="100%" maw={560}>
        <form noValidate onSubmit={onSubmit} aria-labelledby={`${testId}-title`} data-testid={testId}>
          <Stack>
            <Title order={1} size="h2" id={`${testId}-title`}>
              {title}
            </Title>
            {children}
            <Center>
              <LocaleSwitch />
            </Center>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}

/** After sign-up or an accepted invitation: drop what was cached for nobody and enter the portal. */
export function useEnterPortal() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return async () => {
    await queryClient.resetQueries();
    void navigate('/');
  };
}
