import { Alert, Badge, Card, Group, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { citeSource, type ExcludedRow, type FormIssue, type FormRow, type TGrantResult } from '@tsumiki/domain/programmes';
import { displayYen, FormFiguresView } from '@tsumiki/ui';
import { useTranslation } from 'react-i18next';
import { issueText, langOf, type RowNames } from './form-fields';

const STATUS_COLOR = { eligible: 'teal', ineligible: 'red', undetermined: 'yellow' } as const;

/** The rows a provisional figure leaves out, each by its name on screen with what to fix. */
function ExcludedRows({ rows, rowNames }: { rows: readonly ExcludedRow[]; rowNames: RowNames }) {
  const { t } = useTranslation();
  return (
    <Alert color="yellow" title={t('apply.summary.excludedHeading')} data-testid="excluded-rows" role="status">
      <Text size="sm" mb={4}>
        {t('apply.summary.excludedLead')}
      </Text>
      <List size="sm" spacing={2}>
        {rows.map((r) => (
          <List.Item key={r.path}>
            <Text span fw={600} size="sm">
              {r.label[rowNames.lang]}
            </Text>
            {': '}
            {[...new Set(r.issues.map((i) => issueText(t, i, rowNames)))].join(' ')}
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}

/**
 * The "yellow cells": totals, grant and own share as the rules compute them, with the reasons.
 * While rows are invalid the figures are those of the valid rows, with the rows left out named;
 * when nothing can be computed, what stands in the way is listed instead.
 */
export function AssessmentPanel({
  result,
  excludedRows = [],
  blocking = [],
  figures = [],
  rowNames,
}: {
  result: TGrantResult | null;
  excludedRows?: readonly ExcludedRow[];
  blocking?: readonly FormIssue[];
  /** The figures with their arithmetic and sources, from the form document (grantFigures). */
  figures?: readonly FormRow[];
  rowNames: RowNames;
}) {
  const { t, i18n } = useTranslation();
  const yen = (n: number) => displayYen(n, i18n.language);
  if (!result)
    return (
      <Alert color="red" title={t('apply.summary.heading')} data-testid="grant-summary">
        {t('apply.summary.notComputable')}
        <List size="sm" mt={4}>
          {blocking.map((i) => (
            <List.Item key={`${i.path}-${i.code}`}>{issueText(t, i, rowNames)}</List.Item>
          ))}
        </List>
      </Alert>
    );
  const { grant, eligibility } = result;
  const reasons = [...eligibility.reasons, ...result.reasons.filter((r) => r.level !== 'info' && !eligibility.reasons.includes(r))];
  return (
    <Stack gap="sm">
      {excludedRows.length > 0 && <ExcludedRows rows={excludedRows} rowNames={rowNames} />}
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
      {figures.length > 0 && (
        <Card withBorder data-testid="grant-explanation">
          <Title order={2} size="h4" mb="xs">
            {t('apply.summary.howComputed')}
          </Title>
          <FormFiguresView rows={figures} />
        </Card>
      )}
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
                {t('apply.eligibility.source', { source: citeSource(r.source)[langOf(i18n.language)] })}
              </Text>
            </List.Item>
          ))}
        </List>
      </Card>
    </Stack>
  );
}
