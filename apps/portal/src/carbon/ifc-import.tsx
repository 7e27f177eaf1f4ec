import { Alert, Button, FileInput, Group, List, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { errorMessage, listedNames } from '@tsumiki/domain';
import {
  ifcClassName,
  ifcLineNeedsThickness,
  IFC_SKIP_REASONS,
  parseIfcThickness,
  subItem,
  withIfcThickness,
  type TBoqDraftLine,
  type TIfcSkipReason,
} from '@tsumiki/domain/carbon';
import { DataTable, errorText, readFileBase64, useTRPC, type AppRouter, type DataColumn } from '@tsumiki/ui';
import type { inferRouterOutputs } from '@trpc/server';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { draftLines } from './boq-grid';

type Preview = inferRouterOutputs<AppRouter>['carbon']['previewIfc'];
type Lang = 'ja' | 'en';
/** A line the model gives, with where its quantity and material came from. */
interface IfcRow {
  readonly line: Preview['lines'][number];
  readonly source: Preview['sources'][number];
}

/** How many skipped elements the summary names one by one (the counts cover all of them). */
const SKIPPED_SHOWN = 30;

const useClassList = (lang: Lang) => {
  const { t } = useTranslation();
  return (counts: Record<string, number>) =>
    listedNames(
      Object.entries(counts).map(([cls, n]) => t('carbon.ifc.classCount', { name: ifcClassName(cls, lang), count: n })),
      lang,
    );
};

/**
 * A building model (IFC) read on the server into BoQ lines by material and work category. Before
 * any line is taken the user sees what was read, what was skipped and why, and which materials the
 * library does not know (with its closest materials); the lines then go into the grid, and the
 * unknown names into the mapping step. Nothing is saved here.
 */
export function IfcImport({ organisationId, lines, onAdd }: { organisationId: string; lines: readonly TBoqDraftLine[]; onAdd: (added: TBoqDraftLine[]) => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const preview = useMutation(trpc.carbon.previewIfc.mutationOptions());
  // The server's reader starts as the page opens, so the first file does not wait for it to load.
  const { mutate: prepare } = useMutation(trpc.carbon.prepareIfc.mutationOptions());
  useEffect(() => prepare(), [prepare]);

  const onFile = async (file: File | null) => {
    preview.reset();
    if (!file) return;
    preview.mutate({ organisationId, file: { format: 'ifc', base64: await readFileBase64(file) } });
  };

  return (
    <Stack className="tsumiki-no-print" gap="xs" data-testid="ifc-import">
      <Title order={3}>{t('carbon.ifc.heading')}</Title>
      <Text size="sm" c="dimmed">
        {t('carbon.ifc.intro')}
      </Text>
      <FileInput label={t('carbon.ifc.fileLabel')} accept=".ifc" clearable onChange={(f) => void onFile(f)} data-testid="ifc-file" w={360} />
      {preview.isPending && <Text size="sm">{t('carbon.ifc.reading')}</Text>}
      {preview.isError && (
        <Alert color="red" role="alert">
          {errorText(t, preview.error)}
        </Alert>
      )}
      {preview.data && (
        <IfcPreview
          data={preview.data}
          onApply={(values) => {
            onAdd(draftLines(values.map((v, i) => ({ line: i + 1, values: v, issues: [], materialName: preview.data.sources[i]!.materialName })), lines));
            preview.reset();
          }}
        />
      )}
    </Stack>
  );
}

/** What was read and skipped, the lines with a thickness asked where an area must become m³, and the button that takes them. */
function IfcPreview({ data, onApply }: { data: Preview; onApply: (values: Preview['lines']) => void }) {
  const { t } = useTranslation();
  // Thickness as typed (mm), by line id; only lines of per-m³ materials given by area have one.
  const [thickness, setThickness] = useState<Record<string, string>>({});
  const parsed = (id: string) => {
    const text = thickness[id]?.trim() ?? '';
    return text === '' ? undefined : parseIfcThickness(text);
  };
  const invalid = data.lines.some((l) => parsed(l.id)?.ok === false);
  const values = () =>
    data.lines.map((line) => {
      const p = parsed(line.id);
      return p?.ok ? withIfcThickness(line, p.mm) : line;
    });
  return (
    <Stack gap="xs" data-testid="ifc-summary">
      <IfcSummary data={data} />
      <IfcLines data={data} thickness={thickness} onThickness={(id, text) => setThickness((was) => ({ ...was, [id]: text }))} problem={(id) => parsed(id)} />
      <Group>
        <Button size="xs" disabled={data.lines.length === 0 || invalid} onClick={() => onApply(values())} data-testid="ifc-apply">
          {t('carbon.ifc.apply', { count: data.lines.length })}
        </Button>
      </Group>
    </Stack>
  );
}

function IfcSummary({ data }: { data: Preview }) {
  const { t, i18n } = useTranslation();
  const lang: Lang = i18n.language === 'en' ? 'en' : 'ja';
  const classes = useClassList(lang);
  const reason = (r: TIfcSkipReason) => t(`carbon.ifc.reason.${r}`);
  const { summary } = data;
  return (
    <>
      <Text size="sm">{t('carbon.ifc.read', { read: summary.elementsRead, used: summary.elementsUsed, lines: data.lines.length })}</Text>
      {IFC_SKIP_REASONS.some((r) => summary.skippedByReason[r] > 0) && (
        <Alert color="yellow" title={t('carbon.ifc.skippedTitle', { count: summary.skipped.length })} data-testid="ifc-skipped">
          <List size="sm">
            {IFC_SKIP_REASONS.filter((r) => summary.skippedByReason[r] > 0).map((r) => (
              <List.Item key={r}>{t('carbon.ifc.skippedBy', { reason: reason(r), count: summary.skippedByReason[r] })}</List.Item>
            ))}
          </List>
          <Text size="xs" mt="xs">
            {listedNames(
              summary.skipped.slice(0, SKIPPED_SHOWN).map((s) => {
                const name = s.name ?? t('carbon.ifc.unnamed');
                const [kind, why] = [ifcClassName(s.ifcType, lang), reason(s.reason)];
                return lang === 'ja' ? `${name}（${kind}・${why}）` : `${name} (${kind}, ${why})`;
              }),
              lang,
            )}
            {summary.skipped.length > SKIPPED_SHOWN ? t('carbon.ifc.andMore', { count: summary.skipped.length - SKIPPED_SHOWN }) : ''}
          </Text>
        </Alert>
      )}
      {Object.keys(summary.otherElements).length > 0 && (
        <Text size="xs" c="dimmed">
          {t('carbon.ifc.notTaken', { list: classes(summary.otherElements) })}
        </Text>
      )}
      {data.mapping.length > 0 && (
        <Alert color="blue" title={t('carbon.ifc.unmappedTitle', { count: data.mapping.length })} data-testid="ifc-unmapped">
          <List size="sm">
            {data.mapping.map((m) => (
              <List.Item key={m.name}>
                {m.name}
                {m.materialKey === null && m.suggestions.length > 0
                  ? ` — ${t('carbon.ifc.closest', { list: listedNames(m.suggestions.slice(0, 3).map((s) => (lang === 'ja' ? s.nameJa : s.nameEn)), lang) })}`
                  : ''}
              </List.Item>
            ))}
          </List>
        </Alert>
      )}
    </>
  );
}

function IfcLines({
  data,
  thickness,
  onThickness,
  problem,
}: {
  data: Preview;
  thickness: Record<string, string>;
  onThickness: (id: string, text: string) => void;
  problem: (id: string) => ReturnType<typeof parseIfcThickness> | undefined;
}) {
  const { t, i18n } = useTranslation();
  const lang: Lang = i18n.language === 'en' ? 'en' : 'ja';
  const classes = useClassList(lang);
  const anyArea = data.lines.some((l, i) => ifcLineNeedsThickness(l, data.sources[i]!.materialName));
  const columns: DataColumn<IfcRow>[] = [
    {
      id: 'subItem',
      header: t('carbon.boq.subItem'),
      cell: ({ line }) => {
        const item = subItem(String(line.subItem));
        return item ? `${item.code} ${item[lang]}` : String(line.subItem);
      },
    },
    { id: 'material', header: t('carbon.ifc.modelMaterial'), rowHeader: true, sortValue: (r) => r.source.materialName, cell: (r) => r.source.materialName },
    {
      id: 'quantity',
      header: t('carbon.boq.quantity'),
      align: 'right',
      sortValue: (r) => r.line.quantity,
      cell: ({ line }) => line.quantity.toLocaleString(lang === 'ja' ? 'ja-JP' : 'en-GB', { maximumFractionDigits: 3 }),
    },
    { id: 'unit', header: t('carbon.boq.unit'), cell: ({ line }) => (line.unit === 'm3' ? 'm³' : line.unit === 'm2' ? 'm²' : String(line.unit)) },
    ...(anyArea
      ? [
          {
            id: 'thickness',
            header: t('carbon.ifc.thickness'),
            cell: ({ line, source }: IfcRow) => {
              const p = problem(line.id);
              return (
                ifcLineNeedsThickness(line, source.materialName) && (
                  <TextInput
                    size="xs"
                    w={120}
                    aria-label={t('carbon.ifc.thicknessFor', { name: source.materialName })}
                    description={t('carbon.ifc.thicknessHint')}
                    value={thickness[line.id] ?? ''}
                    onChange={(e) => onThickness(line.id, e.currentTarget.value)}
                    error={p?.ok === false ? errorMessage(p.code, lang) : undefined}
                    rightSection={<Text size="xs">mm</Text>}
                    data-testid={`ifc-thickness-${line.id}`}
                  />
                )
              );
            },
          },
        ]
      : []),
    { id: 'elements', header: t('carbon.ifc.elements'), cell: ({ source }) => classes(source.classes) },
    {
      id: 'quantitySource',
      header: t('carbon.ifc.quantitySource'),
      cell: ({ source }) =>
        listedNames(
          (['standard', 'exporter', 'dimensions'] as const)
            .filter((s) => source.sources[s] > 0)
            .map((s) => t(`carbon.ifc.source.${s}`, { count: source.sources[s] })),
          lang,
        ),
    },
  ];
  const rows: IfcRow[] = data.lines.flatMap((line, i) => {
    const source = data.sources[i];
    return source ? [{ line, source }] : [];
  });
  return (
    <DataTable
      data={rows}
      columns={columns}
      rowKey={(r) => r.line.id}
      rowProps={(r) => ({ 'data-material': r.source.materialName })}
      label={t('carbon.ifc.heading')}
      empty={<Text size="sm">{t('carbon.ifc.noLines')}</Text>}
      striped={false}
      data-testid="ifc-lines"
    />
  );
}
