import { ActionIcon, Alert, Button, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ZSavedView, type TQueueFilters } from '@tsumiki/domain/review';
import { errorText, useDomainForm, useTRPC } from '@tsumiki/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The caller's saved views of the review queue (kept on the server, per user), each with its
 * count; choosing one applies its filters, sort and search to the queue.
 */
export function SavedViews({ current, onApply }: { current: TQueueFilters; onApply: (filters: TQueueFilters) => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const views = useQuery(trpc.review.views.queryOptions());
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.review.views.queryKey() });
  const [naming, setNaming] = useState(false);
  const form = useDomainForm(ZSavedView, { initialValues: { name: '', filters: current } });
  const save = useMutation(trpc.review.saveView.mutationOptions({ onSuccess: async () => { setNaming(false); form.reset(); await refresh(); } }));
  const update = useMutation(trpc.review.updateView.mutationOptions({ onSuccess: refresh }));
  const remove = useMutation(trpc.review.deleteView.mutationOptions({ onSuccess: refresh }));
  const error = save.error ?? update.error ?? remove.error;
  return (
    <Stack gap="xs" data-testid="saved-views" aria-labelledby="saved-views-title">
      <Title order={2} size="h5" id="saved-views-title">{t('views.title')}</Title>
      {views.data?.length === 0 && <Text size="sm" c="dimmed">{t('views.none')}</Text>}
      <Group gap="xs">
        {(views.data ?? []).map((v) => (
          <Group key={v.id} gap={2} wrap="nowrap">
            <Button size="xs" variant="light" onClick={() => onApply(v.filters)} data-testid="saved-view">{t('views.apply', { name: v.name, count: v.count })}</Button>
            <ActionIcon size="sm" variant="subtle" aria-label={t('views.updateLabel', { name: v.name })} onClick={() => update.mutate({ id: v.id, version: v.version, name: v.name, filters: current })}>↻</ActionIcon>
            <ActionIcon size="sm" variant="subtle" color="red" aria-label={t('views.deleteLabel', { name: v.name })} onClick={() => remove.mutate({ id: v.id })}>×</ActionIcon>
          </Group>
        ))}
        {!naming && <Button size="xs" variant="subtle" onClick={() => setNaming(true)} data-testid="save-view">{t('views.saveCurrent')}</Button>}
      </Group>
      {naming && (
        // The filters saved are those on screen when the name is sent, not when naming began.
        <form noValidate onSubmit={form.onSubmit(({ name }) => save.mutate({ name, filters: current }))}>
          <Group align="end" gap="xs">
            <TextInput
              size="xs"
              label={t('views.name')}
              {...form.getInputProps('name')}
              data-testid="view-name"
              autoFocus
            />
            <Button size="xs" type="submit" loading={save.isPending} data-testid="view-save">{t('views.save')}</Button>
            <Button size="xs" variant="default" onClick={() => setNaming(false)}>{t('views.cancel')}</Button>
          </Group>
        </form>
      )}
      {error && <Alert color="red" role="alert">{errorText(t, error)}</Alert>}
    </Stack>
  );
}
