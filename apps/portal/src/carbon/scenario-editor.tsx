import { Button, Group, NumberInput, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import {
  CATEGORY_CODES,
  CATEGORY_NAMES,
  SCENARIO_DEFAULTS,
  type TCategoryCode,
  type TScenario,
  type TSourced,
} from '@tsumiki/domain/carbon';
import { DataTable, type DataColumn } from '@tsumiki/ui';
import { useTranslation } from 'react-i18next';

/** A fraction shown as a percentage in an input ('' when not entered). */
export const percentOf = (v: number | null | undefined) =>
  v === undefined || v === null ? '' : Math.round(v * 1_000_000) / 10_000;
/** An input's value as a number, or undefined when cleared. */
export const numberOr = (v: string | number): number | undefined =>
  v === '' || Number.isNaN(Number(v)) ? undefined : Number(v);
const fromPercent = (v: string | number) => {
  const n = numberOr(v);
  return n === undefined ? undefined : n / 100;
};

/** Where a default comes from: its source, or an explicit "no source (assumption)" with the reasoning. */
export function DefaultSource({ item }: { item: TSourced<unknown> }) {
  const { t, i18n } = useTranslation();
  const basis = (i18n.language === 'en' ? undefined : item.basisJa) ?? item.basis;
  return item.sourceStatus === 'cited' ? (
    <Text size="xs" c="dimmed" data-source="cited">
      {t('carbon.scenarioEditor.cited', { source: item.source })}
    </Text>
  ) : (
    <Text size="xs" c="orange.8" data-source="assumption" title={basis}>
      {t('carbon.scenarioEditor.assumption')} {basis}
    </Text>
  );
}

type CategoryTable = 'repairRatePerYear' | 'replacementCycleYears' | 'reuseRate' | 'recyclingRate';
const TABLES: CategoryTable[] = ['repairRatePerYear', 'replacementCycleYears', 'reuseRate', 'recyclingRate'];
const EOL = ['c1', 'c2', 'c3', 'c4'] as const;

/** Without the key: a cleared input returns to the default. */
function withValue<T extends object, K extends keyof T>(
  o: T | undefined,
  key: K,
  value: T[K] | undefined,
): T {
  const { [key]: _, ...rest } = (o ?? {}) as T;
  return (value === undefined ? rest : { ...rest, [key]: value }) as T;
}

/** How a section changes one parameter of the scenario (undefined: back to the default). */
type SetParameter = <K extends keyof TScenario>(key: K, value: TScenario[K] | undefined) => void;
/** What each section of the editor is given: the scenario, how to change it, and its inputs' labels. */
type SectionProps = { scenario: TScenario; set: SetParameter; label: (key: string) => string };

/**
 * Every scenario parameter with its default beside it: the input's placeholder is the default and
 * the line under it says where the default comes from, or that it has no source and is ours.
 */
export function ScenarioEditor({
  scenario,
  onChange,
  index,
}: {
  scenario: TScenario;
  onChange: (s: TScenario) => void;
  index: number;
}) {
  const { t } = useTranslation();
  const set: SetParameter = (key, value) => onChange(withValue(scenario, key, value));
  const label = (key: string) => t('carbon.scenarioEditor.inScenario', { label: t(key), n: index + 1 });
  const section = { scenario, set, label };
  return (
    <Stack gap="sm" data-testid={`scenario-editor-${index}`}>
      <RateFields {...section} />
      <CategoryTables {...section} />
      <EndOfLife {...section} />
      <Refurbishments {...section} />
    </Stack>
  );
}

/** Transport and construction rates, site figures and yearly maintenance. */
function RateFields({ scenario, set, label }: SectionProps) {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
      <div>
        <NumberInput
          label={label('carbon.scenarios.a4Rate')}
          min={0}
          max={100}
          decimalScale={4}
          value={percentOf(scenario.a4Rate)}
          placeholder={String(percentOf(SCENARIO_DEFAULTS.a4Rate.value))}
          onChange={(v) => set('a4Rate', fromPercent(v))}
        />
        <DefaultSource item={SCENARIO_DEFAULTS.a4Rate} />
      </div>
      <div>
        <NumberInput
          label={label('carbon.scenarios.a5Rate')}
          min={0}
          max={100}
          decimalScale={4}
          value={percentOf(scenario.a5Rate)}
          placeholder={String(percentOf(SCENARIO_DEFAULTS.a5Rate.value))}
          onChange={(v) => set('a5Rate', fromPercent(v))}
        />
        <DefaultSource item={SCENARIO_DEFAULTS.a5Rate} />
      </div>
      <NumberInput
        label={label('carbon.scenarioEditor.siteA4')}
        min={0}
        value={scenario.siteA4KgCo2e ?? ''}
        onChange={(v) => set('siteA4KgCo2e', numberOr(v))}
        description={t('carbon.scenarioEditor.siteHint')}
      />
      <NumberInput
        label={label('carbon.scenarioEditor.siteA5')}
        min={0}
        value={scenario.siteA5KgCo2e ?? ''}
        onChange={(v) => set('siteA5KgCo2e', numberOr(v))}
        description={t('carbon.scenarioEditor.siteHint')}
      />
      <div>
        <NumberInput
          label={label('carbon.scenarioEditor.maintenance')}
          min={0}
          value={scenario.maintenanceKgCo2ePerYear ?? ''}
          placeholder="0"
          onChange={(v) => set('maintenanceKgCo2ePerYear', numberOr(v))}
        />
        <DefaultSource item={SCENARIO_DEFAULTS.maintenancePerYear} />
      </div>
    </SimpleGrid>
  );
}

