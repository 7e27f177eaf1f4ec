import { Badge, Card, Stack, Text, Title } from '@mantine/core';
import type { RouterOutputs } from '@tsumiki/api';
import { displayParams } from '@tsumiki/domain';
import { withRowLabels } from '@tsumiki/domain/programmes';
import { useTranslation } from 'react-i18next';
import { YenFigures } from '../lib/yen-figures';

type View = RouterOutputs['review']['open'];

/** Eligibility with its reasons, the grant as computed, and the decision once made. */
export function Assessment({ view }: { view: Pick<View, 'reasons' | 'rowLabels' | 'eligibility' | 'grant' | 'decision'> }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language === 'en' ? 'en' : 'ja';
  // A reason about a budget row names it as the application's screens do, never by its id.
  const rows = new Map(Object.entries(view.rowLabels));
  return (
    <Card withBorder data-testid="assessment">
      <Title order={2}>{t('app.eligibility')}</Title>
      {view.eligibility && <Badge color={view.eligibility.status === 'eligible' ? 'green' : 'orange'}>{t(`app.eligibilityStatus.${view.eligibility.status}`)}</Badge>}
      <Stack gap={2} my="sm">
        {view.reasons.slice(0, 30).map((r, i) => (
          <Text key={i} size="sm">・{t(r.code, { ns: 'errors', keySeparator: false, defaultValue: r.code, ...displayParams(withRowLabels(r.params, rows, locale)) })}</Text>
        ))}
      </Stack>
      {view.grant && (
        <>
          <Title order={3}>{t('app.grant')}</Title>
          <YenFigures
            label={t('app.grant')}
            figures={([['requested', view.grant.requested], ['eligibleCost', view.grant.eligibleCost], ['maximum', view.grant.amount], ['ownShare', view.grant.ownShare]] as const).map(([k, yen]) => ({ key: k, label: t(`app.${k}`), yen, testId: `grant-${k}` }))}
          />
        </>
      )}
      {view.decision && (
        <YenFigures
          label={t('app.decision')}
          data-testid="decision"
          figures={[
            { key: 'granted', label: t('app.granted'), yen: view.decision.grantedYen, testId: 'decision-granted' },
            ...(view.decision.fixedYen !== null ? [{ key: 'fixed', label: t('app.fixed'), yen: view.decision.fixedYen, testId: 'decision-fixed' }] : []),
            ...(view.decision.ownShareYen !== null ? [{ key: 'ownShare', label: t('app.fixedOwnShare'), yen: view.decision.ownShareYen, testId: 'decision-own-share' }] : []),
          ]}
        />
      )}
    </Card>
  );
}
