import {
  Alert,
  Badge,
  Button,
  Group,
  List,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { errorMessage, listedNames } from '@tsumiki/domain';
import {
  CATEGORY_NAMES,
  DATA_TYPE_NAMES,
  DATA_TYPES,
  formatCarbon,
  METHOD_NAMES,
  moduleFigure,
  moduleLabel,
  MODULES,
  toCsvText,
  toJson,
  toLcax,
  type TCarbonResult,
  type TModule,
} from '@tsumiki/domain/carbon';
import { DataTable, ExportMenu, readFileBase64, saveFile, type DataColumn, type DownloadableFile, type ExportFormat } from '@tsumiki/ui';
import { useTranslation } from 'react-i18next';
import { BarsChart } from './charts';
import { percent, type FormatKg } from './result-format';

const textFile = async (text: string, filename: string, mimeType: string): Promise<DownloadableFile> => ({
  filename,
  mimeType,
  base64: await readFileBase64(new Blob([text], { type: mimeType })),
});
const safeName = (s: string) => s.replace(/[\\/:*?"<>|\s]+/g, '_');

/**
 * One scenario's result: its headline figures, emissions by category and by module, warnings and
 * the quality of the data it rests on, with its exports.
 */
export function ResultDetail({
  result,
  scenarioName,
  kg,
  onExportFile,
}: {
  result: TCarbonResult;
  scenarioName: string;
  kg: FormatKg;
  onExportFile: (format: ExportFormat) => Promise<DownloadableFile>;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'ja';
  const area = result.grossFloorAreaM2;
  const categories = [
    ...result.byCategory.map((c) => ({
      key: c.category,
      name: `${c.category} ${CATEGORY_NAMES[c.category][lang]}`,
      value: c.wholeLife / area,
    })),
    {
      key: 'building',
      name: lang === 'ja' ? '建物全体' : 'Building level',
      value: result.buildingLevel.wholeLife / area,
    },
  ];
  return (
    <Stack>
      <ResultHeading result={result} scenarioName={scenarioName} onExportFile={onExportFile} />
      {!result.complete && (
        <Alert color="orange" role="status">
          {t('carbon.results.incomplete')}
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        {(['wholeLife', 'upfront', 'biogenicStorage'] as const).map((key) => (
          <Paper
            withBorder
            p="sm"
            key={key}
            data-testid={key === 'wholeLife' ? 'carbon-whole-life' : undefined}
          >
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
      <ModuleTable result={result} kg={kg} />
      {result.warnings.length > 0 && (
        <Alert color="yellow" title={t('carbon.results.warnings')} data-testid="carbon-warnings">
          <List size="sm">
            {result.warnings.map((w, n) => (
              <List.Item key={n}>{errorMessage(w.code, lang, w.params)}</List.Item>
            ))}
          </List>
        </Alert>
      )}
      <DataQuality result={result} />
    </Stack>
  );
}

/** The scenario, its period, method and date, and its exports (CSV here, the rest by the API, JSON and LCAx here). */
function ResultHeading({
  result,
  scenarioName,
  onExportFile,
}: {
  result: TCarbonResult;
  scenarioName: string;
  onExportFile: (format: ExportFormat) => Promise<DownloadableFile>;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'ja';
  const base = `LCCO2_${safeName(result.project.name)}_${safeName(scenarioName)}`;
  const onExport = (format: ExportFormat) =>
    format === 'csv'
      ? textFile(toCsvText(result, lang), `${base}.csv`, 'text/csv; charset=utf-8')
      : onExportFile(format);
  const download = async (kind: 'json' | 'lcax') =>
    saveFile(
      kind === 'json'
        ? await textFile(toJson(result), `${base}.json`, 'application/json')
        : await textFile(JSON.stringify(toLcax(result), null, 2), `${base}.lcax.json`, 'application/json'),
    );
  return (
    <Group justify="space-between" align="flex-start">
      <Stack gap={0}>
        <Text fw={600}>{t('carbon.results.scenario', { name: scenarioName })}</Text>
        <Text size="sm" c="dimmed">
          {t('carbon.results.period', {
            years: result.evaluationPeriod.years,
            rule: lang === 'en' ? result.evaluationPeriod.ruleEn : result.evaluationPeriod.rule,
          })}{' '}
          · {METHOD_NAMES[result.method][lang]} · {result.assessmentDate}
        </Text>
      </Stack>
      <Group gap="xs" className="tsumiki-no-print">
        <ExportMenu onExport={onExport} testId="carbon-export" formats={['csv', 'xlsx', 'pdf']} />
        <Button
          variant="default"
          size="xs"
          onClick={() => void download('json')}
          data-testid="carbon-export-json"
        >
          {t('carbon.results.exportJson')}
        </Button>
        <Button
          variant="default"
          size="xs"
          onClick={() => void download('lcax')}
          data-testid="carbon-export-lcax"
        >
          {t('carbon.results.exportLcax')}
        </Button>
      </Group>
    </Group>
  );
}

/** Emissions by module: total, per m² and per m²·year (module D has no yearly figure). */
function ModuleTable({ result, kg }: { result: TCarbonResult; kg: FormatKg }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'ja';
  const columns: DataColumn<TModule>[] = [
    {
      id: 'module',
      header: t('carbon.results.module'),
      rowHeader: true,
      cell: (m) => {
        // What the figure rests on, as the result says: nothing entered to compute it from, or inputs that came to zero.
        const figure = moduleFigure(result, m);
        return (
          <>
            {moduleLabel(m, lang)}
            {figure !== 'figure' && (
              <Badge ml="xs" size="xs" variant="light" color="gray" data-figure={figure}>
                {t(`carbon.results.figure.${figure}`)}
              </Badge>
            )}
          </>
        );
      },
    },
    { id: 'kg', header: t('carbon.results.kg'), align: 'right', sortValue: (m) => result.modules[m], cell: (m) => kg(result.modules[m]) },
    { id: 'perM2', header: t('carbon.results.perM2'), align: 'right', sortValue: (m) => result.perM2.modules[m], cell: (m) => kg(result.perM2.modules[m], 'm2') },
    {
      id: 'perM2Year',
      header: t('carbon.results.perM2Year'),
      align: 'right',
      sortValue: (m) => (m === 'D' ? null : result.perM2Year.modules[m]),
      cell: (m) => (m === 'D' ? '—' : kg(result.perM2Year.modules[m], 'm2year')),
    },
  ];
  return (
    <Paper withBorder p="md">
      <Title order={3} size="h4">
        {t('carbon.results.tableHeading')}
      </Title>
      <DataTable
        data={MODULES}
        columns={columns}
        rowKey={(m) => m}
        label={t('carbon.results.tableHeading')}
        empty={null}
        data-testid="carbon-module-table"
      />
    </Paper>
  );
}

/** The share of A1–A3 by data type, and what the method does not cover. */
function DataQuality({ result }: { result: TCarbonResult }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'ja';
  const notCovered = listedNames(result.coverage.notCovered.map((s) => `${s.code} ${s[lang]}`), lang);
  return (
    <Paper withBorder p="md">
      <Title order={3} size="h4">
        {t('carbon.results.dataQuality')}
      </Title>
      <Group gap="md">
        {DATA_TYPES.filter((d) => result.dataQuality.a1a3ByDataType[d].kgCo2e > 0).map((d) => (
          <Text size="sm" key={d}>
            {DATA_TYPE_NAMES[d][lang]}:{' '}
            {percent(result.dataQuality.a1a3ByDataType[d].share, lang).replace('+', '')}
          </Text>
        ))}
      </Group>
      {notCovered && (
        <Text size="sm" c="dimmed">
          {t('carbon.results.notCovered', { method: METHOD_NAMES[result.method][lang], items: notCovered })}
        </Text>
      )}
    </Paper>
  );
}
