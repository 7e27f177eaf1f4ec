import { Badge, Group, NativeSelect, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { formatJst } from '@tsumiki/domain';
import {
  DATA_TYPE_NAMES,
  DATA_TYPES,
  effectiveA1a3,
  factorSourceTitles,
  isExpired,
  isOlderThanFiveYears,
  productCategoryName,
} from '@tsumiki/domain/carbon';
import { DataTable, FactorDerivation, QueryState, useSession, useTRPC, type AppRouter, type DataColumn } from '@tsumiki/ui';
import type { inferRouterOutputs } from '@trpc/server';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FactorImport } from './factor-import';

type Factor = inferRouterOutputs<AppRouter>['carbon']['factors'][number];
type AgeFilter = 'all' | 'expired' | 'old';
type Lang = 'ja' | 'en';

const number = (v: number) => v.toLocaleString('ja-JP', { maximumFractionDigits: 3 });

/**
 * The programme office's emission-factor library: every factor with its provenance, filtered by
 * product category, data type and age; factor lists (CSV/Excel, or openEPD JSON) are checked row
 * by row before anything is saved, and saved all or none.
 */
export function FactorLibraryPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const factors = useQuery(trpc.carbon.factors.queryOptions());
  // Reviewers may read the library; only the programme office imports (the API enforces it too).
  const canImport = useSession().memberships.some((m) => m.role === 'programme_admin');
  const materials = useMemo(() => {
    const byKey = new Map<string, string>();
    for (const f of factors.data ?? []) if (!byKey.has(f.materialKey)) byKey.set(f.materialKey, f.nameJa);
    return [...byKey].sort(([a], [b]) => a.localeCompare(b)).map(([value, name]) => ({ value, label: `${name}（${value}）` }));
  }, [factors.data]);
  return (
    <Stack gap="md" data-testid="factor-library">
      <Title order={1}>{t('carbonLibrary.title')}</Title>
      {canImport && <FactorImport onSaved={() => void factors.refetch()} materials={materials} />}
      <QueryState query={factors}>{(list) => <FactorTable factors={list} />}</QueryState>
    </Stack>
  );
}

function FactorTable({ factors }: { factors: Factor[] }) {
  const { t, i18n } = useTranslation();
  const lang: Lang = i18n.language === 'en' ? 'en' : 'ja';
  const today = formatJst(new Date()).slice(0, 10);
  const [category, setCategory] = useState('');
  const [dataType, setDataType] = useState('');
  const [age, setAge] = useState<AgeFilter>('all');
  const categories = useMemo(() => [...new Set(factors.map((f) => f.productCategory))].sort(), [factors]);
  const shown = factors.filter(
    (f) =>
      (category === '' || f.productCategory === category) &&
      (dataType === '' || f.dataType === dataType) &&
      (age === 'all' || (age === 'expired' ? isExpired(f, today) : isOlderThanFiveYears(f, today))),
  );
  const all = { value: '', label: t('carbonLibrary.filter.all') };
  const columns = useFactorColumns(lang, today);
  return (
    <Stack>
      <Title order={2}>{t('carbonLibrary.list')}</Title>
      <Group align="flex-end">
        <NativeSelect
          label={t('carbonLibrary.filter.category')}
          value={category}
          onChange={(e) => setCategory(e.currentTarget.value)}
          data={[all, ...categories.map((c) => ({ value: c, label: productCategoryName(c, lang) }))]}
        />
        <NativeSelect
          label={t('carbonLibrary.filter.dataType')}
          value={dataType}
          onChange={(e) => setDataType(e.currentTarget.value)}
          data={[all, ...DATA_TYPES.map((d) => ({ value: d, label: DATA_TYPE_NAMES[d][lang] }))]}
        />
        <NativeSelect
          label={t('carbonLibrary.filter.age')}
          value={age}
          onChange={(e) => setAge(e.currentTarget.value as AgeFilter)}
          data={(['all', 'expired', 'old'] as const).map((a) => ({ value: a, label: t(`carbonLibrary.filter.${a}`) }))}
        />
        <Text size="sm" role="status" data-testid="factor-count">
          {t('carbonLibrary.count', { shown: shown.length, total: factors.length })}
        </Text>
      </Group>
      <DataTable
        data={shown}
        columns={columns}
        rowKey={(f) => f.id}
        rowTestId={(f) => `factor-${f.id}`}
        label={t('carbonLibrary.list')}
        empty={<Text size="sm">{t('carbonLibrary.empty')}</Text>}
        data-testid="factor-table"
      />
    </Stack>
  );
}

