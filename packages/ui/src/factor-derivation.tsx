import { Stack, Table, Text } from '@mantine/core';
import type { TDerivationStep } from '@tsumiki/domain/carbon';
import { useTranslation } from 'react-i18next';

/**
 * How a generic factor was built from published figures: each step, what it adds per declared
 * unit, and the document it comes from; then the uplift. The library page and the factor picker
 * show the same table, so a designer and a programme office read the same provenance.
 */
export function FactorDerivation({
  derivation,
  uplift,
  declaredUnit,
  notes,
}: {
  derivation: readonly TDerivationStep[];
  uplift: { factor: number; basis: string } | null | undefined;
  declaredUnit: string;
  notes?: string | null | undefined;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'ja';
  const total = derivation.reduce((sum, s) => sum + s.kgCo2e, 0);
  const fmt = (n: number) => n.toLocaleString(lang === 'en' ? 'en-US' : 'ja-JP', { maximumFractionDigits: 3 });
  return (
    <Stack gap={4} data-testid="factor-derivation">
      <Text size="xs" fw={600}>
        {t('factorDerivation.heading')}
      </Text>
      <Table withTableBorder fz="xs" verticalSpacing={2}>
        <Table.Tbody>
          {derivation.map((s, i) => (
            <Table.Tr key={i}>
              <Table.Td>{s[lang]}</Table.Td>
              <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                {fmt(s.kgCo2e)} kg-CO₂e/{declaredUnit}
              </Table.Td>
              <Table.Td style={{ overflowWrap: 'anywhere' }}>{s.source}</Table.Td>
            </Table.Tr>
          ))}
          <Table.Tr>
            <Table.Td fw={600}>{t('factorDerivation.sum')}</Table.Td>
            <Table.Td ta="right" fw={600}>
              {fmt(total)} kg-CO₂e/{declaredUnit}
            </Table.Td>
            <Table.Td />
          </Table.Tr>
          {uplift && (
            <Table.Tr>
              <Table.Td fw={600}>{t('factorDerivation.uplift', { factor: uplift.factor })}</Table.Td>
              <Table.Td ta="right" fw={600}>
                {fmt(total * uplift.factor)} kg-CO₂e/{declaredUnit}
              </Table.Td>
              <Table.Td>{uplift.basis}</Table.Td>
            </Table.Tr>
          )}
        </Table.Tbody>
      </Table>
      <Text size="xs" c="dimmed">
        {t('factorDerivation.generic')}
      </Text>
      {notes && (
        <Text size="xs" c="dimmed">
          {notes}
        </Text>
      )}
    </Stack>
  );
}
