import { Radio, Select, Group, Stack, Textarea, TextInput, Title, Text } from '@mantine/core';
import { displayParams } from '@tsumiki/domain';
import { citeSource, numberRuleOf, valueAtPath, withRowLabels, type FormField, type FormIssue, type FormSection, type TApplicationContent } from '@tsumiki/domain/programmes';
import { CountInput } from '@tsumiki/ui';
import { useTranslation } from 'react-i18next';

type Lang = 'ja' | 'en';
export const langOf = (language: string): Lang => (language === 'en' ? 'en' : 'ja');

/** The DOM id of a field, so an issue list can move focus to it. */
export const fieldId = (path: string) => `field-${path.replaceAll('.', '-')}`;

/** Budget rows by their names on screen (「建築物の建築実証（2行目）」), for messages that name a line. */
export interface RowNames {
  labels: ReadonlyMap<string, { ja: string; en: string }>;
  lang: Lang;
}

export function issueText(t: (key: string, options?: Record<string, unknown>) => string, issue: Pick<FormIssue, 'code' | 'params'>, rows?: RowNames) {
  const labelled = rows ? withRowLabels(issue.params, rows.labels, rows.lang) : issue.params;
  // A field named as on screen comes in both languages (fieldEn); the grant messages say {{field}}.
  const params = rows?.lang === 'en' && typeof labelled.fieldEn === 'string' ? { ...labelled, field: labelled.fieldEn } : labelled;
  return t(issue.code, { ns: 'errors', keySeparator: false, defaultValue: issue.code, ...displayParams(params) });
}

interface FieldProps {
  field: FormField;
  value: unknown;
  error: string | undefined;
  onChange: (value: unknown) => void;
}

/** One field of the form by its kind, labelled and with its error; the wizard's sections and the CO2 factor questions use it alike. */
export function Field({ field, value, error, onChange }: FieldProps) {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  const common = {
    id: fieldId(field.path),
    label: field.label[lang],
    withAsterisk: field.required,
    error,
    // The call and its section by title (a rule cites 「003 §2.1」; the reader needs the document's name).
    description: field.source ? t('apply.eligibility.source', { source: citeSource(field.source)[lang] }) : undefined,
  };
  switch (field.kind) {
    case 'textarea':
      return (
        <Textarea {...common} autosize minRows={3} maxLength={field.max} value={typeof value === 'string' ? value : ''} onChange={(e) => onChange(e.currentTarget.value || undefined)} />
      );
    case 'number':
    case 'integer':
      // Read as typed: a minus or a decimal where none is allowed is refused with a message, never changed.
      return <CountInput {...common} rule={numberRuleOf(field)} value={typeof value === 'number' ? value : undefined} onChange={onChange} />;
    case 'boolean':
      return (
        <Radio.Group {...common} value={value === true ? 'yes' : value === false ? 'no' : null} onChange={(v) => onChange(v === 'yes')}>
          <Group mt={4}>
            <Radio value="yes" label={t('apply.yes')} id={`${common.id}-yes`} />
            <Radio value="no" label={t('apply.no')} id={`${common.id}-no`} />
          </Group>
        </Radio.Group>
      );
    case 'select':
      return (
        <Select
          {...common}
          placeholder={t('apply.select')}
          data={(field.options ?? []).map((o) => ({ value: o.value, label: o.label[lang] }))}
          value={typeof value === 'string' ? value : null}
          onChange={(v) => onChange(v ?? undefined)}
          allowDeselect={false}
        />
      );
    case 'date':
      return <TextInput {...common} type="date" value={typeof value === 'string' ? value : ''} onChange={(e) => onChange(e.currentTarget.value || undefined)} />;
    default:
      return (
        <TextInput
          {...common}
          type={field.kind === 'email' ? 'email' : field.kind === 'tel' ? 'tel' : 'text'}
          maxLength={field.max}
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => onChange(e.currentTarget.value || undefined)}
        />
      );
  }
}

/** One section of the application form, rendered from the programme's form definition. */
export function FormSectionFields({
  section,
  content,
  issues,
  showErrors,
  onChange,
}: {
  section: FormSection;
  content: TApplicationContent;
  issues: readonly FormIssue[];
  /** Errors show for fields touched, and for all once a submit was tried. */
  showErrors: (path: string) => boolean;
  onChange: (path: string, value: unknown) => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  return (
    <Stack component="section" aria-labelledby={`section-${section.code}`} gap="sm">
      <Title order={2} size="h3" id={`section-${section.code}`}>
        {section.title[lang]}
      </Title>
      <Text size="xs" c="dimmed">
        {citeSource(section.source)[lang]}
      </Text>
      {section.fields.map((field) => {
        const issue = issues.find((i) => i.path === field.path);
        return (
          <Field
            key={field.path}
            field={field}
            value={valueAtPath(content, field.path)}
            error={issue && showErrors(field.path) ? issueText(t, issue) : undefined}
            onChange={(v) => onChange(field.path, v)}
          />
        );
      })}
    </Stack>
  );
}
