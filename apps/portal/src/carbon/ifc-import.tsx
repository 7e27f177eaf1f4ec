import { Alert, Button, FileInput, Group, List, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { ifcClassName, IFC_SKIP_REASONS, subItem, type TBoqDraftLine, type TIfcSkipReason } from '@tsumiki/domain/carbon';
import { errorText, readFileBase64, useTRPC } from '@tsumiki/ui';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { draftLines } from './boq-grid';

/** How many skipped elements the summary names one by one (the counts cover all of them). */
const SKIPPED_SHOWN = 30;

/**
 * A building model (IFC) read on the server into BoQ lines by material and work category. Before
 * any line is taken the user sees what was read, what was skipped and why, and which materials the
 * library does not know (with its closest materials); the lines then go into the grid, and the
 * unknown names into the mapping step. Nothing is saved here.
 */
export function IfcImport({ organisationId, lines, onAdd }: { organisationId: string; lines: readonly TBoqDraftLine[]; onAdd: (added: TBoqDraftLine[]) => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'ja';
  const trpc = useTRPC();
  const preview = useMutation(trpc.carbon.previewIfc.mutationOptions());
  // The server's reader starts as the page opens, so the first file does not wait for it to load.
  const { mutate: prepare } = useMutation(trpc.carbon.prepareIfc.mutationOptions());
  useEffect(() => prepare(), [prepare]);
  const data = preview.data;

  const onFile = async (file: File | null) => {
    preview.reset();
    if (!file) return;
    preview.mutate({ organisationId, file: { format: 'ifc', base64: await readFileBase64(file) } });
  };
  const classes = (counts: Record<string, number>) =>
    Object.entries(counts)
      .map(([cls, n]) => t('carbon.ifc.classCount', { name: ifcClassName(cls, lang), count: n }))
      .join('、');
  const reason = (r: TIfcSkipReason) => t(`carbon.ifc.reason.${r}`);

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
      {data && (
        <Stack gap="xs" data-testid="ifc-summary">
          <Text size="sm">
            {t('carbon.ifc.read', { read: data.summary.elementsRead, used: data.summary.elementsUsed, lines: data.lines.length })}
          </Text>
          {IFC_SKIP_REASONS.some((r) => data.summary.skippedByReason[r] > 0) && (
            <Alert color="yellow" title={t('carbon.ifc.skippedTitle', { count: data.summary.skipped.length })} data-testid="ifc-skipped">
              <List size="sm">
                {IFC_SKIP_REASONS.filter((r) => data.summary.skippedByReason[r] > 0).map((r) => (
                  <List.Item key={r}>{t('carbon.ifc.skippedBy', { reason: reason(r), count: data.summary.skippedByReason[r] })}</List.Item>
                ))}
              </List>
              <Text size="xs" mt="xs">
                {data.summary.skipped
                  .slice(0, SKIPPED_SHOWN)
                  .map((s) => `${s.name ?? t('carbon.ifc.unnamed')}（${ifcClassName(s.ifcType, lang)}・${reason(s.reason)}）`)
                  .join('、')}
                {data.summary.skipped.length > SKIPPED_SHOWN ? t('carbon.ifc.andMore', { count: data.summary.skipped.length - SKIPPED_SHOWN }) : ''}
              </Text>
            </Alert>
          )}
          {Object.keys(data.summary.otherElements).length > 0 && (
            <Text size="xs" c="dimmed">
              {t('carbon.ifc.notTaken', { list: classes(data.summary.otherElements) })}
            </Text>
          )}
          {data.mapping.length > 0 && (
            <Alert color="blue" title={t('carbon.ifc.unmappedTitle', { count: data.mapping.length })} data-testid="ifc-unmapped">
              <List size="sm">
                {data.mapping.map((m) => (
                  <List.Item key={m.name}>
                    {m.name}
                    {m.materialKey === null && m.suggestions.length > 0
                      ? ` — ${t('carbon.ifc.closest', { list: m.suggestions.slice(0, 3).map((s) => (lang === 'ja' ? s.nameJa : s.nameEn)).join('、') })}`
                      : ''}
                  </List.Item>
                ))}
              </List>
            </Alert>
          )}
          <Table fz="sm" withTableBorder data-testid="ifc-lines">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('carbon.boq.subItem')}</Table.Th>
                <Table.Th>{t('carbon.ifc.modelMaterial')}</Table.Th>
                <Table.Th>{t('carbon.boq.quantity')}</Table.Th>
                <Table.Th>{t('carbon.boq.unit')}</Table.Th>
                <Table.Th>{t('carbon.ifc.elements')}</Table.Th>
                <Table.Th>{t('carbon.ifc.quantitySource')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.lines.map((line, i) => {
                const source = data.sources[i]!;
                const item = subItem(String(line.subItem));
                const from = (['standard', 'exporter', 'dimensions'] as const).filter((s) => source.sources[s] > 0).map((s) => t(`carbon.ifc.source.${s}`, { count: source.sources[s] }));
                return (
                  <Table.Tr key={line.id} data-material={source.materialName}>
                    <Table.Td>{item ? `${item.code} ${item[lang]}` : String(line.subItem)}</Table.Td>
                    <Table.Td>{source.materialName}</Table.Td>
                    <Table.Td>{line.quantity.toLocaleString(lang === 'ja' ? 'ja-JP' : 'en-GB', { maximumFractionDigits: 3 })}</Table.Td>
                    <Table.Td>{line.unit === 'm3' ? 'm³' : line.unit === 'm2' ? 'm²' : String(line.unit)}</Table.Td>
                    <Table.Td>{classes(source.classes)}</Table.Td>
                    <Table.Td>{from.join('、')}</Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
          <Group>
            <Button
              size="xs"
              disabled={data.lines.length === 0}
              onClick={() => {
                onAdd(draftLines(data.lines.map((values, i) => ({ line: i + 1, values, issues: [], materialName: data.sources[i]!.materialName })), lines));
                preview.reset();
              }}
              data-testid="ifc-apply"
            >
              {t('carbon.ifc.apply', { count: data.lines.length })}
            </Button>
          </Group>
        </Stack>
      )}
    </Stack>
  );
}
