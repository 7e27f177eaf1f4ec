import { Checkbox, Group, Radio, Stack, Table, Text, Title } from '@mantine/core';
import { ENVIRONMENTAL_CHECKLIST, valueAtPath, type FormIssue, type TApplicationContent } from '@tsumiki/domain/programmes';
import { useTranslation } from 'react-i18next';
import { fieldId, issueText, langOf } from './form-fields';

/** 添付様式6 at application: every item "will do"; "not applicable" only for the ※ items. */
export function ChecklistSection({
  content,
  issues,
  showErrors,
  onChange,
}: {
  content: TApplicationContent;
  issues: readonly FormIssue[];
  showErrors: boolean;
  onChange: (path: string, value: unknown) => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  const acknowledgedIssue = issues.find((i) => i.path === 'checklist.acknowledged');
  return (
    <Stack component="section" aria-labelledby="section-checklist" gap="sm">
      <Title order={2} size="h3" id="section-checklist">
        {t('apply.checklist.heading')}
      </Title>
      <Table withTableBorder>
        <Table.Tbody>
          {ENVIRONMENTAL_CHECKLIST.items.map((item) => {
            const path = `checklist.answers.${item.no}`;
            const issue = issues.find((i) => i.path === path);
            const value = valueAtPath(content, path);
            return (
              <Table.Tr key={item.no}>
                <Table.Td w={40}>{item.label}</Table.Td>
                <Table.Td>
                  <Text size="sm">
                    {item.text[lang]}
                    {item.onlyIf !== null && ' ※'}
                  </Text>
                  {issue && showErrors && (
                    <Text size="xs" c="red">
                      {issueText(t, issue)}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td w={260}>
                  <Radio.Group id={fieldId(path)} aria-label={`${item.label} ${item.text[lang]}`} value={typeof value === 'string' ? value : null} onChange={(v) => onChange(path, v)}>
                    <Group gap="sm">
                      <Radio value="will_do" label={t('apply.checklist.will_do')} />
                      {item.onlyIf !== null && <Radio value="not_applicable" label={t('apply.checklist.not_applicable')} />}
                    </Group>
                  </Radio.Group>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      <Checkbox
        id={fieldId('checklist.acknowledged')}
        label={t('apply.checklist.acknowledged')}
        checked={valueAtPath(content, 'checklist.acknowledged') === true}
        onChange={(e) => onChange('checklist.acknowledged', e.currentTarget.checked)}
        error={acknowledgedIssue && showErrors ? issueText(t, acknowledgedIssue) : undefined}
      />
    </Stack>
  );
}
