import { Alert, Badge, Button, FileInput, Group, NativeSelect, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { formatJst } from '@tsumiki/domain';
import { DATA_TYPE_NAMES, DATA_TYPES, effectiveA1a3, isExpired, isOlderThanFiveYears, type TFactorImportFile } from '@tsumiki/domain/carbon';
import { errorText, FactorDerivation, QueryState, readFileBase64, saveFile, useSession, useTRPC, type AppRouter } from '@tsumiki/ui';
import type { inferRouterOutputs } from '@trpc/server';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';

type Factor = inferRouterOutputs<AppRouter>['carbon']['factors'][number];
type Preview = inferRouterOutputs<AppRouter>['carbon']['importFactors'];
type AgeFilter = 'all' | 'expired' | 'old';

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
  return (
    <Stack gap="md" data-testid="factor-library">
      <Title order={1}>{t('carbonLibrary.title')}</Title>
      {canImport && <FactorImport onSaved={() => void factors.refetch()} materials={[...new Set((factors.data ?? []).map((f) => f.materialKey))].sort()} />}
      <QueryState query={factors}>{(list) => <FactorTable factors={list} />}</QueryState>
    </Stack>
  );
}

function FactorTable({ factors }: { factors: Factor[] }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'ja';
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
  return (
    <Stack>
      <Title order={2}>{t('carbonLibrary.list')}</Title>
      <Group align="flex-end">
        <NativeSelect label={t('carbonLibrary.filter.category')} value={category} onChange={(e) => setCategory(e.currentTarget.value)} data={[{ value: '', label: t('carbonLibrary.filter.all') }, ...categories]} />
        <NativeSelect
          label={t('carbonLibrary.filter.dataType')}
          value={dataType}
          onChange={(e) => setDataType(e.currentTarget.value)}
          data={[{ value: '', label: t('carbonLibrary.filter.all') }, ...DATA_TYPES.map((d) => ({ value: d, label: DATA_TYPE_NAMES[d][lang] }))]}
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
      <div style={{ overflowX: 'auto' }}>
        <Table fz="sm" withTableBorder data-testid="factor-table">
          <Table.Thead>
            <Table.Tr>
              {(['name', 'material', 'category', 'value', 'dataType', 'owner', 'source', 'dates', 'origin'] as const).map((c) => (
                <Table.Th key={c} scope="col">
                  {t(`carbonLibrary.col.${c}`)}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.map((f) => (
              <FactorRow key={f.id} f={f} lang={lang} today={today} />
            ))}
          </Table.Tbody>
        </Table>
      </div>
    </Stack>
  );
}

function FactorRow({ f, lang, today }: { f: Factor; lang: 'ja' | 'en'; today: string }) {
  const { t } = useTranslation();
  const value = effectiveA1a3(f);
  return (
    <Table.Tr data-factor={f.id}>
      <Table.Td>
        <Text size="sm" fw={500}>{lang === 'ja' ? f.nameJa : f.nameEn}</Text>
        <Text size="xs" c="dimmed">{f.id}</Text>
      </Table.Td>
      <Table.Td>{f.materialKey}</Table.Td>
      <Table.Td>{f.productCategory}</Table.Td>
      <Table.Td ta="right">
        {value === null ? (
          <Badge color="gray" title={f.gapReason}>{t('carbonLibrary.gap')}</Badge>
        ) : (
          <>
            {number(value)} <Text span size="xs">kg-CO₂e/{f.declaredUnit}</Text>
            {f.uplift && <Text size="xs">×{f.uplift.factor} ({f.uplift.basis})</Text>}
            {f.biogenicStorage !== undefined && <Text size="xs">{t('carbonLibrary.storage', { value: number(f.biogenicStorage) })}</Text>}
          </>
        )}
      </Table.Td>
      <Table.Td>{DATA_TYPE_NAMES[f.dataType][lang]}</Table.Td>
      <Table.Td>{f.owner}</Table.Td>
      <Table.Td style={{ maxWidth: 420, overflowWrap: 'anywhere' }}>
        <Text size="xs">{f.source}</Text>
        {f.derivation && <FactorDerivation derivation={f.derivation} uplift={f.uplift} declaredUnit={f.declaredUnit} notes={f.notes} />}
        {f.gap && f.gapReason && <Text size="xs" c="dimmed">{f.gapReason}</Text>}
      </Table.Td>
      <Table.Td>
        <Text size="xs">{t('carbonLibrary.published', { date: f.publishedOn ?? '—' })}</Text>
        <Text size="xs">{t('carbonLibrary.validUntil', { date: f.validUntil ?? '—' })}</Text>
        {isExpired(f, today) && <Badge color="red" size="xs">{t('carbonLibrary.expired')}</Badge>}
        {isOlderThanFiveYears(f, today) && <Badge color="orange" size="xs">{t('carbonLibrary.old')}</Badge>}
      </Table.Td>
      <Table.Td>{t(`carbonLibrary.origin.${f.origin}`)}</Table.Td>
    </Table.Tr>
  );
}

/** The EPD's own id from the factor id the import gives it ("openepd.<id>"). */
const epdIdOf = (factorId: string) => factorId.replace(/^openepd\./, '');

function FactorImport({ onSaved, materials }: { onSaved: () => void; materials: string[] }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const [file, setFile] = useState<TFactorImportFile | null>(null);
  const [fileName, setFileName] = useState<File | null>(null);
  const [materialKeys, setMaterialKeys] = useState<Record<string, string>>({});
  const preview = useMutation(trpc.carbon.importFactors.mutationOptions());
  const commit = useMutation(trpc.carbon.importFactors.mutationOptions({ onSuccess: onSaved }));
  const template = useMutation(trpc.carbon.factorTemplate.mutationOptions({ onSuccess: saveFile }));

  const check = (next: TFactorImportFile, keys: Record<string, string>) => {
    commit.reset();
    preview.mutate({ file: next, commit: false, materialKeys: keys });
  };
  const onFile = async (chosen: File | null) => {
    setFileName(chosen);
    preview.reset();
    commit.reset();
    setFile(null);
    if (!chosen) return;
    const name = chosen.name.toLowerCase();
    const next: TFactorImportFile = name.endsWith('.xlsx')
      ? { format: 'xlsx', base64: await readFileBase64(chosen) }
      : name.endsWith('.json')
        ? { format: 'openepd', text: await chosen.text() }
        : { format: 'csv', text: await chosen.text() };
    setFile(next);
    setMaterialKeys({});
    check(next, {});
  };
  const chooseMaterial = (epdId: string, key: string) => {
    const keys = { ...materialKeys, [epdId]: key };
    setMaterialKeys(keys);
    if (file) check(file, keys);
  };
  const data: Preview | undefined = commit.data ?? preview.data;

  return (
    <Stack gap="sm" data-testid="factor-import">
      <Title order={2}>{t('carbonLibrary.import.heading')}</Title>
      <Text size="sm">{t('carbonLibrary.import.hint')}</Text>
      <Group align="flex-end">
        <FileInput
          label={t('carbonLibrary.import.file')}
          accept=".csv,.xlsx,.json,text/csv,application/json,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          value={fileName}
          onChange={(f) => void onFile(f)}
          clearable
          w={360}
          data-testid="factor-file"
        />
        <Button variant="default" onClick={() => template.mutate({ format: 'csv' })} loading={template.isPending && template.variables.format === 'csv'} data-testid="factor-template-csv">
          {t('carbonLibrary.import.templateCsv')}
        </Button>
        <Button variant="default" onClick={() => template.mutate({ format: 'xlsx' })} loading={template.isPending && template.variables.format === 'xlsx'}>
          {t('carbonLibrary.import.templateXlsx')}
        </Button>
      </Group>
      {[preview.error, commit.error, template.error].filter(Boolean).map((e, i) => (
        <Alert key={i} color="red" role="alert">
          {errorText(t, e)}
        </Alert>
      ))}
      {data && (
        <Stack gap="xs" data-testid="factor-preview">
          {data.fileIssues.map((i) => (
            <Alert key={i.code} color="red" role="alert">
              {i.message}
            </Alert>
          ))}
          {commit.data ? (
            <Alert color="green" role="status" data-testid="factor-import-saved">
              {t('carbonLibrary.import.saved', { count: commit.data.saved })}
            </Alert>
          ) : data.rows.length > 0 ? (
            <Alert color={data.ok ? 'blue' : 'red'} role={data.ok ? 'status' : 'alert'} data-testid="factor-preview-summary">
              {data.ok ? t('carbonLibrary.import.ready', { count: data.rows.length }) : t('carbonLibrary.import.errors', { count: data.errorRows, total: data.rows.length })}
            </Alert>
          ) : null}
          {data.rows.length > 0 && (
            <Table fz="sm" withTableBorder data-testid="factor-preview-rows">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t(data.format === 'openepd' ? 'carbonLibrary.import.entry' : 'carbonLibrary.import.line')}</Table.Th>
                  <Table.Th scope="col">{t('carbonLibrary.col.name')}</Table.Th>
                  <Table.Th scope="col">{t('carbonLibrary.col.material')}</Table.Th>
                  <Table.Th scope="col">{t('carbonLibrary.col.value')}</Table.Th>
                  <Table.Th scope="col">{t('carbonLibrary.import.result')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.rows.map((r) => (
                  <Table.Tr key={`${r.line}:${r.id}`} data-row={r.line} bg={r.issues.length > 0 ? 'var(--mantine-color-red-light)' : undefined}>
                    <Table.Td>{r.line}</Table.Td>
                    <Table.Td>
                      {r.label}
                      <Text size="xs" c="dimmed">{r.id}</Text>
                    </Table.Td>
                    <Table.Td>
                      {data.format === 'openepd' && !commit.data ? (
                        <NativeSelect
                          aria-label={t('carbonLibrary.import.materialFor', { name: r.label })}
                          size="xs"
                          value={materialKeys[epdIdOf(r.id)] ?? ''}
                          onChange={(e) => chooseMaterial(epdIdOf(r.id), e.currentTarget.value)}
                          data={[{ value: '', label: t('carbonLibrary.import.chooseMaterial') }, ...materials]}
                          disabled={r.id === ''}
                        />
                      ) : (
                        r.materialKey
                      )}
                    </Table.Td>
                    <Table.Td ta="right">{r.factor ? `${r.factor.a1a3 === null ? t('carbonLibrary.gap') : number(r.factor.a1a3)} /${r.factor.declaredUnit}` : '—'}</Table.Td>
                    <Table.Td>
                      {r.issues.length === 0 ? (
                        <Text size="sm" c="green">{r.replaces ? t('carbonLibrary.import.replaces') : t('carbonLibrary.import.ok')}</Text>
                      ) : (
                        r.issues.map((i, k) => (
                          <Text key={k} size="sm" c="red">
                            {i.message}
                          </Text>
                        ))
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          {!commit.data && file && (
            <Group>
              <Button disabled={!data.ok} loading={commit.isPending} onClick={() => commit.mutate({ file, commit: true, materialKeys })} data-testid="factor-import-commit">
                {t('carbonLibrary.import.commit', { count: data.rows.length })}
              </Button>
            </Group>
          )}
        </Stack>
      )}
    </Stack>
  );
}

