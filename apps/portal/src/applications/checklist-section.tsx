import { Checkbox, Group, Radio, Stack, Text, Title } from '@mantine/core';
import { ENVIRONMENTAL_CHECKLIST, valueAtPath, type FormIssue, type TApplicationContent } from '@tsumiki/domain/programmes';
import { DataTable, type DataColumn } from '@tsumiki/ui';
import { useTranslation } from 'react-i18next';
import { fieldId, issueText, langOf } from './form-fields';

type ChecklistItem = (typeof ENVIRONMENTAL_CHECKLIST.items)[number];

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
  const columns: DataColumn<ChecklistItem>[] = [
    { id: 'no', header: t('apply.checklist.no'), rowHeader: true, cell: (item) => item.label },
    {
      id: 'item',
      header: t('apply.checklist.item'),
      cell: (item) => {
        const issue = issues.find((i) => i.path === `checklist.answers.${item.no}`);
        return (
          <>
            <Text size="sm">
              {item.text[lang]}
              {item.onlyIf !== null && ' ※'}
            </Text>
            {issue && showErrors && (
              <Text size="xs" c="red">
                {issueText(t, issue)}
              </Text>
            )}
          </>
        );
      },
    },
    {
      id: 'answer',
      header: t('apply.checklist.answer'),
      cell: (item) => {
        const path = `checklist.answers.${item.no}`;
        const value = valueAtPath(content, path);
        return (
          <Radio.Group id={fieldId(path)} aria-label={`${item.label} ${item.text[lang]}`} value={typeof value === 'string' ? value : null} onChange={(v) => onChange(path, v)}>
            <Group gap="sm" wrap="nowrap">
              <Radio value="will_do" label={t('apply.checklist.will_do')} />
              {item.onlyIf !== null && <Radio value="not_applicable" label={t('apply.checklist.not_applicable')} />}
            </Group>
          </Radio.Group>
        );
      },
    },
  ];
  return (
    <Stack component="section" aria-labelledby="section-checklist" gap="sm">
      <Title order={2} size="h3" id="section-checklist">
        {t('apply.checklist.heading')}
      </Title>
      <DataTable
        data={ENVIRONMENTAL_CHECKLIST.items}
        columns={columns}
        rowKey={(item) => String(item.no)}
        label={t('apply.checklist.heading')}
        empty={<Text size="sm">{t('apply.checklist.empty')}</Text>}
        striped={false}
      />
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
