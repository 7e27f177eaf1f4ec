import { Badge, List, Stack, Table, Text, Title } from '@mantine/core';
import type { TProgrammeKind } from '@tsumiki/domain';
import { documentsToAttach, pageFindings, type TApplicationContent, type TProgrammeDefinition } from '@tsumiki/domain/programmes';
import { useTranslation } from 'react-i18next';
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
function RequiredDocuments({
  needed,
  attachments,
}: {
  needed: ReturnType<typeof documentsToAttach>;
  attachments: readonly AttachmentRow[];
}) {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  return (
    <Table data-testid="required-documents">
      <Table.Caption>{t('applyDocs.requiredCaption')}</Table.Caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t('applyDocs.document')}</Table.Th>
          <Table.Th scope="col">{t('applyDocs.copies')}</Table.Th>
          <Table.Th scope="col">{t('applyDocs.attached')}</Table.Th>
          <Table.Th scope="col">{t('applyDocs.state')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {needed.map((r) => {
          const count = attachments.filter((a) => a.document_code === r.document.code).length;
          const complete = count >= r.copies;
          const limit = r.document.pages;
          return (
            <Table.Tr
              key={r.document.code}
              id={fieldId(`documents.${r.document.code}`)}
              tabIndex={-1}
              data-document={r.document.code}
            >
              <Table.Td>
                <Text size="sm">{r.document.name[lang]}</Text>
                {limit && (
                  <Text size="xs" c="dimmed">
                    {t(limit.approximate ? 'applyDocs.pageGuide' : 'applyDocs.pageLimit', {
                      paper: limit.paper,
                      max: limit.max,
                    })}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{r.copies}</Table.Td>
              <Table.Td>{count}</Table.Td>
              <Table.Td>
                <Badge color={complete ? 'teal' : r.status === 'omissible' ? 'gray' : 'red'} variant="light">
                  {complete
                    ? t('applyDocs.complete')
                    : r.status === 'omissible'
                      ? t('applyDocs.omissible')
                      : t('applyDocs.missing')}
                </Badge>
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
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
