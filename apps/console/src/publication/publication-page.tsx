import { Group, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { ExportMenu, QueryState, useTRPC } from '@tsumiki/ui';
import { useTranslation } from 'react-i18next';
import { useStaffProgramme } from '../lib/staff-programme';

const FORMATS = ['csv', 'xlsx'] as const;

/** The selection list for publication (事業名, 実施者, 概要) of one programme round: CSV, Excel, print. */
export function PublicationPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { programmeId, picker } = useStaffProgramme();
  const list = useQuery({ ...trpc.review.publication.queryOptions({ programmeId }), enabled: programmeId !== '' });
  return (
    <Stack gap="md" data-testid="publication-page">
      <Group justify="space-between">
        <Title order={1}>{t('publication.title')}</Title>
        {programmeId !== '' && (
          <ExportMenu
            testId="publication-export"
            formats={FORMATS}
            onExport={(format) => queryClient.fetchQuery(trpc.review.exportPublication.queryOptions({ programmeId, format }))}
          />
        )}
      </Group>
      <Text c="dimmed">{t('publication.intro')}</Text>
      {picker(t('publication.programme'), 'tsumiki-no-print')}
      {programmeId !== '' && (
        <QueryState query={list}>
          {(l) =>
            l.rows.length === 0 ? (
              <Text>{t('publication.empty')}</Text>
            ) : (
              <>
                <Text size="sm">{t('publication.count', { count: l.rows.length })}</Text>
                <Table striped withTableBorder data-testid="publication-table">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('publication.title_column')}</Table.Th>
                      <Table.Th>{t('publication.implementers')}</Table.Th>
                      <Table.Th>{t('publication.summary')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {l.rows.map((r, i) => (
                      <Table.Tr key={i}>
                        <Table.Td>{r.title}</Table.Td>
                        <Table.Td>{r.implementers}</Table.Td>
                        <Table.Td>{r.summary}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </>
            )
          }
        </QueryState>
      )}
    </Stack>
  );
}
