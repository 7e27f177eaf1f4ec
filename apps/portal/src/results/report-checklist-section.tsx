import { Checkbox, Stack, Text, Title } from '@mantine/core';
import { ENVIRONMENTAL_CHECKLIST } from '@tsumiki/domain/programmes';
import { DataTable, type DataColumn } from '@tsumiki/ui';
import { useTranslation } from 'react-i18next';
import type { ReportEditorState } from './use-report-editor';

type ChecklistItem = (typeof ENVIRONMENTAL_CHECKLIST.items)[number];

/** CLT: the environmental checklist's report phase, for each item the application said it would do (添付様式6 注2). */
export function ReportChecklistSection({
  editor,
  planned,
}: {
  editor: ReportEditorState;
  planned: Readonly<Record<string, string>>;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'ja';
  const { editable, errorAt, set } = editor;
  const done: Record<string, string> = editor.draft.checklist?.answers ?? {};
  const toggle = (no: string, checked: boolean) =>
    set('checklist', {
      answers: Object.fromEntries(
        Object.entries({ ...done, [no]: checked ? 'done' : undefined }).filter(([, v]) => v !== undefined),
      ),
    });
  const columns: DataColumn<ChecklistItem>[] = [
    { id: 'no', header: t('results.checklist.no'), rowHeader: true, cell: (item) => item.label },
    { id: 'item', header: t('results.checklist.item'), cell: (item) => item.text[lang] },
    {
      id: 'done',
      header: t('results.checklist.status'),
      cell: (item) =>
        planned[String(item.no)] === 'will_do' ? (
          <Checkbox
            label={t('results.checklist.done')}
            aria-label={`${item.label} ${t('results.checklist.done')}`}
            checked={done[String(item.no)] === 'done'}
            onChange={(e) => toggle(String(item.no), e.currentTarget.checked)}
            error={errorAt(`checklist.answers.${item.no}`)}
            disabled={!editable}
            data-testid={`checklist-done-${item.no}`}
          />
        ) : (
          <Text size="sm" c="dimmed">
            {t('results.checklist.notApplicable')}
          </Text>
        ),
    },
  ];
  return (
    <Stack component="section" aria-labelledby="report-checklist" gap="xs">
      <Title order={3} size="h4" id="report-checklist">
        {t('results.checklist.heading')}
      </Title>
      <Text size="sm">{t('results.checklist.intro')}</Text>
      <DataTable
        data={ENVIRONMENTAL_CHECKLIST.items}
        columns={columns}
        rowKey={(item) => String(item.no)}
        label={t('results.checklist.heading')}
        empty={<Text size="sm">{t('results.checklist.empty')}</Text>}
        striped={false}
      />
    </Stack>
  );
}
