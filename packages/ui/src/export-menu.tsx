import { Alert, Button, Group } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { errorText } from './errors';
import { saveFile, type DownloadableFile } from './files';

export type ExportFormat = 'csv' | 'xlsx';

/**
 * CSV, Excel and print, the same three everywhere a page holds figures people take elsewhere.
 * Printing uses the browser's dialog (which also saves as PDF) with the print stylesheet.
 */
export function ExportMenu({ onExport, testId = 'export' }: { onExport: (format: ExportFormat) => Promise<DownloadableFile>; testId?: string }) {
  const { t } = useTranslation();
  const download = useMutation({ mutationFn: onExport, onSuccess: saveFile });
  return (
    <Group gap="xs" className="tsumiki-no-print" data-testid={testId}>
      <Button variant="default" size="xs" loading={download.isPending && download.variables === 'csv'} onClick={() => download.mutate('csv')} data-testid={`${testId}-csv`}>
        {t('export.csv')}
      </Button>
      <Button variant="default" size="xs" loading={download.isPending && download.variables === 'xlsx'} onClick={() => download.mutate('xlsx')} data-testid={`${testId}-xlsx`}>
        {t('export.xlsx')}
      </Button>
      <Button variant="default" size="xs" onClick={() => window.print()} data-testid={`${testId}-print`}>
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
