import { Anchor, Badge, Button, Group, NumberInput, Select, Stack, Tabs, Text, TextInput, Title } from '@mantine/core';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { RECEIVED_STATUSES, type TApplicationStatus } from '@tsumiki/domain';
import { QUEUE_SORTS, queueFromSearchParams, queueSearchParams, STATUS_LABELS, ZQueueFilterForm, ZQueueFilters, type TQueueFilters, type TQueueSort } from '@tsumiki/domain/review';
import type { RouterOutputs } from '@tsumiki/api';
import { DataTable, displayJst, displayYen, ExportMenu, QueryState, useDomainForm, useTRPC, type DataColumn, type SortingState } from '@tsumiki/ui';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { PROGRAMME_PICKER_WIDTH } from '../lib/staff-programme';
import { Link, useSearchParams } from 'react-router';
import { SavedViews } from '../views/saved-views';

const PAGE_SIZE = 50;
const QUEUE_STATUSES = RECEIVED_STATUSES;
const QUEUE_FORMATS = ['csv', 'xlsx'] as const;

const statusTab = (value: string | null): TApplicationStatus[] | undefined => {
  const status = QUEUE_STATUSES.find((s) => s === value);
  return status ? [status] : undefined;
};

type Row = RouterOutputs['review']['queue']['rows'][number];

/** The columns the server sorts by, and the sort each stands for. */
const SORT_OF_COLUMN: Readonly<Record<string, TQueueSort>> = {
  tracking: 'tracking_number',
  title: 'title',
  applicant: 'applicant',
  status: 'status',
  requested: 'requested_grant',
  submitted: 'submitted_at',
};
const columnOfSort = (sort: TQueueSort) => Object.keys(SORT_OF_COLUMN).find((c) => SORT_OF_COLUMN[c] === sort) ?? sort;
const serverSorted = () => null;

function queueColumns(t: ReturnType<typeof useTranslation>['t'], locale: 'ja' | 'en'): DataColumn<Row>[] {
  const header = (c: string) => t(`queue.columns.${c}`);
  return [
    { id: 'tracking', header: header('tracking'), cell: (r) => r.trackingNumber, sortValue: serverSorted, noWrap: true },
    { id: 'title', header: header('title'), cell: (r) => <Anchor component={Link} to={`/applications/${r.id}`}>{r.title}</Anchor>, sortValue: serverSorted },
    { id: 'applicant', header: header('applicant'), cell: (r) => (locale === 'en' ? r.applicantNameEn : r.applicantNameJa), sortValue: serverSorted },
    { id: 'status', header: header('status'), cell: (r) => <Badge variant="light">{STATUS_LABELS[r.status][locale]}</Badge>, sortValue: serverSorted },
    { id: 'requested', header: header('requested'), cell: (r) => (r.requestedGrantYen === null ? '—' : displayYen(r.requestedGrantYen, locale)), sortValue: serverSorted, align: 'right', noWrap: true },
    { id: 'submitted', header: header('submitted'), cell: (r) => (r.submittedAt ? displayJst(r.submittedAt) : ''), sortValue: serverSorted, noWrap: true },
    { id: 'assigned', header: header('assigned'), cell: (r) => r.assignedCount, align: 'right' },
  ];
}

/** An empty list says why, and offers the way back: every filter cleared, or the programmes. */
function QueueEmpty({ filtered, onClear }: { filtered: boolean; onClear: () => void }) {
  const { t } = useTranslation();
  return filtered ? (
    <>
      <Text>{t('queue.emptyFiltered')}</Text>
      <Group>
        <Button variant="light" onClick={onClear} data-testid="queue-clear-filters">{t('queue.clearFilters')}</Button>
      </Group>
    </>
  ) : (
    <>
      <Text>{t('queue.empty')}</Text>
      <Group>
        <Anchor component={Link} to="/programmes" data-testid="queue-to-programmes">{t('queue.toProgrammes')}</Anchor>
      </Group>
    </>
  );
}

type Typed = Pick<TQueueFilters, 'search' | 'minRequestedYen' | 'maxRequestedYen'>;
const typedOf = (f: Typed): Typed => ({ search: f.search, minRequestedYen: f.minRequestedYen, maxRequestedYen: f.maxRequestedYen });
const sameTyped = (a: Typed, b: Typed) => a.search === b.search && a.minRequestedYen === b.minRequestedYen && a.maxRequestedYen === b.maxRequestedYen;

/**
 * The typed filters (search, amount bounds) as one domain form: what is typed stays as typed (a
 * trailing space included); the address gets the schema's reading of it, and only once the schema
 * accepts it. An address changed from outside (back button, a saved view, 条件をクリア) shows its own.
 */
