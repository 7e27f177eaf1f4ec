import { Stack, Title } from '@mantine/core';
import { ProgrammesSection, useSession } from '@tsumiki/ui';
import { useTranslation } from 'react-i18next';

/** The reviewer's start: the programmes they work on, with windows and budgets. */
export function HomePage() {
  const { t } = useTranslation();
  const session = useSession();
  return (
    <Stack gap="xl" data-testid="home">
      <Title order={1}>{t('home.greeting', { name: session.user.displayName })}</Title>
      <ProgrammesSection />
    </Stack>
  );
}
