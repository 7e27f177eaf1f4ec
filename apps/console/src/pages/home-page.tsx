import { Stack, Title } from '@mantine/core';
import { ProgrammesSection, useSession } from '@tsumiki/ui';
import { useTranslation } from 'react-i18next';
import { UndeliveredMailSection } from '../mail/undelivered-mail';

/** The reviewer's start: the programmes they work on, with windows and budgets; the office also sees mail that did not leave. */
export function HomePage() {
  const { t } = useTranslation();
  const session = useSession();
  return (
    <Stack gap="xl" data-testid="home">
      <Title order={1}>{t('home.greeting', { name: session.user.displayName })}</Title>
      <ProgrammesSection />
      {session.memberships.some((m) => m.role === 'programme_admin') && <UndeliveredMailSection />}
    </Stack>
  );
}
