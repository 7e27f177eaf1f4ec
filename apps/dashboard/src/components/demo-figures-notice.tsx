import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/**
 * Said wherever figures the demo seed made up are shown, so nobody reads them as an association's
 * report; the months the associations' own report speaks of are reproduced from it.
 */
export function DemoFiguresNotice() {
  const { t } = useTranslation();
  return (
    <Alert color="orange" variant="light" title={t('demo.title')} data-testid="demo-figures">
      {t('demo.body')}
    </Alert>
  );
}
