import { Alert, Button, Stack } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { errorText, saveFile, useTRPC } from '@tsumiki/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Downloads the application as a PDF laid out like the official forms (a submitted version, or the draft). */
export function PdfButton({ applicationId, versionNo, variant = 'default' }: { applicationId: string; versionNo?: number; variant?: 'default' | 'light' }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const download = async () => {
    setBusy(true);
    setError(null);
    try {
      const input = versionNo === undefined ? { id: applicationId } : { id: applicationId, versionNo };
      saveFile(await queryClient.fetchQuery(trpc.applications.pdf.queryOptions(input, { staleTime: 0 })));
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Stack gap={4}>
      <Button variant={variant} size="xs" loading={busy} onClick={() => void download()} data-testid="pdf-download">
        {t(versionNo === undefined ? 'applyDocs.pdfDraft' : 'applyDocs.pdf')}
      </Button>
      {error !== null && (
        <Alert color="red" role="alert">
          {errorText(t, error)}
        </Alert>
      )}
    </Stack>
  );
}
