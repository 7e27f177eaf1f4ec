import { Anchor, Badge, Button, Group, NumberInput, Select, Stack, Table, Tabs, Text, TextInput, Title } from '@mantine/core';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { RECEIVED_STATUSES, type TApplicationStatus } from '@tsumiki/domain';
import { QUEUE_SORTS, STATUS_LABELS, type TQueueFilters, type TQueueSort } from '@tsumiki/domain/review';
import { displayJst, displayYen, ExportMenu, QueryState, useTRPC } from '@tsumiki/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { SavedViews } from '../views/saved-views';

const PAGE_SIZE = 50;
const QUEUE_STATUSES = RECEIVED_STATUSES;
const QUEUE_FORMATS = ['csv', 'xlsx'] as const;

/** The review queue: per programme and status (tabs with counts), search, sort, pages, export. */
export function QueuePage() {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const locale = i18n.language === 'en' ? 'en' : 'ja';
  const [programmeId, setProgrammeId] = useState<string | null>(null);
  const [status, setStatus] = useState<TApplicationStatus | 'all'>('all');
  const [search, setSearch] = useState('');
  const [sort, setSort] = useState<TQueueSort>('submitted_at');
  const [direction, setDirection] = useState<'asc' | 'desc'>('desc');
  const [page, setPage] = useState(1);
  const [minYen, setMinYen] = useState<number | ''>('');
  const [maxYen, setMaxYen] = useState<number | ''>('');
  const filters: TQueueFilters = {
    ...(programmeId ? { programmeId } : {}),
    ...(status !== 'all' ? { statuses: [status] } : {}),
    ...(search.trim() ? { search: search.trim() } : {}),
    ...(minYen !== '' ? { minRequestedYen: minYen } : {}),
    ...(maxYen !== '' ? { maxRequestedYen: maxYen } : {}),
    sort,
    direction,
  };
  const queue = useQuery({ ...trpc.review.queue.queryOptions({ ...filters, page, pageSize: PAGE_SIZE }), placeholderData: keepPreviousData });
  const reset = <T,>(set: (v: T) => void) => (v: T) => {
    set(v);
    setPage(1);
  };
  const apply = (view: TQueueFilters) => {
    setProgrammeId(view.programmeId ?? null);
    setStatus(view.statuses?.[0] ?? 'all');
    setSearch(view.search ?? '');
    setMinYen(view.minRequestedYen ?? '');
    setMaxYen(view.maxRequestedYen ?? '');
    setSort(view.sort);
    setDirection(view.direction);
    setPage(1);
  };
  return (
    <Stack gap="md" data-testid="queue-page">
      <Group justify="space-between">
        <Title order={1}>{t('queue.title')}</Title>
        <ExportMenu
          testId="queue-export"
          formats={QUEUE_FORMATS}
          onExport={(format) => queryClient.fetchQuery(trpc.review.exportQueue.queryOptions({ ...filters, format }))}
        />
      </Group>
      <SavedViews current={filters} onApply={apply} />
      <Group align="end">
        <Select
          label={t('queue.programme')}
          data={[{ value: '', label: t('queue.allProgrammes') }, ...(queue.data?.programmes ?? []).map((p) => ({ value: p.id, label: locale === 'en' ? p.nameEn : p.nameJa }))]}
          value={programmeId ?? ''}
          onChange={(v) => reset(setProgrammeId)(v || null)}
          w={360}
        />
        <NumberInput label={t('queue.minRequested')} value={minYen} onChange={(v) => reset(setMinYen)(typeof v === 'number' ? v : '')} min={0} allowDecimal={false} allowNegative={false} thousandSeparator="," w={180} data-testid="queue-min-requested" />
        <NumberInput label={t('queue.maxRequested')} value={maxYen} onChange={(v) => reset(setMaxYen)(typeof v === 'number' ? v : '')} min={0} allowDecimal={false} allowNegative={false} thousandSeparator="," w={180} data-testid="queue-max-requested" />
        <TextInput label={t('queue.search')} value={search} onChange={(e) => reset(setSearch)(e.currentTarget.value)} data-testid="queue-search" w={300} />
        <Select label={t('queue.sort')} data={QUEUE_SORTS.map((s) => ({ value: s, label: t(`queue.sorts.${s}`) }))} value={sort} onChange={(v) => v && reset(setSort)(v)} w={180} />
        <Select label={t('queue.direction')} data={[{ value: 'desc', label: t('queue.desc') }, { value: 'asc', label: t('queue.asc') }]} value={direction} onChange={(v) => v && reset(setDirection)(v)} w={120} />
      </Group>
      <Tabs value={status} onChange={(v) => reset(setStatus)((v ?? 'all') as TApplicationStatus | 'all')}>
        <Tabs.List>
          <Tabs.Tab value="all">{t('queue.all')}</Tabs.Tab>
          {QUEUE_STATUSES.filter((s) => (queue.data?.counts[s] ?? 0) > 0 || s === status).map((s) => (
            <Tabs.Tab key={s} value={s} data-testid={`tab-${s}`}>
              {STATUS_LABELS[s][locale]} <Badge size="xs" variant="light">{queue.data?.counts[s] ?? 0}</Badge>
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      <QueryState query={queue}>
        {(data) => (
          <Stack gap="xs">
            <Text size="sm" data-testid="queue-total">{t('queue.total', { count: data.total })}</Text>
            <Table striped highlightOnHover data-testid="queue-table">
              <Table.Thead>
                <Table.Tr>
                  {(['tracking', 'title', 'applicant', 'status', 'requested', 'submitted', 'assigned'] as const).map((c) => (
                    <Table.Th key={c}>{t(`queue.columns.${c}`)}</Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.rows.map((r) => (
                  <Table.Tr key={r.id} data-testid="queue-row">
                    <Table.Td>{r.trackingNumber}</Table.Td>
                    <Table.Td>
                      <Anchor component={Link} to={`/applications/${r.id}`}>{r.title}</Anchor>
                    </Table.Td>
                    <Table.Td>{locale === 'en' ? r.applicantNameEn : r.applicantNameJa}</Table.Td>
                    <Table.Td><Badge variant="light">{STATUS_LABELS[r.status][locale]}</Badge></Table.Td>
                    <Table.Td ta="right">{r.requestedGrantYen === null ? '—' : displayYen(r.requestedGrantYen, locale)}</Table.Td>
                    <Table.Td>{r.submittedAt ? displayJst(r.submittedAt) : ''}</Table.Td>
                    <Table.Td ta="right">{r.assignedCount}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            <Group>
              <Button size="xs" variant="default" disabled={page <= 1} onClick={() => setPage(page - 1)}>{t('queue.previous')}</Button>
              <Text size="sm">{t('queue.page', { page, pages: Math.max(1, Math.ceil(data.total / PAGE_SIZE)) })}</Text>
              <Button size="xs" variant="default" disabled={page * PAGE_SIZE >= data.total} onClick={() => setPage(page + 1)}>{t('queue.next')}</Button>
            </Group>
          </Stack>
        )}
      </QueryState>
    </Stack>
  );
}
