import { Alert, Button, FileInput, Group, List, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ATTACHMENT_MAX_BYTES, ATTACHMENT_TYPES, type TAttachmentType } from '@tsumiki/domain';
import { errorText, readFileBase64, useTRPC } from '@tsumiki/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

const isAttachmentType = (type: string): type is TAttachmentType => Object.hasOwn(ATTACHMENT_TYPES, type);

/** Attachments: type and size checked here for a quick answer, and again by the API on the bytes. */
export function AttachmentsSection({
  applicationId,
  attachments,
  editable,
}: {
  applicationId: string;
  attachments: readonly { id: string; file_name: string; size_bytes: number }[];
  editable: boolean;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [localError, setLocalError] = useState<string | null>(null);
  const upload = useMutation(
    trpc.attachments.upload.mutationOptions({
      onSuccess: async () => {
        setFile(null);
        await queryClient.invalidateQueries({ queryKey: trpc.applications.get.queryKey({ id: applicationId }) });
      },
    }),
  );
  const choose = (chosen: File | null) => {
    upload.reset();
    setFile(chosen);
    if (!chosen) return setLocalError(null);
    if (chosen.size > ATTACHMENT_MAX_BYTES) return setLocalError(t('attachment.too_large', { ns: 'errors', keySeparator: false }));
    if (!isAttachmentType(chosen.type)) return setLocalError(t('attachment.type_not_allowed', { ns: 'errors', keySeparator: false }));
    setLocalError(null);
  };
  const send = async () => {
    if (!file || !isAttachmentType(file.type)) return;
    upload.mutate({ applicationId, fileName: file.name, declaredType: file.type, contentBase64: await readFileBase64(file) });
  };
  return (
    <Stack component="section" aria-labelledby="section-attachments" gap="sm">
      <Title order={2} size="h3" id="section-attachments">
        {t('apply.attachments.heading')}
      </Title>
      {attachments.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('apply.attachments.none')}
        </Text>
      ) : (
        <List data-testid="attachment-list">
          {attachments.map((a) => (
            <List.Item key={a.id}>
              {a.file_name}{' '}
              <Text span size="xs" c="dimmed">
                {t('apply.attachments.size', { size: Math.ceil(a.size_bytes / 1024) })}
              </Text>
            </List.Item>
          ))}
        </List>
      )}
      {editable && (
        <Group align="flex-end">
          <FileInput
            label={t('apply.attachments.file')}
            description={t('apply.attachments.limit')}
            value={file}
            onChange={choose}
            clearable
            w={360}
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
