import { Alert, Group, List, Paper, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { errorMessage } from '@tsumiki/domain';
import { compareResults, formatCarbon, type TComparisonRow, type TProjectAssessment } from '@tsumiki/domain/carbon';
import { DataTable, type DataColumn, type DownloadableFile, type ExportFormat } from '@tsumiki/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DifferenceChart, ModulesChart } from './charts';
import { ResultDetail } from './result-detail';
import { percent, type FormatKg } from './result-format';

/** How the comparison is read: per m² (as the Sendai table) or for the whole building. */
type Basis = 'perM2' | 'total';

/**
 * The assessment of every scenario: what stops one (by line), and for the one shown its totals, per
 * m² and per m²·year, charts, warnings, data quality and exports; further scenarios against the first.
 */
export function ResultsPanel({
  assessment,
  onExportFile,
}: {
  assessment: TProjectAssessment;
  onExportFile: (scenarioId: string, format: ExportFormat) => Promise<DownloadableFile>;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'ja';
  const [shownId, setShownId] = useState(assessment.scenarios[0]?.id ?? '');
  const [basis, setBasis] = useState<Basis>('perM2');
  const shown = assessment.scenarios.find((s) => s.id === shownId) ?? assessment.scenarios[0];
  const ok = assessment.scenarios.flatMap((s) =>
    s.outcome.ok ? [{ id: s.id, name: s.name, result: s.outcome.result }] : [],
  );
  const kg: FormatKg = (v, per = '') =>
    formatCarbon(v, { per, locale: lang, digits: per === '' ? 0 : per === 'm2' ? 1 : 2 });

  return (
    <Stack data-testid="carbon-results">
      <Group justify="space-between">
        <Title order={2}>{t('carbon.results.heading')}</Title>
        {assessment.scenarios.length > 1 && (
          <SegmentedControl
            className="tsumiki-no-print"
            value={shown?.id ?? ''}
            onChange={setShownId}
            data={assessment.scenarios.map((s) => ({ value: s.id, label: s.name }))}
          />
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
      {shown?.outcome.ok && (
        <ResultDetail
          result={shown.outcome.result}
          scenarioName={shown.name}
          kg={kg}
          onExportFile={(f) => onExportFile(shown.id, f)}
        />
      )}
      {ok.length > 0 && (
        <Paper withBorder p="md">
          <Title order={3} size="h4">
            {t('carbon.results.modulesChart')} ({t('carbon.results.kg')}/m²)
          </Title>
          <ModulesChart
            bars={ok.map((s) => ({ name: s.name, modules: s.result.perM2.modules }))}
            locale={lang}
            label={t('carbon.results.modulesChart')}
          />
        </Paper>
      )}
      {assessment.comparisons.map(({ scenarioId, comparison }) => (
        <ScenarioComparison
          key={scenarioId}
          assessment={assessment}
          scenarioId={scenarioId}
          perM2={comparison}
          basis={basis}
          onBasis={setBasis}
          kg={kg}
        />
      ))}
    </Stack>
  );
}

/** One scenario against the first, module by module, with the differences charted. */
function ScenarioComparison({
  assessment,
  scenarioId,
  perM2,
  basis,
  onBasis: setBasis,
  kg,
}: {
  assessment: TProjectAssessment;
  scenarioId: string;
  perM2: TProjectAssessment['comparisons'][number]['comparison'];
  basis: Basis;
  onBasis: (basis: Basis) => void;
  kg: FormatKg;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'ja';
  const name = assessment.scenarios.find((s) => s.id === scenarioId)?.name ?? scenarioId;
  const base = assessment.scenarios[0]?.outcome;
  const other = assessment.scenarios.find((s) => s.id === scenarioId)?.outcome;
  // Per m² as the Sendai table; the whole building when the floor areas are the same design.
  const comparison =
    basis === 'total' && base?.ok && other?.ok ? compareResults(base.result, other.result, 'total') : perM2;
  const per = basis === 'total' ? '' : 'm2';
  // Rows keep the module order with the stage totals last: sorting would mix totals among their parts.
  const columns: DataColumn<TComparisonRow>[] = [
    { id: 'module', header: t('carbon.results.module'), rowHeader: true, cell: (r) => (lang === 'en' ? r.en : r.ja) },
    { id: 'baseline', header: assessment.scenarios[0]?.name ?? '', align: 'right', cell: (r) => kg(r.baseline, per) },
    { id: 'proposal', header: name, align: 'right', cell: (r) => kg(r.proposal, per) },
    { id: 'difference', header: t('carbon.results.difference'), align: 'right', cell: (r) => kg(r.difference, per) },
    { id: 'change', header: t('carbon.results.change'), align: 'right', cell: (r) => percent(r.change, lang) },
  ];
  return (
    <Paper withBorder p="md" data-testid="carbon-comparison">
      <Group justify="space-between">
        <Title order={3} size="h4">
          {t(
            basis === 'total' ? 'carbon.results.comparisonHeadingTotal' : 'carbon.results.comparisonHeading',
          )}
          : {name}
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
      <DataTable
        data={[...comparison.jcatRows, ...comparison.stages]}
        columns={columns}
        rowKey={(r) => r.key}
        label={`${t(basis === 'total' ? 'carbon.results.comparisonHeadingTotal' : 'carbon.results.comparisonHeading')}: ${name}`}
        empty={null}
      />
      <Text size="sm" fw={500} mt="sm">
        {t('carbon.results.comparisonChart')} ({t('carbon.results.kg')}
        {per === 'm2' ? '/m²' : ''})
      </Text>
      <DifferenceChart
        rows={comparison.jcatRows.map((r) => ({
          key: r.key,
          name: lang === 'en' ? r.en : r.ja,
          difference: r.difference,
          change: r.change,
        }))}
        locale={lang}
        label={t('carbon.results.comparisonChart')}
      />
    </Paper>
  );
}
