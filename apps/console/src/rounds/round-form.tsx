import { Alert, Button, Group, NumberInput, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { fieldIssueOf, jstInputValue, ZRoundInput, ZRoundTerms } from '@tsumiki/domain';
import { errorText, fieldErrorText } from '@tsumiki/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** What the form holds: text as typed (the window in JST, to the minute) and the budget in yen. */
export interface RoundFormValues {
  code: string;
  nameJa: string;
  nameEn: string;
  fiscalYear: number | '';
  opensAt: string;
  closesAt: string;
  budgetYen: number | '';
  notes: string;
}

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

const orUndefined = <T,>(v: T | '') => (v === '' ? undefined : v);

/**
 * Checks the values with the domain's schema as they are typed: a new round in full, an existing
 * one's terms only (its code and names stay). Returns the parsed input or the first issue per field.
 */
function check(values: RoundFormValues, mode: 'create' | 'edit') {
  const terms = { opensAt: values.opensAt, closesAt: values.closesAt, budgetYen: orUndefined(values.budgetYen), notes: values.notes };
  const result =
    mode === 'create'
      ? ZRoundInput.safeParse({ ...terms, code: values.code, nameJa: values.nameJa, nameEn: values.nameEn, fiscalYear: orUndefined(values.fiscalYear) })
      : ZRoundTerms.safeParse(terms);
  const issues = new Map<string, { code: string; params: Record<string, string | number> }>();
  for (const issue of result.error?.issues ?? []) {
    const field = fieldIssueOf(issue);
    if (!issues.has(field.path)) issues.set(field.path, { code: field.code, params: field.params });
  }
  return { ok: result.success, issues };
}

/**
 * A round's form: code, names and fiscal year when it is new; the window (JST), budget and notes
 * always. A field shows its problem once it has been typed in, every field once saving was tried.
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
  const [values, setValues] = useState(initial);
  const [touched, setTouched] = useState<Set<string>>(new Set());
  const [tried, setTried] = useState(false);
  const { ok, issues } = check(values, mode);
  const set = <K extends keyof RoundFormValues>(key: K, value: RoundFormValues[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    setTouched((s) => new Set(s).add(key));
  };
  const errorOf = (key: keyof RoundFormValues) => {
    const issue = issues.get(key);
    return issue && (tried || touched.has(key)) ? fieldErrorText(t, issue.code, issue.params) : undefined;
  };
  const submit = () => {
    setTried(true);
    if (ok) onSubmit(values);
  };
  return (
    <Stack gap="sm" data-testid="round-form">
      {mode === 'create' && (
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('rounds.field.nameJa')} withAsterisk value={values.nameJa} onChange={(e) => set('nameJa', e.currentTarget.value)} error={errorOf('nameJa')} data-testid="round-name-ja" />
          <TextInput label={t('rounds.field.nameEn')} withAsterisk value={values.nameEn} onChange={(e) => set('nameEn', e.currentTarget.value)} error={errorOf('nameEn')} data-testid="round-name-en" />
          <TextInput label={t('rounds.field.code')} description={t('rounds.field.codeHint')} withAsterisk value={values.code} onChange={(e) => set('code', e.currentTarget.value)} error={errorOf('code')} data-testid="round-code" />
          <NumberInput label={t('rounds.field.fiscalYear')} withAsterisk value={values.fiscalYear} onChange={(v) => set('fiscalYear', typeof v === 'number' ? v : '')} allowDecimal={false} allowNegative={false} error={errorOf('fiscalYear')} data-testid="round-fiscal-year" />
        </SimpleGrid>
      )}
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput type="datetime-local" label={t('rounds.field.opensAt')} description={t('rounds.field.jst')} withAsterisk value={values.opensAt} onChange={(e) => set('opensAt', e.currentTarget.value)} error={errorOf('opensAt')} data-testid="round-opens-at" />
        <TextInput type="datetime-local" label={t('rounds.field.closesAt')} description={t('rounds.field.jst')} withAsterisk value={values.closesAt} onChange={(e) => set('closesAt', e.currentTarget.value)} error={errorOf('closesAt')} data-testid="round-closes-at" />
      </SimpleGrid>
      <NumberInput
        label={t('rounds.field.budget')}
        withAsterisk
        value={values.budgetYen}
        onChange={(v) => set('budgetYen', typeof v === 'number' ? v : '')}
        min={0}
        allowDecimal={false}
        allowNegative={false}
        thousandSeparator=","
        suffix={t('rounds.field.yenSuffix')}
        error={errorOf('budgetYen')}
        w={320}
        data-testid="round-budget"
      />
      <Textarea label={t('rounds.field.notes')} autosize minRows={2} maxLength={2000} value={values.notes} onChange={(e) => set('notes', e.currentTarget.value)} error={errorOf('notes')} data-testid="round-notes" />
      {error !== null && error !== undefined && (
        <Alert color="red" role="alert">
          {errorText(t, error)}
        </Alert>
      )}
      <Group>
        <Button onClick={submit} loading={pending} data-testid="round-save">
          {mode === 'create' ? t('rounds.create') : t('rounds.save')}
        </Button>
        <Button variant="default" onClick={onCancel}>
          {t('rounds.cancel')}
        </Button>
      </Group>
    </Stack>
  );
}
