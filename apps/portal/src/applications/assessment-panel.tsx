import { Alert, Badge, Card, Group, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { TGrantResult } from '@tsumiki/domain/programmes';
import { displayYen } from '@tsumiki/ui';
import { useTranslation } from 'react-i18next';
import { issueText, type RowNames } from './form-fields';

const STATUS_COLOR = { eligible: 'teal', ineligible: 'red', undetermined: 'yellow' } as const;

/** The "yellow cells": totals, grant and own share as the rules compute them, with the reasons. */
export function AssessmentPanel({ result, rowNames }: { result: TGrantResult | null; rowNames: RowNames }) {
  const { t, i18n } = useTranslation();
  const yen = (n: number) => displayYen(n, i18n.language);
  if (!result)
    return (
      <Alert color="red" title={t('apply.summary.heading')} data-testid="grant-summary">
        {t('apply.summary.notComputable')}
      </Alert>
    );
  const { grant, eligibility } = result;
  const reasons = [...eligibility.reasons, ...result.reasons.filter((r) => r.level !== 'info' && !eligibility.reasons.includes(r))];
  return (
    <Stack gap="sm">
      <Card withBorder data-testid="grant-summary" aria-live="polite">
        <Title order={2} size="h4" mb="xs">
          {t('apply.summary.heading')}
        </Title>
        <SimpleGrid cols={{ base: 2, sm: 4 }}>
          {(
            [
              ['requested', grant.requested],
              ['eligible', grant.eligibleCost],
              ['grant', grant.amount],
              ['ownShare', grant.ownShare],
            ] as const
          ).map(([key, value]) => (
            <div key={key}>
              <Text size="xs" c="dimmed">
                {t(`apply.summary.${key}`)}
              </Text>
              <Text fw={key === 'grant' ? 700 : 500} size="lg" data-testid={`summary-${key}`}>
                {yen(value)}
              </Text>
            </div>
          ))}
        </SimpleGrid>
        {grant.capHit && (
          <Text size="sm" mt="xs">
            {t('apply.summary.capHit', { cap: grant.cap === null ? grant.capHit : yen(grant.cap) })}
          </Text>
        )}
      </Card>
      <Card withBorder data-testid="eligibility">
        <Group justify="space-between" mb="xs">
          <Title order={2} size="h4">
            {t('apply.eligibility.heading')}
          </Title>
          <Badge color={STATUS_COLOR[eligibility.status]}>{t(`apply.eligibility.${eligibility.status}`)}</Badge>
        </Group>
        <List size="sm" spacing={4}>
          {reasons.map((r, i) => (
            <List.Item key={`${r.code}-${i}`} c={r.level === 'error' ? 'red' : undefined}>
              {issueText(t, r, rowNames)}{' '}
              <Text span size="xs" c="dimmed">
                {t('apply.eligibility.source', { source: r.source })}
              </Text>
            </List.Item>
          ))}
        </List>
      </Card>
    </Stack>
  );
}
