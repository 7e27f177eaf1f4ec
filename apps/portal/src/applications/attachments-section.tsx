import { Alert, Badge, Button, FileInput, Group, List, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TProgrammeKind } from '@tsumiki/domain';
import { BUILTIN_PROGRAMMES, documentsToAttach, pageFindings, type TApplicationContent } from '@tsumiki/domain/programmes';
import { errorText, isAttachmentType, readFileBase64, useChosenFile, useTRPC } from '@tsumiki/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldId, issueText, langOf } from './form-fields';

const OTHER = 'other';

interface AttachmentRow {
  id: string;
  file_name: string;
  size_bytes: number;
  document_code: string | null;
  page_count: number | null;
}

/**
 * Attachments: the documents the call requires (003 §6.4) with how many are attached, each file
 * attached as one of them, and page-limit warnings beside the file. Type and size are checked here
 * for a quick answer, and again by the API on the bytes.
 */
export function AttachmentsSection({
  applicationId,
  kind,
  content,
  attachments,
  editable,
}: {
  applicationId: string;
  kind: TProgrammeKind;
  content: TApplicationContent;
  attachments: readonly AttachmentRow[];
  editable: boolean;
}) {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const def = BUILTIN_PROGRAMMES[kind];
  const needed = documentsToAttach(kind, def, content);
  const { file, error: localError, choose: chooseFile, clear } = useChosenFile();
  const [documentCode, setDocumentCode] = useState<string>(needed.find((r) => !attachments.some((a) => a.document_code === r.document.code))?.document.code ?? OTHER);
  const upload = useMutation(
    trpc.attachments.upload.mutationOptions({
      onSuccess: async () => {
        clear();
        await queryClient.invalidateQueries({ queryKey: trpc.applications.get.queryKey({ id: applicationId }) });
      },
    }),
  );
  const choose = (chosen: File | null) => {
    upload.reset();
    chooseFile(chosen);
  };
  const send = async () => {
    if (!file || !isAttachmentType(file.type)) return;
    upload.mutate({
      applicationId,
      fileName: file.name,
      declaredType: file.type,
      contentBase64: await readFileBase64(file),
      ...(documentCode !== OTHER ? { documentCode } : {}),
    });
  };
  const documentName = (code: string | null) => def.requiredDocuments.find((d) => d.code === code)?.name[lang];
  const findings = pageFindings(
    def,
    attachments.map((a) => ({ documentCode: a.document_code, pageCount: a.page_count, fileName: a.id })),
  );
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
              <Table.Tr key={r.document.code} id={fieldId(`documents.${r.document.code}`)} tabIndex={-1} data-document={r.document.code}>
                <Table.Td>
                  <Text size="sm">{r.document.name[lang]}</Text>
                  {limit && (
                    <Text size="xs" c="dimmed">
                      {t(limit.approximate ? 'applyDocs.pageGuide' : 'applyDocs.pageLimit', { paper: limit.paper, max: limit.max })}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{r.copies}</Table.Td>
                <Table.Td>{count}</Table.Td>
                <Table.Td>
                  <Badge color={complete ? 'teal' : r.status === 'omissible' ? 'gray' : 'red'} variant="light">
                    {complete ? t('applyDocs.complete') : r.status === 'omissible' ? t('applyDocs.omissible') : t('applyDocs.missing')}
                  </Badge>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      {attachments.length === 0 ? (
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
                  <Text size="sm" c={finding.reason.level === 'error' ? 'red' : 'orange'} data-testid="page-warning" role="note">
                    {issueText(t, finding.reason)}
                  </Text>
                )}
              </List.Item>
            );
          })}
        </List>
      )}
      {editable && (
        <Group align="flex-end">
          <Select
            label={t('applyDocs.documentSelect')}
            data={options}
            value={documentCode}
            onChange={(v) => setDocumentCode(v ?? OTHER)}
            allowDeselect={false}
            w={360}
            data-testid="attachment-document"
          />
          <FileInput
            label={t('apply.attachments.file')}
            description={t('apply.attachments.limit')}
            value={file}
            onChange={choose}
            clearable
            w={300}
            data-testid="attachment-input"
            error={localError}
          />
          <Button onClick={() => void send()} disabled={!file || localError !== null} loading={upload.isPending}>
            {t('apply.attachments.upload')}
          </Button>
        </Group>
      )}
      {upload.isError && (
        <Alert color="red" role="alert">
          {errorText(t, upload.error)}
        </Alert>
      )}
    </Stack>
  );
}
