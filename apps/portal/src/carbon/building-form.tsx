import { Checkbox, NativeSelect, NumberInput, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { listedNames } from '@tsumiki/domain';
import {
  BUILDING_USE_NAMES,
  BUILDING_USES,
  METHOD_NAMES,
  METHODS,
  methodCoverage,
  STRUCTURE_NAMES,
  STRUCTURES,
  type TCarbonProjectContent,
  type TMethod,
} from '@tsumiki/domain/carbon';
import { useTranslation } from 'react-i18next';

type Content = TCarbonProjectContent;
const num = (v: string | number) => (v === '' ? null : Number(v));

/** The building and the assessment settings; what is missing or wrong shows on the issues the assessment lists. */
export function BuildingForm({ content, onChange, fieldError }: { content: Content; onChange: (c: Content) => void; fieldError: (field: string) => string | undefined }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'ja';
  const b = content.building;
  const s = content.settings;
  const building = (change: Partial<Content['building']>) => onChange({ ...content, building: { ...b, ...change } });
  const settings = (change: Partial<Content['settings']>) => onChange({ ...content, settings: { ...s, ...change } });
  const coverage = methodCoverage(s.method);
  const choose = (placeholder: boolean) => (placeholder ? [{ value: '', label: '—' }] : []);
  return (
    <Stack data-testid="building-form">
      <Title order={2}>{t('carbon.building.heading')}</Title>
      <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
        <TextInput label={t('carbon.building.name')} withAsterisk value={content.name} onChange={(e) => onChange({ ...content, name: e.currentTarget.value })} maxLength={200} />
        <NativeSelect
          label={t('carbon.building.use')}
          withAsterisk
          value={b.use ?? ''}
          data={[...choose(!b.use), ...BUILDING_USES.map((u) => ({ value: u, label: BUILDING_USE_NAMES[u][lang] }))]}
          onChange={(e) => building({ use: e.currentTarget.value || undefined })}
          error={fieldError('use')}
        />
        <NativeSelect
          label={t('carbon.building.structure')}
          withAsterisk
          value={b.structure ?? ''}
          data={[...choose(!b.structure), ...STRUCTURES.map((u) => ({ value: u, label: STRUCTURE_NAMES[u][lang] }))]}
          onChange={(e) => building({ structure: e.currentTarget.value || undefined })}
          error={fieldError('structure')}
        />
        <NumberInput
          label={t('carbon.building.grossFloorAreaM2')}
          withAsterisk
          min={0}
          thousandSeparator=","
          value={b.grossFloorAreaM2 ?? ''}
          onChange={(v) => building({ grossFloorAreaM2: num(v) })}
          error={fieldError('grossFloorAreaM2')}
          data-testid="gross-floor-area"
        />
        <NumberInput label={t('carbon.building.storeysAboveGround')} min={0} value={b.storeysAboveGround ?? ''} onChange={(v) => building({ storeysAboveGround: num(v) })} />
        <NativeSelect
          label={t('carbon.building.works')}
          value={b.works}
          data={[
            { value: 'new', label: t('carbon.building.new') },
            { value: 'renovation', label: t('carbon.building.renovation') },
          ]}
          onChange={(e) => building({ works: e.currentTarget.value === 'renovation' ? 'renovation' : 'new' })}
        />
        {b.works === 'renovation' && <NumberInput label={t('carbon.building.ageYears')} min={0} value={b.ageYears ?? ''} onChange={(v) => building({ ageYears: num(v) })} error={fieldError('ageYears')} />}
        {b.use === 'housing' && (
          <NativeSelect
            label={t('carbon.building.durabilityGrade')}
            value={b.durabilityGrade == null ? '' : String(b.durabilityGrade)}
            data={['', '1', '2', '3']}
            onChange={(e) => building({ durabilityGrade: num(e.currentTarget.value) })}
            error={fieldError('durabilityGrade')}
          />
        )}
        <TextInput label={t('carbon.building.assessmentDate')} withAsterisk type="date" value={s.assessmentDate} onChange={(e) => settings({ assessmentDate: e.currentTarget.value })} error={fieldError('assessmentDate')} />
        <NativeSelect
          label={t('carbon.building.method')}
          value={s.method}
          data={METHODS.map((m) => ({ value: m, label: METHOD_NAMES[m][lang] }))}
          onChange={(e) => settings({ method: e.currentTarget.value as TMethod })}
        />
        <NumberInput label={t('carbon.building.evaluationPeriodYears')} min={1} value={s.evaluationPeriodYears ?? ''} onChange={(v) => settings({ evaluationPeriodYears: num(v) })} error={fieldError('evaluationPeriodYears')} />
        <NativeSelect label={t('carbon.building.gwpSet')} value={s.gwpSet} data={['AR5', 'AR6']} onChange={(e) => settings({ gwpSet: e.currentTarget.value === 'AR6' ? 'AR6' : 'AR5' })} />
      </SimpleGrid>
      <Checkbox label={t('carbon.building.allowIncomplete')} checked={s.allowIncomplete} onChange={(e) => settings({ allowIncomplete: e.currentTarget.checked })} />
      {coverage.notCovered.length > 0 && (
        <Text size="sm" c="dimmed">
          {t('carbon.building.coverageNote', { method: METHOD_NAMES[s.method][lang], items: listedNames(coverage.notCovered.map((x) => `${x.code} ${x[lang]}`), lang) })}
        </Text>
      )}
    </Stack>
  );
}
