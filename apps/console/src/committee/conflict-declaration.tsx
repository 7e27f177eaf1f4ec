import { Alert, Button, Card, Checkbox, Group, Radio, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { CONFLICT_KINDS, ZConflictForm } from '@tsumiki/domain/review';
import { ConfirmButton, errorText, useDomainForm, useTRPC } from '@tsumiki/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The declaration form: before opening (`later` false), or on an opened proposal when the member
 * learns of a conflict afterwards (`later` true: at least one kind). 該当なし is a choice of its own:
 * nothing ticked is no answer. A declared conflict cannot be withdrawn, so it is confirmed first;
 * it drops what the browser holds of the proposal, and the API refuses it from then on.
 */
export function ConflictDeclaration({ applicationId, title, later = false }: { applicationId: string; title: string; later?: boolean }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const form = useDomainForm(ZConflictForm, { initialValues: { answer: later ? 'some' : null, kinds: [], note: '' } });
  const declare = useMutation(
    trpc.review.declareConflict.mutationOptions({
      onSuccess: async (result) => {
        if (result.conflicted) {
          queryClient.removeQueries({ queryKey: trpc.review.open.queryKey({ applicationId }) });
          queryClient.removeQueries({ queryKey: trpc.review.sheet.queryKey({ applicationId }) });
        }
        await queryClient.invalidateQueries(trpc.review.pathFilter());
      },
    }),
  );
  if (declare.data?.conflicted) return <Alert data-testid="conflict-declared">{t('conflict.declared')}</Alert>;
  const { answer, kinds } = form.getValues();
  const unanswered = form.errorText('answer');
  const submit = form.onSubmit((declaration) => declare.mutate({ applicationId, ...declaration }));
  return (
    <Card withBorder data-testid="conflict-form">
      <Title order={2}>{t(later ? 'conflict.laterTitle' : 'conflict.title')}</Title>
      <Text my="sm">{t(later ? 'conflict.laterIntro' : 'conflict.intro', { title })}</Text>
      {!later && (
        <Radio.Group label={t('conflict.answer')} value={answer} onChange={(v) => form.setFieldValue('answer', v === 'none' ? 'none' : 'some')} withAsterisk>
          <Stack gap="xs" mt="xs">
            <Radio value="none" label={t('conflict.none')} data-testid="conflict-none" />
            <Radio value="some" label={t('conflict.some')} data-testid="conflict-some" />
          </Stack>
        </Radio.Group>
      )}
      {answer === 'some' && (
        <Checkbox.Group label={t('conflict.kindsLabel')} value={kinds} onChange={(v) => form.setFieldValue('kinds', CONFLICT_KINDS.filter((k) => v.includes(k)))} mt="sm" ml={later ? 0 : 'lg'}>
          <Stack gap="xs" mt="xs">
            {CONFLICT_KINDS.map((k) => (
              <Checkbox key={k} value={k} label={t(`conflict.kinds.${k}`)} data-testid={`conflict-${k}`} />
            ))}
          </Stack>
        </Checkbox.Group>
      )}
      {answer === 'some' && <TextInput mt="sm" label={t('conflict.note')} maxLength={500} {...form.getInputProps('note')} />}
      {unanswered && <Alert color="red" role="alert" mt="sm" data-testid="conflict-unanswered">{unanswered}</Alert>}
      {declare.error && <Alert color="red" role="alert" mt="sm">{errorText(t, declare.error)}</Alert>}
      <Group mt="md">
        <ConfirmButton
          loading={declare.isPending}
          color={answer === 'some' ? 'red' : undefined}
          data-testid="conflict-declare"
          // Only a complete conflict answer asks again; an incomplete one is answered with the reason instead.
          confirm={answer === 'some' && kinds.length > 0}
          title={t('conflict.confirmTitle')}
          message={t('conflict.confirmMessage')}
          confirmLabel={t('conflict.confirmYes')}
          onConfirm={() => submit()}
        >
          {t('conflict.declare')}
        </ConfirmButton>
      </Group>
    </Card>
  );
}

/** The way to declare a conflict on an opened proposal, folded until the member asks for it. */
export function LaterDeclaration({ applicationId, title }: { applicationId: string; title: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  if (open) return <ConflictDeclaration applicationId={applicationId} title={title} later />;
  return (
    <Group>
      <Button variant="subtle" color="red" onClick={() => setOpen(true)} data-testid="conflict-later">{t('conflict.later')}</Button>
    </Group>
  );
}
