import { Card, Checkbox, Group, Stack, Title } from '@mantine/core';
import {
  factorQuestions,
  type FormIssue,
  type TApplicationContent,
  type TProgrammeDefinition,
} from '@tsumiki/domain/programmes';
import { useTranslation } from 'react-i18next';
import { Field, fieldId, issueText, langOf } from './form-fields';

/**
 * Under the factors to develop, each factor's questions from its requirements (001 §2.1): what the
 * rules need to judge it, asked where the applicant can answer, appearing as earlier answers make
 * them matter.
 */
export function FactorQuestions({
  rules,
  content,
  issues,
  showErrors,
  onChange,
}: {
  rules: TProgrammeDefinition;
  content: TApplicationContent;
  issues: readonly FormIssue[];
  showErrors: boolean;
  onChange: (path: string, value: unknown) => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  if (content.programme !== 'co2_factor_support') return null;
  const factors = content.grant?.factors ?? [];
  return (
    <Stack gap="sm">
      {factors.map((factor, index) => {
        const questions = factorQuestions(rules, factor, index);
        if (questions.length === 0) return null;
        const heading = `factor-questions-${index}`;
        return (
          <Card withBorder key={factor.id} component="section" aria-labelledby={heading}>
            <Title order={3} size="h5" id={heading} mb="xs">
              {t('apply.budget.factorQuestions', { factor: `${factor.id ?? ''} ${factor.product ?? ''}`.trim() })}
            </Title>
            <Stack gap="sm">
              {questions.map((q) => {
                const issue = issues.find((i) => i.path === q.field.path);
                const error = issue && showErrors ? issueText(t, issue) : undefined;
                if (q.stages)
                  return (
                    <Checkbox.Group
                      key={q.key}
                      id={fieldId(q.field.path)}
                      label={q.field.label[lang]}
                      error={error}
                      value={[...(factor.stages ?? [])]}
                      onChange={(v) => onChange(q.field.path, v.length ? v : undefined)}
                    >
                      <Group mt={4} gap="xs">
                        {q.stages.map((stage) => (
                          <Checkbox
                            key={stage}
                            value={stage}
                            label={stage}
                            id={`${fieldId(q.field.path)}-${stage}`}
                          />
                        ))}
                      </Group>
                    </Checkbox.Group>
                  );
                return (
                  <Field
                    key={q.key}
                    field={q.field}
                    value={factor[q.key]}
                    error={error}
                    onChange={(v) => onChange(q.field.path, v)}
                  />
                );
              })}
            </Stack>
          </Card>
        );
      })}
    </Stack>
  );
}
