import { Alert, Button, Card, Group, NumberInput, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { RouterOutputs } from '@tsumiki/api';
import { transitionFormSchema, type TTransitionFormValues } from '@tsumiki/domain/review';
import { ConfirmButton, displayYen, errorText, useDomainForm, useTRPC } from '@tsumiki/ui';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';

type View = Pick<RouterOutputs['review']['open'], 'events' | 'application' | 'maximumYen'>;
type Step = View['events'][number];

const EMPTY: TTransitionFormValues = { reason: '', due: '', amount: '' };

/** The workflow steps the caller may take now; choosing one opens its form. */
export function Actions({ view }: { view: View }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language === 'en' ? 'en' : 'ja';
  const [event, setEvent] = useState<Step['event'] | null>(null);
  const spec = view.events.find((e) => e.event === event);
  return (
    <Card withBorder data-testid="actions">
      <Title order={2}>{t('app.actions')}</Title>
      {view.events.length === 0 && <Text c="dimmed">{t('app.noActions')}</Text>}
      <Group my="sm">
        {view.events.map((e) => (
          <Button key={e.event} variant={event === e.event ? 'filled' : 'light'} onClick={() => setEvent(e.event)} data-testid={`event-${e.event}`}>
            {e.label[locale]}
          </Button>
        ))}
      </Group>
      {/* One form per step: what was typed for another step is not carried over. */}
      {spec && <StepForm key={spec.event} view={view} spec={spec} onDone={() => setEvent(null)} />}
    </Card>
  );
}

/** One step's reason, deadline (JST) and amount, checked as typed by the step's rule in the domain. */
function StepForm({ view, spec, onDone }: { view: View; spec: Step; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language === 'en' ? 'en' : 'ja';
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  // The maximum the API holds a grant decision to, so an amount over it is named as it is typed.
  const schema = useMemo(() => transitionFormSchema(spec, view.maximumYen), [spec, view.maximumYen]);
  const form = useDomainForm(schema, { initialValues: EMPTY });
  const run = useMutation(
    trpc.review.transition.mutationOptions({
      onSuccess: async () => {
        onDone();
        await queryClient.invalidateQueries({ queryKey: trpc.review.open.queryKey({ applicationId: view.application.id }) });
      },
    }),
  );
  const submit = form.onSubmit((inputs) => run.mutate({ applicationId: view.application.id, version: view.application.version, event: spec.event, ...inputs }));
  return (
    <Stack gap="xs">
      {spec.inputs.reason !== 'none' && <Textarea label={t('app.reason')} withAsterisk={spec.inputs.reason === 'required'} maxLength={2000} {...form.getInputProps('reason')} data-testid="input-reason" />}
      {spec.inputs.dueAt === 'required' && <TextInput type="datetime-local" label={t('app.due')} withAsterisk {...form.getInputProps('due')} data-testid="input-due" />}
      {spec.inputs.amount !== 'none' && spec.event !== 'fix_amount' && (
        <NumberInput
          label={t('app.amount')}
          withAsterisk
          description={view.maximumYen !== null ? t('app.amountHint', { maximum: displayYen(view.maximumYen, locale) }) : undefined}
          min={0}
          max={view.maximumYen ?? undefined}
          // Never change a typed amount silently: one yen over the maximum is refused, with the reason.
          clampBehavior="none"
          allowDecimal={false}
          thousandSeparator=","
          {...form.getInputProps('amount')}
          data-testid="input-amount"
        />
      )}
      {run.error && <Alert color="red" role="alert">{errorText(t, run.error)}</Alert>}
      <ConfirmButton
        loading={run.isPending}
        data-testid="run-event"
        // A step the applicant is told of, or that decides money, is asked once more before it runs;
        // one whose inputs are refused is not asked, it shows the reasons instead.
        confirm={spec.final && form.isValid()}
        title={t('app.confirmTitle', { step: spec.label[locale] })}
        message={t('app.confirmMessage', { step: spec.label[locale], title: view.application.title })}
        confirmLabel={spec.label[locale]}
        onConfirm={() => submit()}
      >
        {t('app.run')}: {spec.label[locale]}
      </ConfirmButton>
    </Stack>
  );
}
