import { Button, Group, Stack, Title } from '@mantine/core';
import { ProgrammesSection, useSession } from '@tsumiki/ui';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { UndeliveredMailSection } from '../mail/undelivered-mail';

/** The reviewer's start: the programmes they work on, with windows and budgets; the office also sees mail that did not leave. */
export function HomePage() {
  const { t } = useTranslation();
  const session = useSession();
  const isAdmin = session.memberships.some((m) => m.role === 'programme_admin');
  return (
    <Stack gap="xl" data-testid="home">
      <Title order={1}>{t('home.greeting', { name: session.user.displayName })}</Title>
      {/* The office starts its calls from here too: a new programme, then its rounds. */}
      {isAdmin && (
        <Group>
          <Button component={Link} to="/programme-definitions/new" variant="light">
            {t('definitions.create.link')}
          </Button>
          <Button component={Link} to="/rounds" variant="subtle">
            {t('rounds.nav')}
          </Button>
        </Group>
      )}
      <ProgrammesSection />
      {isAdmin && <UndeliveredMailSection />}
    </Stack>
  );
}
