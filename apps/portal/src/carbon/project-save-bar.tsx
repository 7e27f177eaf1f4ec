import { Alert, Button, Group, Text, Title } from '@mantine/core';
import { errorText } from '@tsumiki/ui';
import { useTranslation } from 'react-i18next';
import type { useProjectDraft } from './use-project-draft';

/** The project's name with Save and whether it is saved; a failed save says why, a conflict offers to reload. */
export function ProjectSaveBar({
  draft,
  onReload,
}: {
  draft: ReturnType<typeof useProjectDraft>;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const { save } = draft;
  return (
    <>
      <Group justify="space-between">
        <Title order={1}>{draft.content.name}</Title>
        <Group className="tsumiki-no-print">
          {draft.dirty && (
            <Text size="sm" c="orange">
              {t('carbon.unsaved')}
            </Text>
          )}
          {!draft.dirty && save.isSuccess && (
            <Text size="sm" role="status">
              {t('carbon.saved', { version: draft.version })}
            </Text>
          )}
          <Button onClick={draft.saveDraft} loading={save.isPending} data-testid="carbon-save">
            {t('carbon.save')}
          </Button>
        </Group>
      </Group>
      {save.isError && (
        <Alert color="red" role="alert" className="tsumiki-no-print">
          {errorText(t, save.error)}
          {draft.conflict && (
            <Button ml="sm" size="xs" variant="light" onClick={onReload}>
              {t('carbon.reload')}
            </Button>
          )}
        </Alert>
      )}
    </>
  );
}
