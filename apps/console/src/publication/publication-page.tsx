import { Group, Stack, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { RouterOutputs } from '@tsumiki/api';
import { DataTable, ExportMenu, QueryState, useTRPC, type DataColumn } from '@tsumiki/ui';
import { useTranslation } from 'react-i18next';
import { useStaffProgramme } from '../lib/staff-programme';

const FORMATS = ['csv', 'xlsx'] as const;
type Row = RouterOutputs['review']['publication']['rows'][number];

/** The selection list for publication (事業名, 実施者, 概要) of one programme round: CSV, Excel, print. */
export function PublicationPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { programmeId, picker } = useStaffProgramme();
  const list = useQuery({ ...trpc.review.publication.queryOptions({ programmeId }), enabled: programmeId !== '' });
  const columns: DataColumn<Row>[] = [
    { id: 'title', header: t('publication.title_column'), sortValue: (r) => r.title, cell: (r) => r.title },
    { id: 'implementers', header: t('publication.implementers'), sortValue: (r) => r.implementers, cell: (r) => r.implementers },
    { id: 'summary', header: t('publication.summary'), cell: (r) => r.summary },
  ];
  return (
    <Stack gap="md" data-testid="publication-page">
      <Group justify="space-between">
        <Title order={1}>{t('publication.title')}</Title>
        {programmeId !== '' && (
          <ExportMenu
            testId="publication-export"
            formats={FORMATS}
            disabled={list.data?.rows.length === 0}
            onExport={(format) => queryClient.fetchQuery(trpc.review.exportPublication.queryOptions({ programmeId, format }))}
          />
        )}
      </Group>
      <Text c="dimmed">{t('publication.intro')}</Text>
      {picker(t('publication.programme'), 'tsumiki-no-print')}
      {programmeId !== '' && (
        <QueryState query={list}>
          {(l) => (
            <>
              {l.rows.length > 0 && <Text size="sm">{t('publication.count', { count: l.rows.length })}</Text>}
              <DataTable
                data={l.rows}
                columns={columns}
                rowKey={(r) => `${r.title}|${r.implementers}`}
                label={t('publication.title')}
                empty={<Text>{t('publication.empty')}</Text>}
                data-testid="publication-table"
              />
            </>
          )}
        </QueryState>
      )}
    </Stack>
  );
}
