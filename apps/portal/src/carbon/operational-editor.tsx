import { Button, Group, NativeSelect, NumberInput, Stack, Text, TextInput, Title } from '@mantine/core';
import {
  ENERGY_CARRIERS,
  ENERGY_FACTORS,
  GAS_NAMES,
  GASES,
  gwpOf,
  UNITS,
  type TBlowingAgent,
  type TCarbonProjectContent,
  type TEnergyUse,
  type TGas,
  type TProjectSettings,
  type TRefrigerant,
  type TRenewable,
} from '@tsumiki/domain/carbon';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { numberOr, percentOf } from './scenario-editor';

const fromPercent = (v: string | number) => (numberOr(v) ?? 0) / 100;
const newId = (prefix: string) => `${prefix}${Date.now().toString(36)}`;

/** A list of entries with add and remove; each row's inputs are named with the row number for screen readers. */
function Rows<T>({ heading, hint, items, onChange, blank, addLabel, row, testId }: { heading: string; hint?: string; items: T[]; onChange: (items: T[]) => void; blank: () => T; addLabel: string; row: (item: T, n: number, update: (change: Partial<T>) => void) => ReactNode; testId: string }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs" data-testid={testId}>
      <Title order={3} size="h5">
        {heading}
      </Title>
      {hint && (
        <Text size="xs" c="dimmed">
          {hint}
        </Text>
      )}
      {items.map((item, i) => (
        <Group key={i} align="flex-end">
          {row(item, i + 1, (change) => onChange(items.map((x, j) => (j === i ? { ...x, ...change } : x))))}
          <Button variant="subtle" color="red" onClick={() => onChange(items.filter((_, j) => j !== i))} aria-label={`${t('carbon.scenarios.remove')} ${heading} ${i + 1}`}>
            {t('carbon.scenarios.remove')}
          </Button>
        </Group>
      ))}
      <Group>
        <Button variant="light" size="xs" onClick={() => onChange([...items, blank()])}>
          {addLabel}
        </Button>
      </Group>
    </Stack>
  );
}

/**
 * Operation (B1, B6, B7): annual energy by carrier with the grid factor, on-site renewables,
 * refrigerants and blowing agents with the GWP of the chosen IPCC report, and water.
 */