/** One line per factor: the long provenance (every source, the derivation, the gap's reason) opens on demand. */
function useFactorColumns(lang: Lang, today: string): DataColumn<Factor>[] {
  const { t } = useTranslation();
  return [
    {
      id: 'name',
      header: t('carbonLibrary.col.name'),
      sortValue: (f) => (lang === 'ja' ? f.nameJa : f.nameEn),
      cell: (f) => (
        <div title={f.id}>
          <Text size="sm" fw={500} lineClamp={2}>
            {lang === 'ja' ? f.nameJa : f.nameEn}
          </Text>
          <Text size="xs" c="dimmed">
            {/* The key factor files and the BoQ mapping are written in: shown as a code. */}
            {t('carbonLibrary.materialKey')} <code>{f.materialKey}</code>
          </Text>
        </div>
      ),
    },
    { id: 'category', header: t('carbonLibrary.col.category'), sortValue: (f) => productCategoryName(f.productCategory, lang), cell: (f) => productCategoryName(f.productCategory, lang), testId: 'factor-category' },
    { id: 'value', header: t('carbonLibrary.col.value'), align: 'right', sortValue: (f) => effectiveA1a3(f), cell: (f) => <FactorValue f={f} /> },
    { id: 'dataType', header: t('carbonLibrary.col.dataType'), sortValue: (f) => f.dataType, cell: (f) => <Text size="xs">{DATA_TYPE_NAMES[f.dataType][lang]}</Text> },
    { id: 'source', header: t('carbonLibrary.col.source'), cell: (f) => <FactorSource f={f} lang={lang} />, testId: 'factor-source' },
    {
      id: 'dates',
      header: t('carbonLibrary.col.dates'),
      sortValue: (f) => f.publishedOn ?? null,
      cell: (f) => (
        <Stack gap={0}>
          {/* A date kept whole: 「公表 2024-」 over 「01-01」 read as two dates. */}
          <Text size="xs" style={{ whiteSpace: 'nowrap' }}>
            {t('carbonLibrary.published', { date: f.publishedOn ?? '—' })}
          </Text>
          {f.validUntil && (
            <Text size="xs" style={{ whiteSpace: 'nowrap' }}>
              {t('carbonLibrary.validUntil', { date: f.validUntil })}
            </Text>
          )}
          <Group gap={4}>
            {isExpired(f, today) && <Badge color="red" size="xs">{t('carbonLibrary.expired')}</Badge>}
            {isOlderThanFiveYears(f, today) && <Badge color="orange" size="xs">{t('carbonLibrary.old')}</Badge>}
          </Group>
        </Stack>
      ),
    },
    { id: 'origin', header: t('carbonLibrary.col.origin'), sortValue: (f) => f.origin, cell: (f) => <Text size="xs">{t(`carbonLibrary.origin.${f.origin}`)}</Text> },
  ];
}

function FactorValue({ f }: { f: Factor }) {
  const { t } = useTranslation();
  const value = effectiveA1a3(f);
  if (value === null) return <Badge color="gray">{t('carbonLibrary.gap')}</Badge>;
  return (
    <>
      <Text size="sm" span style={{ whiteSpace: 'nowrap' }}>
        {number(value)} <Text span size="xs">kg-CO₂e/{f.declaredUnit}</Text>
      </Text>
      {f.uplift && <Text size="xs">{t('carbonLibrary.uplift', { factor: f.uplift.factor })}</Text>}
      {f.biogenicStorage !== undefined && <Text size="xs">{t('carbonLibrary.storage', { value: number(f.biogenicStorage) })}</Text>}
    </>
  );
}

/** The first document by its title; every source, the owner, the derivation and a gap's reason behind 「詳しく」. */
function FactorSource({ f, lang }: { f: Factor; lang: Lang }) {
  const { t } = useTranslation();
  const titles = factorSourceTitles(f.source, lang);
  return (
    <div style={{ maxWidth: 420 }}>
      <Text size="xs" lineClamp={2}>
        {titles[0] ?? '—'}
        {titles.length > 1 && ` ${t('carbonLibrary.moreSources', { count: titles.length - 1 })}`}
      </Text>
      <details>
        <summary style={{ cursor: 'pointer', fontSize: 'var(--mantine-font-size-xs)' }}>{t('carbonLibrary.details')}</summary>
        <Stack gap={4} mt={4}>
          <Text size="xs">{t('carbonLibrary.owner', { owner: f.owner })}</Text>
          {titles.map((title) => (
            <Text key={title} size="xs" style={{ overflowWrap: 'anywhere' }}>
              {title}
            </Text>
          ))}
          {f.uplift && <Text size="xs">{t('carbonLibrary.upliftBasis', { factor: f.uplift.factor, basis: f.uplift.basis })}</Text>}
          {f.derivation && <FactorDerivation derivation={f.derivation} uplift={f.uplift} declaredUnit={f.declaredUnit} notes={f.notes} />}
          {f.gap && f.gapReason && (
            <Text size="xs" c="dimmed">
              {f.gapReason}
            </Text>
          )}
        </Stack>
      </details>
    </div>
  );
}
