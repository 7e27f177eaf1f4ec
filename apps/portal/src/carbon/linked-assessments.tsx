import { Anchor, Badge, Card, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { formatCarbon } from '@tsumiki/domain/carbon';
import { DataTable, useTRPC, type DataColumn } from '@tsumiki/ui';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** One headline figure of an assessment, as shown. */
interface Figure {
  readonly key: string;
  readonly label: string;
  readonly value: string;
}

/**
 * The carbon assessments attached to an application, with their headline figures (baseline
 * scenario); an assessment that cannot be computed yet says so instead of showing a number.
 */
export function LinkedCarbonAssessments({ applicationId }: { applicationId: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'ja';
  const trpc = useTRPC();
  const linked = useQuery(trpc.carbon.linkedTo.queryOptions({ applicationId }));
  const columns: DataColumn<Figure>[] = [
    { id: 'figure', header: t('carbon.link.figure'), rowHeader: true, cell: (row) => row.label },
    { id: 'value', header: t('carbon.link.value'), align: 'right', cell: (row) => row.value },
  ];
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
                <DataTable
                  data={[
                    { key: 'wholeLife', label: t('carbon.link.wholeLife', { years: p.evaluationYears }), value: kg(p.wholeLifeKg) },
                    { key: 'perM2', label: t('carbon.link.perM2'), value: kg(p.perM2, 'm2') },
                    { key: 'perM2Year', label: t('carbon.link.perM2Year'), value: kg(p.perM2Year, 'm2year') },
                    { key: 'upfront', label: t('carbon.link.upfront'), value: kg(p.upfrontKg) },
                    { key: 'operational', label: t('carbon.link.operational'), value: kg(p.operationalKg) },
                    { key: 'storage', label: t('carbon.link.storage'), value: kg(p.biogenicStorageKg) },
                  ]}
                  columns={columns}
                  rowKey={(row) => row.key}
                  label={`${p.name} ${t('carbon.results.scenario', { name: p.scenarioName })}`}
                  empty={null}
                  striped={false}
                />
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
