import { Select, Stack, TextInput } from '@mantine/core';
import type { InputIssue } from '@tsumiki/domain/programmes';
import { displayParams } from '@tsumiki/domain';
import { useTranslation } from 'react-i18next';

/** A path into the definition, as the domain's issues name it. */
export type Path = readonly (string | number)[];

/** The message of the first issue at exactly this path, in the language shown. */
export function useIssueAt(issues: readonly InputIssue[]) {
  const { t } = useTranslation();
  return (path: Path): string | undefined => {
    const key = path.join('.');
    const issue = issues.find((i) => i.path.join('.') === key);
    return issue ? t(issue.code, { ns: 'errors', keySeparator: false, ...displayParams(issue.params), field: '' }).replace(/（）|\(\)/g, '') : undefined;
  };
}

export interface FieldProps<T> {
  label: string;
  value: T;
  onChange: (value: T) => void;
  error?: string | undefined;
}

export function TextField({ label, value, onChange, error }: FieldProps<string>) {
  return <TextInput label={label} value={value} onChange={(e) => onChange(e.currentTarget.value)} error={error} />;
}

/** A text in both languages, Japanese first. */
export function BilingualField({ label, value, onChange, error }: FieldProps<{ ja: string; en: string }>) {
  const { t } = useTranslation();
  return (
    <Stack gap={4}>
      <TextInput label={`${label}（${t('definitions.ja')}）`} value={value.ja} onChange={(e) => onChange({ ...value, ja: e.currentTarget.value })} error={error} />
      <TextInput label={`${label}（${t('definitions.en')}）`} value={value.en} onChange={(e) => onChange({ ...value, en: e.currentTarget.value })} size="xs" />
    </Stack>
  );
}

/** A whole number field; what is not a number is kept as NaN so the schema names it. */
export function NumberField({ label, value, onChange, error }: FieldProps<number>) {
  return (
    <TextInput
      label={label}
      inputMode="numeric"
      value={Number.isNaN(value) ? '' : String(value)}
      onChange={(e) => onChange(e.currentTarget.value.trim() === '' ? Number.NaN : Number(e.currentTarget.value.replace(/[,，]/g, '')))}
      error={error}
    />
  );
}

export function ChoiceField<T extends string>({ label, value, onChange, error, options }: FieldProps<T | undefined> & { options: { value: T; label: string }[] }) {
  return (
    <Select
      label={label}
      data={options}
      value={value ?? null}
      onChange={(v) => onChange(options.find((o) => o.value === v)?.value)}
      error={error}
      allowDeselect={false}
    />
  );
}
