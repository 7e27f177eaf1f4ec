import { Anchor, Button, Card, Group, Image, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

export interface AttachmentItem {
  id: string;
  fileName: string;
  /** The declared type; the server decides on the sniffed one and refuses anything else. */
  type: string;
  sizeBytes: number;
}

const kindOf = (type: string): 'pdf' | 'image' | null => (type === 'application/pdf' ? 'pdf' : type === 'image/png' || type === 'image/jpeg' ? 'image' : null);
export const previewUrl = (id: string) => `/files/attachments/${id}`;

/**
 * The application's attachments, each previewable in the page: a PDF in a frame, an image inline.
 * The file comes from the API with the same access check as the application (a conflicted
 * member gets a refusal, never the file).
 */
export function AttachmentList({ attachments, emptyText, title }: { attachments: AttachmentItem[]; emptyText: string; title: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<string | null>(null);
  return (
    <Card withBorder data-testid="attachments">
      <Title order={2}>{title}</Title>
      {attachments.length === 0 && <Text c="dimmed">{emptyText}</Text>}
      <Stack gap="sm" mt="xs">
        {attachments.map((a) => {
          const kind = kindOf(a.type);
          const shown = open === a.id;
          return (
            <Stack key={a.id} gap={4}>
              <Group gap="sm">
                <Text>{a.fileName} ({a.sizeBytes.toLocaleString()} B)</Text>
                {kind ? (
                  <>
                    <Button size="xs" variant="light" aria-expanded={shown} onClick={() => setOpen(shown ? null : a.id)} data-testid={`preview-${a.id}`}>
                      {t(shown ? 'attachmentPreview.hide' : 'attachmentPreview.show', { name: a.fileName })}
                    </Button>
                    <Anchor href={previewUrl(a.id)} target="_blank" rel="noopener" size="sm">{t('attachmentPreview.open')}</Anchor>
                  </>
                ) : (
                  <Text size="sm" c="dimmed">{t('attachmentPreview.notPreviewable')}</Text>
                )}
              </Group>
              {shown && kind === 'pdf' && (
                <iframe src={previewUrl(a.id)} title={t('attachmentPreview.frameTitle', { name: a.fileName })} style={{ width: '100%', height: 640, border: '1px solid var(--mantine-color-gray-4)' }} data-testid="attachment-frame" />
              )}
              {shown && kind === 'image' && <Image src={previewUrl(a.id)} alt={a.fileName} maw={900} fit="contain" data-testid="attachment-image" />}
            </Stack>
          );
        })}
      </Stack>
    </Card>
  );
}