function useQueueFilterForm(filters: TQueueFilters, send: (typed: Typed) => void) {
  const sent = useRef(typedOf(filters));
  const form = useDomainForm(ZQueueFilterForm, {
    initialValues: { search: filters.search ?? '', minRequestedYen: filters.minRequestedYen ?? '', maxRequestedYen: filters.maxRequestedYen ?? '' },
    onValuesChange: (values) => {
      const read = ZQueueFilterForm.safeParse(values);
      if (!read.success || sameTyped(read.data, sent.current)) return;
      sent.current = read.data;
      send(read.data);
    },
  });
  const address = typedOf(filters);
  useEffect(() => {
    if (sameTyped(address, sent.current)) return;
    sent.current = address;
    form.setValues({ search: address.search ?? '', minRequestedYen: address.minRequestedYen ?? '', maxRequestedYen: address.maxRequestedYen ?? '' });
    // Only a change of the address's own filters resets the fields.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [address.search, address.minRequestedYen, address.maxRequestedYen]);
  return form;
}

/** The review queue: per programme and status (tabs with counts), search, sort, pages, export. */
export function QueuePage() {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const locale = i18n.language === 'en' ? 'en' : 'ja';
  // The list lives in the address: a reload, the back button or a shared link shows the same one.
  const [params, setParams] = useSearchParams();
  const { filters, page } = queueFromSearchParams(params);
  const status: TApplicationStatus | 'all' = filters.statuses?.[0] ?? 'all';
  const queue = useQuery({ ...trpc.review.queue.queryOptions({ ...filters, page, pageSize: PAGE_SIZE }), placeholderData: keepPreviousData });
  const show = (next: TQueueFilters, nextPage = 1) => setParams(queueSearchParams(next, nextPage), { replace: nextPage === page });
  const change = (patch: Partial<TQueueFilters>) => show({ ...filters, ...patch });
  const form = useQueueFilterForm(filters, (typed) => change(typed));
  const apply = (view: TQueueFilters) => show(view);
  const columns = queueColumns(t, locale);
  const sortBy = (update: SortingState | ((old: SortingState) => SortingState)) => {
    const next = (typeof update === 'function' ? update([{ id: columnOfSort(filters.sort), desc: filters.direction === 'desc' }]) : update)[0];
    const sort = next && SORT_OF_COLUMN[next.id];
    if (sort) change({ sort, direction: next.desc ? 'desc' : 'asc' });
  };
  const filtered = queueSearchParams({ ...filters, sort: ZQueueFilters.parse({}).sort, direction: ZQueueFilters.parse({}).direction }, 1).length > 0;
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
          value={filters.programmeId ?? ''}
          onChange={(v) => change({ programmeId: v || undefined })}
          {...PROGRAMME_PICKER_WIDTH}
        />
        <NumberInput label={t('queue.minRequested')} min={0} allowDecimal={false} clampBehavior="none" thousandSeparator="," w={180} {...form.getInputProps('minRequestedYen')} data-testid="queue-min-requested" />
        <NumberInput label={t('queue.maxRequested')} min={0} allowDecimal={false} clampBehavior="none" thousandSeparator="," w={180} {...form.getInputProps('maxRequestedYen')} data-testid="queue-max-requested" />
        <TextInput label={t('queue.search')} maxLength={200} {...form.getInputProps('search')} data-testid="queue-search" w={300} />
        <Select label={t('queue.sort')} data={QUEUE_SORTS.map((s) => ({ value: s, label: t(`queue.sorts.${s}`) }))} value={filters.sort} onChange={(v) => v && change({ sort: v })} w={180} />
        <Select label={t('queue.direction')} data={[{ value: 'desc', label: t('queue.desc') }, { value: 'asc', label: t('queue.asc') }]} value={filters.direction} onChange={(v) => v && change({ direction: v })} w={140} />
      </Group>
      <Tabs value={status} onChange={(v) => change({ statuses: statusTab(v) })}>
        <Tabs.List>
          <Tabs.Tab value="all" data-testid="tab-all">
            {t('queue.all')} <Badge size="xs" variant="light">{Object.values(queue.data?.counts ?? {}).reduce((sum, n) => sum + n, 0)}</Badge>
          </Tabs.Tab>
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
            <DataTable
              data={data.rows}
              columns={columns}
              rowKey={(r) => r.id}
              rowTestId={() => 'queue-row'}
              label={t('queue.title')}
              sorting={{ state: [{ id: columnOfSort(filters.sort), desc: filters.direction === 'desc' }], onChange: (update) => sortBy(update) }}
              empty={<QueueEmpty filtered={filtered} onClear={() => setParams([])} />}
              data-testid="queue-table"
            />
            {data.rows.length > 0 && <Group>
              <Button size="xs" variant="default" disabled={page <= 1} onClick={() => show(filters, page - 1)}>{t('queue.previous')}</Button>
              <Text size="sm">{t('queue.page', { page, pages: Math.max(1, Math.ceil(data.total / PAGE_SIZE)) })}</Text>
              <Button size="xs" variant="default" disabled={page * PAGE_SIZE >= data.total} onClick={() => show(filters, page + 1)}>{t('queue.next')}</Button>
            </Group>}
          </Stack>
        )}
      </QueryState>
    </Stack>
  );
}