/** Repair rate, replacement cycle, reuse and recycling by category, each default's source below. */
function CategoryTables({ scenario, set, label }: SectionProps) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'ja';
  const cycleDefault = (c: TCategoryCode) => SCENARIO_DEFAULTS.replacementCycleYears.value[c];
  const tableCell = (table: CategoryTable, c: TCategoryCode) => {
    if (table === 'replacementCycleYears') {
      const current = scenario.replacementCycleYears?.[c];
      const d = cycleDefault(c);
      return (
        <NumberInput
          size="xs"
          min={1}
          aria-label={label(`carbon.scenarioEditor.${table}`) + ` ${c}`}
          value={current ?? ''}
          placeholder={d === null ? t('carbon.scenarioEditor.lasts') : String(d)}
          onChange={(v) =>
            set('replacementCycleYears', withValue(scenario.replacementCycleYears, c, numberOr(v)))
          }
        />
      );
    }
    const current = scenario[table]?.[c];
    const d = SCENARIO_DEFAULTS[table].value[c];
    return (
      <NumberInput
        size="xs"
        min={0}
        max={100}
        decimalScale={4}
        aria-label={label(`carbon.scenarioEditor.${table}`) + ` ${c}`}
        value={percentOf(current)}
        placeholder={String(percentOf(d))}
        onChange={(v) => set(table, withValue(scenario[table], c, fromPercent(v)))}
      />
    );
  };
  const columns: DataColumn<TCategoryCode>[] = [
    { id: 'category', header: t('carbon.boq.category'), rowHeader: true, cell: (c) => `${c} ${CATEGORY_NAMES[c][lang]}` },
    ...TABLES.map((table) => ({ id: table, header: t(`carbon.scenarioEditor.${table}`), cell: (c: TCategoryCode) => tableCell(table, c) })),
  ];
  return (
    <>
      <Title order={3} size="h5">
        {t('carbon.scenarioEditor.byCategory')}
      </Title>
      <DataTable
        data={CATEGORY_CODES}
        columns={columns}
        rowKey={(c) => c}
        label={t('carbon.scenarioEditor.byCategory')}
        empty={null}
        striped={false}
      />
      <Stack gap={2}>
        {TABLES.map((table) => (
          <Group key={table} gap={4} wrap="nowrap" align="flex-start">
            <Text size="xs" fw={500} style={{ whiteSpace: 'nowrap' }}>
              {t(`carbon.scenarioEditor.${table}`)}:
            </Text>
            <DefaultSource item={SCENARIO_DEFAULTS[table]} />
          </Group>
        ))}
      </Stack>
    </>
  );
}

/** End-of-life emissions per kilogram, C1 to C4. */
function EndOfLife({ scenario, set, label }: SectionProps) {
  const { t } = useTranslation();
  return (
    <>
      <Title order={3} size="h5">
        {t('carbon.scenarioEditor.endOfLife')}
      </Title>
      <Group align="flex-end">
        {EOL.map((k) => (
          <NumberInput
            key={k}
            w={140}
            min={0}
            decimalScale={4}
            label={label(`carbon.scenarioEditor.${k}`)}
            value={scenario.endOfLifePerKg?.[k] ?? ''}
            placeholder={String(SCENARIO_DEFAULTS.endOfLifePerKg.value[k])}
            onChange={(v) => set('endOfLifePerKg', withValue(scenario.endOfLifePerKg, k, numberOr(v)))}
          />
        ))}
      </Group>
      <DefaultSource item={SCENARIO_DEFAULTS.endOfLifePerKg} />
    </>
  );
}

/** Refurbishments during the building's life, each a label and its emissions. */
function Refurbishments({ scenario, set, label }: SectionProps) {
  const { t } = useTranslation();
  const refurbishments = scenario.refurbishments ?? [];
  return (
    <>
      <Title order={3} size="h5">
        {t('carbon.scenarioEditor.refurbishments')}
      </Title>
      <DefaultSource item={SCENARIO_DEFAULTS.refurbishment} />
      {refurbishments.map((r, i) => (
        <Group key={r.id} align="flex-end">
          <TextInput
            label={label('carbon.scenarioEditor.refurbishmentLabel')}
            value={r.label}
            onChange={(e) =>
              set(
                'refurbishments',
                refurbishments.map((x, j) => (j === i ? { ...x, label: e.currentTarget.value } : x)),
              )
            }
          />
          <NumberInput
            label={label('carbon.scenarioEditor.refurbishmentKg')}
            min={0}
            value={r.kgCo2e}
            onChange={(v) =>
              set(
                'refurbishments',
                refurbishments.map((x, j) => (j === i ? { ...x, kgCo2e: numberOr(v) ?? 0 } : x)),
              )
            }
          />
          <Button
            variant="subtle"
            color="red"
            onClick={() =>
              set(
                'refurbishments',
                refurbishments.filter((_, j) => j !== i),
              )
            }
          >
            {t('carbon.scenarios.remove')}
          </Button>
        </Group>
      ))}
      <Group>
        <Button
          variant="light"
          size="xs"
          onClick={() =>
            set('refurbishments', [
              ...refurbishments,
              {
                id: `r${Date.now().toString(36)}`,
                label: t('carbon.scenarioEditor.refurbishmentNew'),
                kgCo2e: 0,
              },
            ])
          }
        >
          {t('carbon.scenarioEditor.addRefurbishment')}
        </Button>
      </Group>
    </>
  );
}
