import { Checkbox, Group, SegmentedControl, Stack, Text, TextInput, Title } from '@mantine/core';
import { isPublishedByReport } from '@tsumiki/domain/lifecycle';
import { useTranslation } from 'react-i18next';
import type { ReportEditorState } from './use-report-editor';

type PublicationText = 'publishedOn' | 'where' | 'url' | 'factorValue' | 'expectedOn' | 'reason';

/** CO2 factors: published by the report, or developed and to be published next fiscal year (001 §2.2). */
export function ReportPublicationSection({ editor }: { editor: ReportEditorState }) {
  const { t } = useTranslation();
  const { editable, errorAt, set } = editor;
  const publication = editor.draft.publication;
  const text = (key: PublicationText) => publication?.[key] ?? '';
  const field = (key: PublicationText, extra: { type?: string; emptyIsNone?: boolean } = {}) => (
    <TextInput
      {...(extra.type ? { type: extra.type } : {})}
      label={t(`results.publication.${key}`)}
      value={text(key)}
      onChange={(e) =>
        set(
          `publication.${key}`,
          extra.emptyIsNone ? e.currentTarget.value || undefined : e.currentTarget.value,
        )
      }
      error={errorAt(`publication.${key}`)}
      disabled={!editable}
    />
  );
  return (
    <Stack component="section" aria-labelledby="report-publication" gap="xs">
      <Title order={3} size="h4" id="report-publication">
        {t('results.publication.heading')}
      </Title>
      <SegmentedControl
        aria-label={t('results.publication.status')}
        value={publication?.status ?? ''}
        onChange={(v) =>
          set(
            'publication',
            v === 'next_year' ? { status: 'next_year', developed: false } : { status: 'published' },
          )
        }
        data={[
          { value: 'published', label: t('results.publication.published') },
          { value: 'next_year', label: t('results.publication.next_year') },
        ]}
        disabled={!editable}
      />
      {errorAt('publication') && !publication?.status && (
        <Text c="red" size="sm" role="alert">
          {errorAt('publication')}
        </Text>
      )}
      {isPublishedByReport(publication) && (
        <Group grow align="flex-start">
          {field('publishedOn', { type: 'date' })}
          {field('where')}
          {field('url', { emptyIsNone: true })}
          {field('factorValue')}
        </Group>
      )}
      {publication?.status === 'next_year' && (
        <Stack gap="xs">
          <Group grow align="flex-start">
            {field('expectedOn', { type: 'date' })}
            {field('reason')}
          </Group>
          <Checkbox
            label={t('results.publication.developed')}
            checked={publication.developed === true}
            onChange={(e) => set('publication.developed', e.currentTarget.checked)}
            error={errorAt('publication.developed')}
            disabled={!editable}
          />
        </Stack>
      )}
    </Stack>
  );
}
