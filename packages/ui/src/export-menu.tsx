import { Alert, Button, Group } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { errorText } from './errors';
import { saveFile, type DownloadableFile } from './files';

export type ExportFormat = 'csv' | 'xlsx' | 'pdf';

/**
 * CSV, Excel and print, the same three everywhere a page holds figures people take elsewhere.
 * Printing uses the browser's dialog with the print stylesheet; pages whose content is an official form
 * also offer a PDF file laid out by the API (`formats` includes 'pdf'), which reads the same on every machine.
 */
export function ExportMenu<F extends ExportFormat = 'csv' | 'xlsx'>({
  onExport,
  testId = 'export',
  formats = ['csv', 'xlsx'] as readonly ExportFormat[] as readonly F[],
  disabled = false,
}: {
  /** Called only with one of `formats`, so a page without a PDF layout never has to handle 'pdf'. */
  onExport: (format: F) => Promise<DownloadableFile>;
  testId?: string;
  formats?: readonly F[];
  /** Nothing to take elsewhere (an empty list): the page says why beside its table. */
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  const download = useMutation({ mutationFn: onExport, onSuccess: saveFile });
  return (
    <Group gap="xs" className="tsumiki-no-print" data-testid={testId}>
      {formats.map((format) => (
        <Button key={format} variant="default" size="xs" loading={download.isPending && download.variables === format} disabled={disabled} onClick={() => download.mutate(format)} data-testid={`${testId}-${format}`}>
          {t(`export.${format}`)}
        </Button>
      ))}
      <Button variant="default" size="xs" disabled={disabled} onClick={() => window.print()} data-testid={`${testId}-print`}>
        {t('export.print')}
      </Button>
      {download.error && (
        <Alert color="red" role="alert" py={4}>
          {errorText(t, download.error)}
        </Alert>
      )}
    </Group>
  );
}
