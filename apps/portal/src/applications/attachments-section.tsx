import { Badge, List, Stack, Text, Title } from '@mantine/core';
import type { TProgrammeKind } from '@tsumiki/domain';
import { documentsToAttach, pageFindings, type TApplicationContent, type TProgrammeDefinition } from '@tsumiki/domain/programmes';
import { useTranslation } from 'react-i18next';
import { DataTable, type DataColumn } from '@tsumiki/ui';
import { AttachmentUpload, OTHER } from './attachment-upload';
import { fieldId, issueText, langOf } from './form-fields';

interface AttachmentRow {
  id: string;
  file_name: string;
  size_bytes: number;
  document_code: string | null;
  page_count: number | null;
}

/**
 * Attachments: the documents the call requires (003 §6.4) with how many are attached, each file attached as
 * one of them, and page-limit warnings beside the file.
 */
export function AttachmentsSection({
  applicationId,
  kind,
  rules: def,
  content,
  attachments,
  editable,
}: {
  applicationId: string;
  kind: TProgrammeKind;
  /** The rules the application computes with (its pinned version; for a draft the latest published). */
  rules: TProgrammeDefinition;
  content: TApplicationContent;
  attachments: readonly AttachmentRow[];
  editable: boolean;
}) {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  const needed = documentsToAttach(kind, def, content);
  const options = [
    ...def.requiredDocuments
      .filter((d) => d.phase === 'application' && needed.some((r) => r.document.code === d.code))
      .map((d) => ({ value: d.code, label: d.name[lang] })),
    { value: OTHER, label: t('applyDocs.documentOther') },
  ];

  return (
    <Stack component="section" aria-labelledby="section-attachments" gap="sm">
      <Title order={2} size="h3" id="section-attachments">
        {t('apply.attachments.heading')}
      </Title>
      <RequiredDocuments needed={needed} attachments={attachments} />
      <AttachedFiles def={def} attachments={attachments} />
      {editable && (
        <AttachmentUpload
          applicationId={applicationId}
          options={options}
          firstMissing={
            needed.find((r) => !attachments.some((a) => a.document_code === r.document.code))?.document.code
          }
        />
      )}
    </Stack>
  );
}

/** The documents the call requires of this application: copies asked for, attached, and whether complete. */
type Needed = ReturnType<typeof documentsToAttach>[number];

function RequiredDocuments({
  needed,
  attachments,
}: {
  needed: ReturnType<typeof documentsToAttach>;
  attachments: readonly AttachmentRow[];
}) {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  const attached = (r: Needed) => attachments.filter((a) => a.document_code === r.document.code).length;
  const state = (r: Needed) => (attached(r) >= r.copies ? 'complete' : r.status === 'omissible' ? 'omissible' : 'missing');
  const columns: DataColumn<Needed>[] = [
    {
      id: 'document',
      header: t('applyDocs.document'),
      rowHeader: true,
      cell: (r) => (
        <div>
          <Text size="sm">{r.document.name[lang]}</Text>
          {r.document.pages && (
            <Text size="xs" c="dimmed">
              {t(r.document.pages.approximate ? 'applyDocs.pageGuide' : 'applyDocs.pageLimit', { paper: r.document.pages.paper, max: r.document.pages.max })}
            </Text>
          )}
        </div>
      ),
    },
    { id: 'copies', header: t('applyDocs.copies'), align: 'right', cell: (r) => r.copies },
    { id: 'attached', header: t('applyDocs.attached'), align: 'right', cell: (r) => attached(r) },
    {
      id: 'state',
      header: t('applyDocs.state'),
      // Missing first: those stop the application being submitted.
      sortValue: (r) => ['missing', 'omissible', 'complete'].indexOf(state(r)),
      cell: (r) => (
        <Badge color={{ complete: 'teal', omissible: 'gray', missing: 'red' }[state(r)]} variant="light">
          {t(`applyDocs.${state(r)}`)}
        </Badge>
      ),
    },
  ];
  return (
    <DataTable
      data={needed}
      columns={columns}
      rowKey={(r) => r.document.code}
      rowProps={(r) => ({ id: fieldId(`documents.${r.document.code}`), tabIndex: -1, 'data-document': r.document.code })}
      label={t('applyDocs.requiredCaption')}
      caption={t('applyDocs.requiredCaption')}
      empty={<Text size="sm">{t('applyDocs.noneRequired')}</Text>}
      striped={false}
      data-testid="required-documents"
    />
  );
}

/** The files attached, each with the document it is for, its size and pages, and any page-limit warning. */
function AttachedFiles({
  def,
  attachments,
}: {
  def: TProgrammeDefinition;
  attachments: readonly AttachmentRow[];
}) {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  const documentName = (code: string | null) =>
    def.requiredDocuments.find((d) => d.code === code)?.name[lang];
  const findings = pageFindings(
    def,
    attachments.map((a) => ({ documentCode: a.document_code, pageCount: a.page_count, fileName: a.id })),
  );
  return attachments.length === 0 ? (
    <Text size="sm" c="dimmed">
      {t('apply.attachments.none')}
    </Text>
  ) : (
    <List data-testid="attachment-list">
      {attachments.map((a) => {
        const finding = findings.find((f) => f.attachment.fileName === a.id);
        const name = documentName(a.document_code);
        return (
          <List.Item key={a.id}>
            {a.file_name}
            {name && t('applyDocs.forDocument', { document: name })}{' '}
            <Text span size="xs" c="dimmed">
              {t('apply.attachments.size', { size: Math.ceil(a.size_bytes / 1024) })}
              {a.page_count !== null && ` · ${t('applyDocs.pages', { pages: a.page_count })}`}
            </Text>
            {finding && (
              <Text
                size="sm"
                c={finding.reason.level === 'error' ? 'red' : 'orange'}
                data-testid="page-warning"
                role="note"
              >
                {issueText(t, finding.reason)}
              </Text>
            )}
          </List.Item>
        );
      })}
    </List>
  );
}
