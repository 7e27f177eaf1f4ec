import { Alert, Button, FileInput, Group, Select } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { errorText, isAttachmentType, readFileBase64, useChosenFile, useTRPC } from '@tsumiki/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** The choice for a file that is none of the required documents. */
export const OTHER = 'other';

/**
 * Attaching one file as one of the documents the call requires (or as another document). The type
 * and size are checked here for a quick answer, and again by the API on the bytes.
 */
export function AttachmentUpload({
  applicationId,
  options,
  firstMissing,
}: {
  applicationId: string;
  options: readonly { value: string; label: string }[];
  /** The first required document with nothing attached yet, offered first. */
  firstMissing: string | undefined;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { file, error: localError, choose: chooseFile, clear } = useChosenFile();
  const [documentCode, setDocumentCode] = useState<string>(firstMissing ?? OTHER);
  const upload = useMutation(
    trpc.attachments.upload.mutationOptions({
      onSuccess: async () => {
        clear();
        await queryClient.invalidateQueries({
          queryKey: trpc.applications.get.queryKey({ id: applicationId }),
        });
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
  return (
    <>
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
        <Button
          onClick={() => void send()}
          disabled={!file || localError !== null}
          loading={upload.isPending}
        >
          {t('apply.attachments.upload')}
        </Button>
      </Group>
      {upload.isError && (
        <Alert color="red" role="alert">
          {errorText(t, upload.error)}
        </Alert>
      )}
    </>
  );
}
