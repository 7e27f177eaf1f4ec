import { Button, Card, Checkbox, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { TAX_TREATMENTS, type TProgrammeDefinition } from '@tsumiki/domain/programmes';
import { YenInput } from '@tsumiki/ui';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { BilingualField, ChoiceField, NumberField, TextField, type Path } from './definition-fields';
import { setAt, withItem, withoutItem } from './draft-state';

export interface SectionProps {
  draft: TProgrammeDefinition;
  set: (path: Path, value: unknown) => void;
  replace: (next: TProgrammeDefinition) => void;
  issueAt: (path: Path) => string | undefined;
}

const MAX_YEN = 100_000_000_000;

/** One titled group of the editor, with its add button when the list can grow. */
export function EditorCard({ title, onAdd, children, testId }: { title: string; onAdd?: () => void; children: ReactNode; testId: string }) {
  const { t } = useTranslation();
  return (
    <Card withBorder data-testid={testId}>
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h3">{title}</Title>
        {onAdd && <Button size="xs" variant="light" onClick={onAdd}>{t('definitions.add')}</Button>}
      </Group>
      <Stack gap="md">{children}</Stack>
    </Card>
  );
}

export function RemoveButton({ onClick }: { onClick: () => void }) {
  const { t } = useTranslation();
  return <Button size="xs" variant="subtle" color="red" onClick={onClick}>{t('definitions.remove')}</Button>;
}

/** Each section's rates: a fraction, 定額 or "up to", and where the rule comes from. */
export function RatesSection({ draft, set, issueAt }: SectionProps) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language === 'en' ? 'en' : 'ja';
  return (
    <EditorCard title={t('definitions.rates')} testId="definition-rates">
      {draft.sections.map((s, i) =>
        s.rates.map((r, j) => {
          const at: Path = ['sections', i, 'rates', j];
          return (
            <SimpleGrid key={`${s.code}-${r.id}`} cols={{ base: 1, md: 4 }}>
              <Text fw={600}>{s.name[locale]}{r.name ? ` — ${r.name[locale]}` : ''}</Text>
              <NumberField label={t('definitions.numerator')} value={r.rate.numerator} onChange={(v) => set([...at, 'rate', 'numerator'], v)} error={issueAt([...at, 'rate']) ?? issueAt([...at, 'rate', 'numerator'])} />
              <NumberField label={t('definitions.denominator')} value={r.rate.denominator} onChange={(v) => set([...at, 'rate', 'denominator'], v)} error={issueAt([...at, 'rate', 'denominator'])} />
              <ChoiceField
                label={t('definitions.basis')}
                value={r.basis}
                onChange={(v) => set([...at, 'basis'], v)}
                options={[{ value: 'at_most', label: t('definitions.basisAtMost') }, { value: 'fixed_amount', label: t('definitions.basisFixed') }]}
              />
              <TextField label={t('definitions.source')} value={r.source} onChange={(v) => set([...at, 'source'], v)} error={issueAt([...at, 'source'])} />
            </SimpleGrid>
          );
        }),
      )}
    </EditorCard>
  );
}

/** Caps in yen, tax included or not, each with its source. */
export function CapsSection({ draft, set, issueAt }: SectionProps) {
  const { t } = useTranslation();
  return (
    <EditorCard title={t('definitions.caps')} testId="definition-caps">
      {draft.caps.map((c, i) => (
        <SimpleGrid key={c.id} cols={{ base: 1, md: 4 }}>
          <BilingualField label={t('definitions.name')} value={c.name} onChange={(v) => set(['caps', i, 'name'], v)} error={issueAt(['caps', i, 'name'])} />
          <YenInput label={t('definitions.amount')} value={c.amount} max={MAX_YEN} onChange={(v) => set(['caps', i, 'amount'], v ?? Number.NaN)} error={issueAt(['caps', i, 'amount'])} />
          <Checkbox mt="xl" label={t('definitions.taxIncluded')} checked={c.taxIncluded} onChange={(e) => set(['caps', i, 'taxIncluded'], e.currentTarget.checked)} />
          <TextField label={t('definitions.source')} value={c.source} onChange={(v) => set(['caps', i, 'source'], v)} error={issueAt(['caps', i, 'source'])} />
        </SimpleGrid>
      ))}
    </EditorCard>
  );
}

/** Cost categories with their consumption-tax treatment (pay is untaxed: 不課税). */
export function CategoriesSection({ draft, set, replace, issueAt }: SectionProps) {
  const { t } = useTranslation();
  const path: Path = ['costCategories'];
  // A new category joins the first section, so a single-section programme's lines may use it at once.
  const add = () => {
    const code = `category_${draft.costCategories.length + 1}`;
    const withCategory = withItem(draft, path, draft.costCategories, { code, name: { ja: '', en: '' }, notes: [], source: draft.sourceDocument });
    const first = draft.sections[0];
    replace(first ? setAt(withCategory, ['sections', 0, 'categories'], [...first.categories, code]) : withCategory);
  };
  return (
    <EditorCard title={t('definitions.categories')} testId="definition-categories" onAdd={add}>
      {draft.costCategories.map((c, i) => (
        <SimpleGrid key={i} cols={{ base: 1, md: 4 }}>
          <BilingualField label={t('definitions.name')} value={c.name} onChange={(v) => set([...path, i, 'name'], v)} error={issueAt([...path, i, 'name', 'ja'])} />
          <ChoiceField
            label={t('definitions.taxTreatment')}
            value={c.taxTreatment}
            onChange={(v) => set([...path, i, 'taxTreatment'], v)}
            options={TAX_TREATMENTS.map((v) => ({ value: v, label: t(`definitions.tax.${v}`) }))}
            error={issueAt([...path, i, 'taxTreatment'])}
          />
          <TextField label={t('definitions.source')} value={c.source} onChange={(v) => set([...path, i, 'source'], v)} error={issueAt([...path, i, 'source'])} />
          <Group align="end">
            <RemoveButton onClick={() => replace(withoutItem(draft, path, draft.costCategories, i))} />
          </Group>
          {issueAt([...path, i, 'code']) && <Text c="red" size="sm">{issueAt([...path, i, 'code'])}</Text>}
        </SimpleGrid>
      ))}
    </EditorCard>
  );
}
