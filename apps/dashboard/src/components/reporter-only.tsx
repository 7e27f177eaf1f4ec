import { Alert, Anchor, Stack, Title } from '@mantine/core';
import { mayReportForAssociation } from '@tsumiki/domain/ccus';
import { useSession } from '@tsumiki/ui';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';

/**
 * Pages that change an association's data open only for its reporters: a viewer (or the ministry)
 * who follows a link here reads why, instead of filling in a form the server would refuse on save.
 */
export function ReporterOnly({ children }: { children: ReactNode }) {
  const { associationId = '' } = useParams();
  const { t } = useTranslation();
  const session = useSession();
  if (mayReportForAssociation(session.memberships, associationId)) return <>{children}</>;
  return (
    <Stack data-testid="reporter-only">
      <Title order={1}>{t('readOnly.title')}</Title>
      <Alert color="blue" role="status">
        {t('readOnly.body')}
      </Alert>
      <Anchor component={Link} to={`/associations/${associationId}`}>
        {t('import.back')}
      </Anchor>
    </Stack>
  );
}
