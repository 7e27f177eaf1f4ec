import { Anchor, Badge, Card, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { formatCarbon } from '@tsumiki/domain/carbon';
import { useTRPC } from '@tsumiki/ui';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/**
 * The carbon assessments attached to an application, with their headline figures (baseline
 * scenario); an assessment that cannot be computed yet says so instead of showing a number.
 */
export function LinkedCarbonAssessments({ applicationId }: { applicationId: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'ja';
  const trpc = useTRPC();
  const linked = useQuery(trpc.carbon.linkedTo.queryOptions({ applicationId }));
  const kg = (v: number, per: '' | 'm2' | 'm2year' = '') => formatCarbon(v, { per, locale: lang, unit: per === '' ? 't' : 'kg', digits: per === 'm2year' ? 2 : 1 });
  return (
    <Card withBorder data-testid="linked-carbon">
      <Stack gap="xs">
        <Title order={2} size="h4">
          {t('carbon.link.heading')}
        </Title>
        {linked.isError && <Text size="sm" c="red">{t('carbon.link.unavailable')}</Text>}
        {linked.data?.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('carbon.link.empty')} <Anchor component={Link} to="/carbon">{t('carbon.link.toCalculator')}</Anchor>
          </Text>
        )}
        {linked.data?.map((p) => (
          <Stack key={p.id} gap={4} data-project={p.id}>
            <Anchor component={Link} to={`/carbon/${p.id}`} fw={600}>
              {p.name}
            </Anchor>
            <Text size="xs" c="dimmed">{t('carbon.results.scenario', { name: p.scenarioName })}</Text>
            {p.ok ? (
              <>
                {!p.complete && <Badge color="orange">{t('carbon.link.incomplete')}</Badge>}
                <Table fz="sm">
                  <Table.Tbody>
                    <Table.Tr><Table.Th scope="row">{t('carbon.link.wholeLife', { years: p.evaluationYears })}</Table.Th><Table.Td ta="right">{kg(p.wholeLifeKg)}</Table.Td></Table.Tr>
                    <Table.Tr><Table.Th scope="row">{t('carbon.link.perM2')}</Table.Th><Table.Td ta="right">{kg(p.perM2, 'm2')}</Table.Td></Table.Tr>
                    <Table.Tr><Table.Th scope="row">{t('carbon.link.perM2Year')}</Table.Th><Table.Td ta="right">{kg(p.perM2Year, 'm2year')}</Table.Td></Table.Tr>
                    <Table.Tr><Table.Th scope="row">{t('carbon.link.upfront')}</Table.Th><Table.Td ta="right">{kg(p.upfrontKg)}</Table.Td></Table.Tr>
                    <Table.Tr><Table.Th scope="row">{t('carbon.link.operational')}</Table.Th><Table.Td ta="right">{kg(p.operationalKg)}</Table.Td></Table.Tr>
                    <Table.Tr><Table.Th scope="row">{t('carbon.link.storage')}</Table.Th><Table.Td ta="right">{kg(p.biogenicStorageKg)}</Table.Td></Table.Tr>
                  </Table.Tbody>
                </Table>
              </>
            ) : (
              <Text size="sm" c="red">
                {t('carbon.link.notComputable', { count: p.issueCount })} {p.issues[0]?.message}
              </Text>
            )}
          </Stack>
        ))}
      </Stack>
    </Card>
  );
}
