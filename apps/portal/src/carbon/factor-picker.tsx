import { Badge, Button, Card, Group, Modal, Stack, Text } from '@mantine/core';
import {
  DATA_TYPE_NAMES,
  effectiveA1a3,
  indexFactors,
  isExpired,
  isOlderThanFiveYears,
  rankFactors,
  type TEmissionFactor,
} from '@tsumiki/domain/carbon';
import { FactorDerivation } from '@tsumiki/ui';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The factors a material may use, best first by the selection hierarchy, each with its provenance;
 * the first is what automatic selection takes. A gap is shown as a gap, never as a number.
 */
export function FactorPicker({
  materialKey,
  pinnedId,
  library,
  assessmentDate,
  onPick,
  onClose,
}: {
  materialKey: string;
  pinnedId: string | undefined;
  library: readonly TEmissionFactor[];
  assessmentDate: string;
  onPick: (factorId: string | undefined) => void;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'ja';
  const index = useMemo(() => indexFactors(library), [library]);
  const ranked = rankFactors(index, materialKey, assessmentDate);
  const gaps = (index.byMaterial.get(materialKey) ?? []).filter((f) => f.gap);
  const active = pinnedId ?? ranked[0]?.id;
  return (
    <Modal opened onClose={onClose} title={t('carbon.picker.heading', { material: materialKey })} size="lg">
      <Stack data-testid="factor-picker">
        <Text size="sm">{t('carbon.picker.intro')}</Text>
        {ranked.length === 0 && (
          <Text c="orange" size="sm">
            {t('carbon.picker.none')} {gaps[0]?.gapReason}
          </Text>
        )}
        {ranked.map((f) => (
          <Card key={f.id} withBorder padding="sm" data-factor={f.id}>
            <Group justify="space-between" align="flex-start">
              <Stack gap={2} style={{ flex: 1 }}>
                <Text fw={600}>{lang === 'en' ? f.nameEn : f.nameJa}</Text>
                <Text size="sm">
                  {t('carbon.picker.value')}: {effectiveA1a3(f)} kg-CO₂e/{f.declaredUnit}
                  {f.uplift && t('carbon.picker.upliftNote', { factor: f.uplift.factor, basis: f.uplift.basis })}
                </Text>
                <Group gap={4}>
                  <Badge variant="light">{DATA_TYPE_NAMES[f.dataType][lang]}</Badge>
                  {isOlderThanFiveYears(f, assessmentDate) && <Badge color="yellow">{t('carbon.picker.old')}</Badge>}
                  {isExpired(f, assessmentDate) && <Badge color="red">{t('carbon.picker.expired')}</Badge>}
                </Group>
                <Text size="xs" c="dimmed">
                  {t('carbon.picker.owner')}: {f.owner} · {t('carbon.picker.published')}: {f.publishedOn ?? '—'} · {t('carbon.picker.validUntil')}: {f.validUntil ?? '—'}
                  {f.biogenicStorage !== undefined && ` · ${t('carbon.picker.storage')}: ${f.biogenicStorage} kg-CO₂e/${f.declaredUnit}`}
                </Text>
                <Text size="xs" c="dimmed">
                  {t('carbon.picker.source')}: {f.source}
                </Text>
                {f.derivation && <FactorDerivation derivation={f.derivation} uplift={f.uplift} declaredUnit={f.declaredUnit} notes={f.notes} />}
              </Stack>
              {f.id === active && pinnedId !== undefined ? (
                <Badge>{t('carbon.picker.using')}</Badge>
              ) : (
                <Button size="xs" variant={f.id === active ? 'filled' : 'default'} onClick={() => onPick(f.id)}>
                  {f.id === active ? t('carbon.picker.using') : t('carbon.picker.use')}
                </Button>
              )}
            </Group>
          </Card>
        ))}
        {pinnedId && (
          <Group>
            <Button variant="subtle" onClick={() => onPick(undefined)}>
              {t('carbon.picker.unpin')}
            </Button>
          </Group>
        )}
      </Stack>
    </Modal>
  );
}