export function OperationalEditor({ content, onChange }: { content: TCarbonProjectContent; onChange: (content: TCarbonProjectContent) => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'ja';
  const s = content.settings;
  const settings = (change: Partial<TProjectSettings>) => onChange({ ...content, settings: { ...s, ...change } });
  const gasData = [...GAS_NAMES.map((g) => ({ value: g, label: t('carbon.operational.gasOption', { gas: GASES[g][lang], gwpSet: s.gwpSet, gwp: gwpOf(g, s.gwpSet).toLocaleString() }) })), { value: 'custom', label: t('carbon.operational.customGas') }];
  const gasFields = <T extends TRefrigerant | TBlowingAgent>(item: T, n: number, update: (change: Partial<T>) => void, what: string) => (
    <>
      <NativeSelect label={t('carbon.operational.gas', { what, n })} value={item.gas} data={gasData} onChange={(e) => update({ gas: e.currentTarget.value as TGas, gwp: undefined } as Partial<T>)} />
      {item.gas === 'custom' && <NumberInput label={t('carbon.operational.customGwp', { what, n })} min={0} value={item.gwp ?? ''} onChange={(v) => update({ gwp: numberOr(v) } as Partial<T>)} />}
    </>
  );

  return (
    <Stack gap="md" data-testid="operational">
      <Title order={2}>{t('carbon.operational.heading')}</Title>
      <Text size="sm" c="dimmed">
        {t('carbon.operational.intro', { gwpSet: s.gwpSet })}
      </Text>
      <Group align="flex-end">
        <NumberInput label={t('carbon.operational.gridFactor')} min={0} decimalScale={6} w={260} value={s.gridFactorKgCo2ePerKWh ?? ''} onChange={(v) => settings({ gridFactorKgCo2ePerKWh: numberOr(v) ?? null })} />
        <TextInput label={t('carbon.operational.gridFactorSource')} w={420} value={s.gridFactorSource ?? ''} onChange={(e) => settings({ gridFactorSource: e.currentTarget.value || undefined })} />
      </Group>
      <Rows<TEnergyUse>
        testId="operational-energy"
        heading={t('carbon.operational.energy')}
        items={s.energy}
        onChange={(energy) => settings({ energy })}
        blank={() => ({ carrier: 'electricity', annualQuantity: 0, unit: 'kWh' })}
        addLabel={t('carbon.operational.addEnergy')}
        row={(e, n, update) => {
          const d = ENERGY_FACTORS[e.carrier];
          return (
            <>
              <NativeSelect label={`${t('carbon.operational.carrier')} ${n}`} value={e.carrier} data={ENERGY_CARRIERS.map((c) => ({ value: c, label: ENERGY_FACTORS[c][lang] }))} onChange={(ev) => { const carrier = ev.currentTarget.value as TEnergyUse['carrier']; update({ carrier, unit: ENERGY_FACTORS[carrier].unit }); }} />
              <NumberInput label={`${t('carbon.operational.annual')} ${n}`} min={0} value={e.annualQuantity} onChange={(v) => update({ annualQuantity: numberOr(v) ?? 0 })} />
              <NativeSelect label={`${t('carbon.boq.unit')} ${n}`} value={e.unit} data={[...UNITS]} onChange={(ev) => update({ unit: ev.currentTarget.value as TEnergyUse['unit'] })} />
              <NumberInput
                label={`${t('carbon.operational.factor')} ${n}`}
                min={0}
                decimalScale={6}
                value={e.factorKgCo2ePerUnit ?? ''}
                placeholder={d.kgCo2ePerUnit === null ? t('carbon.operational.gridFactorUsed') : String(d.kgCo2ePerUnit)}
                description={d.kgCo2ePerUnit === null ? undefined : t('carbon.operational.defaultFactor', { value: d.kgCo2ePerUnit, unit: d.unit, source: d.source, date: d.publishedOn ?? '—' })}
                onChange={(v) => update({ factorKgCo2ePerUnit: numberOr(v) })}
                w={300}
              />
              <TextInput label={`${t('carbon.operational.factorSource')} ${n}`} value={e.factorSource ?? ''} onChange={(ev) => update({ factorSource: ev.currentTarget.value || undefined })} />
            </>
          );
        }}
      />
      <Rows<TRenewable>
        testId="operational-renewables"
        heading={t('carbon.operational.renewables')}
        hint={t('carbon.operational.renewablesHint')}
        items={s.renewables}
        onChange={(renewables) => settings({ renewables })}
        blank={() => ({ id: newId('pv'), annualGenerationKWh: 0, selfConsumedKWh: 0 })}
        addLabel={t('carbon.operational.addRenewable')}
        row={(r, n, update) => (
          <>
            <TextInput label={`${t('carbon.operational.label')} ${n}`} value={r.label ?? ''} onChange={(e) => update({ label: e.currentTarget.value || undefined })} />
            <NumberInput label={`${t('carbon.operational.generation')} ${n}`} min={0} value={r.annualGenerationKWh} onChange={(v) => update({ annualGenerationKWh: numberOr(v) ?? 0 })} />
            <NumberInput label={`${t('carbon.operational.selfConsumed')} ${n}`} min={0} value={r.selfConsumedKWh} onChange={(v) => update({ selfConsumedKWh: numberOr(v) ?? 0 })} />
          </>
        )}
      />
      <Rows<TRefrigerant>
        testId="operational-refrigerants"
        heading={t('carbon.operational.refrigerants')}
        items={s.refrigerants}
        onChange={(refrigerants) => settings({ refrigerants })}
        blank={() => ({ id: newId('rf'), gas: 'R32', chargeKg: 0, annualLeakRate: 0 })}
        addLabel={t('carbon.operational.addRefrigerant')}
        row={(r, n, update) => (
          <>
            {gasFields(r, n, update, t('carbon.operational.refrigerant'))}
            <NumberInput label={`${t('carbon.operational.charge')} ${n}`} min={0} value={r.chargeKg} onChange={(v) => update({ chargeKg: numberOr(v) ?? 0 })} />
            <NumberInput label={`${t('carbon.operational.leakRate')} ${n}`} min={0} max={100} decimalScale={4} value={percentOf(r.annualLeakRate)} onChange={(v) => update({ annualLeakRate: fromPercent(v) })} />
            <NumberInput label={`${t('carbon.operational.endOfLifeLoss')} ${n}`} min={0} max={100} decimalScale={4} value={percentOf(r.endOfLifeLossRate)} onChange={(v) => update({ endOfLifeLossRate: numberOr(v) === undefined ? undefined : fromPercent(v) })} />
          </>
        )}
      />
      <Rows<TBlowingAgent>
        testId="operational-blowing"
        heading={t('carbon.operational.blowingAgents')}
        items={s.blowingAgents}
        onChange={(blowingAgents) => settings({ blowingAgents })}
        blank={() => ({ id: newId('ba'), gas: 'HFC-245fa', agentKg: 0, annualLossRate: 0 })}
        addLabel={t('carbon.operational.addBlowingAgent')}
        row={(b, n, update) => (
          <>
            {gasFields(b, n, update, t('carbon.operational.blowingAgent'))}
            <NumberInput label={`${t('carbon.operational.agentKg')} ${n}`} min={0} value={b.agentKg} onChange={(v) => update({ agentKg: numberOr(v) ?? 0 })} />
            <NumberInput label={`${t('carbon.operational.lossRate')} ${n}`} min={0} max={100} decimalScale={4} value={percentOf(b.annualLossRate)} onChange={(v) => update({ annualLossRate: fromPercent(v) })} />
          </>
        )}
      />
      <Stack gap="xs" data-testid="operational-water">
        <Title order={3} size="h5">
          {t('carbon.operational.water')}
        </Title>
        <Group align="flex-end">
          <NumberInput label={t('carbon.operational.waterM3')} min={0} value={s.water?.annualM3 ?? ''} onChange={(v) => { const annualM3 = numberOr(v); settings({ water: annualM3 === undefined ? undefined : { factorKgCo2ePerM3: 0, ...s.water, annualM3 } }); }} />
          <NumberInput label={t('carbon.operational.waterFactor')} min={0} decimalScale={6} disabled={!s.water} value={s.water?.factorKgCo2ePerM3 ?? ''} onChange={(v) => s.water && settings({ water: { ...s.water, factorKgCo2ePerM3: numberOr(v) ?? 0 } })} />
          <TextInput label={t('carbon.operational.waterSource')} disabled={!s.water} value={s.water?.factorSource ?? ''} onChange={(e) => s.water && settings({ water: { ...s.water, factorSource: e.currentTarget.value || undefined } })} />
        </Group>
        <Text size="xs" c="orange.8">
          {t('carbon.operational.waterNoDefault')}
        </Text>
      </Stack>
    </Stack>
  );
}
