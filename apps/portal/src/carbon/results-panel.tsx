import { Alert, Badge, Button, Group, List, Paper, SegmentedControl, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { errorMessage } from '@tsumiki/domain';
import {
  CATEGORY_NAMES,
  compareResults,
  DATA_TYPE_NAMES,
  DATA_TYPES,
  formatCarbon,
  METHOD_NAMES,
  MODULE_NAMES,
  MODULES,
  toCsvText,
  toJson,
  toLcax,
  type TCarbonResult,
  type TProjectAssessment,
} from '@tsumiki/domain/carbon';
import { ExportMenu, readFileBase64, saveFile, type DownloadableFile, type ExportFormat } from '@tsumiki/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BarsChart, DifferenceChart, ModulesChart } from './charts';

const textFile = async (text: string, filename: string, mimeType: string): Promise<DownloadableFile> => ({
  filename,
  mimeType,
  base64: await readFileBase64(new Blob([text], { type: mimeType })),
});
const safeName = (s: string) => s.replace(/[\\/:*?"<>|\s]+/g, '_');
const percent = (v: number | null, locale: string) =>
  v === null ? '—' : new Intl.NumberFormat(locale === 'en' ? 'en-US' : 'ja-JP', { style: 'percent', maximumFractionDigits: 1, signDisplay: 'exceptZero' }).format(v);

/**
 * The assessment of every scenario: what stops one (by line), and for the one shown its totals, per
 * m² and per m²·year, charts, warnings, data quality and exports; further scenarios against the first.
 */
export function ResultsPanel({ assessment, onExportFile }: { assessment: TProjectAssessment; onExportFile: (scenarioId: string, format: ExportFormat) => Promise<DownloadableFile> }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'ja';
  const [shownId, setShownId] = useState(assessment.scenarios[0]?.id ?? '');
  const [basis, setBasis] = useState<'perM2' | 'total'>('perM2');
  const shown = assessment.scenarios.find((s) => s.id === shownId) ?? assessment.scenarios[0];
  const ok = assessment.scenarios.flatMap((s) => (s.outcome.ok ? [{ id: s.id, name: s.name, result: s.outcome.result }] : []));
  const kg = (v: number, per: '' | 'm2' | 'm2year' = '') => formatCarbon(v, { per, locale: lang, digits: per === '' ? 0 : per === 'm2' ? 1 : 2 });

  return (
    <Stack data-testid="carbon-results">
      <Group justify="space-between">
        <Title order={2}>{t('carbon.results.heading')}</Title>
        {assessment.scenarios.length > 1 && (
          <SegmentedControl className="tsumiki-no-print" value={shown?.id ?? ''} onChange={setShownId} data={assessment.scenarios.map((s) => ({ value: s.id, label: s.name }))} />
        )}
      </Group>
      {shown && !shown.outcome.ok && (
        <Alert color="red" title={t('carbon.results.issuesHeading')} role="alert" data-testid="carbon-issues">
          <List size="sm">
            {shown.outcome.issues.slice(0, 50).map((i, n) => (
              <List.Item key={n}>{errorMessage(i.code, lang, i.params)}</List.Item>
            ))}
          </List>
        </Alert>
      )}
      {shown?.outcome.ok && <ResultDetail result={shown.outcome.result} scenarioName={shown.name} kg={kg} onExportFile={(f) => onExportFile(shown.id, f)} />}
      {ok.length > 0 && (
        <Paper withBorder p="md">
          <Title order={3} size="h4">
            {t('carbon.results.modulesChart')} ({t('carbon.results.kg')}/m²)
          </Title>
          <ModulesChart bars={ok.map((s) => ({ name: s.name, modules: s.result.perM2.modules }))} locale={lang} label={t('carbon.results.modulesChart')} />
        </Paper>
      )}
      {assessment.comparisons.map(({ scenarioId, comparison: perM2 }) => {
        const name = assessment.scenarios.find((s) => s.id === scenarioId)?.name ?? scenarioId;
        const base = assessment.scenarios[0]?.outcome;
        const other = assessment.scenarios.find((s) => s.id === scenarioId)?.outcome;
        // Per m² as the Sendai table; the whole building when the floor areas are the same design.
        const comparison = basis === 'total' && base?.ok && other?.ok ? compareResults(base.result, other.result, 'total') : perM2;
        const per = basis === 'total' ? '' : 'm2';
        return (
          <Paper withBorder p="md" key={scenarioId} data-testid="carbon-comparison">
            <Group justify="space-between">
              <Title order={3} size="h4">
                {t(basis === 'total' ? 'carbon.results.comparisonHeadingTotal' : 'carbon.results.comparisonHeading')}: {name}
              </Title>
              <SegmentedControl
                className="tsumiki-no-print"
                size="xs"
                value={basis}
                onChange={(v) => setBasis(v === 'total' ? 'total' : 'perM2')}
                data={[
                  { value: 'perM2', label: t('carbon.results.basisPerM2') },
                  { value: 'total', label: t('carbon.results.basisTotal') },
                ]}
                aria-label={t('carbon.results.basis')}
              />
            </Group>
            <Table striped fz="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('carbon.results.module')}</Table.Th>
                  <Table.Th ta="right">{assessment.scenarios[0]?.name}</Table.Th>
                  <Table.Th ta="right">{name}</Table.Th>
                  <Table.Th ta="right">{t('carbon.results.difference')}</Table.Th>
                  <Table.Th ta="right">{t('carbon.results.change')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {[...comparison.jcatRows, ...comparison.stages].map((r) => (
                  <Table.Tr key={r.key}>
                    <Table.Td>{lang === 'en' ? r.en : r.ja}</Table.Td>
                    <Table.Td ta="right">{kg(r.baseline, per)}</Table.Td>
                    <Table.Td ta="right">{kg(r.proposal, per)}</Table.Td>
                    <Table.Td ta="right">{kg(r.difference, per)}</Table.Td>
                    <Table.Td ta="right">{percent(r.change, lang)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            <Text size="sm" fw={500} mt="sm">
              {t('carbon.results.comparisonChart')} ({t('carbon.results.kg')}{per === 'm2' ? '/m²' : ''})
            </Text>
            <DifferenceChart rows={comparison.jcatRows.map((r) => ({ key: r.key, name: lang === 'en' ? r.en : r.ja, difference: r.difference, change: r.change }))} locale={lang} label={t('carbon.results.comparisonChart')} />
          </Paper>
        );
      })}
    </Stack>
  );
}

function ResultDetail({
  result,
  scenarioName,
  kg,
  onExportFile,
}: {
  result: TCarbonResult;
  scenarioName: string;
  kg: (v: number, per?: '' | 'm2' | 'm2year') => string;
  onExportFile: (format: ExportFormat) => Promise<DownloadableFile>;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'ja';
  const base = `LCCO2_${safeName(result.project.name)}_${safeName(scenarioName)}`;
  const onExport = (format: ExportFormat) => (format === 'csv' ? textFile(toCsvText(result, lang), `${base}.csv`, 'text/csv; charset=utf-8') : onExportFile(format));
  const download = async (kind: 'json' | 'lcax') =>
    saveFile(
      kind === 'json'
        ? await textFile(toJson(result), `${base}.json`, 'application/json')
        : await textFile(JSON.stringify(toLcax(result), null, 2), `${base}.lcax.json`, 'application/json'),
    );
  const area = result.grossFloorAreaM2;
  const categories = [
    ...result.byCategory.map((c) => ({ key: c.category, name: `${c.category} ${CATEGORY_NAMES[c.category][lang]}`, value: c.wholeLife / area })),
    { key: 'building', name: lang === 'ja' ? '建物全体' : 'Building level', value: result.buildingLevel.wholeLife / area },
  ];
  const notCovered = result.coverage.notCovered.map((s) => `${s.code} ${s[lang]}`).join('、');
  return (
    <Stack>
      <Group justify="space-between" align="flex-start">
        <Stack gap={0}>
          <Text fw={600}>{t('carbon.results.scenario', { name: scenarioName })}</Text>
          <Text size="sm" c="dimmed">
            {t('carbon.results.period', { years: result.evaluationPeriod.years, rule: result.evaluationPeriod.rule })} · {METHOD_NAMES[result.method][lang]} · {result.assessmentDate}
          </Text>
        </Stack>
        <Group gap="xs" className="tsumiki-no-print">
          <ExportMenu onExport={onExport} testId="carbon-export" formats={['csv', 'xlsx', 'pdf']} />
          <Button variant="default" size="xs" onClick={() => void download('json')} data-testid="carbon-export-json">
            {t('carbon.results.exportJson')}
          </Button>
          <Button variant="default" size="xs" onClick={() => void download('lcax')} data-testid="carbon-export-lcax">
            {t('carbon.results.exportLcax')}
          </Button>
        </Group>
      </Group>
      {!result.complete && (
        <Alert color="orange" role="status">
          {t('carbon.results.incomplete')}
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        {(['wholeLife', 'upfront', 'biogenicStorage'] as const).map((key) => (
          <Paper withBorder p="sm" key={key} data-testid={key === 'wholeLife' ? 'carbon-whole-life' : undefined}>
            <Text size="sm">{t(`carbon.results.${key === 'biogenicStorage' ? 'storage' : key}`)}</Text>
            <Text fw={700} size="xl">
              {formatCarbon(result.stages[key], { unit: 't', locale: lang })}
            </Text>
            <Text size="sm">
              {kg(result.perM2.stages[key], 'm2')}
              {key === 'wholeLife' && ` · ${kg(result.perM2Year.stages.wholeLife, 'm2year')}`}
            </Text>
          </Paper>
        ))}
      </SimpleGrid>
      <Paper withBorder p="md">
        <Title order={3} size="h4">
          {t('carbon.results.categoriesChart')} ({t('carbon.results.kg')}/m²)
        </Title>
        <BarsChart rows={categories} locale={lang} label={t('carbon.results.categoriesChart')} />
      </Paper>
      <Paper withBorder p="md">
        <Title order={3} size="h4">
          {t('carbon.results.tableHeading')}
        </Title>
        <Table striped fz="sm" data-testid="carbon-module-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('carbon.results.module')}</Table.Th>
              <Table.Th ta="right">{t('carbon.results.kg')}</Table.Th>
              <Table.Th ta="right">{t('carbon.results.perM2')}</Table.Th>
              <Table.Th ta="right">{t('carbon.results.perM2Year')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {MODULES.map((m) => (
              <Table.Tr key={m}>
                <Table.Td>
                  {m} {MODULE_NAMES[m][lang]}
                  {result.coverage.modulesWithoutInput.includes(m) && (
                    <Badge ml="xs" size="xs" variant="light" color="gray">
                      {lang === 'ja' ? '入力なし' : 'no input'}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td ta="right">{kg(result.modules[m])}</Table.Td>
                <Table.Td ta="right">{kg(result.perM2.modules[m], 'm2')}</Table.Td>
                <Table.Td ta="right">{m === 'D' ? '—' : kg(result.perM2Year.modules[m], 'm2year')}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
      {result.warnings.length > 0 && (
        <Alert color="yellow" title={t('carbon.results.warnings')} data-testid="carbon-warnings">
          <List size="sm">
            {result.warnings.map((w, n) => (
              <List.Item key={n}>{errorMessage(w.code, lang, w.params)}</List.Item>
            ))}
          </List>
        </Alert>
      )}
      <Paper withBorder p="md">
        <Title order={3} size="h4">
          {t('carbon.results.dataQuality')}
        </Title>
        <Group gap="md">
          {DATA_TYPES.filter((d) => result.dataQuality.a1a3ByDataType[d].kgCo2e > 0).map((d) => (
            <Text size="sm" key={d}>
              {DATA_TYPE_NAMES[d][lang]}: {percent(result.dataQuality.a1a3ByDataType[d].share, lang).replace('+', '')}
            </Text>
          ))}
        </Group>
        {notCovered && (
          <Text size="sm" c="dimmed">
            {t('carbon.results.notCovered', { method: METHOD_NAMES[result.method][lang], items: notCovered })}
          </Text>
        )}
      </Paper>
    </Stack>
  );
}
