import { Alert, Button, FileInput, Group, NativeSelect, Stack, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import type { TFactorImportFile } from '@tsumiki/domain/carbon';
import { DataTable, errorText, readFileBase64, saveFile, useTRPC, type AppRouter, type DataColumn } from '@tsumiki/ui';
import type { inferRouterOutputs } from '@trpc/server';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

type Preview = inferRouterOutputs<AppRouter>['carbon']['importFactors'];
type PreviewRow = Preview['rows'][number];

const number = (v: number) => v.toLocaleString('ja-JP', { maximumFractionDigits: 3 });

/** The EPD's own id from the factor id the import gives it ("openepd.<id>"). */
const epdIdOf = (factorId: string) => factorId.replace(/^openepd\./, '');

const fileOf = async (chosen: File): Promise<TFactorImportFile> => {
  const name = chosen.name.toLowerCase();
  if (name.endsWith('.xlsx')) return { format: 'xlsx', base64: await readFileBase64(chosen) };
  if (name.endsWith('.json')) return { format: 'openepd', text: await chosen.text() };
  return { format: 'csv', text: await chosen.text() };
};

/**
 * Factor lists (CSV/Excel, or openEPD JSON) checked row by row before anything is saved, and saved
 * all or none; an openEPD entry without a material key gets one chosen here.
 */
export function FactorImport({ onSaved, materials }: { onSaved: () => void; materials: { value: string; label: string }[] }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const [file, setFile] = useState<TFactorImportFile | null>(null);
  const [chosen, setChosen] = useState<File | null>(null);
  const [materialKeys, setMaterialKeys] = useState<Record<string, string>>({});
  const preview = useMutation(trpc.carbon.importFactors.mutationOptions());
  const commit = useMutation(trpc.carbon.importFactors.mutationOptions({ onSuccess: onSaved }));
  const template = useMutation(trpc.carbon.factorTemplate.mutationOptions({ onSuccess: saveFile }));

  const check = (next: TFactorImportFile, keys: Record<string, string>) => {
    commit.reset();
    preview.mutate({ file: next, commit: false, materialKeys: keys });
  };
  const onFile = async (picked: File | null) => {
    setChosen(picked);
    preview.reset();
    commit.reset();
    setFile(null);
    if (!picked) return;
    const next = await fileOf(picked);
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
  const templateButton = (format: 'csv' | 'xlsx') => (
    <Button
      variant="default"
      onClick={() => template.mutate({ format })}
      loading={template.isPending && template.variables.format === format}
      data-testid={`factor-template-${format}`}
    >
      {t(format === 'csv' ? 'carbonLibrary.import.templateCsv' : 'carbonLibrary.import.templateXlsx')}
    </Button>
  );

  return (
    <Stack gap="sm" data-testid="factor-import">
      <Title order={2}>{t('carbonLibrary.import.heading')}</Title>
      <Text size="sm">{t('carbonLibrary.import.hint')}</Text>
      <Group align="flex-end">
        <FileInput
          label={t('carbonLibrary.import.file')}
          accept=".csv,.xlsx,.json,text/csv,application/json,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          value={chosen}
          onChange={(f) => void onFile(f)}
          clearable
          w={360}
          data-testid="factor-file"
        />
        {templateButton('csv')}
        {templateButton('xlsx')}
      </Group>
      {[preview.error, commit.error, template.error].filter(Boolean).map((e, i) => (
        <Alert key={i} color="red" role="alert">
          {errorText(t, e)}
        </Alert>
      ))}
      {data && (
        <Stack gap="xs" data-testid="factor-preview">
          <PreviewSummary data={data} saved={commit.data?.saved} />
          {data.rows.length > 0 && (
            <PreviewRows data={data} saved={commit.data !== undefined} materials={materials} materialKeys={materialKeys} onMaterial={chooseMaterial} />
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

/** The file's own problems (a missing column, no rows), then how many rows can go in. */
function PreviewSummary({ data, saved }: { data: Preview; saved: number | undefined }) {
  const { t } = useTranslation();
  return (
    <>
      {data.fileIssues.map((i) => (
        <Alert key={i.message} color="red" role="alert" data-testid="factor-file-issue">
          {i.message}
        </Alert>
      ))}
      {saved !== undefined ? (
        <Alert color="green" role="status" data-testid="factor-import-saved">
          {t('carbonLibrary.import.saved', { count: saved })}
        </Alert>
      ) : data.rows.length > 0 ? (
        <Alert color={data.ok ? 'blue' : 'red'} role={data.ok ? 'status' : 'alert'} data-testid="factor-preview-summary">
          {data.ok ? t('carbonLibrary.import.ready', { count: data.rows.length }) : t('carbonLibrary.import.errors', { count: data.errorRows, total: data.rows.length })}
          {/* The first problems in the summary itself: row, column and what the cell should hold. */}
          {!data.ok &&
            data.rows
              .flatMap((r) => r.issues)
              .slice(0, 3)
              .map((i) => (
                <Text key={i.message} size="sm" mt={4}>
                  {i.message}
                </Text>
              ))}
        </Alert>
      ) : null}
    </>
  );
}

function PreviewRows({
  data,
  saved,
  materials,
  materialKeys,
  onMaterial,
}: {
  data: Preview;
  saved: boolean;
  materials: { value: string; label: string }[];
  materialKeys: Record<string, string>;
  onMaterial: (epdId: string, key: string) => void;
}) {
  const { t } = useTranslation();
  const material = (r: PreviewRow) =>
    data.format === 'openepd' && !saved ? (
      <NativeSelect
        aria-label={t('carbonLibrary.import.materialFor', { name: r.label })}
        size="xs"
        value={materialKeys[epdIdOf(r.id)] ?? ''}
        onChange={(e) => onMaterial(epdIdOf(r.id), e.currentTarget.value)}
        data={[{ value: '', label: t('carbonLibrary.import.chooseMaterial') }, ...materials]}
        disabled={r.id === ''}
      />
    ) : (
      r.materialKey
    );
  const columns: DataColumn<PreviewRow>[] = [
    { id: 'line', header: t(data.format === 'openepd' ? 'carbonLibrary.import.entry' : 'carbonLibrary.import.line'), sortValue: (r) => r.line, cell: (r) => r.line },
    {
      id: 'name',
      header: t('carbonLibrary.col.name'),
      rowHeader: true,
      cell: (r) => (
        <div>
          {r.label}
          <Text size="xs" c="dimmed">
            {r.id}
          </Text>
        </div>
      ),
    },
    { id: 'material', header: t('carbonLibrary.col.material'), cell: material },
    { id: 'value', header: t('carbonLibrary.col.value'), align: 'right', cell: (r) => (r.factor ? `${r.factor.a1a3 === null ? t('carbonLibrary.gap') : number(r.factor.a1a3)} /${r.factor.declaredUnit}` : '—') },
    {
      id: 'result',
      header: t('carbonLibrary.import.result'),
      // Rows with problems first, when asked.
      sortValue: (r) => -r.issues.length,
      cell: (r) =>
        r.issues.length === 0 ? (
          <Text size="sm" c="green">
            {r.replaces ? t('carbonLibrary.import.replaces') : t('carbonLibrary.import.ok')}
          </Text>
        ) : (
          r.issues.map((i, k) => (
            <Text key={k} size="sm" c="red">
              {i.message}
            </Text>
          ))
        ),
    },
  ];
  return (
    <DataTable
      data={data.rows}
      columns={columns}
      rowKey={(r) => `${r.line}:${r.id}`}
      rowProps={(r) => ({ 'data-row': r.line, bg: r.issues.length > 0 ? 'var(--mantine-color-red-light)' : undefined })}
      label={t('carbonLibrary.import.heading')}
      empty={<Text c="dimmed">{t('carbonLibrary.import.noRows')}</Text>}
      striped={false}
      data-testid="factor-preview-rows"
    />
  );
}
