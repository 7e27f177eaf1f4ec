import { Alert, Button, FileInput, Group } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { errorText, isAttachmentType, readFileBase64, useChosenFile, useTRPC } from '@tsumiki/ui';
import { useTranslation } from 'react-i18next';

export interface UploadedFile {
  id: string;
  fileName: string;
}

/** One file for an answer or a cost line's evidence: checked here for a quick answer, and by the API on the bytes. */
export function EvidenceUpload({ applicationId, label, onUploaded, testId }: { applicationId: string; label?: string; onUploaded: (file: UploadedFile) => void; testId?: string }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const upload = useMutation(trpc.lifecycle.upload.mutationOptions());
  const { file, error: localError, choose: chooseFile, clear } = useChosenFile();
  const choose = (chosen: File | null) => {
    upload.reset();
    chooseFile(chosen);
  };
  const send = async () => {
    if (!file || !isAttachmentType(file.type)) return;
    const stored = await upload.mutateAsync({ applicationId, fileName: file.name, declaredType: file.type, contentBase64: await readFileBase64(file) }).catch(() => null);
    if (!stored) return;
    clear();
    onUploaded({ id: stored.id, fileName: stored.fileName });
  };
  return (
    <Group align="flex-end" gap="xs" wrap="wrap">
      <FileInput
        label={label ?? t('lifecycle.upload.file')}
        description={t('lifecycle.upload.limit')}
        value={file}
        onChange={choose}
        clearable
        w={300}
        size="xs"
        data-testid={testId}
        error={localError}
      />
      <Button size="xs" variant="light" onClick={() => void send()} disabled={!file || localError !== null} loading={upload.isPending}>
        {t('lifecycle.upload.button')}
      </Button>
      {upload.isError && (
        <Alert color="red" role="alert" py={4}>
          {errorText(t, upload.error)}
        </Alert>
      )}
    </Group>
  );
}
