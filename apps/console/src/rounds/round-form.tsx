import { Alert, Button, Group, NumberInput, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { jstInputValue, roundFormSchema, type TRoundFormValues } from '@tsumiki/domain';
import { errorText, useDomainForm } from '@tsumiki/ui';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/** What the form holds: text as typed (the window in JST, to the minute) and the budget in yen. */
export type RoundFormValues = TRoundFormValues;

export const emptyRoundForm = (): RoundFormValues => ({ code: '', nameJa: '', nameEn: '', fiscalYear: '', opensAt: '', closesAt: '', budgetYen: '', notes: '' });

export const roundFormOf = (r: { opensAt: Date; closesAt: Date; budgetYen: number; notes: string; code: string; nameJa: string; nameEn: string; fiscalYear: number }): RoundFormValues => ({
  code: r.code,
  nameJa: r.nameJa,
  nameEn: r.nameEn,
  fiscalYear: r.fiscalYear,
  opensAt: jstInputValue(r.opensAt),
  closesAt: jstInputValue(r.closesAt),
  budgetYen: r.budgetYen,
  notes: r.notes,
});

/**
 * A round's form: code, names and fiscal year when it is new; the window (JST), budget and notes
 * always, checked by the domain's schema as typed: a field shows its problem once it has been left,
 * every field once saving was tried.
 */
export function RoundForm({
  mode,
  initial,
  pending,
  error,
  onSubmit,
  onCancel,
}: {
  mode: 'create' | 'edit';
  initial: RoundFormValues;
  pending: boolean;
  error: unknown;
  onSubmit: (values: RoundFormValues) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const schema = useMemo(() => roundFormSchema(mode), [mode]);
  const form = useDomainForm(schema, { initialValues: initial });
  // The API reads the window and amounts itself, by the same schema: it is sent what was typed.
  const submit = form.onSubmit(() => onSubmit(form.getValues()));
  return (
    <form noValidate onSubmit={submit}>
    <Stack gap="sm" data-testid="round-form">
      {mode === 'create' && (
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('rounds.field.nameJa')} withAsterisk {...form.getInputProps('nameJa')} data-testid="round-name-ja" />
          <TextInput label={t('rounds.field.nameEn')} withAsterisk {...form.getInputProps('nameEn')} data-testid="round-name-en" />
          <TextInput label={t('rounds.field.code')} description={t('rounds.field.codeHint')} withAsterisk {...form.getInputProps('code')} data-testid="round-code" />
          <NumberInput label={t('rounds.field.fiscalYear')} withAsterisk allowDecimal={false} {...form.getInputProps('fiscalYear')} data-testid="round-fiscal-year" />
        </SimpleGrid>
      )}
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput type="datetime-local" label={t('rounds.field.opensAt')} description={t('rounds.field.jst')} withAsterisk {...form.getInputProps('opensAt')} data-testid="round-opens-at" />
        <TextInput type="datetime-local" label={t('rounds.field.closesAt')} description={t('rounds.field.closesAtHint')} withAsterisk {...form.getInputProps('closesAt')} data-testid="round-closes-at" />
      </SimpleGrid>
      <NumberInput
        label={t('rounds.field.budget')}
        withAsterisk
        min={0}
        allowDecimal={false}
        clampBehavior="none"
        thousandSeparator=","
        suffix={t('rounds.field.yenSuffix')}
        {...form.getInputProps('budgetYen')}
        w={320}
        data-testid="round-budget"
      />
      <Textarea label={t('rounds.field.notes')} autosize minRows={2} maxLength={2000} {...form.getInputProps('notes')} data-testid="round-notes" />
      {error !== null && error !== undefined && (
        <Alert color="red" role="alert">
          {errorText(t, error)}
        </Alert>
      )}
      <Group>
        <Button type="submit" loading={pending} data-testid="round-save">
          {mode === 'create' ? t('rounds.create') : t('rounds.save')}
        </Button>
        <Button variant="default" onClick={onCancel}>
          {t('rounds.cancel')}
        </Button>
      </Group>
    </Stack>
    </form>
  );
}
